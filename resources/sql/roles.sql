-- Every role of the server, to tell which owners of a backup it lacks.
SELECT rolname FROM pg_roles
