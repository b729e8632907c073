#pragma once

#include "jobs/environmentstatus.h"
#include "schedule/schedulestore.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

#include <optional>

namespace nrdb {

// The saved profiles grouped by tier, production first, each with its last status read: the tree
// of the Environments view. A group row is a tier; its children are environments. GUI thread (it
// is a model).
class EnvironmentListModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        RoundTripColumn,
        ServerColumn,
        PackColumn,
        DifferencesColumn,
        SizeColumn,
        SessionsColumn,
        BackupColumn,
        ProofColumn,
        ScheduleColumn,
        ConcernColumn,
        ColumnCount
    };

    explicit EnvironmentListModel(QObject *parent = nullptr);

    // Keeps the statuses of the profiles still there (by name).
    void setProfiles(const QList<ConnectionProfile> &profiles);
    void setReading(const QString &name, bool reading);
    void setStatus(const EnvironmentStatus &status);
    // How its scheduled backups stand (nullopt: none is scheduled); shown in red when badly.
    void setSchedule(const QString &name, const std::optional<ScheduleHealth> &health);

    QList<ConnectionProfile> profiles() const;
    // The environment of a row (any column); empty for a tier's row.
    std::optional<ConnectionProfile> profileAt(const QModelIndex &index) const;
    const EnvironmentStatus *statusOf(const QString &name) const;
    const ScheduleHealth *scheduleOf(const QString &name) const;
    QModelIndex indexOf(const QString &name, int column = NameColumn) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Group {
        DeploymentTier tier;
        QList<ConnectionProfile> members;
    };

    QVariant groupData(const Group &group, int column, int role) const;
    QVariant environmentData(const ConnectionProfile &profile, int column, int role) const;
    QString statusText(const ConnectionProfile &profile, int column) const;
    void changedRow(const QString &name);

    QList<Group> m_groups; // only tiers that have an environment, production first
    QHash<QString, EnvironmentStatus> m_statuses;
    QSet<QString> m_reading;
    QHash<QString, ScheduleHealth> m_schedules;
};

} // namespace nrdb
