-- Ends every session connected to a database (a restore moving the replaced one aside).
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?
