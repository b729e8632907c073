// Backup and restore of a NetRaven-shaped database of about 1 GB (devices, job_logs and
// job_log_entries filled on the server), against raw pg_dump and pg_restore in the same run.
//   bench_backup [MEGABYTES]     default: 1024
#include "benchfigure.h"

#include "backup/clienttools.h"
#include "backup/clientenvironment.h"
#include "connection/databaseadmin.h"
#include "connection/databasesession.h"
#include "jobs/backupjob.h"
#include "jobs/initjob.h"
#include "jobs/jobrunner.h"
#include "jobs/restorejob.h"
#include "model/modelpack.h"
#include "sandbox/sandboxcluster.h"
#include "util/childprocess.h"
#include "util/eventwait.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace nrdb;

namespace {

void fill(const QSqlDatabase &db, int megabytes)
{
    // About 1 KB per log entry with its share of the indexes; a log per 50 entries; 2,000 devices.
    const int entries = megabytes * 1000;
    const QStringList statements{
        QStringLiteral("INSERT INTO netraven.users (id, username, email, password_hash) VALUES ('u1', 'admin', 'a@b.c', 'x')"),
        QStringLiteral("INSERT INTO netraven.devices (id, hostname, ip_address, device_type, owner_id, description) "
                       "SELECT 'd' || g, 'router-' || g, '10.0.' || (g / 250) || '.' || (g % 250), 'cisco_ios', 'u1', "
                       "repeat('rack 7, row ' || g || '; ', 8) FROM generate_series(1, 2000) g"),
        QStringLiteral("INSERT INTO netraven.job_logs (id, session_id, job_type, status, start_time, device_id, created_by, job_data) "
                       "SELECT 'j' || g, 's' || g, 'backup', 'completed', now() - g * interval '1 minute', 'd' || (g % 2000 + 1), 'u1', "
                       "jsonb_build_object('attempt', g % 3, 'commands', jsonb_build_array('show running-config', 'show version')) "
                       "FROM generate_series(1, %1) g").arg(entries / 50),
        QStringLiteral("INSERT INTO netraven.job_log_entries (id, job_log_id, \"timestamp\", level, category, message, session_log_content) "
                       "SELECT 'e' || g, 'j' || (g / 50 + 1), now() - g * interval '1 second', 'INFO', 'device', "
                       "'Connected to device and collected the configuration, step ' || g, "
                       "md5(g::text) || repeat(' interface GigabitEthernet0/' || (g % 48) || ' description uplink', 18) "
                       "FROM generate_series(0, %1 - 1) g").arg(entries),
        QStringLiteral("VACUUM ANALYZE"),
    };
    QSqlQuery query(db);
    for (const QString &statement : statements)
        if (!query.exec(statement))
            qFatal("fill failed: %s", qPrintable(query.lastError().text()));
}

double runJob(const std::shared_ptr<Job> &job)
{
    JobRunner runner;
    QElapsedTimer clock;
    clock.start();
    bool done = false;
    JobState state = JobState::Queued;
    QObject::connect(&runner, &JobRunner::finished, [&](JobId, JobState finalState, const Error &error) {
        done = true;
        state = finalState;
        if (finalState != JobState::Succeeded)
            qFatal("%s failed: %s", qPrintable(job->title()), qPrintable(error.fullText()));
    });
    runner.submit(job);
    while (!done)
        waitForEvents(50);
    return double(clock.nsecsElapsed()) / 1e6;
}

double runTool(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment)
{
    ChildCommand command(program, arguments, {}, environment);
    command.timeoutMs = -1;
    QElapsedTimer clock;
    clock.start();
    const Result<ChildOutcome> outcome = command.run();
    if (!outcome || outcome.value().exitCode != 0)
        qFatal("%s failed: %s", qPrintable(program), outcome ? qPrintable(outcome.value().standardError) : qPrintable(outcome.error().message));
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int megabytes = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1024;
    SandboxCluster cluster;
    if (!cluster.start())
        qFatal("sandbox failed");
    const ConnectionProfile server = cluster.state().profile();
    const ConnectionProfile bench = cluster.state().profile(QStringLiteral("bench"));
    DatabaseSession maintenance;
    if (!maintenance.open(server) || !databaseadmin::create(maintenance.database(), QStringLiteral("bench")))
        qFatal("create database failed");
    runJob(std::make_shared<InitJob>(bench, ModelPack::builtIn(QStringLiteral("netraven-v1")).value()));
    {
        DatabaseSession session;
        if (!session.open(bench))
            qFatal("connect failed");
        QElapsedTimer clock;
        clock.start();
        fill(session.database(), megabytes);
        QSqlQuery size(session.database());
        size.exec(QStringLiteral("SELECT pg_database_size(current_database())"));
        size.next();
        std::fprintf(stderr, "filled %.0f MB in %.0f s\n", size.value(0).toDouble() / 1e6, double(clock.elapsed()) / 1000.0);
    }

    const ClientTools tools = ClientTools::forServer(15).value();
    // Kept alive: each holds the 0600 password file its environment points at.
    const ClientEnvironment benchClient = ClientEnvironment::create(bench, QStringLiteral("bench")).value();
    const ClientEnvironment serverClient = ClientEnvironment::create(server, QStringLiteral("bench")).value();
    const QProcessEnvironment &environment = benchClient.environment();
    QTemporaryDir out;
    const int cores = QThread::idealThreadCount();

    // The same flags: custom format, pg_dump's default compression.
    BackupOptions custom;
    custom.outputDirectory = out.filePath(QStringLiteral("ours-custom"));
    custom.format = BackupFormat::Custom;
    auto customJob = std::make_shared<BackupJob>(bench, custom);
    const double oursCustom = runJob(customJob);
    const double rawCustom = runTool(tools.pgDump(), {QStringLiteral("--no-password"), QStringLiteral("-Fc"), QStringLiteral("-f"),
                                                      out.filePath(QStringLiteral("raw.dump"))}, environment);
    bench::printFigure(QStringLiteral("backup ~%1 MB, custom format, vs pg_dump -Fc").arg(megabytes), oursCustom, rawCustom,
                       QStringLiteral("ms"), QStringLiteral("<= 1.05x"));

    // Our defaults (directory format with parallel jobs above 256 MiB) against pg_dump -Fc's.
    BackupOptions defaults;
    defaults.outputDirectory = out.filePath(QStringLiteral("ours-default"));
    const double oursDefault = runJob(std::make_shared<BackupJob>(bench, defaults));
    bench::printFigure(QStringLiteral("backup ~%1 MB, our defaults (directory, %2 jobs) vs pg_dump -Fc defaults").arg(megabytes).arg(cores),
                       oursDefault, rawCustom, QStringLiteral("ms"), QStringLiteral("<= 0.6x"));

    // Restore of the custom archive into a new database: ours (one job, like the raw tool), then
    // the raw tool (createdb + pg_restore), then ours with its default parallel jobs.
    const QString archive = customJob->result().path;
    RestoreOptions restore;
    restore.source = archive;
    restore.targetDatabase = QStringLiteral("restored_ours");
    restore.jobs = 1;
    const double oursRestore = runJob(std::make_shared<RestoreJob>(server, restore));
    const QProcessEnvironment &serverEnvironment = serverClient.environment();
    const double rawRestore =
        runTool(tools.psql(), {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-c"), QStringLiteral("CREATE DATABASE restored_raw")},
                serverEnvironment) +
        runTool(tools.pgRestore(), {QStringLiteral("--no-password"), QStringLiteral("--dbname=restored_raw"), archive}, serverEnvironment);
    bench::printFigure(QStringLiteral("restore ~%1 MB custom archive, vs createdb + pg_restore").arg(megabytes), oursRestore, rawRestore,
                       QStringLiteral("ms"), QStringLiteral("<= 1.05x"));
    restore.targetDatabase = QStringLiteral("restored_parallel");
    restore.jobs = 0;
    const double oursParallel = runJob(std::make_shared<RestoreJob>(server, restore));
    bench::printFigure(QStringLiteral("restore ~%1 MB, our defaults (%2 jobs) vs createdb + pg_restore defaults").arg(megabytes).arg(cores),
                       oursParallel, rawRestore, QStringLiteral("ms"), QStringLiteral("-"));
    return 0;
}
