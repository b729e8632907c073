#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace nrdb {

enum class BackupFormat { Custom, Directory, PlainGzip };
QString backupFormatName(BackupFormat format); // "custom", "directory", "plain-gzip"

// What a backup holds and how it was made, kept as <backup>.manifest.json beside it.
// A plain value type; any thread.
struct BackupManifest {
    BackupFormat format = BackupFormat::Custom;
    QString fileName; // the backup's own name, beside the manifest
    QString database;
    QString origin; // host:port/database as the backup's connection named it (databaseKey); empty in older manifests
    QString serverVersion;
    QString pgDumpVersion;
    QJsonObject options; // how pg_dump was asked
    QDateTime startedAt;
    QDateTime finishedAt;
    qint64 sizeBytes = 0;
    QString sha256;
    QMap<QString, qint64> rowCounts; // schema.table -> rows, from the snapshot the dump used
    QString schemaFingerprint;       // SHA-256 of the schema's DDL as the catalog describes it
    QString modelPack;               // e.g. netraven-v2: the pack the database's history or catalog shows
    int modelVersion = 0;
    QStringList modelDifferences; // how it differed from that pack then, one line each (verify's)
    int archiveEntries = 0;       // table-of-contents entries (custom and directory)
    QJsonObject proof;            // the last prove-restorable: when, where, and what it found
    QJsonObject verification;     // the last verify: when, and whether checksum and archive held

    QJsonObject toJson() const;
    static Result<BackupManifest> fromJson(const QJsonObject &json);
    // Written whole and fsynced before it takes path's name (replacing an older manifest there).
    Status save(const QString &path) const;
    static Result<BackupManifest> load(const QString &path);
    static QString pathFor(const QString &backupPath) { return backupPath + QStringLiteral(".manifest.json"); }
};

// SHA-256 (hex) of a file, or of a directory's files in name order (names and contents).
Result<QString> sha256Of(const QString &path);
qint64 sizeOf(const QString &path);

} // namespace nrdb
