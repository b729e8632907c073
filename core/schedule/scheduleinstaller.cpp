#include "schedule/scheduleinstaller.h"

#include "util/childprocess.h"
#include "util/durablefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <memory>
#include <utility>

#include <unistd.h>

namespace nrdb::scheduleinstaller {

namespace {

// What a run needs to see the same settings, records and passwords as its installer did.
const QStringList kCarriedVariables{QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral("XDG_DATA_HOME"),
                                    QStringLiteral("PGPASSFILE"), QStringLiteral("PGSERVICEFILE")};

QString wantsLink(const QString &profile)
{
    return unitDirectory() + QStringLiteral("/timers.target.wants/") + scheduleunits::timerName(profile);
}

bool userManagerRuns()
{
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return !runtime.isEmpty() && QFileInfo::exists(runtime + QStringLiteral("/systemd/private"));
}

Result<ChildOutcome> runTool(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    const QString found = QStandardPaths::findExecutable(program);
    if (found.isEmpty())
        return Error::notFound(QStringLiteral("%1 is not installed").arg(program));
    ChildCommand command(found, arguments);
    command.timeoutMs = 30000;
    if (!input.isNull()) {
        auto pending = std::make_shared<QByteArray>(input);
        command.nextInputChunk = [pending] { return std::exchange(*pending, QByteArray()); };
    }
    return command.run();
}

Status systemctl(const QStringList &arguments)
{
    const Result<ChildOutcome> ran =
        runTool(QStringLiteral("systemctl"), QStringList{QStringLiteral("--user")} + arguments);
    if (!ran)
        return ran.error();
    if (ran.value().exitCode != 0)
        return Error::process(QStringLiteral("systemctl --user %1 failed").arg(arguments.join(QLatin1Char(' '))),
                              ran.value().standardError.trimmed());
    return {};
}

QString lingerNote()
{
    const Result<ChildOutcome> ran =
        runTool(QStringLiteral("loginctl"), {QStringLiteral("show-user"), QString::number(::getuid()),
                                             QStringLiteral("--property=Linger"), QStringLiteral("--value")});
    if (ran && ran.value().exitCode == 0 && ran.value().standardOutput.trimmed() == QLatin1String("no"))
        return QStringLiteral(
            "It runs only while you are logged in: `loginctl enable-linger` lets it run at any time.");
    return {};
}

Status writeUnit(const QString &name, const QString &text)
{
    return durablefile::write(unitDirectory() + QLatin1Char('/') + name, text.toUtf8(), true);
}

Result<QStringList> installSystemd(const BackupSchedule &schedule, const ScheduledCommand &command)
{
    const QString link = wantsLink(schedule.profile);
    if (!QDir().mkpath(QFileInfo(link).path()))
        return Error::io(QStringLiteral("Could not create %1").arg(QFileInfo(link).path()));
    if (Status written =
            writeUnit(scheduleunits::serviceName(schedule.profile), scheduleunits::serviceText(schedule, command));
        !written)
        return written.error();
    if (Status written = writeUnit(scheduleunits::timerName(schedule.profile), scheduleunits::timerText(schedule));
        !written)
        return written.error();
    QFile::remove(link);
    if (!QFile::link(QStringLiteral("../") + scheduleunits::timerName(schedule.profile), link))
        return Error::io(QStringLiteral("Could not enable the timer: %1").arg(link));
    if (!userManagerRuns())
        return QStringList{QStringLiteral("No systemd user manager runs here now: the timer starts with it.")};
    if (Status reloaded = systemctl({QStringLiteral("daemon-reload")}); !reloaded)
        return reloaded.error();
    if (Status started = systemctl({QStringLiteral("restart"), scheduleunits::timerName(schedule.profile)}); !started)
        return started.error();
    const QString linger = lingerNote();
    return linger.isEmpty() ? QStringList() : QStringList{linger};
}

Result<QStringList> uninstallSystemd(const BackupSchedule &schedule)
{
    QStringList notes;
    if (userManagerRuns()) {
        if (Status stopped = systemctl({QStringLiteral("stop"), scheduleunits::timerName(schedule.profile)}); !stopped)
            notes << stopped.error().message;
    }
    for (const QString &path :
         QStringList{wantsLink(schedule.profile),
                     unitDirectory() + QLatin1Char('/') + scheduleunits::timerName(schedule.profile),
                     unitDirectory() + QLatin1Char('/') + scheduleunits::serviceName(schedule.profile)}) {
        if (QFileInfo(path).exists() || QFileInfo(path).isSymLink()) {
            if (!QFile::remove(path))
                return Error::io(QStringLiteral("Could not remove %1").arg(path));
        }
    }
    if (userManagerRuns()) {
        if (Status reloaded = systemctl({QStringLiteral("daemon-reload")}); !reloaded)
            notes << reloaded.error().message;
    }
    return notes;
}

// The user's crontab without this profile's line; an error only when crontab cannot be run.
Result<QStringList> crontabWithout(const QString &profile)
{
    const Result<ChildOutcome> listed = runTool(QStringLiteral("crontab"), {QStringLiteral("-l")});
    if (!listed)
        return listed.error();
    QStringList lines; // crontab -l fails with "no crontab for …" when there is none: an empty one
    if (listed.value().exitCode == 0)
        lines = listed.value().standardOutput.split(QLatin1Char('\n'));
    const QString marker = scheduleunits::cronMarker(profile);
    lines.removeIf([&marker](const QString &line) { return line.endsWith(marker) || line.isEmpty(); });
    return lines;
}

Status writeCrontab(const QStringList &lines)
{
    const QByteArray text =
        lines.isEmpty() ? QByteArray("") : (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
    const Result<ChildOutcome> written = runTool(QStringLiteral("crontab"), {QStringLiteral("-")}, text);
    if (!written)
        return written.error();
    if (written.value().exitCode != 0)
        return Error::process(QStringLiteral("crontab refused the new table"), written.value().standardError.trimmed());
    return {};
}

} // namespace

QString unitDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/systemd/user");
}

Result<ScheduleMechanism> availableMechanism()
{
    if (QFileInfo::exists(QStringLiteral("/run/systemd/system")))
        return ScheduleMechanism::Systemd;
    if (!QStandardPaths::findExecutable(QStringLiteral("crontab")).isEmpty())
        return ScheduleMechanism::Cron;
    return Error::notFound(QStringLiteral("Neither systemd nor cron runs on this machine: install cron, or pass "
                                          "--with systemd to write the units for a systemd that starts later"));
}

ScheduledCommand runCommand(const QString &program, const QString &profile, const QString &yesProduction)
{
    ScheduledCommand command{program, {QStringLiteral("schedule"), QStringLiteral("run"), profile}, {}};
    if (!yesProduction.isEmpty())
        command.arguments << QStringLiteral("--yes-production") << yesProduction;
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &variable : kCarriedVariables) {
        if (environment.contains(variable))
            command.environment.insert(variable, environment.value(variable));
    }
    return command;
}

