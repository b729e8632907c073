-- The snapshot of this repeatable-read transaction, for pg_dump and the row counts to share.
SELECT pg_export_snapshot()
