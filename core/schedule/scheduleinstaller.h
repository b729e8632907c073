#pragma once

#include "schedule/backupschedule.h"
#include "schedule/schedulestore.h"
#include "schedule/scheduleunits.h"
#include "util/result.h"

#include <QStringList>

namespace nrdb {

// Puts a schedule's units in place and takes them away: a systemd user timer and service in
// ~/.config/systemd/user (enabled, and started when the user manager runs), or a line in the
// user's crontab. Each returns what a user should know beyond success (the timer waits for the
// user manager; it runs only while logged in). Thread: any, one call at a time per schedule.
namespace scheduleinstaller {

// ~/.config/systemd/user (XDG_CONFIG_HOME's).
QString unitDirectory();
// What "auto" means on this machine: systemd where it runs, cron where only it is found.
Result<ScheduleMechanism> availableMechanism();

// netraven-dbctl schedule run PROFILE, with the settings, records and password file of this
// environment; yesProduction: the database name a production run confirms its pruning with.
ScheduledCommand runCommand(const QString &program, const QString &profile, const QString &yesProduction);

Result<QStringList> install(const BackupSchedule &schedule, const ScheduledCommand &command);
Result<QStringList> uninstall(const BackupSchedule &schedule);
// Its units are in place: the timer, the service and the timer's enabling link, or its crontab line.
bool isInstalled(const BackupSchedule &schedule);
// The whole of scheduling, as the CLI and the window do it: makes the backup directory, installs
// the units and saves the schedule (replacing the profile's old one). What to know, as install().
Result<QStringList> addSchedule(const BackupSchedule &schedule, const ScheduledCommand &command);
// Takes the profile's units away and forgets its schedule and run record; its backups stay.
Result<QStringList> removeSchedule(const QString &profile);
// How schedule stands at now: its record and whether its units are in place (scheduleHealth).
ScheduleHealth currentHealth(const BackupSchedule &schedule, const QDateTime &now);

} // namespace scheduleinstaller
} // namespace nrdb
