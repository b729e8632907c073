-- Cancels the statement a server process is running (the process and its connection stay).
SELECT pg_cancel_backend(?)
