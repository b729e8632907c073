-- While a statement runs or waits for a lock, the server checks every second that this client is
-- still there, and ends the statement when it is gone (PostgreSQL 14 and later; nothing before):
-- a statement of a killed client never goes on to run when the lock it waited for is free.
SELECT set_config('client_connection_check_interval', '1s', false)
WHERE current_setting('server_version_num')::integer >= 140000
