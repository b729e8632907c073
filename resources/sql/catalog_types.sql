-- Enum types with their labels, and domains with their base type and checks (labels and checks as JSON arrays).
SELECT t.oid::bigint AS oid,
       t.typnamespace::bigint AS schema_oid,
       t.typname AS name,
       t.typtype::text AS kind,
       CASE WHEN t.typtype = 'e'
            THEN (SELECT coalesce(json_agg(e.enumlabel ORDER BY e.enumsortorder), '[]')
                    FROM pg_enum e WHERE e.enumtypid = t.oid)::text END AS labels,
       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
       t.typnotnull AS not_null,
       t.typdefault AS default_value,
       CASE WHEN t.typtype = 'd'
            THEN (SELECT coalesce(json_agg(pg_get_constraintdef(k.oid) ORDER BY k.conname), '[]')
                    FROM pg_constraint k WHERE k.contypid = t.oid)::text END AS checks
  FROM pg_type t
  JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE t.typtype IN ('e', 'd')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\_toast%'
   AND n.nspname NOT LIKE 'pg\_temp\_%'
 ORDER BY n.nspname, t.typname
