-- Who holds a session advisory lock on a bigint key (classid = high 32 bits, objid = low 32 bits).
SELECT a.pid, coalesce(a.usename, '?'), coalesce(a.application_name, ''), coalesce(a.client_addr::text, 'local'),
       coalesce(a.state, ''), coalesce(extract(epoch FROM now() - a.backend_start)::bigint, 0)
  FROM pg_locks l
  JOIN pg_stat_activity a ON a.pid = l.pid
 WHERE l.locktype = 'advisory' AND l.granted
   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
   AND l.classid = ?::bigint::oid AND l.objid = ?::bigint::oid AND l.objsubid = 1
