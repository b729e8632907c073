-- Whether the history table exists yet (it is made on the first init).
SELECT to_regclass('nrdb.schema_history') IS NOT NULL
