#pragma once

#include "backup/backupcatalog.h"

#include <QAbstractTableModel>

namespace nrdb {

// The backups of a directory as a table: when, size, format, database, model version, and
// whether each was verified or proven restorable. GUI thread (it is a model).
class BackupListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, CreatedColumn, SizeColumn, FormatColumn, DatabaseColumn, StateColumn, ColumnCount };

    explicit BackupListModel(QObject *parent = nullptr);

    void setEntries(QVector<BackupEntry> entries);
    const QVector<BackupEntry> &entries() const { return m_entries; }
    const BackupEntry &entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "proven restorable 2026-11-21 15:45", "verified …", "verify FAILED: …", "not verified".
    static QString stateText(const BackupEntry &entry);

private:
    QVector<BackupEntry> m_entries;
};

} // namespace nrdb
