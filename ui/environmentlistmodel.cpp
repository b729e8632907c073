#include "environmentlistmodel.h"

#include "appearance.h"

#include "backup/backuplistmodel.h"

#include <QFont>
#include <QGuiApplication>
#include <QLocale>

namespace nrdb {

namespace {

// A group row's internal id; an environment's is its group's position plus one.
constexpr quintptr kGroupId = 0;

QString tierTitle(DeploymentTier tier)
{
    switch (tier) {
    case DeploymentTier::Production:
        return EnvironmentListModel::tr("Production");
    case DeploymentTier::Staging:
        return EnvironmentListModel::tr("Staging");
    case DeploymentTier::Development:
        break;
    }
    return EnvironmentListModel::tr("Development");
}

std::optional<Tone> tierTone(DeploymentTier tier)
{
    switch (tier) {
    case DeploymentTier::Production:
        return Tone::Bad;
    case DeploymentTier::Staging:
        return Tone::Warning;
    case DeploymentTier::Development:
        break;
    }
    return std::nullopt;
}

// How serious what needs attention is: unreachable or an unproven restore is bad, the rest a warning.
Tone concernTone(const EnvironmentStatus &status)
{
    if (!status.reached || !status.failure.message.isEmpty())
        return Tone::Bad;
    if (status.lastProof && !status.lastProof->manifest.proof.value(QStringLiteral("ok")).toBool())
        return Tone::Bad;
    return Tone::Warning;
}

QString backupText(const EnvironmentStatus &status)
{
    if (status.backupDirectory.isEmpty())
        return {};
    if (!status.lastBackup)
        return EnvironmentListModel::tr("none");
    return status.lastBackup->createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
           (status.lastBackup->isVerified() ? EnvironmentListModel::tr(", checked") : QString());
}

// "next Tue 02:30", or what went wrong first: "FAILED, next Tue 02:30".
QString scheduleText(const ScheduleHealth *health)
{
    if (!health)
        return EnvironmentListModel::tr("not scheduled");
    if (health->state == ScheduleHealth::State::NotInstalled)
        return EnvironmentListModel::tr("NOT INSTALLED");
    const QString next =
        EnvironmentListModel::tr("next %1").arg(QLocale().toString(health->nextRun, QStringLiteral("ddd HH:mm")));
    return health->isBad() ? ScheduleHealth::stateName(health->state).toUpper() + QStringLiteral(", ") + next : next;
}

QString proofText(const EnvironmentStatus &status)
{
    if (status.backupDirectory.isEmpty())
        return {};
    return status.lastProof ? BackupListModel::stateText(*status.lastProof) : EnvironmentListModel::tr("never");
}

} // namespace

EnvironmentListModel::EnvironmentListModel(QObject *parent) : QAbstractItemModel(parent)
{
}

void EnvironmentListModel::setProfiles(const QList<ConnectionProfile> &profiles)
{
    beginResetModel();
    m_groups.clear();
    QSet<QString> names;
    for (const DeploymentTier tier :
         {DeploymentTier::Production, DeploymentTier::Staging, DeploymentTier::Development}) {
        Group group{tier, {}};
        for (const ConnectionProfile &profile : profiles) {
            if (profile.tier == tier)
                group.members << profile;
            names.insert(profile.name);
        }
        if (!group.members.isEmpty())
            m_groups << group;
    }
    m_statuses.removeIf([&names](const std::pair<const QString &, EnvironmentStatus &> &entry) {
        return !names.contains(entry.first);
    });
    m_reading.intersect(names);
    endResetModel();
}

void EnvironmentListModel::setReading(const QString &name, bool reading)
{
    if (reading)
        m_reading.insert(name);
    else
        m_reading.remove(name);
    changedRow(name);
}

void EnvironmentListModel::setStatus(const EnvironmentStatus &status)
{
    m_statuses.insert(status.profile.name, status);
    m_reading.remove(status.profile.name);
    changedRow(status.profile.name);
}

void EnvironmentListModel::setSchedule(const QString &name, const std::optional<ScheduleHealth> &health)
{
    if (health)
        m_schedules.insert(name, *health);
    else
        m_schedules.remove(name);
    changedRow(name);
}

void EnvironmentListModel::changedRow(const QString &name)
{
    const QModelIndex first = indexOf(name);
    if (first.isValid())
        emit dataChanged(first, indexOf(name, ColumnCount - 1));
}

QList<ConnectionProfile> EnvironmentListModel::profiles() const
{
    QList<ConnectionProfile> all;
    for (const Group &group : m_groups)
        all << group.members;
    return all;
}

std::optional<ConnectionProfile> EnvironmentListModel::profileAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kGroupId)
        return std::nullopt;
    return m_groups.at(static_cast<int>(index.internalId() - 1)).members.at(index.row());
}

