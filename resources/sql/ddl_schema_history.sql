-- The migration history, in a schema of its own so that the application's schema stays exactly
-- as its pack describes it. Only what is missing is created: CREATE ... IF NOT EXISTS would still
-- ask for privileges that a user whose superuser made the schema for them does not have.
DO $$
BEGIN
    IF to_regnamespace('nrdb') IS NULL THEN
        CREATE SCHEMA nrdb;
    END IF;
    IF to_regclass('nrdb.schema_history') IS NULL THEN
        CREATE TABLE nrdb.schema_history (
            pack text NOT NULL,
            version integer NOT NULL,
            name text NOT NULL,
            checksum text NOT NULL,
            applied_at timestamp with time zone NOT NULL DEFAULT now(),
            applied_by text NOT NULL DEFAULT current_user,
            duration_ms integer NOT NULL,
            how text NOT NULL CHECK (how IN ('applied', 'adopted')),
            PRIMARY KEY (pack, version)
        );
        COMMENT ON TABLE nrdb.schema_history IS 'Migrations of model packs, recorded by NetRaven DB Admin';
    END IF;
END
$$
