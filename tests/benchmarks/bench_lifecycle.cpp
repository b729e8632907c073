// Bootstrap of an empty database and verify of the result, for every built-in pack, against psql
// doing the same by hand: CREATE DATABASE, the extensions and every migration in one transaction
// (no history, no seed, no verify); for verify, the catalog queries the snapshot issues.
//   bench_lifecycle [RUNS]     default: 5
#include "benchfigure.h"

#include "catalog/catalogreader.h"
#include "connection/databaseadmin.h"
#include "connection/databasesession.h"
#include "jobs/bootstrapjob.h"
#include "jobs/jobrunner.h"
#include "jobs/verifyjob.h"
#include "sandbox/sandboxcluster.h"
#include "util/childprocess.h"
#include "util/sqlidentifier.h"
#include "util/sqlresource.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace nrdb;

namespace {

[[noreturn]] void fail(const QString &what, const Error &error)
{
    std::fprintf(stderr, "bench_lifecycle: %s: %s\n", qPrintable(what), qPrintable(error.fullText()));
    std::exit(1);
}

void writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0)
        qFatal("cannot write %s", qPrintable(path));
}

// What bootstrap does in SQL, by hand, for psql -1 -f.
QString rawInitScript(const ModelPack &pack)
{
    QString script;
    for (const PackExtension &extension : pack.extensions)
        script += QStringLiteral("CREATE EXTENSION IF NOT EXISTS %1 WITH SCHEMA %2;\n")
                      .arg(quoteIdentifier(extension.name), quoteIdentifier(extension.schema));
    script += QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1;\n").arg(quoteIdentifier(pack.schema));
    for (const Migration &migration : pack.migrations)
        script += migration.sql + QStringLiteral(";\n");
    return script;
}

class Bench {
public:
    explicit Bench(const SandboxState &server) : m_server(server)
    {
        m_environment = environmentWithoutLibpqVariables();
        m_environment.insert(QStringLiteral("PGPASSFILE"), server.passFile);
    }

    void dropDatabase(const QString &name)
    {
        DatabaseSession maintenance;
        if (Status opened = maintenance.open(m_server.profile()); !opened)
            fail(QStringLiteral("connect"), opened.error());
        if (Status dropped = databaseadmin::dropIfExists(maintenance.database(), name); !dropped)
            fail(QStringLiteral("drop"), dropped.error());
    }

    template <typename JobType>
    std::shared_ptr<JobType> runJob(std::shared_ptr<JobType> job)
    {
        JobRunner runner;
        Error failure;
        QObject::connect(&runner, &JobRunner::finished,
                         [&failure](JobId, JobState, const Error &error) { failure = error; });
        runner.submit(job);
        runner.waitForIdle(120000);
        if (!job->hasResult())
            fail(job->title(), failure);
        return job;
    }

    void psql(const QString &database, const QStringList &arguments)
    {
        ChildCommand command(QDir(m_server.binDir).filePath(QStringLiteral("psql")),
                             QStringList{QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                                         QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), m_server.host,
                                         QStringLiteral("-p"), QString::number(m_server.port), QStringLiteral("-U"),
                                         m_server.superuser, QStringLiteral("-d"), database, QStringLiteral("-o"),
                                         QStringLiteral("/dev/null")} +
                                 arguments,
                             {}, m_environment);
        const Result<ChildOutcome> outcome = command.run();
        if (!outcome)
            fail(QStringLiteral("psql"), outcome.error());
        if (outcome.value().exitCode != 0)
            fail(QStringLiteral("psql"), Error::process(outcome.value().standardError));
    }

    const SandboxState &m_server;
    QProcessEnvironment m_environment;
};

double elapsedMs(const QElapsedTimer &clock)
{
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 5;
    SandboxCluster cluster;
    if (Status started = cluster.start(); !started)
        fail(QStringLiteral("sandbox"), started.error());
    Bench bench(cluster.state());
    QTemporaryDir scratch;
    const QString catalogScript = QDir(scratch.path()).filePath(QStringLiteral("catalog.sql"));
    QString catalog;
    for (const QString &name : CatalogReader::queryNames())
        catalog += sqlResource(name) + QStringLiteral(";\n");
    writeFile(catalogScript, catalog);

    for (const QString &packName : ModelPack::builtIn()) {
        const ModelPack pack = ModelPack::builtIn(packName).value();
        const QString initScript = QDir(scratch.path()).filePath(packName + QStringLiteral(".sql"));
        writeFile(initScript, rawInitScript(pack));
        const QString ours = QStringLiteral("bench_%1").arg(packName).replace(QLatin1Char('-'), QLatin1Char('_'));
        const QString raw = ours + QStringLiteral("_raw");
        bench::Rounds bootstrap;
        bootstrap.add(QStringLiteral("bootstrap"), [&] {
            bench.dropDatabase(ours);
            QElapsedTimer clock;
            clock.start();
            // Empty, no pack named: the default pack; the others by name.
            bench.runJob(std::make_shared<BootstrapJob>(cluster.state().profile(ours),
                                                        packName == ModelPack::defaultName() ? PackChoice::fromCatalog()
                                                                                             : PackChoice(pack)));
            return elapsedMs(clock);
        });
        bootstrap.add(QStringLiteral("psql"), [&] {
            bench.dropDatabase(raw);
            QElapsedTimer clock;
            clock.start();
            bench.psql(QStringLiteral("postgres"),
                       {QStringLiteral("-c"), QStringLiteral("CREATE DATABASE %1").arg(raw)});
            bench.psql(raw, {QStringLiteral("-1"), QStringLiteral("-f"), initScript});
            return elapsedMs(clock);
        });
        bootstrap.run(rounds);
        bootstrap.printFigure(
            QStringLiteral("%1 bootstrap of an empty database (vs CREATE DATABASE + psql -1 -f migrations)")
                .arg(packName),
            0, 1, QString());
        bench::printPlainFigure(QStringLiteral("  %1 bootstrap, median").arg(packName), bootstrap.median(0),
                                QStringLiteral("ms"), QStringLiteral("<= 1000 ms"));

        bench::Rounds verify;
        verify.add(QStringLiteral("verify"), [&] {
            QElapsedTimer clock;
            clock.start();
            const auto job =
                bench.runJob(std::make_shared<VerifyJob>(cluster.state().profile(ours), PackChoice::fromCatalog()));
            if (job->result().hasDifferences())
                qFatal("%s: %s", qPrintable(packName), qPrintable(job->result().verdict()));
            return elapsedMs(clock);
        });
        verify.add(QStringLiteral("psql"), [&] {
            QElapsedTimer clock;
            clock.start();
            bench.psql(ours, {QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-f"), catalogScript});
            return elapsedMs(clock);
        });
        verify.run(rounds);
        verify.printFigure(
            QStringLiteral("%1 verify, connection included (vs psql, the catalog queries)").arg(packName), 0, 1,
            QString());
        bench::printPlainFigure(QStringLiteral("  %1 verify, median").arg(packName), verify.median(0),
                                QStringLiteral("ms"), QStringLiteral("<= 200 ms"));
        bench.dropDatabase(ours);
        bench.dropDatabase(raw);
    }
    return 0;
}
