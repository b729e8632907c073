#include "schedulecommand.h"

#include "cliusage.h"
#include "commandline.h"
#include "commandtarget.h"
#include "exitcode.h"
#include "productionguard.h"
#include "scheduledrun.h"

#include "connection/profilestore.h"
#include "schedule/scheduleinstaller.h"
#include "schedule/schedulestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace nrdb::cli {

namespace {

QString usage()
{
    return QStringLiteral(
               "Usage: netraven-dbctl schedule install PROFILE (--at HH:MM | --every-hours N [--at HH:MM]) --dir DIR\n"
               "                                       [--keep N] [--keep-days D] [--prove-every N]\n"
               "                                       [--with systemd|cron|auto] [--yes-production NAME]\n"
               "       netraven-dbctl schedule list [--json]\n"
               "       netraven-dbctl schedule remove PROFILE\n"
               "       netraven-dbctl schedule run PROFILE [--yes-production NAME]\n"
               "\n"
               "Backs a saved profile's database up on a schedule, without a process of ours that must stay\n"
               "running: install writes a systemd user timer and service (~/.config/systemd/user), or a line in\n"
               "your crontab where systemd is absent, that run `schedule run PROFILE`. Each run backs up, prunes\n"
               "by the retention, proves every Nth backup restorable (restored into a scratch database on the\n"
               "same server, verified, dropped) and records how it went; list shows the next run and the last\n"
               "result, and the Environments view paints a missed, failed or unproven one red.\n"
               "\n"
               "  --at HH:MM          daily at that local time (with --every-hours, only its minutes count)\n"
               "  --every-hours N     every N hours (1-23), at hours 0, N, 2N... of each day\n"
               "  --dir DIR           where the backups go\n"
               "  --keep N            keep the newest N backups of the database there\n"
               "  --keep-days D       keep those younger than D days (with --keep: what either keeps stays)\n"
               "  --prove-every N     prove every Nth backup restorable (default: never)\n"
               "  --with M            systemd, cron, or auto (default: systemd where it runs, else cron)\n"
               "  --json              list as JSON\n") +
           yesProductionUsage() +
           QStringLiteral("\nA run finds the profile's password as any command does (~/.pgpass, PGPASSFILE or the\n"
                          "keychain); install carries PGPASSFILE and the XDG directories into the unit.\n"
                          "A production profile with a retention wants its name typed at install, which the unit\n"
                          "then passes as --yes-production.\n");
}

Result<int> positiveOption(const CommandLine &command, const QString &option, int maximum)
{
    if (!command.isSet(option))
        return 0;
    bool ok = false;
    const int value = command.value(option).toInt(&ok);
    if (!ok || value < 0 || value > maximum)
        return Error::usage(QStringLiteral("--%1 takes a number from 0 to %2").arg(option).arg(maximum));
    return value;
}

Result<BackupSchedule> scheduleFrom(const CommandLine &command, const QString &profile)
{
    BackupSchedule schedule;
    schedule.profile = profile;
    const Result<int> everyHours = positiveOption(command, QStringLiteral("every-hours"), 23);
    const Result<int> keep = positiveOption(command, QStringLiteral("keep"), 100000);
    const Result<int> keepDays = positiveOption(command, QStringLiteral("keep-days"), 100000);
    const Result<int> proveEvery = positiveOption(command, QStringLiteral("prove-every"), 100000);
    for (const Result<int> *value : {&everyHours, &keep, &keepDays, &proveEvery}) {
        if (!*value)
            return value->error();
    }
    schedule.everyHours = everyHours.value();
    if (command.isSet(QStringLiteral("at"))) {
        schedule.at = QTime::fromString(command.value(QStringLiteral("at")), QStringLiteral("H:mm"));
        if (!schedule.at.isValid())
            return Error::usage(
                QStringLiteral("--at takes a time as HH:MM, not \"%1\"").arg(command.value(QStringLiteral("at"))));
    } else if (schedule.everyHours == 0) {
        return Error::usage(QStringLiteral("install wants --at HH:MM or --every-hours N"));
    } else {
        schedule.at = QTime(0, 0);
    }
    if (!command.isSet(QStringLiteral("dir")))
        return Error::usage(QStringLiteral("install wants --dir DIR"));
    schedule.directory = QDir::cleanPath(QDir().absoluteFilePath(command.value(QStringLiteral("dir"))));
    schedule.retention = {keep.value(), keepDays.value()};
    schedule.proveEvery = proveEvery.value();
    const QString with =
        command.isSet(QStringLiteral("with")) ? command.value(QStringLiteral("with")) : QStringLiteral("auto");
    const Result<ScheduleMechanism> mechanism =
        with == QLatin1String("auto") ? scheduleinstaller::availableMechanism() : scheduleMechanismFromName(with);
    if (!mechanism)
        return mechanism.error();
    schedule.mechanism = mechanism.value();
    schedule.installedAt = QDateTime::currentDateTimeUtc();
    if (Status valid = schedule.validate(); !valid)
        return valid.error();
    return schedule;
}

QString retentionText(const BackupSchedule &schedule)
{
    QStringList parts;
    if (schedule.retention.keepNewest > 0)
        parts << QStringLiteral("the newest %1").arg(schedule.retention.keepNewest);
    if (schedule.retention.keepDays > 0)
        parts << QStringLiteral("%1 days' worth").arg(schedule.retention.keepDays);
    return parts.isEmpty() ? QStringLiteral("keeping every backup")
                           : QStringLiteral("keeping %1").arg(parts.join(QStringLiteral(" and ")));
}

QString proofText(const BackupSchedule &schedule)
{
    return schedule.proveEvery > 0 ? QStringLiteral(", proving one in %1 restorable").arg(schedule.proveEvery)
                                   : QString();
}

int install(const CommandLine &command)
{
    if (command.positional().size() != 2)
        return command.usageError(QStringLiteral("schedule install wants a PROFILE"));
    const Result<ConnectionProfile> profile = ProfileStore().profile(command.positional().at(1));
    if (!profile)
        return command.failed(profile.error());
    const Result<BackupSchedule> schedule = scheduleFrom(command, profile.value().name);
    if (!schedule)
        return command.failed(schedule.error());
    QString yesProduction;
    const bool prunes = !schedule.value().retention.keepsAll();
    if (prunes && isProduction(profile.value())) {
        if (auto refused =
                confirmProductionWrite(command, profile.value(), QStringLiteral("prune on a schedule the backups of")))
            return *refused;
        yesProduction = profile.value().database;
    }
    const Result<QStringList> notes = scheduleinstaller::addSchedule(
        schedule.value(),
        scheduleinstaller::runCommand(QCoreApplication::applicationFilePath(), profile.value().name, yesProduction));
    if (!notes)
        return jobFailed(notes.error());
    const BackupSchedule &installed = schedule.value();
    writeOut(
        QStringLiteral("Scheduled: back up %1 %2 into %3, %4%5 (%6).\nNext run: %7\n")
            .arg(installed.profile, installed.cadenceText(), installed.directory, retentionText(installed),
                 proofText(installed),
                 installed.mechanism == ScheduleMechanism::Systemd
                     ? scheduleinstaller::unitDirectory() + QLatin1Char('/') +
                           scheduleunits::timerName(installed.profile)
                     : QStringLiteral("your crontab"),
                 installed.nextRunAfter(QDateTime::currentDateTime()).toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    for (const QString &note : notes.value())
        writeOut(note + QLatin1Char('\n'));
    return ExitOk;
}

QJsonObject listEntry(const BackupSchedule &schedule, const QDateTime &now)
{
    const ScheduleRecord record = ScheduleStore::record(schedule.profile);
    const ScheduleHealth health = scheduleinstaller::currentHealth(schedule, now);
    QJsonObject entry = schedule.toJson();
    entry.insert(QStringLiteral("cadence"), schedule.cadenceText());
    entry.insert(QStringLiteral("onCalendar"), schedule.onCalendar());
    entry.insert(QStringLiteral("nextRun"), health.nextRun.toString(Qt::ISODateWithMs));
    entry.insert(QStringLiteral("state"), ScheduleHealth::stateName(health.state));
    entry.insert(QStringLiteral("summary"), health.summary);
    entry.insert(QStringLiteral("record"), record.toJson());
    return entry;
}

int list(const CommandLine &command)
{
    const QDateTime now = QDateTime::currentDateTime();
    const QList<BackupSchedule> schedules = ScheduleStore().schedules();
    if (command.json()) {
        QJsonArray array;
        for (const BackupSchedule &schedule : schedules)
            array << listEntry(schedule, now);
        writeOut(QString::fromUtf8(QJsonDocument(array).toJson()));
        return ExitOk;
    }
    if (schedules.isEmpty())
        writeOut(QStringLiteral("No backups are scheduled: schedule install PROFILE --at HH:MM --dir DIR\n"));
    for (const BackupSchedule &schedule : schedules) {
        const QJsonObject entry = listEntry(schedule, now);
        writeOut(QStringLiteral("%1: %2, next run %3 (%4)\n  %5: %6\n  into %7, %8\n")
                     .arg(schedule.profile, schedule.cadenceText(),
                          QDateTime::fromString(entry.value(QStringLiteral("nextRun")).toString(), Qt::ISODate)
                              .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                          scheduleMechanismName(schedule.mechanism),
                          entry.value(QStringLiteral("state")).toString().toUpper(),
                          entry.value(QStringLiteral("summary")).toString(), schedule.directory,
                          retentionText(schedule) + proofText(schedule)));
    }
    return ExitOk;
}

int remove(const CommandLine &command)
{
    if (command.positional().size() != 2)
        return command.usageError(QStringLiteral("schedule remove wants a PROFILE"));
    const QString profile = command.positional().at(1);
    const std::optional<BackupSchedule> schedule = ScheduleStore().schedule(profile);
    const Result<QStringList> notes = scheduleinstaller::removeSchedule(profile);
    if (!notes)
        return jobFailed(notes.error());
    for (const QString &note : notes.value())
        writeErr(note + QLatin1Char('\n'));
    writeOut(QStringLiteral("Removed the backup schedule of \"%1\"; its backups stay in %2\n")
                 .arg(profile, schedule->directory));
    return ExitOk;
}

} // namespace

int runScheduleCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("schedule"), usage());
    if (const std::optional<int> ended =
            command.parse(arguments, {{QStringLiteral("at"), QStringLiteral("Time."), QStringLiteral("HH:MM")},
                                      {QStringLiteral("every-hours"), QStringLiteral("Hours."), QStringLiteral("N")},
                                      {QStringLiteral("dir"), QStringLiteral("Directory."), QStringLiteral("DIR")},
                                      {QStringLiteral("keep"), QStringLiteral("Keep."), QStringLiteral("N")},
                                      {QStringLiteral("keep-days"), QStringLiteral("Days."), QStringLiteral("D")},
                                      {QStringLiteral("prove-every"), QStringLiteral("Proof."), QStringLiteral("N")},
                                      {QStringLiteral("with"), QStringLiteral("Mechanism."), QStringLiteral("M")},
                                      {QStringLiteral("json"), QStringLiteral("JSON.")},
                                      yesProductionOption()}))
        return *ended;
    const QString action = command.positional().value(0);
    if (action == QLatin1String("install"))
        return install(command);
    if (action == QLatin1String("list"))
        return list(command);
    if (action == QLatin1String("remove"))
        return remove(command);
    if (action == QLatin1String("run"))
        return runScheduledBackup(command);
    return command.usageError(QStringLiteral("schedule wants install, list, remove or run"));
}

} // namespace nrdb::cli
