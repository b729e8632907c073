#include "schedule/schedulestore.h"

#include "schedule/scheduleunits.h"
#include "util/durablefile.h"
#include "util/jsonfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

namespace nrdb {

namespace {

const QString kSchedulesKey = QStringLiteral("schedules/list");

QString timeText(const QDateTime &moment)
{
    const QDateTime local = moment.toLocalTime();
    return local.date() == QDate::currentDate() ? local.toString(QStringLiteral("HH:mm"))
                                                : local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString isoOrEmpty(const QDateTime &moment)
{
    return moment.isValid() ? moment.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QJsonObject ScheduleRecord::toJson() const
{
    return {{QStringLiteral("lastStartedAt"), isoOrEmpty(lastStartedAt)},
            {QStringLiteral("lastFinishedAt"), isoOrEmpty(lastFinishedAt)},
            {QStringLiteral("lastOk"), lastOk},
            {QStringLiteral("lastMessage"), lastMessage},
            {QStringLiteral("lastBackupPath"), lastBackupPath},
            {QStringLiteral("runsSinceProof"), runsSinceProof},
            {QStringLiteral("lastProofAt"), isoOrEmpty(lastProofAt)},
            {QStringLiteral("lastProofOk"), lastProofOk},
            {QStringLiteral("lastProofMessage"), lastProofMessage}};
}

ScheduleRecord ScheduleRecord::fromJson(const QJsonObject &object)
{
    const auto moment = [&object](const char *key) {
        return QDateTime::fromString(object.value(QLatin1String(key)).toString(), Qt::ISODate);
    };
    ScheduleRecord record;
    record.lastStartedAt = moment("lastStartedAt");
    record.lastFinishedAt = moment("lastFinishedAt");
    record.lastOk = object.value(QStringLiteral("lastOk")).toBool();
    record.lastMessage = object.value(QStringLiteral("lastMessage")).toString();
    record.lastBackupPath = object.value(QStringLiteral("lastBackupPath")).toString();
    record.runsSinceProof = object.value(QStringLiteral("runsSinceProof")).toInt();
    record.lastProofAt = moment("lastProofAt");
    record.lastProofOk = object.value(QStringLiteral("lastProofOk")).toBool(true);
    record.lastProofMessage = object.value(QStringLiteral("lastProofMessage")).toString();
    return record;
}

QString ScheduleHealth::stateName(State state)
{
    switch (state) {
    case State::Waiting:
        return QStringLiteral("waiting");
    case State::Ok:
        return QStringLiteral("ok");
    case State::Missed:
        return QStringLiteral("missed");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Unproven:
        return QStringLiteral("unproven");
    case State::NotInstalled:
        return QStringLiteral("not installed");
    }
    return {};
}

ScheduleHealth scheduleHealth(const BackupSchedule &schedule, const ScheduleRecord &record, bool installed,
                              const QDateTime &now)
{
    using State = ScheduleHealth::State;
    ScheduleHealth health;
    health.nextRun = schedule.nextRunAfter(now);
    const QDateTime due = schedule.lastRunAtOrBefore(now);
    const bool dueSinceInstalled = due.isValid() && (!schedule.installedAt.isValid() || due > schedule.installedAt);
    const bool missed = dueSinceInstalled && due.secsTo(now) > kScheduleGraceSeconds &&
                        (!record.hasRun() || record.lastStartedAt < due);
    if (!installed) {
        health.state = State::NotInstalled;
        health.summary = QStringLiteral("not installed: its timer is gone (schedule install again)");
    } else if (missed) {
        health.state = State::Missed;
        health.summary = QStringLiteral("missed the backup due at %1").arg(timeText(due));
    } else if (record.hasRun() && !record.lastOk) {
        health.state = State::Failed;
        health.summary = QStringLiteral("failed at %1: %2").arg(timeText(record.lastStartedAt), record.lastMessage);
    } else if (!record.lastProofOk) {
        health.state = State::Unproven;
        health.summary = QStringLiteral("proof of restore failed at %1: %2")
                             .arg(timeText(record.lastProofAt), record.lastProofMessage);
    } else if (record.hasRun()) {
        health.state = State::Ok;
        health.summary = QStringLiteral("%1 (%2)").arg(record.lastMessage, timeText(record.lastStartedAt));
    } else {
        health.summary = QStringLiteral("first backup at %1").arg(timeText(health.nextRun));
    }
    return health;
}

ScheduleStore::ScheduleStore()
    : m_settings(QSettings::IniFormat, QSettings::UserScope, QCoreApplication::organizationName(),
                 QStringLiteral("netraven-dbadmin"))
{
}

QList<BackupSchedule> ScheduleStore::schedules() const
{
    QList<BackupSchedule> schedules;
    const int declared = m_settings.beginReadArray(kSchedulesKey);
    const int count = qMin(declared, static_cast<int>(m_settings.childGroups().size()));
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        const QJsonDocument parsed =
            QJsonDocument::fromJson(m_settings.value(QStringLiteral("definition")).toString().toUtf8());
        const BackupSchedule schedule = BackupSchedule::fromJson(parsed.object());
        if (schedule.validate())
            schedules << schedule; // one edited by hand into nonsense is skipped
    }
    m_settings.endArray();
    return schedules;
}

std::optional<BackupSchedule> ScheduleStore::schedule(const QString &profile) const
{
    for (const BackupSchedule &schedule : schedules()) {
        if (schedule.profile == profile)
            return schedule;
    }
    return std::nullopt;
}

Status ScheduleStore::save(const BackupSchedule &schedule)
{
    if (Status valid = schedule.validate(); !valid)
        return valid;
    QList<BackupSchedule> all = schedules();
    all.removeIf([&schedule](const BackupSchedule &saved) { return saved.profile == schedule.profile; });
    all << schedule;
    return saveAll(all);
}

Status ScheduleStore::remove(const QString &profile)
{
    QList<BackupSchedule> all = schedules();
    if (all.removeIf([&profile](const BackupSchedule &saved) { return saved.profile == profile; }) == 0)
        return Error::notFound(QStringLiteral("\"%1\" has no backup schedule").arg(profile));
    return saveAll(all);
}

Status ScheduleStore::saveAll(const QList<BackupSchedule> &schedules)
{
    m_settings.remove(kSchedulesKey);
    m_settings.beginWriteArray(kSchedulesKey, static_cast<int>(schedules.size()));
    for (int i = 0; i < schedules.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("definition"),
                            QString::fromUtf8(QJsonDocument(schedules.at(i).toJson()).toJson(QJsonDocument::Compact)));
    }
    m_settings.endArray();
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError)
        return Error::io(QStringLiteral("Could not write the schedules to %1").arg(m_settings.fileName()));
    return {};
}

QString ScheduleStore::recordPath(const QString &profile)
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/netraven-dbadmin/schedules/%1.json").arg(scheduleunits::baseName(profile));
}

ScheduleRecord ScheduleStore::record(const QString &profile)
{
    const Result<QJsonObject> read = readJsonObject(recordPath(profile), QStringLiteral("the schedule's record"));
    return read ? ScheduleRecord::fromJson(read.value()) : ScheduleRecord();
}

Status ScheduleStore::writeRecord(const QString &profile, const ScheduleRecord &record)
{
    const QString path = recordPath(profile);
    if (!QDir().mkpath(QFileInfo(path).path()))
        return Error::io(QStringLiteral("Could not create %1").arg(QFileInfo(path).path()));
    return durablefile::write(path, indentedJson(record.toJson()), true);
}

Status ScheduleStore::removeRecord(const QString &profile)
{
    const QString path = recordPath(profile);
    if (QFile::exists(path) && !QFile::remove(path))
        return Error::io(QStringLiteral("Could not remove %1").arg(path));
    return {};
}

} // namespace nrdb