const ScheduleHealth *EnvironmentListModel::scheduleOf(const QString &name) const
{
    const auto found = m_schedules.constFind(name);
    return found == m_schedules.cend() ? nullptr : &found.value();
}

const EnvironmentStatus *EnvironmentListModel::statusOf(const QString &name) const
{
    const auto found = m_statuses.constFind(name);
    return found == m_statuses.cend() ? nullptr : &found.value();
}

QModelIndex EnvironmentListModel::indexOf(const QString &name, int column) const
{
    for (int group = 0; group < m_groups.size(); ++group) {
        const QList<ConnectionProfile> &members = m_groups.at(group).members;
        for (int row = 0; row < members.size(); ++row) {
            if (members.at(row).name == name)
                return createIndex(row, column, static_cast<quintptr>(group + 1));
        }
    }
    return {};
}

QModelIndex EnvironmentListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupId);
    return createIndex(row, column, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex EnvironmentListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupId);
}

int EnvironmentListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.internalId() != kGroupId || parent.column() != 0)
        return 0;
    return static_cast<int>(m_groups.at(parent.row()).members.size());
}

int EnvironmentListModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant EnvironmentListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kGroupId)
        return groupData(m_groups.at(index.row()), index.column(), role);
    return environmentData(*profileAt(index), index.column(), role);
}

QVariant EnvironmentListModel::groupData(const Group &group, int column, int role) const
{
    if (column != NameColumn)
        return {};
    if (role == Qt::DisplayRole)
        return tr("%1 (%2)").arg(tierTitle(group.tier)).arg(group.members.size());
    if (role == Qt::FontRole) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole) {
        if (const std::optional<Tone> tone = tierTone(group.tier))
            return toneColor(*tone, QGuiApplication::palette());
    }
    return {};
}

QVariant EnvironmentListModel::environmentData(const ConnectionProfile &profile, int column, int role) const
{
    const EnvironmentStatus *status = statusOf(profile.name);
    switch (role) {
    case Qt::DisplayRole:
        return column == ScheduleColumn ? scheduleText(scheduleOf(profile.name)) : statusText(profile, column);
    case Qt::ToolTipRole:
        if (column == ScheduleColumn && scheduleOf(profile.name))
            return scheduleOf(profile.name)->summary;
        if (column == ConcernColumn && status && !status->failure.message.isEmpty())
            return status->failure.fullText();
        if (column == PackColumn && status)
            return status->packVerdict;
        return profile.displayName();
    case Qt::ForegroundRole:
        if (column == ScheduleColumn && scheduleOf(profile.name) && scheduleOf(profile.name)->isBad())
            return toneColor(Tone::Bad, QGuiApplication::palette());
        if (column == ConcernColumn && status)
            return toneColor(concernTone(*status), QGuiApplication::palette());
        if (column == NameColumn && tierTone(profile.tier))
            return toneColor(*tierTone(profile.tier), QGuiApplication::palette());
        return {};
    case Qt::TextAlignmentRole:
        if (column == RoundTripColumn || column == DifferencesColumn || column == SizeColumn ||
            column == SessionsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QString EnvironmentListModel::statusText(const ConnectionProfile &profile, int column) const
{
    if (column == NameColumn)
        return profile.name;
    const EnvironmentStatus *status = statusOf(profile.name);
    if (column == RoundTripColumn && m_reading.contains(profile.name))
        return tr("reading…");
    if (!status)
        return {};
    if (column == ConcernColumn)
        return status->concern();
    if (!status->reached)
        return column == RoundTripColumn ? tr("unreachable") : QString();
    switch (column) {
    case RoundTripColumn:
        return tr("%1 ms").arg(status->roundTripMs, 0, 'f', status->roundTripMs < 10 ? 2 : 0);
    case ServerColumn:
        return status->serverVersion.section(QLatin1Char(' '), 0, 0);
    case PackColumn:
        return status->isRecognised()
                   ? tr("%1, %2").arg(status->pack, status->packVersion.section(QLatin1Char(' '), 0, 1))
                   : tr("none");
    case DifferencesColumn:
        return status->isRecognised() ? QString::number(status->differences) : QString();
    case SizeColumn:
        return QLocale().formattedDataSize(status->databaseSizeBytes);
    case SessionsColumn:
        return QString::number(status->connections);
    case BackupColumn:
        return backupText(*status);
    case ProofColumn:
        return proofText(*status);
    default:
        return {};
    }
}

QVariant EnvironmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const QStringList titles{tr("Environment"), tr("Round trip"),  tr("Server"),         tr("Pack"),
                                    tr("Differences"), tr("Size"),        tr("Sessions"),       tr("Last backup"),
                                    tr("Last proof"),  tr("Next backup"), tr("Needs attention")};
    return titles.value(section);
}

} // namespace nrdb
