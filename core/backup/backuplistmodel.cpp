#include "backuplistmodel.h"

#include <QLocale>

namespace nrdb {

namespace {

QString whenText(const QJsonObject &record)
{
    return QDateTime::fromString(record.value(QStringLiteral("at")).toString(), Qt::ISODate)
        .toLocalTime()
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

BackupListModel::BackupListModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void BackupListModel::setEntries(QVector<BackupEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int BackupListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int BackupListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BackupListModel::stateText(const BackupEntry &entry)
{
    if (!entry.hasManifest)
        return tr("no manifest: archive check only");
    const QJsonObject &proof = entry.manifest.proof;
    const QJsonObject &verification = entry.manifest.verification;
    const bool proofIsLatest =
        proof.value(QStringLiteral("at")).toString() >= verification.value(QStringLiteral("at")).toString();
    if (!proof.isEmpty() && proofIsLatest)
        return proof.value(QStringLiteral("ok")).toBool()
                   ? tr("proven restorable %1").arg(whenText(proof))
                   : tr("proof FAILED %1: %2").arg(whenText(proof), proof.value(QStringLiteral("summary")).toString());
    if (!verification.isEmpty())
        return verification.value(QStringLiteral("ok")).toBool()
                   ? tr("verified %1").arg(whenText(verification))
                   : tr("verify FAILED %1: %2")
                         .arg(whenText(verification), verification.value(QStringLiteral("message")).toString());
    return tr("not verified");
}

QVariant BackupListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const BackupEntry &entry = m_entries.at(index.row());
    if (role == Qt::ToolTipRole)
        return entry.path;
    if (role == Qt::TextAlignmentRole && index.column() == SizeColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return entry.name;
    case CreatedColumn:
        return entry.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case SizeColumn:
        return QLocale().formattedDataSize(entry.sizeBytes);
    case FormatColumn:
        return entry.formatName();
    case DatabaseColumn:
        if (!entry.hasManifest)
            return QString();
        return entry.manifest.modelPack.isEmpty() ? entry.manifest.database
                                                  : tr("%1 (%2, version %3)")
                                                        .arg(entry.manifest.database, entry.manifest.modelPack)
                                                        .arg(entry.manifest.modelVersion);
    case StateColumn:
        return stateText(entry);
    default:
        return {};
    }
}

QVariant BackupListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Backup");
    case CreatedColumn:
        return tr("Created");
    case SizeColumn:
        return tr("Size");
    case FormatColumn:
        return tr("Format");
    case DatabaseColumn:
        return tr("Database");
    case StateColumn:
        return tr("Checked");
    default:
        return {};
    }
}

} // namespace nrdb
