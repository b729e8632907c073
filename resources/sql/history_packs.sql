-- The packs the history records migrations of (a database normally has one).
SELECT DISTINCT pack FROM nrdb.schema_history ORDER BY pack
