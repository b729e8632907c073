-- The strongest lock this session holds on each table, view, sequence or type outside the system
-- schemas, strongest first: what a statement of a migration script took, read inside its
-- transaction before it commits. Indexes and TOAST tables go with their tables.
SELECT mode, nspname, name
FROM (SELECT DISTINCT ON (l.classid, l.objid, c.oid) l.mode, n.nspname, coalesce(c.relname, t.typname) AS name,
             CASE l.mode
                 WHEN 'AccessExclusiveLock' THEN 1
                 WHEN 'ExclusiveLock' THEN 2
                 WHEN 'ShareRowExclusiveLock' THEN 3
                 WHEN 'ShareLock' THEN 4
                 WHEN 'ShareUpdateExclusiveLock' THEN 5
                 WHEN 'RowExclusiveLock' THEN 6
                 WHEN 'RowShareLock' THEN 7
                 ELSE 8
             END AS strength
      FROM pg_locks l
      LEFT JOIN pg_class c ON l.locktype = 'relation' AND c.oid = l.relation
      LEFT JOIN pg_type t ON l.locktype = 'object' AND l.classid = 'pg_type'::regclass AND t.oid = l.objid
      JOIN pg_namespace n ON n.oid = coalesce(c.relnamespace, t.typnamespace)
      WHERE l.pid = pg_backend_pid()
        AND l.granted
        AND (c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') OR t.oid IS NOT NULL)
        AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      ORDER BY l.classid, l.objid, c.oid, strength) AS held
ORDER BY strength, nspname, name
