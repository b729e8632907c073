-- Whether a table (schema.table, quoted as needed) exists.
SELECT to_regclass(?) IS NOT NULL
