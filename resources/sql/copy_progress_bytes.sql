-- The bytes the COPY commands of one application name have processed so far (pg_dump).
SELECT coalesce(sum(c.bytes_processed), 0)
  FROM pg_stat_progress_copy c
  JOIN pg_stat_activity a USING (pid)
 WHERE a.application_name = ?
