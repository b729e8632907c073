-- The server process of this connection, which a cancel of its job aims at.
SELECT pg_backend_pid()
