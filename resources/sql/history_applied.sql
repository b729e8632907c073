-- The migrations the history records for one pack, oldest first.
SELECT version, name, checksum, applied_at::text, applied_by, duration_ms, how
  FROM nrdb.schema_history
 WHERE pack = ?
 ORDER BY version
