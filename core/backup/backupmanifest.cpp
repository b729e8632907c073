#include "backup/backupmanifest.h"

#include "util/durablefile.h"
#include "util/sha256.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace nrdb {

QString backupFormatName(BackupFormat format)
{
    switch (format) {
    case BackupFormat::Custom:
        return QStringLiteral("custom");
    case BackupFormat::Directory:
        return QStringLiteral("directory");
    case BackupFormat::PlainGzip:
        return QStringLiteral("plain-gzip");
    }
    return {};
}

QJsonObject BackupManifest::toJson() const
{
    QJsonObject counts;
    for (auto it = rowCounts.cbegin(); it != rowCounts.cend(); ++it)
        counts.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("format"), backupFormatName(format)},
        {QStringLiteral("file"), fileName},
        {QStringLiteral("database"), database},
        {QStringLiteral("origin"), origin},
        {QStringLiteral("server_version"), serverVersion},
        {QStringLiteral("pg_dump_version"), pgDumpVersion},
        {QStringLiteral("options"), options},
        {QStringLiteral("started_at"), startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("finished_at"), finishedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("size_bytes"), sizeBytes},
        {QStringLiteral("sha256"), sha256},
        {QStringLiteral("row_counts"), counts},
        {QStringLiteral("schema_fingerprint"), schemaFingerprint},
        {QStringLiteral("model"),
         QJsonObject{{QStringLiteral("pack"), modelPack},
                     {QStringLiteral("version"), modelVersion},
                     {QStringLiteral("differences"), QJsonArray::fromStringList(modelDifferences)}}},
        {QStringLiteral("archive_entries"), archiveEntries},
        {QStringLiteral("proof"), proof},
        {QStringLiteral("verification"), verification},
    };
}

Result<BackupManifest> BackupManifest::fromJson(const QJsonObject &json)
{
    BackupManifest manifest;
    const QString format = json.value(QStringLiteral("format")).toString();
    if (format == QLatin1String("custom"))
        manifest.format = BackupFormat::Custom;
    else if (format == QLatin1String("directory"))
        manifest.format = BackupFormat::Directory;
    else if (format == QLatin1String("plain-gzip"))
        manifest.format = BackupFormat::PlainGzip;
    else
        return Error::usage(QStringLiteral("Unknown backup format \"%1\" in the manifest").arg(format));
    manifest.fileName = json.value(QStringLiteral("file")).toString();
    manifest.database = json.value(QStringLiteral("database")).toString();
    manifest.origin = json.value(QStringLiteral("origin")).toString();
    manifest.serverVersion = json.value(QStringLiteral("server_version")).toString();
    manifest.pgDumpVersion = json.value(QStringLiteral("pg_dump_version")).toString();
    manifest.options = json.value(QStringLiteral("options")).toObject();
    manifest.startedAt = QDateTime::fromString(json.value(QStringLiteral("started_at")).toString(), Qt::ISODateWithMs);
    manifest.finishedAt =
        QDateTime::fromString(json.value(QStringLiteral("finished_at")).toString(), Qt::ISODateWithMs);
    manifest.sizeBytes = json.value(QStringLiteral("size_bytes")).toInteger();
    manifest.sha256 = json.value(QStringLiteral("sha256")).toString();
    const QJsonObject counts = json.value(QStringLiteral("row_counts")).toObject();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        manifest.rowCounts.insert(it.key(), it.value().toInteger());
    manifest.schemaFingerprint = json.value(QStringLiteral("schema_fingerprint")).toString();
    manifest.modelPack = json[QStringLiteral("model")][QStringLiteral("pack")].toString();
    manifest.modelVersion = json[QStringLiteral("model")][QStringLiteral("version")].toInt();
    for (const QJsonValue &line : json[QStringLiteral("model")][QStringLiteral("differences")].toArray())
        manifest.modelDifferences << line.toString();
    manifest.archiveEntries = json.value(QStringLiteral("archive_entries")).toInt();
    manifest.proof = json.value(QStringLiteral("proof")).toObject();
    manifest.verification = json.value(QStringLiteral("verification")).toObject();
    return manifest;
}

Status BackupManifest::save(const QString &path) const
{
    if (Status written = durablefile::write(path, QJsonDocument(toJson()).toJson(), true); !written)
        return Error::io(QStringLiteral("Cannot write the manifest %1").arg(path), written.error().message);
    return {};
}

Result<BackupManifest> BackupManifest::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(QStringLiteral("No manifest at %1").arg(path));
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject())
        return Error::usage(QStringLiteral("%1 is not a manifest").arg(path));
    return fromJson(document.object());
}

Result<QString> sha256Of(const QString &path)
{
    Sha256 hash;
    QStringList files;
    const QFileInfo info(path);
    if (info.isDir()) {
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        files.sort();
    } else {
        files << path;
    }
    for (const QString &file : std::as_const(files)) {
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly))
            return Error::io(QStringLiteral("Cannot read %1").arg(file));
        if (info.isDir())
            hash.addData(QDir(path).relativeFilePath(file).toUtf8());
        if (!hash.addData(input))
            return Error::io(QStringLiteral("Cannot read %1").arg(file));
    }
    return QString::fromLatin1(hash.hexResult());
}

qint64 sizeOf(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return info.size();
    qint64 total = 0;
    QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace nrdb
