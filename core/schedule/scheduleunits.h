#pragma once

#include "schedule/backupschedule.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace nrdb {

// What a scheduled run executes: netraven-dbctl with its arguments, and the variables it needs
// to find the same settings, records and passwords as the user who installed it.
struct ScheduledCommand {
    QString program; // absolute
    QStringList arguments;
    QMap<QString, QString> environment;
};

// The text of a schedule's systemd units and crontab line. Pure functions, any thread.
namespace scheduleunits {

// "netraven-backup-<profile>", the profile escaped as systemd-escape does (a unit name of any
// profile name, and the same name for the record file).
QString baseName(const QString &profile);
QString serviceName(const QString &profile);
QString timerName(const QString &profile);

QString serviceText(const BackupSchedule &schedule, const ScheduledCommand &command);
QString timerText(const BackupSchedule &schedule);

// The marker that ends the profile's line in the crontab, and the whole line.
QString cronMarker(const QString &profile);
QString cronLine(const BackupSchedule &schedule, const ScheduledCommand &command);

} // namespace scheduleunits
} // namespace nrdb
