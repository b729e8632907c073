-- The databases that carry the marker of this tool in their comment (the staging copy of a
-- restore, the scratch copy of a proof), with the sessions connected to each. No apostrophes in
-- these comments: the driver reads them as quotes when it looks for the placeholder.
SELECT d.datname,
       shobj_description(d.oid, 'pg_database') AS marker,
       (SELECT count(*) FROM pg_stat_activity a WHERE a.datid = d.oid) AS sessions
FROM pg_database d
WHERE starts_with(coalesce(shobj_description(d.oid, 'pg_database'), ''), ?)
ORDER BY d.datname
