-- Ends every session of one application name (the pg_dump of a backup that failed, and its jobs).
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?
