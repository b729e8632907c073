// The schema snapshot against psql fetching the same catalog rows, on synthetic schemas.
//   bench_catalog [TABLES ...]     default: 1000 5000 20000
#include "benchfigure.h"
#include "syntheticschema.h"

#include "catalog/catalogreader.h"
#include "connection/databaseadmin.h"
#include "connection/databasesession.h"
#include "sandbox/sandboxcluster.h"
#include "util/childprocess.h"
#include "util/sqlresource.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace nrdb;

namespace {

constexpr int kRuns = 3;

// VmHWM: the most memory this process has held so far, in MiB.
double peakResidentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

// The same eight queries the snapshot issues, one file, for psql.
QString writeCatalogScript(const QString &dir)
{
    const QString path = QDir(dir).filePath(QStringLiteral("catalog.sql"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    for (const QString &name : CatalogReader::queryNames())
        file.write(sqlResource(name).toUtf8() + ";\n");
    return path;
}

void fail(const QString &what, const Status &status)
{
    std::fprintf(stderr, "bench_catalog: %s: %s\n", qPrintable(what), qPrintable(status.error().fullText()));
    std::exit(1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    for (const QString &argument : QCoreApplication::arguments().mid(1))
        sizes << argument.toInt();
    if (sizes.isEmpty())
        sizes = {1000, 5000, 20000};

    SandboxCluster cluster;
    if (Status started = cluster.start(); !started)
        fail(QStringLiteral("sandbox"), started);
    const SandboxState &server = cluster.state();
    QTemporaryDir scratch;
    const QString script = writeCatalogScript(scratch.path());

    for (const int tables : sizes) {
        const QString database = QStringLiteral("bench_%1").arg(tables);
        {
            DatabaseSession maintenance;
            Status status = maintenance.open(server.profile());
            if (status)
                status = databaseadmin::create(maintenance.database(), database);
            if (!status)
                fail(QStringLiteral("create database"), status);
        }
        {
            DatabaseSession session;
            if (Status opened = session.open(server.profile(database)); !opened)
                fail(QStringLiteral("connect"), opened);
            QElapsedTimer clock;
            clock.start();
            if (Status created = bench::createSyntheticSchema(session.database(), tables); !created)
                fail(QStringLiteral("generate"), created);
            std::fprintf(stderr, "generated %d tables in %.1f s\n", tables,
                         static_cast<double>(clock.elapsed()) / 1000);
        }
        int queries = 0;
        int relations = 0;
        const double ours = bench::medianMilliseconds(kRuns, [&] {
            DatabaseSession session;
            if (Status opened = session.open(server.profile(database)); !opened)
                fail(QStringLiteral("connect"), opened);
            const Result<SchemaSnapshot> snapshot = CatalogReader::read(session.database());
            if (!snapshot)
                fail(QStringLiteral("snapshot"), snapshot.error());
            queries = snapshot.value().queryCount;
            relations = static_cast<int>(snapshot.value().relations.size());
        });
        QProcessEnvironment environment = environmentWithoutLibpqVariables();
        environment.insert(QStringLiteral("PGPASSFILE"), server.passFile);
        const double psql = bench::medianMilliseconds(kRuns, [&] {
            ChildCommand command(QDir(server.binDir).filePath(QStringLiteral("psql")),
                                 {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"),
                                  QStringLiteral("-t"), QStringLiteral("-h"), server.host, QStringLiteral("-p"),
                                  QString::number(server.port), QStringLiteral("-U"), server.superuser,
                                  QStringLiteral("-d"), database, QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                  QStringLiteral("-f"), script},
                                 {}, environment);
            const Result<ChildOutcome> outcome = command.run();
            if (!outcome || outcome.value().exitCode != 0)
                fail(QStringLiteral("psql"),
                     outcome ? Status(Error::process(outcome.value().standardError)) : Status(outcome.error()));
        });
        bench::printFigure(QStringLiteral("catalog snapshot, %1 tables (vs psql, same rows)").arg(tables), ours, psql,
                           QStringLiteral("ms"), tables == 5000 ? QStringLiteral("<= 1.5x") : QString());
        bench::printPlainFigure(QStringLiteral("  queries issued (%1 relations read)").arg(relations), queries,
                                QString(), QStringLiteral("constant"));
        bench::printPlainFigure(QStringLiteral("  peak memory after %1 tables").arg(tables), peakResidentMiB(),
                                QStringLiteral("MiB"), QString());
    }
    return 0;
}
