// Backup and restore of a NetRaven-shaped database of about 1 GB (devices, job_logs and
// job_log_entries filled with COPY through psql), against raw pg_dump and pg_restore in the same
// run. Each contender runs once a round, in an order that rotates; a figure is the median of the
// rounds' ratios, beside the median times.
//   bench_backup [MEGABYTES [ROUNDS]]     defaults: 1024 5
#include "benchfigure.h"

#include "backup/clientenvironment.h"
#include "backup/clienttools.h"
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
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <functional>

using namespace nrdb;

namespace {

using RowWriter = std::function<void(int row, QByteArray &out)>;

// Streams `rows` rows in COPY text format to psql's COPY … FROM STDIN.
void copyRows(const ClientTools &tools, const QProcessEnvironment &environment, const QString &table,
              const QString &columns, int rows, const RowWriter &writeRow)
{
    QProcess psql;
    psql.setProcessEnvironment(environment);
    psql.start(tools.psql(),
               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                QStringLiteral("-c"), QStringLiteral("COPY %1 (%2) FROM STDIN").arg(table, columns)});
    if (!psql.waitForStarted())
        qFatal("psql did not start");
    QByteArray chunk;
    for (int row = 0; row < rows; ++row) {
        writeRow(row, chunk);
        if (chunk.size() > (1 << 20) || row == rows - 1) {
            psql.write(chunk);
            chunk.clear();
            while (psql.bytesToWrite() > (4 << 20))
                psql.waitForBytesWritten(-1);
        }
    }
    psql.closeWriteChannel();
    psql.waitForFinished(-1);
    if (psql.exitStatus() != QProcess::NormalExit || psql.exitCode() != 0)
        qFatal("COPY %s failed: %s", qPrintable(table), psql.readAllStandardError().constData());
}

QByteArray number(qint64 value)
{
    return QByteArray::number(value);
}

void fill(const ClientTools &tools, const QProcessEnvironment &environment, int megabytes)
{
    // About 1 KB per log entry with its share of the indexes; a log per 50 entries; 2,000 devices.
    const int entries = megabytes * 1000;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto timestamp = [&now](qint64 secondsAgo) {
        return now.addSecs(-secondsAgo).toString(Qt::ISODate).toLatin1();
    };
    copyRows(tools, environment, QStringLiteral("netraven.users"), QStringLiteral("id, username, email, password_hash"),
             1, [](int, QByteArray &out) { out += "u1\tadmin\ta@b.c\tx\n"; });
    copyRows(tools, environment, QStringLiteral("netraven.devices"),
             QStringLiteral("id, hostname, ip_address, device_type, owner_id, description"), 2000,
             [](int row, QByteArray &out) {
                 const QByteArray g = number(row + 1);
                 out += "d" + g + "\trouter-" + g + "\t10.0." + number((row + 1) / 250) + '.' +
                        number((row + 1) % 250) + "\tcisco_ios\tu1\t" +
                        QByteArray("rack 7, row " + g + "; ").repeated(8) + '\n';
             });
    copyRows(tools, environment, QStringLiteral("netraven.job_logs"),
             QStringLiteral("id, session_id, job_type, status, start_time, device_id, created_by, job_data"),
             entries / 50, [&](int row, QByteArray &out) {
                 const QByteArray g = number(row + 1);
                 out += "j" + g + "\ts" + g + "\tbackup\tcompleted\t" + timestamp((row + 1) * 60) + "\td" +
                        number(row % 2000 + 1) + "\tu1\t{\"attempt\": " + number(row % 3) +
                        ", \"commands\": [\"show running-config\", \"show version\"]}\n";
             });
    // A session log: the device's banner hash, then interface lines (newlines escaped for COPY).
    copyRows(
        tools, environment, QStringLiteral("netraven.job_log_entries"),
        QStringLiteral("id, job_log_id, \"timestamp\", level, category, message, session_log_content"), entries,
        [&](int row, QByteArray &out) {
            const QByteArray g = number(row);
            out +=
                "e" + g + "\tj" + number(row / 50 + 1) + '\t' + timestamp(row) +
                "\tINFO\tdevice\tConnected to device and collected the configuration, step " + g + '\t' +
                QCryptographicHash::hash(g, QCryptographicHash::Md5).toHex() +
                QByteArray("\\ninterface GigabitEthernet0/" + number(row % 48) + " description uplink").repeated(18) +
                '\n';
        });
}

void execute(const QSqlDatabase &db, const QString &statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        qFatal("%s failed: %s", qPrintable(statement), qPrintable(query.lastError().text()));
}

