-- Primary keys, unique, check, exclusion and foreign-key constraints of every table.
-- Column lists are attribute numbers, as text: '{1,2}'.
SELECT co.oid::bigint AS oid,
       co.conrelid::bigint AS relation_oid,
       co.conname AS name,
       co.contype::text AS type,
       co.conkey::text AS columns,
       co.confrelid::bigint AS referenced_oid,
       co.confkey::text AS referenced_columns,
       co.confupdtype::text AS on_update,
       co.confdeltype::text AS on_delete,
       co.condeferrable AS deferrable,
       co.convalidated AS validated,
       pg_get_constraintdef(co.oid) AS definition
  FROM pg_constraint co
  JOIN pg_class c ON c.oid = co.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE co.contype IN ('p', 'u', 'c', 'f', 'x')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\_toast%'
   AND n.nspname NOT LIKE 'pg\_temp\_%'
 ORDER BY co.conrelid, co.conname
