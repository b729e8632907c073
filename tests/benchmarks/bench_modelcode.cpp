// Model code generation (export-models) against the catalog snapshot it is made from, on
// synthetic schemas: the goal is at most 1 s beyond the snapshot for 1,000 tables.
//   bench_modelcode [TABLES ...]     default: 1000 5000
#include "benchfigure.h"
#include "syntheticschema.h"

#include "catalog/catalogreader.h"
#include "codegen/modelcode.h"
#include "connection/databasesession.h"
#include "sandbox/sandboxcluster.h"

#include <QCoreApplication>

#include <cstdio>

using namespace nrdb;

namespace {

constexpr int kRuns = 3;

void fail(const QString &what, const Status &status)
{
    std::fprintf(stderr, "bench_modelcode: %s: %s\n", qPrintable(what), qPrintable(status.error().fullText()));
    std::exit(1);
}

SchemaSnapshot filledDatabase(const SandboxState &server, const QString &database, int tables)
{
    if (Status created = bench::createSyntheticDatabase(server, database, tables); !created)
        fail(QStringLiteral("generate the schema"), created);
    DatabaseSession session;
    if (Status opened = session.open(server.profile(database)); !opened)
        fail(QStringLiteral("connect"), opened);
    Result<SchemaSnapshot> snapshot = CatalogReader::read(session.database());
    if (!snapshot)
        fail(QStringLiteral("snapshot"), snapshot.error());
    return std::move(snapshot).value();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    for (const QString &argument : QCoreApplication::arguments().mid(1))
        sizes << argument.toInt();
    if (sizes.isEmpty())
        sizes = {1000, 5000};
    SandboxCluster cluster;
    if (Status started = cluster.start(); !started)
        fail(QStringLiteral("sandbox"), started);
    const SandboxState &server = cluster.state();
    for (const int tables : sizes) {
        const QString database = QStringLiteral("bench_models_%1").arg(tables);
        const SchemaSnapshot snapshot = filledDatabase(server, database, tables);
        const double snapshotMs = bench::medianMilliseconds(kRuns, [&] {
            DatabaseSession session;
            if (Status opened = session.open(server.profile(database)); !opened)
                fail(QStringLiteral("connect"), opened);
            if (const Result<SchemaSnapshot> read = CatalogReader::read(session.database()); !read)
                fail(QStringLiteral("snapshot"), read.error());
        });
        ModelCodeOptions options;
        options.generatedAt = QDateTime::currentDateTimeUtc();
        qsizetype bytes = 0;
        const double generationMs = bench::medianMilliseconds(kRuns, [&] {
            const ModelCode code = generateModelCode(snapshot, options);
            bytes = code.models.size() + code.schemas.size();
        });
        bench::printFigure(QStringLiteral("model code, %1 tables (generation vs the snapshot it reads)").arg(tables),
                           generationMs, snapshotMs, QStringLiteral("ms"), QString());
        bench::printPlainFigure(QStringLiteral("  generation beyond the snapshot, %1 tables").arg(tables), generationMs,
                                QStringLiteral("ms"), tables == 1000 ? QStringLiteral("<= 1000 ms") : QString());
        bench::printPlainFigure(QStringLiteral("  models.py and schemas.py, %1 tables").arg(tables),
                                double(bytes) / 1024, QStringLiteral("KiB"), QString());
    }
    return 0;
}
