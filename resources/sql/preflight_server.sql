-- What init needs to know about the server and the current user.
SELECT current_setting('server_version_num')::int,
       current_setting('server_version'),
       current_user,
       (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),
       has_database_privilege(current_database(), 'CREATE')
