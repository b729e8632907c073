-- Sequences, and the column that owns each (serial and identity columns).
SELECT c.oid::bigint AS oid,
       c.relnamespace::bigint AS schema_oid,
       c.relname AS name,
       format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart AS start_value,
       s.seqincrement AS increment,
       s.seqmin AS min_value,
       s.seqmax AS max_value,
       s.seqcycle AS cycles,
       coalesce(dep.refobjid, 0)::bigint AS owner_relation_oid,
       coalesce(dep.refobjsubid, 0)::int AS owner_column
  FROM pg_sequence s
  JOIN pg_class c ON c.oid = s.seqrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_depend dep ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid
                         AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\_toast%'
   AND n.nspname NOT LIKE 'pg\_temp\_%'
 ORDER BY n.nspname, c.relname