double runJob(const std::shared_ptr<Job> &job)
{
    JobRunner runner;
    QElapsedTimer clock;
    clock.start();
    bool done = false;
    QObject::connect(&runner, &JobRunner::finished, [&](JobId, JobState finalState, const Error &error) {
        done = true;
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
        qFatal("%s failed: %s", qPrintable(program),
               outcome ? qPrintable(outcome.value().standardError) : qPrintable(outcome.error().message));
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int megabytes = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1024;
    const int rounds = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 5;
    SandboxCluster cluster;
    if (!cluster.start())
        qFatal("sandbox failed");
    const ConnectionProfile server = cluster.state().profile();
    const ConnectionProfile bench = cluster.state().profile(QStringLiteral("bench"));
    DatabaseSession maintenance;
    if (!maintenance.open(server) || !databaseadmin::create(maintenance.database(), QStringLiteral("bench")))
        qFatal("create database failed");
    // The data below is NetRaven v1's shape: 2,000 devices, their job logs and log entries.
    runJob(std::make_shared<InitJob>(bench, ModelPack::builtIn(QStringLiteral("netraven-v1")).value()));

    const ClientTools tools = ClientTools::forServer(15).value();
    // Kept alive: each holds the in-memory password file its environment points at.
    const ClientEnvironment benchClient = ClientEnvironment::create(bench, QStringLiteral("bench")).value();
    const ClientEnvironment serverClient = ClientEnvironment::create(server, QStringLiteral("bench")).value();
    const QProcessEnvironment &environment = benchClient.environment();
    {
        QElapsedTimer clock;
        clock.start();
        // psql is streamed to through a QProcess of its own, which the in-memory passfile's
        // descriptor does not reach (only ChildCommand hands it over): the sandbox's passfile.
        QProcessEnvironment fillEnvironment = environment;
        fillEnvironment.insert(QStringLiteral("PGPASSFILE"), cluster.state().passFile);
        fill(tools, fillEnvironment, megabytes);
        DatabaseSession session;
        if (!session.open(bench))
            qFatal("connect failed");
        // Settled before any timing: hint bits set, pages frozen and written, statistics fresh.
        execute(session.database(), QStringLiteral("VACUUM (FREEZE, ANALYZE)"));
        execute(session.database(), QStringLiteral("CHECKPOINT"));
        QSqlQuery size(session.database());
        size.exec(QStringLiteral("SELECT pg_database_size(current_database())"));
        size.next();
        std::fprintf(stderr, "filled %.0f MB with COPY in %.0f s\n", size.value(0).toDouble() / 1e6,
                     double(clock.elapsed()) / 1000.0);
    }

    QTemporaryDir out;
    const int cores = QThread::idealThreadCount();
    const auto fresh = [&out](const QString &name) {
        const QString path = out.filePath(name);
        QDir(path).removeRecursively();
        QFile::remove(path);
        return path;
    };

    // Backups. The same flags: custom format at pg_dump's default compression (zlib's default
    // level, 6); then our defaults (kDefaultCompression, directory format above 256 MiB).
    QString archive;
    bench::Rounds backups;
    backups.add(QStringLiteral("ours, custom"), [&] {
        BackupOptions custom;
        custom.outputDirectory = fresh(QStringLiteral("ours-custom"));
        custom.format = BackupFormat::Custom;
        custom.compression = 6;
        auto job = std::make_shared<BackupJob>(bench, custom);
        const double ms = runJob(job);
        archive = job->result().path;
        return ms;
    });
    backups.add(QStringLiteral("pg_dump -Fc"), [&] {
        return runTool(tools.pgDump(),
                       {QStringLiteral("--no-password"), QStringLiteral("-Fc"), QStringLiteral("-f"),
                        fresh(QStringLiteral("raw.dump"))},
                       environment);
    });
    backups.add(QStringLiteral("ours, defaults"), [&] {
        BackupOptions defaults;
        defaults.outputDirectory = fresh(QStringLiteral("ours-default"));
        return runJob(std::make_shared<BackupJob>(bench, defaults));
    });
    backups.run(rounds);
    backups.printFigure(QStringLiteral("backup ~%1 MB, custom format, vs pg_dump -Fc").arg(megabytes), 0, 1,
                        QStringLiteral("<= 1.05x"));
    backups.printFigure(
        QStringLiteral("backup ~%1 MB, our defaults (%2 cores) vs pg_dump -Fc defaults").arg(megabytes).arg(cores), 2,
        1, QStringLiteral("<= 0.6x"));

    // Restores of the custom archive into a new database: ours with one job (like the raw tool),
    // the raw tools (createdb + pg_restore), and ours with its default parallel jobs.
    const QProcessEnvironment &serverEnvironment = serverClient.environment();
    const auto dropped = [&maintenance](const QString &name) {
        if (!databaseadmin::dropIfExists(maintenance.database(), name))
            qFatal("could not drop %s", qPrintable(name));
        return name;
    };
    const auto ourRestore = [&](const QString &database, int jobs) {
        RestoreOptions restore;
        restore.source = archive;
        restore.targetDatabase = dropped(database);
        restore.jobs = jobs;
        return runJob(std::make_shared<RestoreJob>(server, restore));
    };
    bench::Rounds restores;
    restores.add(QStringLiteral("ours, one job"), [&] { return ourRestore(QStringLiteral("restored_ours"), 1); });
    restores.add(QStringLiteral("createdb + pg_restore"), [&] {
        const QString database = dropped(QStringLiteral("restored_raw"));
        return runTool(tools.psql(),
                       {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-c"),
                        QStringLiteral("CREATE DATABASE ") + database},
                       serverEnvironment) +
               runTool(tools.pgRestore(),
                       {QStringLiteral("--no-password"), QStringLiteral("--dbname=") + database, archive},
                       serverEnvironment);
    });
    restores.add(QStringLiteral("ours, restore defaults"),
                 [&] { return ourRestore(QStringLiteral("restored_parallel"), 0); });
    restores.run(rounds);
    restores.printFigure(QStringLiteral("restore ~%1 MB custom archive, vs createdb + pg_restore").arg(megabytes), 0, 1,
                         QStringLiteral("<= 1.05x"));
    restores.printFigure(QStringLiteral("restore ~%1 MB, our defaults (%2 cores) vs createdb + pg_restore defaults")
                             .arg(megabytes)
                             .arg(cores),
                         2, 1, QStringLiteral("-"));
    return 0;
}
