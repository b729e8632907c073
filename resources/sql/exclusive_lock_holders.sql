-- Who holds ACCESS EXCLUSIVE locks on relations of this database, on what, and for how long their
-- transaction has been open: what a read of the catalog waits behind (a view's definition is
-- read under a lock on the tables it reads).
SELECT l.relation::regclass::text, a.pid, coalesce(a.usename, '?'), coalesce(a.application_name, ''),
       coalesce(a.state, ''), coalesce(extract(epoch FROM now() - a.xact_start)::bigint, 0)
  FROM pg_locks l
  JOIN pg_stat_activity a ON a.pid = l.pid
 WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock' AND l.granted
   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
   AND a.pid <> pg_backend_pid()
 ORDER BY a.xact_start, 1
