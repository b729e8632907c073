-- Every user schema, with whether the current user may use it (objects of a schema without
-- USAGE still show in the catalog; the browser marks them "no privilege" instead of hiding them).
SELECT n.oid::bigint AS oid,
       n.nspname AS name,
       pg_get_userbyid(n.nspowner) AS owner,
       d.description AS comment,
       has_schema_privilege(n.oid, 'USAGE') AS usable
  FROM pg_namespace n
  LEFT JOIN pg_description d ON d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass AND d.objsubid = 0
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\_toast%'
   AND n.nspname NOT LIKE 'pg\_temp\_%'
 ORDER BY n.nspname
