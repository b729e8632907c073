-- For each schema init needs: whether it exists, and whether the current user may create in it.
SELECT w.name,
       n.oid IS NOT NULL AS present,
       n.oid IS NOT NULL AND has_schema_privilege(n.oid, 'CREATE') AS can_create_in
  FROM unnest(?::text[]) WITH ORDINALITY AS w(name, position)
  LEFT JOIN pg_namespace n ON n.nspname = w.name
 ORDER BY w.position
