-- Takes a session advisory lock on a bigint key, if nobody holds it; true when taken.
SELECT pg_try_advisory_lock(?)
