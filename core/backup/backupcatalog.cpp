#include "backup/backupcatalog.h"

#include "backup/archivecheck.h"

#include <QDir>
#include <QRegularExpression>

#include <algorithm>

namespace nrdb {

bool BackupEntry::isVerified() const
{
    if (!hasManifest)
        return false;
    const QJsonObject &latest = manifest.verification.value(QStringLiteral("at")).toString() >
                                        manifest.proof.value(QStringLiteral("at")).toString()
                                    ? manifest.verification
                                    : manifest.proof;
    return latest.value(QStringLiteral("ok")).toBool();
}

QString BackupEntry::formatName() const
{
    return hasManifest ? backupFormatName(manifest.format) : QStringLiteral("plain-gzip");
}

namespace backupcatalog {

QVector<BackupEntry> list(const QString &directory)
{
    QVector<BackupEntry> entries;
    const QDir dir(directory);
    static const QRegularExpression netravenName(QStringLiteral(R"(^(.+)_(\d{8}_\d{6})\.sql\.gz$)"));
    for (const QFileInfo &info : dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString name = info.fileName();
        if (name.endsWith(QLatin1String(".manifest.json")) || name.startsWith(QLatin1Char('.')))
            continue;
        BackupEntry entry;
        entry.path = info.absoluteFilePath();
        entry.name = name;
        const Result<BackupManifest> manifest = BackupManifest::load(BackupManifest::pathFor(entry.path));
        if (manifest) {
            entry.hasManifest = true;
            entry.manifest = manifest.value();
            entry.createdAt = manifest.value().startedAt;
            entry.sizeBytes = manifest.value().sizeBytes;
        } else {
            const QRegularExpressionMatch match = netravenName.match(name);
            if (!match.hasMatch())
                continue; // not a backup this tool knows how to account for
            entry.createdAt = QDateTime::fromString(match.captured(2), QStringLiteral("yyyyMMdd_HHmmss"));
            entry.createdAt.setTimeSpec(Qt::UTC);
            entry.sizeBytes = info.size();
        }
        entries << entry;
    }
    std::sort(entries.begin(), entries.end(),
              [](const BackupEntry &a, const BackupEntry &b) { return a.createdAt > b.createdAt; });
    return entries;
}

QVector<BackupEntry> listOf(const QString &directory, const QString &database, const QString &origin)
{
    QVector<BackupEntry> entries = list(directory);
    const auto isOther = [&database, &origin](const BackupEntry &entry) {
        if (!entry.hasManifest)
            return !entry.name.startsWith(database + QLatin1Char('_'));
        const bool otherOrigin =
            !origin.isEmpty() && !entry.manifest.origin.isEmpty() && entry.manifest.origin != origin;
        return entry.manifest.database != database || otherOrigin;
    };
    entries.erase(std::remove_if(entries.begin(), entries.end(), isOther), entries.end());
    return entries;
}

std::optional<BackupEntry> newestOf(const QString &directory, const QString &database)
{
    const QVector<BackupEntry> entries = listOf(directory, database);
    return entries.isEmpty() ? std::nullopt : std::optional<BackupEntry>(entries.first());
}

std::optional<BackupEntry> lastProven(const QVector<BackupEntry> &entries)
{
    const auto provenAt = [](const BackupEntry &entry) {
        return entry.manifest.proof.value(QStringLiteral("at")).toString();
    };
    std::optional<BackupEntry> latest;
    for (const BackupEntry &entry : entries) {
        if (entry.hasManifest && !entry.manifest.proof.isEmpty() && (!latest || provenAt(entry) > provenAt(*latest)))
            latest = entry;
    }
    return latest;
}

Status verify(BackupEntry &entry, const ClientTools &tools)
{
    Status result;
    if (entry.hasManifest) {
        const Result<QString> digest = sha256Of(entry.path);
        if (!digest)
            result = digest.error();
        else if (digest.value() != entry.manifest.sha256)
            result = Error::usage(QStringLiteral("%1 differs from its manifest (SHA-256)").arg(entry.name));
    }
    if (result) {
        if (entry.formatName() == QLatin1String("plain-gzip")) {
            result = archivecheck::plainGzip(entry.path);
        } else {
            const Result<QStringList> listed = archivecheck::listedAndWhole(tools, entry.path, false);
            if (!listed)
                result = listed.error();
        }
    }
    if (entry.hasManifest) {
        entry.manifest.verification =
            QJsonObject{{QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                        {QStringLiteral("ok"), result.ok()},
                        {QStringLiteral("message"), result ? QString() : result.error().message}};
        if (Status saved = entry.manifest.save(BackupManifest::pathFor(entry.path)); !saved)
            return saved;
    }
    return result;
}

QVector<BackupEntry> toPrune(const QVector<BackupEntry> &entries, const RetentionRule &rule, const QDateTime &now)
{
    QVector<BackupEntry> prune;
    QVector<BackupEntry> keep;
    for (int i = 0; i < entries.size(); ++i) { // newest first
        const BackupEntry &entry = entries.at(i);
        const bool tooMany = rule.keepNewest > 0 && i >= rule.keepNewest;
        const bool tooOld = rule.keepDays > 0 && entry.createdAt.daysTo(now) >= rule.keepDays;
        // Outside the rule's limits; with both set, a backup goes only when it breaks both.
        const bool outside = rule.keepNewest > 0 && rule.keepDays > 0 ? tooMany && tooOld : tooMany || tooOld;
        (outside ? prune : keep) << entry;
    }
    const bool keepsAVerified =
        std::any_of(keep.cbegin(), keep.cend(), [](const BackupEntry &e) { return e.isVerified(); });
    if (!keepsAVerified) {
        for (int i = 0; i < prune.size(); ++i) {
            if (prune.at(i).isVerified()) { // the newest verified one stays
                prune.removeAt(i);
                break;
            }
        }
    }
    return prune;
}

Status remove(const BackupEntry &entry)
{
    const QFileInfo info(entry.path);
    const bool removed = info.isDir() ? QDir(entry.path).removeRecursively() : QFile::remove(entry.path);
    if (!removed)
        return Error::io(QStringLiteral("Could not remove %1").arg(entry.path));
    QFile::remove(BackupManifest::pathFor(entry.path));
    return {};
}

} // namespace backupcatalog
QJsonObject BackupEntry::toJson() const
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODate)},
                       {QStringLiteral("size_bytes"), sizeBytes},
                       {QStringLiteral("format"), formatName()},
                       {QStringLiteral("has_manifest"), hasManifest},
                       {QStringLiteral("verified"), isVerified()}};
}

} // namespace nrdb
