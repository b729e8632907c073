-- Indexes of every table, with their key columns as attribute numbers ('1 2'; 0 for an expression).
-- pg_get_indexdef opens the table, so it would queue behind an ACCESS EXCLUSIVE lock that someone
-- holds or awaits on it: for such a table the definition is not read (NULL, table_locked true).
SELECT i.indexrelid::bigint AS oid,
       i.indrelid::bigint AS relation_oid,
       ic.relname AS name,
       am.amname AS method,
       i.indisunique AS is_unique,
       i.indisprimary AS is_primary,
       i.indisvalid AS is_valid,
       i.indkey::text AS columns,
       i.indnkeyatts::int AS key_column_count,
       i.indpred IS NOT NULL AS is_partial,
       CASE WHEN locked.relation IS NULL THEN pg_get_indexdef(i.indexrelid) END AS definition,
       pg_relation_size(i.indexrelid) AS bytes,
       co.conname AS constraint_name,
       locked.relation IS NOT NULL AS table_locked
  FROM pg_index i
  JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_am am ON am.oid = ic.relam
  JOIN pg_class c ON c.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_constraint co ON co.conindid = i.indexrelid AND co.conrelid = i.indrelid AND co.contype IN ('p', 'u', 'x')
  LEFT JOIN (SELECT DISTINCT relation
               FROM pg_locks
              WHERE locktype = 'relation' AND mode = 'AccessExclusiveLock'
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) locked
         ON locked.relation = i.indrelid
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\_toast%'
   AND n.nspname NOT LIKE 'pg\_temp\_%'
 ORDER BY i.indrelid, ic.relname
