-- Gives back a session advisory lock on a bigint key.
SELECT pg_advisory_unlock(?)
