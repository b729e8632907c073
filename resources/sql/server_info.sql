-- One-row summary of the server and the current database.
SELECT current_setting('server_version') AS server_version,
       current_setting('server_version_num')::int AS server_version_num,
       current_user AS current_user_name,
       current_database() AS database_name,
       (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS is_superuser,
       pg_database_size(current_database()) AS database_size,
       (SELECT count(*)
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'p')
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_toast%') AS user_table_count,
       (SELECT coalesce(json_agg(nspname ORDER BY nspname), '[]')::text
          FROM pg_namespace
         WHERE nspname NOT IN ('pg_catalog', 'information_schema')
           AND nspname NOT LIKE 'pg\_%') AS user_schemas,
       current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
           - (SELECT count(*) FROM pg_stat_activity) AS free_connections,
       -- a Unix socket has no address; a loopback one is this machine too
       coalesce(inet_server_addr() << inet '127.0.0.0/8' OR inet_server_addr() = inet '::1', true) AS server_on_this_machine,
       (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()) AS database_connections
