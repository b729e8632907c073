// Compare of two synthetic schemas, from nothing to the script, against pg_dump -s of both and
// diff of the two dumps (the raw way to see the differences, with no script).
//   bench_compare [TABLES ...]     default: 5000
#include "benchfigure.h"
#include "syntheticschema.h"

#include "connection/databasesession.h"
#include "jobs/comparejob.h"
#include "jobs/jobrunner.h"
#include "sandbox/sandboxcluster.h"
#include "util/childprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

using namespace nrdb;

namespace {

constexpr int kRounds = 3;

void fail(const QString &what, const Status &status)
{
    std::fprintf(stderr, "bench_compare: %s: %s\n", qPrintable(what), qPrintable(status.error().fullText()));
    std::exit(1);
}

// A database with the synthetic schema; the target has a few differences of its own.
void createDatabase(const SandboxState &server, const QString &database, int tables, bool target)
{
    if (Status created = bench::createSyntheticDatabase(server, database, tables); !created)
        fail(QStringLiteral("generate"), created);
    if (!target)
        return;
    DatabaseSession session;
    if (Status opened = session.open(server.profile(database)); !opened)
        fail(QStringLiteral("connect"), opened);
    QSqlQuery query(session.database());
    for (int table = 10; table < tables; table += tables / 10) {
        if (!query.exec(
                QStringLiteral("ALTER TABLE bench.t%1 ADD COLUMN extra_note text").arg(table, 5, 10, QLatin1Char('0'))))
            fail(QStringLiteral("difference"), Error::sql(query.lastError().text(), {}));
    }
}

double timeCompare(const SandboxState &server, const QString &source, const QString &target, int &differences)
{
    QElapsedTimer clock;
    clock.start();
    JobRunner runner;
    auto job = std::make_shared<CompareJob>(CompareSource{server.profile(source), std::nullopt, 0},
                                            server.profile(target), QStringList(), PlanOptions{});
    runner.submit(job);
    if (!runner.waitForIdle(600000) || !job->hasResult())
        fail(QStringLiteral("compare"), Error::process(QStringLiteral("the compare did not finish")));
    const QString script = job->result().plan.toSql(job->result().scriptTitle());
    differences = job->result().differenceCount();
    if (script.isEmpty())
        fail(QStringLiteral("compare"), Error::process(QStringLiteral("no script")));
    return static_cast<double>(clock.elapsed());
}

double timeDumpAndDiff(const SandboxState &server, const QString &source, const QString &target, const QString &scratch)
{
    QProcessEnvironment environment = environmentWithoutLibpqVariables();
    environment.insert(QStringLiteral("PGPASSFILE"), server.passFile);
    QElapsedTimer clock;
    clock.start();
    for (const QString &database : {source, target}) {
        ChildCommand dump(QDir(server.binDir).filePath(QStringLiteral("pg_dump")),
                          {QStringLiteral("-s"), QStringLiteral("-h"), server.host, QStringLiteral("-p"),
                           QString::number(server.port), QStringLiteral("-U"), server.superuser, QStringLiteral("-f"),
                           QDir(scratch).filePath(database + QStringLiteral(".sql")), database},
                          {}, environment);
        const Result<ChildOutcome> outcome = dump.run();
        if (!outcome || outcome.value().exitCode != 0)
            fail(QStringLiteral("pg_dump"),
                 outcome ? Status(Error::process(outcome.value().standardError)) : Status(outcome.error()));
    }
    ChildCommand diff(QStringLiteral("diff"),
                      {QDir(scratch).filePath(source + QStringLiteral(".sql")),
                       QDir(scratch).filePath(target + QStringLiteral(".sql"))},
                      {}, environment);
    const Result<ChildOutcome> outcome = diff.run();
    if (!outcome || outcome.value().exitCode > 1)
        fail(QStringLiteral("diff"),
             outcome ? Status(Error::process(outcome.value().standardError)) : Status(outcome.error()));
    return static_cast<double>(clock.elapsed());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    for (const QString &argument : QCoreApplication::arguments().mid(1))
        sizes << argument.toInt();
    if (sizes.isEmpty())
        sizes = {5000};
    SandboxCluster cluster;
    if (Status started = cluster.start(); !started)
        fail(QStringLiteral("sandbox"), started);
    const SandboxState &server = cluster.state();
    QTemporaryDir scratch;
    for (const int tables : sizes) {
        const QString source = QStringLiteral("bench_compare_source_%1").arg(tables);
        const QString target = QStringLiteral("bench_compare_target_%1").arg(tables);
        createDatabase(server, source, tables, false);
        createDatabase(server, target, tables, true);
        int differences = 0;
        bench::Rounds rounds;
        rounds.add(QStringLiteral("compare"), [&] { return timeCompare(server, source, target, differences); });
        rounds.add(QStringLiteral("pg_dump -s x2 + diff"),
                   [&] { return timeDumpAndDiff(server, source, target, scratch.path()); });
        rounds.run(kRounds);
        rounds.printFigure(
            QStringLiteral("compare, two %1-table schemas to the script (vs pg_dump -s of both + diff)").arg(tables), 0,
            1, tables == 5000 ? QStringLiteral("<= 1.0x") : QString());
        bench::printPlainFigure(QStringLiteral("  differences found"), differences, QString(), QStringLiteral("10"));
    }
    return 0;
}
