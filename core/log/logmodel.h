#pragma once

#include "log/logrecord.h"

#include <QAbstractTableModel>
#include <QVector>

namespace nrdb {

// The log as a table (time, level, job, message), newest last, capped at maxRecords (the
// oldest are dropped in batches). Owner thread only; records from workers arrive queued.
class LogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, LevelColumn, JobColumn, MessageColumn, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1, JobIdRole, LineRole };

    explicit LogModel(int maxRecords = 100000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const LogRecord &record(int row) const { return m_records.at(row); }
    const QVector<LogRecord> &records() const { return m_records; }

public slots:
    void append(const nrdb::LogRecord &record);
    void clear();

private:
    QVector<LogRecord> m_records;
    int m_maxRecords;
};

} // namespace nrdb