Result<QStringList> install(const BackupSchedule &schedule, const ScheduledCommand &command)
{
    if (schedule.mechanism == ScheduleMechanism::Systemd)
        return installSystemd(schedule, command);
    Result<QStringList> lines = crontabWithout(schedule.profile);
    if (!lines)
        return lines.error();
    lines.value() << scheduleunits::cronLine(schedule, command);
    if (Status written = writeCrontab(lines.value()); !written)
        return written.error();
    return QStringList();
}

Result<QStringList> uninstall(const BackupSchedule &schedule)
{
    if (schedule.mechanism == ScheduleMechanism::Systemd)
        return uninstallSystemd(schedule);
    const Result<QStringList> lines = crontabWithout(schedule.profile);
    if (!lines)
        return lines.error();
    if (Status written = writeCrontab(lines.value()); !written)
        return written.error();
    return QStringList();
}

bool isInstalled(const BackupSchedule &schedule)
{
    if (schedule.mechanism == ScheduleMechanism::Systemd) {
        const QString directory = unitDirectory() + QLatin1Char('/');
        return QFileInfo::exists(directory + scheduleunits::timerName(schedule.profile)) &&
               QFileInfo::exists(directory + scheduleunits::serviceName(schedule.profile)) &&
               QFileInfo(wantsLink(schedule.profile)).isSymLink();
    }
    const Result<ChildOutcome> listed = runTool(QStringLiteral("crontab"), {QStringLiteral("-l")});
    return listed && listed.value().exitCode == 0 &&
           listed.value().standardOutput.contains(scheduleunits::cronMarker(schedule.profile));
}

Result<QStringList> addSchedule(const BackupSchedule &schedule, const ScheduledCommand &command)
{
    if (Status valid = schedule.validate(); !valid)
        return valid.error();
    if (!QDir().mkpath(schedule.directory))
        return Error::io(QStringLiteral("Could not create %1").arg(schedule.directory));
    Result<QStringList> notes = install(schedule, command);
    if (!notes)
        return notes;
    if (Status saved = ScheduleStore().save(schedule); !saved)
        return saved.error();
    return notes;
}

Result<QStringList> removeSchedule(const QString &profile)
{
    ScheduleStore store;
    const std::optional<BackupSchedule> schedule = store.schedule(profile);
    if (!schedule)
        return Error::notFound(QStringLiteral("\"%1\" has no backup schedule").arg(profile));
    Result<QStringList> notes = uninstall(*schedule);
    if (!notes)
        return notes;
    if (Status removed = store.remove(profile); !removed)
        return removed.error();
    if (Status removed = ScheduleStore::removeRecord(profile); !removed)
        return removed.error();
    return notes;
}

ScheduleHealth currentHealth(const BackupSchedule &schedule, const QDateTime &now)
{
    return scheduleHealth(schedule, ScheduleStore::record(schedule.profile), isInstalled(schedule), now);
}

} // namespace nrdb::scheduleinstaller
