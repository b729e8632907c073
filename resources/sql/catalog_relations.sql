-- Tables, partitioned tables and their partitions, views, materialized views and foreign tables.
-- A relation that someone holds or awaits an ACCESS EXCLUSIVE lock on (a long ALTER TABLE, say)
-- is not sized: pg_total_relation_size would queue behind that lock. Its size reads as -1.
SELECT c.oid::bigint AS oid,
       c.relnamespace::bigint AS schema_oid,
       c.relname AS name,
       c.relkind::text AS kind,
       coalesce(inh.inhparent, 0)::bigint AS partition_parent_oid,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       c.reltuples::bigint AS row_estimate,
       CASE WHEN locked.relation IS NOT NULL THEN -1
            WHEN c.relkind IN ('r', 'p', 'm') THEN pg_total_relation_size(c.oid)
            ELSE 0 END AS total_bytes,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS view_definition,
       d.description AS comment,
       pg_get_userbyid(c.relowner) AS owner
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_inherits inh ON inh.inhrelid = c.oid AND c.relispartition
  LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
  LEFT JOIN (SELECT DISTINCT relation
               FROM pg_locks
              WHERE locktype = 'relation' AND mode = 'AccessExclusiveLock'
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) locked
         ON locked.relation = c.oid
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\_toast%'
   AND n.nspname NOT LIKE 'pg\_temp\_%'
 ORDER BY n.nspname, c.relname
