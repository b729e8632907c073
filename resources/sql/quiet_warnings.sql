-- Only errors reach this connection: a control connection's cancel of a backend that ended a
-- moment ago draws a WARNING that is no news.
SELECT set_config('client_min_messages', 'error', false)
