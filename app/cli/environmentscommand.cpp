#include "environmentscommand.h"

#include "cliusage.h"
#include "commandline.h"
#include "exitcode.h"
#include "headlessjob.h"

#include "backup/toolsettings.h"
#include "connection/profilestore.h"
#include "jobs/environmentstatusjob.h"
#include "jobs/healthreport.h"
#include "schedule/scheduleinstaller.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>

namespace nrdb::cli {

namespace {

// Statuses read at once: enough that a few dead servers, each waiting out its own timeout, leave
// the others room.
constexpr int kParallelStatuses = 8;

QString usage()
{
    return QStringLiteral(
               "Usage: netraven-dbctl environments [NAME...] [--tier dev|staging|prod] [--backups DIR] [--report DIR]\n"
               "                                   [--json]\n"
               "\n"
               "The status of every saved profile (netraven-dbctl profile add), production first, read %1 at a\n"
               "time: whether the server answers and how fast, its version, the NetRaven pack and version its\n"
               "catalog shows (and alembic_version), how many differences verify finds, its size and sessions,\n"
               "its last backup and last proof of restore, and its next scheduled backup (MISSED, FAILED,\n"
               "UNPROVEN when it is so). A server that does not answer within %2 s is\n"
               "reported as unreachable without holding up the others.\n"
               "\n"
               "  NAME...        only these profiles\n"
               "  --tier T       only the profiles of tier T\n"
               "  --backups DIR  where backups are looked for (default: a scheduled profile's schedule\n"
               "                 directory, else the window's Backups directory)\n"
               "  --report DIR   also write the health report to hand over: DIR/netraven-health-<when>.html and\n"
               "                 .json\n"
               "  --json         one object per environment\n"
               "\n"
               "Exit status: 0 when every environment was read and matches its pack, 3 when one could not be\n"
               "reached, 4 when one differs from its pack.\n")
        .arg(kParallelStatuses)
        .arg(EnvironmentStatusJob::kConnectTimeoutSeconds);
}

Result<QList<ConnectionProfile>> chosenProfiles(const CommandLine &command)
{
    QList<ConnectionProfile> profiles = ProfileStore().profiles();
    const QStringList names = command.positional();
    for (const QString &name : names) {
        if (std::none_of(profiles.cbegin(), profiles.cend(),
                         [&name](const ConnectionProfile &profile) { return profile.name == name; }))
            return Error::usage(QStringLiteral("There is no profile named \"%1\"").arg(name));
    }
    if (!names.isEmpty())
        profiles.removeIf([&names](const ConnectionProfile &profile) { return !names.contains(profile.name); });
    if (command.isSet(QStringLiteral("tier"))) {
        const Result<DeploymentTier> tier = deploymentTierFromName(command.value(QStringLiteral("tier")));
        if (!tier)
            return tier.error();
        profiles.removeIf([&tier](const ConnectionProfile &profile) { return profile.tier != tier.value(); });
    }
    std::stable_sort(profiles.begin(), profiles.end(), [](const ConnectionProfile &a, const ConnectionProfile &b) {
        return a.tier > b.tier; // production first
    });
    return profiles;
}

QString backupText(const std::optional<BackupEntry> &backup)
{
    if (!backup)
        return QStringLiteral("none");
    return backup->createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
           (backup->isVerified() ? QStringLiteral(" checked") : QString());
}

QString proofText(const std::optional<BackupEntry> &proof)
{
    if (!proof)
        return QStringLiteral("never");
    return proof->manifest.proof.value(QStringLiteral("ok")).toBool() ? QStringLiteral("restorable")
                                                                      : QStringLiteral("FAILED");
}

// How each profile's scheduled backups stand, by profile name (none for an unscheduled one).
QHash<QString, ScheduleHealth> scheduleHealths()
{
    QHash<QString, ScheduleHealth> healths;
    const QDateTime now = QDateTime::currentDateTime();
    for (const BackupSchedule &schedule : ScheduleStore().schedules())
        healths.insert(schedule.profile, scheduleinstaller::currentHealth(schedule, now));
    return healths;
}

QString scheduleText(const std::optional<ScheduleHealth> &health)
{
    if (!health)
        return QStringLiteral("-");
    const QString next = health->nextRun.toString(QStringLiteral("ddd HH:mm"));
    return health->isBad() ? ScheduleHealth::stateName(health->state).toUpper() : next;
}

QStringList rowOf(const EnvironmentStatus &status, const std::optional<ScheduleHealth> &schedule)
{
    const QString name = status.profile.name;
    const QString tier = deploymentTierName(status.profile.tier);
    if (!status.reached)
        return {name, tier, QStringLiteral("unreachable"), {}, {}, {}, {}, {}, {}, {}, scheduleText(schedule)};
    const QLocale c = QLocale::c();
    return {name,
            tier,
            QStringLiteral("%1 ms").arg(status.roundTripMs, 0, 'f', status.roundTripMs < 10 ? 2 : 0),
            status.serverVersion.section(QLatin1Char(' '), 0, 0),
            status.isRecognised() ? status.pack : QStringLiteral("-"),
            status.isRecognised() ? QString::number(status.differences) : QStringLiteral("-"),
            c.formattedDataSize(status.databaseSizeBytes, 0, QLocale::DataSizeTraditionalFormat),
            QString::number(status.connections),
            status.backupDirectory.isEmpty() ? QStringLiteral("-") : backupText(status.lastBackup),
            status.backupDirectory.isEmpty() ? QStringLiteral("-") : proofText(status.lastProof),
            scheduleText(schedule)};
}

void printTable(const QList<EnvironmentStatus> &statuses, const QHash<QString, ScheduleHealth> &schedules)
{
    const auto scheduleOf = [&schedules](const EnvironmentStatus &status) {
        const auto found = schedules.constFind(status.profile.name);
        return found == schedules.cend() ? std::nullopt : std::optional<ScheduleHealth>(*found);
    };
    QList<QStringList> rows{{QStringLiteral("NAME"), QStringLiteral("TIER"), QStringLiteral("ROUND TRIP"),
                             QStringLiteral("SERVER"), QStringLiteral("PACK"), QStringLiteral("DIFFERENCES"),
                             QStringLiteral("SIZE"), QStringLiteral("SESSIONS"), QStringLiteral("LAST BACKUP"),
                             QStringLiteral("PROOF"), QStringLiteral("NEXT BACKUP")}};
    for (const EnvironmentStatus &status : statuses)
        rows << rowOf(status, scheduleOf(status));
    QList<qsizetype> widths(rows.first().size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = qMax(widths[column], row.at(column).size());
    }
    for (const QStringList &row : rows) {
        QStringList cells;
        for (qsizetype column = 0; column < row.size(); ++column)
            cells << (column + 1 < row.size() ? row.at(column).leftJustified(widths[column]) : row.at(column));
        writeOut(cells.join(QStringLiteral("  ")).trimmed() + QLatin1Char('\n'));
    }
    for (const EnvironmentStatus &status : statuses) {
        if (const QString concern = status.concern(); !concern.isEmpty())
            writeOut(QStringLiteral("%1: %2\n").arg(status.profile.name, concern));
        if (const std::optional<ScheduleHealth> schedule = scheduleOf(status); schedule && schedule->isBad())
            writeOut(QStringLiteral("%1: scheduled backup %2\n").arg(status.profile.name, schedule->summary));
    }
}

int exitCodeFor(const QList<EnvironmentStatus> &statuses)
{
    if (std::any_of(statuses.cbegin(), statuses.cend(), [](const EnvironmentStatus &status) {
            return !status.reached || !status.failure.message.isEmpty();
        }))
        return ExitConnection;
    if (std::any_of(statuses.cbegin(), statuses.cend(),
                    [](const EnvironmentStatus &status) { return status.differences > 0; }))
        return ExitDrift;
    return ExitOk;
}

} // namespace

int runEnvironmentsCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("environments"), usage());
    if (const std::optional<int> ended =
            command.parse(arguments, {{QStringLiteral("tier"), QStringLiteral("Tier."), QStringLiteral("T")},
                                      {QStringLiteral("backups"), QStringLiteral("Backups."), QStringLiteral("DIR")},
                                      {QStringLiteral("report"), QStringLiteral("Report."), QStringLiteral("DIR")},
                                      {QStringLiteral("json"), QStringLiteral("JSON.")}}))
        return *ended;
    const Result<QList<ConnectionProfile>> profiles = chosenProfiles(command);
    if (!profiles)
        return command.failed(profiles.error());
    if (profiles.value().isEmpty())
        return command.failed(Error::notFound(
            QStringLiteral("No saved profiles to read: netraven-dbctl profile add NAME CONNECTION saves one")));
    const QHash<QString, ScheduleHealth> schedules = scheduleHealths();
    QList<std::shared_ptr<EnvironmentStatusJob>> jobs;
    QList<std::shared_ptr<Job>> toRun;
    for (const ConnectionProfile &profile : profiles.value()) {
        // --backups, else where the profile's schedule puts them, else the window's directory.
        const std::optional<BackupSchedule> schedule = ScheduleStore().schedule(profile.name);
        const QString backups = command.isSet(QStringLiteral("backups")) ? command.value(QStringLiteral("backups"))
                                : schedule                               ? schedule->directory
                                                                         : configuredBackupDirectory();
        jobs << std::make_shared<EnvironmentStatusJob>(profile, backups);
        toRun << jobs.last();
    }
    if (Status ran = runHeadless(toRun, kParallelStatuses); !ran)
        return command.failed(ran.error());
    QList<EnvironmentStatus> statuses;
    for (const std::shared_ptr<EnvironmentStatusJob> &job : jobs)
        statuses << job->result();
    if (command.isSet(QStringLiteral("report"))) {
        const HealthReport report{QDateTime::currentDateTimeUtc(), statuses};
        const Result<QString> saved = report.saveIn(command.value(QStringLiteral("report")));
        if (!saved)
            return command.failed(saved.error());
        writeErr(QStringLiteral("Health report: %1 (%2)\n").arg(saved.value(), report.summary()));
    }
    if (command.json()) {
        QJsonArray array;
        for (const EnvironmentStatus &status : statuses) {
            QJsonObject entry = status.toJson();
            if (const auto found = schedules.constFind(status.profile.name); found != schedules.cend())
                entry.insert(QStringLiteral("schedule"),
                             QJsonObject{{QStringLiteral("state"), ScheduleHealth::stateName(found->state)},
                                         {QStringLiteral("summary"), found->summary},
                                         {QStringLiteral("next_run"), found->nextRun.toString(Qt::ISODate)}});
            array << entry;
        }
        writeOut(QString::fromUtf8(QJsonDocument(array).toJson()));
    } else {
        printTable(statuses, schedules);
    }
    return exitCodeFor(statuses);
}

} // namespace nrdb::cli
