-- Statistics views are read once per transaction; this makes the next read see them anew.
SELECT pg_stat_clear_snapshot()
