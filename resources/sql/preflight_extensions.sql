-- For each wanted extension: whether the server has it, whether it is installed, and whether a
-- database owner may create it without being a superuser (trusted, PostgreSQL 13+).
SELECT w.name,
       e.name IS NOT NULL AS available,
       e.installed_version IS NOT NULL AS installed,
       coalesce((SELECT bool_or(v.trusted) FROM pg_available_extension_versions v WHERE v.name = w.name), false) AS trusted
  FROM unnest(?::text[]) WITH ORDINALITY AS w(name, position)
  LEFT JOIN pg_available_extensions e ON e.name = w.name
 ORDER BY w.position
