#include "jobs/environmentstatus.h"

#include "util/counting.h"

#include <QJsonArray>

namespace nrdb {

namespace {

QJsonValue backupJson(const std::optional<BackupEntry> &entry)
{
    if (!entry)
        return QJsonValue::Null;
    QJsonObject json = entry->toJson();
    json.insert(QStringLiteral("path"), entry->path);
    if (!entry->manifest.proof.isEmpty())
        json.insert(QStringLiteral("proof"), entry->manifest.proof);
    return json;
}

bool proofFailed(const BackupEntry &entry)
{
    return !entry.manifest.proof.value(QStringLiteral("ok")).toBool();
}

QJsonObject errorJson(const Error &error)
{
    QJsonObject json{{QStringLiteral("kind"), errorKindName(error.kind)}, {QStringLiteral("message"), error.message}};
    if (!error.sqlState.isEmpty())
        json.insert(QStringLiteral("sqlstate"), error.sqlState);
    if (!error.detail.isEmpty())
        json.insert(QStringLiteral("detail"), error.detail);
    return json;
}

} // namespace

QString EnvironmentStatus::concern() const
{
    if (!failure.message.isEmpty())
        return failure.message;
    if (!isRecognised())
        return packVerdict;
    if (differences > 0)
        return QStringLiteral("%1 from %2")
            .arg(counted(differences, QStringLiteral("difference"), QStringLiteral("differences")), pack);
    if (backupDirectory.isEmpty())
        return {};
    if (!lastBackup)
        return QStringLiteral("never backed up in %1").arg(backupDirectory);
    if (!lastProof)
        return QStringLiteral("no backup proven restorable");
    if (proofFailed(*lastProof))
        return QStringLiteral("the last proof of restore FAILED");
    return {};
}

QJsonObject EnvironmentStatus::toJson() const
{
    QJsonObject json{{QStringLiteral("name"), profile.name},
                     {QStringLiteral("tier"), deploymentTierName(profile.tier)},
                     {QStringLiteral("connection"), profile.toUri()},
                     {QStringLiteral("read_at"), readAt.toUTC().toString(Qt::ISODateWithMs)},
                     {QStringLiteral("reached"), reached},
                     {QStringLiteral("concern"), concern()}};
    if (!reached || !failure.message.isEmpty())
        json.insert(QStringLiteral("error"), errorJson(failure));
    if (!reached)
        return json;
    json.insert(QStringLiteral("connect_ms"), connectMs);
    json.insert(QStringLiteral("round_trip_ms"), roundTripMs);
    json.insert(QStringLiteral("server_version"), serverVersion);
    json.insert(QStringLiteral("pack"), pack.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(pack));
    json.insert(QStringLiteral("pack_version"), packVersion);
    json.insert(QStringLiteral("verdict"), packVerdict);
    if (!alembicRevision.isEmpty())
        json.insert(QStringLiteral("alembic_revision"), alembicRevision);
    json.insert(QStringLiteral("differences"), differences);
    json.insert(QStringLiteral("lint_findings"), lintFindings);
    json.insert(QStringLiteral("database_size_bytes"), databaseSizeBytes);
    json.insert(QStringLiteral("connections"), connections);
    json.insert(QStringLiteral("free_connections"), freeConnections);
    if (!backupDirectory.isEmpty()) {
        json.insert(QStringLiteral("backup_directory"), backupDirectory);
        json.insert(QStringLiteral("last_backup"), backupJson(lastBackup));
        json.insert(QStringLiteral("last_proof"), backupJson(lastProof));
    }
    return json;
}

} // namespace nrdb
