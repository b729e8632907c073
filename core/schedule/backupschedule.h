#pragma once

#include "backup/backupcatalog.h"
#include "util/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTime>

namespace nrdb {

// How a schedule reaches the system: a systemd user timer, or a line in the user's crontab
// where systemd is absent. Never a process of our own that must stay running.
enum class ScheduleMechanism { Systemd, Cron };
QString scheduleMechanismName(ScheduleMechanism mechanism);
Result<ScheduleMechanism> scheduleMechanismFromName(const QString &name);

// One environment's scheduled backups: when, where, how many to keep, and how often to prove
// one restorable. Times are the machine's local time, as systemd's OnCalendar and cron read them.
// A plain value type.
struct BackupSchedule {
    QString profile; // the saved connection profile it backs up
    // 0: daily at `at`; N (1-23): every N hours, at hours 0, N, 2N… of each day, `at`'s minute past.
    int everyHours = 0;
    QTime at{2, 0};
    QString directory;
    RetentionRule retention;
    int proveEvery = 0; // prove every Nth backup restorable; 0: never
    ScheduleMechanism mechanism = ScheduleMechanism::Systemd;
    QDateTime installedAt; // UTC

    // "daily at 02:30", "every 6 hours at :15"
    QString cadenceText() const;
    // The same, as systemd's OnCalendar= reads it, and as cron's first five fields.
    QString onCalendar() const;
    QString cronTimeFields() const;
    // The first time it fires after moment, and the last at or before it (local times).
    QDateTime nextRunAfter(const QDateTime &moment) const;
    QDateTime lastRunAtOrBefore(const QDateTime &moment) const;
    // What is wrong with it, if anything: no profile, no directory, a cadence out of range.
    Status validate() const;

    QJsonObject toJson() const;
    static BackupSchedule fromJson(const QJsonObject &object);
    bool operator==(const BackupSchedule &other) const;

private:
    QList<QDateTime> firingsOn(const QDate &day) const; // local times
};

} // namespace nrdb
