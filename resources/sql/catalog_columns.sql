-- Columns of every relation above, in table order; types as PostgreSQL formats them.
SELECT a.attrelid::bigint AS relation_oid,
       a.attnum::int AS position,
       a.attname AS name,
       format_type(a.atttypid, a.atttypmod) AS type,
       a.atttypid = 'boolean'::regtype AS is_boolean,
       a.attnotnull AS not_null,
       pg_get_expr(ad.adbin, ad.adrelid) AS default_expression,
       a.attidentity::text AS identity,
       a.attgenerated::text AS generated,
       d.description AS comment
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  LEFT JOIN pg_description d ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
 WHERE a.attnum > 0
   AND NOT a.attisdropped
   AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\_toast%'
   AND n.nspname NOT LIKE 'pg\_temp\_%'
 ORDER BY a.attrelid, a.attnum
