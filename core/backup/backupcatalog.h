#pragma once

#include "backup/backupmanifest.h"
#include "backup/clienttools.h"

#include <QDateTime>
#include <QJsonObject>
#include <QVector>

#include <optional>

namespace nrdb {

// One backup in a directory, with what its manifest says (if it has one).
struct BackupEntry {
    QString path;
    QString name;
    QDateTime createdAt;
    qint64 sizeBytes = 0;
    bool hasManifest = false;
    BackupManifest manifest;

    // Its last verify or proof succeeded, and nothing failed since.
    bool isVerified() const;
    QString formatName() const;

    QJsonObject toJson() const; // what backups list --json prints
};

struct RetentionRule {
    int keepNewest = 0; // 0: no limit by count
    int keepDays = 0;   // 0: no limit by age

    // Neither limit is set: nothing is ever pruned.
    bool keepsAll() const { return keepNewest <= 0 && keepDays <= 0; }
};

// The backups of a directory: listing, verifying, and pruning by retention. Any thread.
namespace backupcatalog {

// Backups with a manifest, and NetRaven's own <db>_YYYYMMDD_HHMMSS.sql.gz without one; newest first.
QVector<BackupEntry> list(const QString &directory);
// The backups of database in directory (by their manifests, or by NetRaven's own names), newest first.
// Given an origin (ConnectionProfile::databaseKey), a manifest that names another origin is left
// out too: staging's "netraven" is not production's.
QVector<BackupEntry> listOf(const QString &directory, const QString &database, const QString &origin = {});
// The newest backup of database in directory, if any.
std::optional<BackupEntry> newestOf(const QString &directory, const QString &database);
// Of entries, the one proven (or tried) most recently by prove-restorable, if any was.
std::optional<BackupEntry> lastProven(const QVector<BackupEntry> &entries);
// Checks the SHA-256 against the manifest and the archive itself, and records the result in
// the manifest. A backup without a manifest can only have its archive checked.
Status verify(BackupEntry &entry, const ClientTools &tools);
// What the rule lets go: outside both limits. The only verified backup is never among them.
QVector<BackupEntry> toPrune(const QVector<BackupEntry> &entries, const RetentionRule &rule, const QDateTime &now);
Status remove(const BackupEntry &entry);

} // namespace backupcatalog
} // namespace nrdb
