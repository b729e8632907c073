#include "lifecyclecommands.h"

#include "cliusage.h"
#include "commandline.h"
#include "commandtarget.h"
#include "exitcode.h"
#include "headlessjob.h"

#include "jobs/adoptjob.h"
#include "jobs/bootstrapjob.h"
#include "jobs/initjob.h"
#include "jobs/seedjob.h"
#include "jobs/verifyjob.h"
#include "migrate/migrationstatus.h"
#include "migrate/schemahistory.h"
#include "util/counting.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace nrdb::cli {

namespace {

// A lifecycle command: its usage is its synopsis, what it does, and the target's options.
struct Command : TargetCommand {
    Command(const QString &name, const QString &synopsis, const QString &description)
        : TargetCommand(name, synopsis + QStringLiteral("\n\n") + description + QStringLiteral("\n") + targetUsage())
    {
    }
};

// Generated secrets are shown once, on stdout, never in the log.
void printGeneratedSecrets(const SeedReport &report)
{
    for (auto it = report.generatedSecrets.cbegin(); it != report.generatedSecrets.cend(); ++it)
        writeOut(QStringLiteral("Generated %1 (shown once, store it now): %2\n").arg(it.key(), it.value()));
}

// The seed's secrets, never from argv: --admin-password-stdin and --secret-stdin NAME take one
// line of standard input each, in that order; --secret-file NAME=FILE a file's content (its last
// newline dropped), such as NetRaven's key file. What is not given the pack may read from the
// environment (NETRAVEN_SECURITY__ENCRYPTION_KEY) or generate.
Result<QMap<QString, QString>> givenSecrets(const QCommandLineParser &parser)
{
    QMap<QString, QString> secrets;
    if (parser.isSet(QStringLiteral("admin-password-stdin")))
        secrets.insert(QStringLiteral("admin_password"), readLineFromStdin());
    for (const QString &name : parser.values(QStringLiteral("secret-stdin")))
        secrets.insert(name, readLineFromStdin());
    for (const QString &assignment : parser.values(QStringLiteral("secret-file"))) {
        const QString name = assignment.section(QLatin1Char('='), 0, 0);
        QFile file(assignment.section(QLatin1Char('='), 1));
        if (name.isEmpty() || file.fileName().isEmpty())
            return Error::usage(QStringLiteral("--secret-file takes NAME=FILE"));
        if (!file.open(QIODevice::ReadOnly))
            return Error::usage(QStringLiteral("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        QString value = QString::fromUtf8(file.readAll());
        if (value.endsWith(QLatin1Char('\n')))
            value.chop(1);
        secrets.insert(name, value);
    }
    return secrets;
}

const QList<QCommandLineOption> kSecretOptions{
    {QStringLiteral("admin-password-stdin"), QStringLiteral("Read the admin password from stdin.")},
    {QStringLiteral("secret-stdin"), QStringLiteral("Read a secret from stdin."), QStringLiteral("NAME")},
    {QStringLiteral("secret-file"), QStringLiteral("Read a secret from a file."), QStringLiteral("NAME=FILE")},
};
const QString kSecretsHelp = QStringLiteral(
    "  --admin-password-stdin  the NetRaven admin password as the first line of stdin (default: a\n"
    "                          generated one, printed once)\n"
    "  --secret-stdin NAME     a secret of the pack's seed as the next line of stdin\n"
    "  --secret-file NAME=FILE a secret as the content of FILE. NetRaven v2's seed knows admin_password,\n"
    "                          device_password (generated when not given), and encryption_key and\n"
    "                          encryption_salt (NetRaven's own, else NETRAVEN_SECURITY__ENCRYPTION_KEY\n"
    "                          and _SALT from the environment); without the key the default device\n"
    "                          credential is left to NetRaven's first start\n");

template <typename JobType>
Result<std::shared_ptr<JobType>> runJob(std::shared_ptr<JobType> job)
{
    if (Status done = runHeadless(job); !done)
        return done.error();
    return job;
}

} // namespace

int runInitCommand(const QStringList &arguments)
{
    Command command{
        QStringLiteral("init"), QStringLiteral("Usage: netraven-dbctl init [CONNECTION] [--to VERSION] [--json]"),
        QStringLiteral("Preflight, then extensions, schema and migrations, each step in its own transaction\n"
                       "under an advisory lock. Running it again changes nothing.\n\n"
                       "  --to VERSION       stop at this migration version (default: the newest)")};
    if (auto exit =
            command.parse(arguments, {{QStringLiteral("to"), QStringLiteral("Version."), QStringLiteral("VERSION")}}))
        return *exit;
    const CommandTarget &target = command.target;
    if (auto refused = command.confirmWrite(QStringLiteral("initialise")))
        return *refused;
    const auto ran =
        runJob(std::make_shared<InitJob>(target.profile, target.pack, command.value(QStringLiteral("to")).toInt()));
    if (!ran)
        return jobFailed(ran.error());
    const InitReport &report = ran.value()->result();
    if (command.json())
        printJson(report.toJson());
    else
        writeOut(report.changedNothing() ? QStringLiteral("Nothing to do: %1 is at %2 version %3.\n")
                                               .arg(target.profile.database, report.pack)
                                               .arg(report.versionAfter)
                                         : QStringLiteral("Initialised %1 as %2 (%3): version %4 → %5.\n")
                                               .arg(target.profile.database, report.pack, report.packReason)
                                               .arg(report.versionBefore)
                                               .arg(report.versionAfter));
    return ExitOk;
}

int runMigrateCommand(const QStringList &arguments)
{
    Command command{
        QStringLiteral("migrate"),
        QStringLiteral("Usage: netraven-dbctl migrate status [CONNECTION] [--json]\n"
                       "       netraven-dbctl migrate up [CONNECTION] [--to VERSION]\n"
                       "       netraven-dbctl migrate dry-run [CONNECTION] [--to VERSION]"),
        QStringLiteral("status: applied, pending and changed migrations. up: apply the pending ones (as init\n"
                       "does). dry-run: print the SQL up would run, and run nothing.\n\n"
                       "  --to VERSION       stop at this version (default: the newest)")};
    const QString action = arguments.value(0);
    if (action == QLatin1String("up"))
        return runInitCommand(arguments.mid(1));
    if (action != QLatin1String("status") && action != QLatin1String("dry-run")) {
        if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
            writeOut(command.usage());
            return ExitOk;
        }
        return command.usageError(QStringLiteral("migrate wants one of: status, up, dry-run"));
    }
    if (auto exit = command.parse(arguments.mid(1),
                                  {{QStringLiteral("to"), QStringLiteral("Version."), QStringLiteral("VERSION")}}))
        return *exit;
    const CommandTarget &target = command.target;
    // Status and dry-run read the history through verify's comparison: read-only.
    const auto ran = runJob(std::make_shared<VerifyJob>(target.profile, target.pack));
    if (!ran)
        return jobFailed(ran.error());
    const MigrationStatus &status = ran.value()->result().migrations;
    const int to = command.value(QStringLiteral("to")).toInt();
    if (action == QLatin1String("dry-run")) {
        for (const Migration &migration : status.pending) {
            if (to == 0 || migration.version <= to)
                writeOut(QStringLiteral("-- %1 (checksum %2)\nBEGIN;\n%3\nCOMMIT;\n\n")
                             .arg(migration.label(), migration.checksum, migration.sql.trimmed()));
        }
        return ExitOk;
    }
    const QJsonObject migrations = ran.value()->result().toJson().value(QStringLiteral("migrations")).toObject();
    if (command.json()) {
        printJson(migrations);
    } else {
        writeOut(QStringLiteral("%1: version %2 of %3\n")
                     .arg(ran.value()->result().pack)
                     .arg(status.currentVersion)
                     .arg(status.headVersion));
        for (const AppliedMigration &applied : status.applied)
            writeOut(QStringLiteral("  applied   %1_%2  %3 by %4 (%5)\n")
                         .arg(applied.version, 4, 10, QLatin1Char('0'))
                         .arg(applied.name, applied.appliedAt, applied.appliedBy, applied.how));
        for (const Migration &migration : status.pending)
            writeOut(QStringLiteral("  pending   %1\n").arg(migration.label()));
        for (const ChecksumMismatch &mismatch : status.mismatches)
            writeOut(QStringLiteral("  CHANGED   %1_%2: the file differs from what was applied\n")
                         .arg(mismatch.version, 4, 10, QLatin1Char('0'))
                         .arg(mismatch.name));
    }
    return status.mismatches.isEmpty() ? ExitOk : ExitDrift;
}

int runVerifyCommand(const QStringList &arguments)
{
    Command command{QStringLiteral("verify"),
                    QStringLiteral("Usage: netraven-dbctl verify [CONNECTION] [--json] [--html FILE]"),
                    QStringLiteral("Required tables, migration history, drift from the pack's model, lint findings.\n"
                                   "Exits 4 when the database differs from the pack.\n\n"
                                   "  --html FILE        also write the report as an HTML page")};
    if (auto exit = command.parse(arguments,
                                  {{QStringLiteral("html"), QStringLiteral("HTML report."), QStringLiteral("FILE")}}))
        return *exit;
    const CommandTarget &target = command.target;
    const auto ran = runJob(std::make_shared<VerifyJob>(target.profile, target.pack));
    if (!ran)
        return jobFailed(ran.error());
    const VerifyReport &report = ran.value()->result();
    if (command.isSet(QStringLiteral("html"))) {
        QFile file(command.value(QStringLiteral("html")));
        if (!file.open(QIODevice::WriteOnly) || file.write(report.toHtml().toUtf8()) < 0)
            return jobFailed(Error::io(QStringLiteral("Cannot write %1").arg(file.fileName())));
    }
    if (command.json()) {
        printJson(report.toJson());
    } else {
        writeOut(report.verdict() + QLatin1Char('\n'));
        if (report.isForeign())
            return ExitDrift; // one line: the closest pack and how much of it is there
        writeOut(QStringLiteral("  pack %1 (%2), compared at %3\n")
                     .arg(report.pack, report.packReason, report.modelVersionText));
        if (report.foreignHistory)
            writeOut(QStringLiteral("  %1\n").arg(report.foreignHistory->describe()));
        for (const QString &table : report.requiredMissing)
            writeOut(QStringLiteral("  missing required table %1\n").arg(table));
        for (const DriftItem &item : report.drift)
            writeOut(QStringLiteral("  %1%2\n")
                         .arg(item.describe(),
                              item.kind == DriftKind::Changed
                                  ? QStringLiteral(": expected %1, found %2").arg(item.expected, item.actual)
                                  : QString()));
        for (const Migration &migration : report.migrations.pending)
            writeOut(QStringLiteral("  pending migration %1\n").arg(migration.label()));
        for (const ChecksumMismatch &mismatch : report.migrations.mismatches)
            writeOut(QStringLiteral("  migration %1 changed since it was applied\n").arg(mismatch.version));
        writeOut(
            QStringLiteral("%1; --json or --html lists them\n")
                .arg(counted(report.findings.size(), QStringLiteral("lint finding"), QStringLiteral("lint findings"))));
    }
    return report.hasDifferences() ? ExitDrift : ExitOk;
}

int runAdoptCommand(const QStringList &arguments)
{
    Command command{QStringLiteral("adopt"),
                    QStringLiteral("Usage: netraven-dbctl adopt [CONNECTION] [--accept-differences] [--json]"),
                    QStringLiteral("Takes over a database the application's own code built: recognises the pack's\n"
                                   "baseline and stamps the migration history without running any DDL.\n\n"
                                   "  --accept-differences  adopt even though it differs from the baseline (listed)")};
    if (auto exit = command.parse(arguments, {{QStringLiteral("accept-differences"), QStringLiteral("Accept.")}}))
        return *exit;
    const CommandTarget &target = command.target;
    if (auto refused = command.confirmWrite(QStringLiteral("adopt")))
        return *refused;
    const auto ran = runJob(
        std::make_shared<AdoptJob>(target.profile, target.pack, command.isSet(QStringLiteral("accept-differences"))));
    if (!ran)
        return jobFailed(ran.error());
    const AdoptReport &report = ran.value()->result();
    if (command.json()) {
        printJson(report.toJson());
    } else if (report.waitingForConsent) {
        writeOut(
            QStringLiteral("%1 %2 with %3; nothing stamped:\n")
                .arg(report.before.pack, report.before.modelVersionText,
                     counted(report.before.drift.size(), QStringLiteral("difference"), QStringLiteral("differences"))));
        for (const DriftItem &item : report.before.drift)
            writeOut(QStringLiteral("  %1\n").arg(item.describe()));
        writeOut(QStringLiteral("Run again with --accept-differences if they are intended.\n"));
    } else {
        writeOut(report.alreadyManaged ? QStringLiteral("Already managed: nothing to adopt.\n")
                                       : QStringLiteral("Adopted as %1 %2: %3 stamped without running DDL.\n")
                                             .arg(report.before.pack, report.before.modelVersionText,
                                                  report.adoptedMigrations.join(QStringLiteral(", "))));
        if (report.before.foreignHistory)
            writeOut(QStringLiteral("%1\n").arg(report.before.foreignHistory->describe()));
    }
    return report.waitingForConsent ? ExitDrift : ExitOk;
}

int runSeedCommand(const QStringList &arguments)
{
    Command command{
        QStringLiteral("seed"),
        QStringLiteral("Usage: netraven-dbctl seed [CONNECTION] [--reset-settings] [SECRETS] [--json]"),
        QStringLiteral("Inserts the pack's seed rows that are missing, in one transaction.\n\n"
                       "  --reset-settings   put the pack's default values back into settings a DBA changed\n") +
            kSecretsHelp};
    if (auto exit = command.parse(
            arguments,
            QList<QCommandLineOption>{{QStringLiteral("reset-settings"), QStringLiteral("Reset.")}} + kSecretOptions))
        return *exit;
    const Result<QMap<QString, QString>> secrets = givenSecrets(command.parser());
    if (!secrets)
        return command.usageError(secrets.error().message);
    const CommandTarget &target = command.target;
    if (auto refused = command.confirmWrite(QStringLiteral("seed")))
        return *refused;
    const auto ran = runJob(std::make_shared<SeedJob>(target.profile, target.pack, secrets.value(),
                                                      command.isSet(QStringLiteral("reset-settings"))));
    if (!ran)
        return jobFailed(ran.error());
    const SeedReport &report = ran.value()->result();
    if (command.json()) {
        printJson(report.toJson());
    } else {
        for (const SeedTableResult &table : report.tables)
            writeOut(table.skipped.isEmpty() ? QStringLiteral("%1: %2 inserted, %3 present, %4 reset\n")
                                                   .arg(table.table)
                                                   .arg(table.inserted)
                                                   .arg(table.present)
                                                   .arg(table.updated)
                                             : QStringLiteral("%1: %2\n").arg(table.table, table.skipped));
        printGeneratedSecrets(report);
    }
    return ExitOk;
}

int runBootstrapCommand(const QStringList &arguments)
{
    Command command{
        QStringLiteral("bootstrap"), QStringLiteral("Usage: netraven-dbctl bootstrap [CONNECTION] [SECRETS] [--json]"),
        QStringLiteral("Creates the database if it is missing, then init, seed and verify. Run again, it\n"
                       "reports that there is nothing to do. Exits 4 if verify finds differences. An empty\n"
                       "database becomes the default pack's (NetRaven of today) unless --pack says otherwise.\n\n") +
            kSecretsHelp};
    if (auto exit = command.parse(arguments, kSecretOptions))
        return *exit;
    const Result<QMap<QString, QString>> secrets = givenSecrets(command.parser());
    if (!secrets)
        return command.usageError(secrets.error().message);
    const CommandTarget &target = command.target;
    if (auto refused = command.confirmWrite(QStringLiteral("bootstrap")))
        return *refused;
    const auto ran = runJob(std::make_shared<BootstrapJob>(target.profile, target.pack, secrets.value()));
    if (!ran)
        return jobFailed(ran.error());
    const BootstrapReport &report = ran.value()->result();
    if (command.json()) {
        printJson(report.toJson());
    } else {
        writeOut(report.summary() + QLatin1Char('\n'));
        printGeneratedSecrets(report.seed);
    }
    return report.verify.hasDifferences() ? ExitDrift : ExitOk;
}

} // namespace nrdb::cli
