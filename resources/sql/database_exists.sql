-- A row when the database of that name exists.
SELECT 1 FROM pg_database WHERE datname = ?
