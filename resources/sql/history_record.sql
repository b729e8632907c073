-- One migration applied (or adopted without running it).
INSERT INTO nrdb.schema_history (pack, version, name, checksum, duration_ms, how)
VALUES (?, ?, ?, ?, ?, ?)
