// Init and migrations on the real server: idempotence, concurrency, interruption, drifted files,
// a user who may not create what the pack needs, and a server whose disk is full.
#include "queries.h"
#include "sandboxcontrol.h"
#include "scratchdatabase.h"
#include "smallfilesystem.h"

#include "connection/databasesession.h"
#include "jobs/initjob.h"
#include "jobs/jobrunner.h"
#include "jobs/seedjob.h"
#include "jobs/verifyjob.h"
#include "migrate/migrationstatus.h"
#include "migrate/schemahistory.h"
#include "sandbox/sandboxcluster.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace nrdb;

namespace {

struct Outcome {
    JobState state = JobState::Queued;
    Error error;
    QStringList log;
};

// Runs one job on its own runner (its own connection) and waits for it.
Outcome runJob(const std::shared_ptr<Job> &job)
{
    JobRunner runner;
    Outcome outcome;
    QObject::connect(&runner, &JobRunner::messageLogged,
                     [&outcome](const LogRecord &record) { outcome.log << record.text(); });
    QObject::connect(&runner, &JobRunner::finished, [&outcome](JobId, JobState state, const Error &error) {
        outcome.state = state;
        outcome.error = error;
    });
    runner.submit(job);
    runner.waitForIdle(120000);
    return outcome;
}

void writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
}

// A pack of its own: schema "slow", migration 1 creates a, migration 2 creates b (after a pause).
QString makeSlowPack(QTemporaryDir &dir, double secondMigrationSleep)
{
    writeFile(dir.filePath(QStringLiteral("pack/pack.json")),
              QStringLiteral(R"({"name": "slowpack", "schema": "slow", "requiredTables": ["a", "b"]})"));
    writeFile(dir.filePath(QStringLiteral("pack/migrations/0001_a.sql")),
              QStringLiteral("CREATE TABLE slow.a (x int);\n"));
    writeFile(dir.filePath(QStringLiteral("pack/migrations/0002_b.sql")),
              QStringLiteral("CREATE TABLE slow.b (x int);\nSELECT pg_sleep(%1);\n").arg(secondMigrationSleep));
    return dir.filePath(QStringLiteral("pack"));
}

ModelPack loadPack(const QString &directory)
{
    Result<ModelPack> pack = ModelPack::load(directory);
    if (!pack)
        qFatal("%s", qPrintable(pack.error().fullText()));
    return std::move(pack).value();
}

} // namespace

class TestInit : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::ScratchDatabase probe(QStringLiteral("probe"));
        NRDB_REQUIRE_SCRATCH_DATABASE(probe);
        const Result<ModelPack> pack = ModelPack::builtIn(QStringLiteral("netraven-v1"));
        QVERIFY2(pack, qPrintable(pack ? QString() : pack.error().fullText()));
        m_netraven = pack.value();
        QCOMPARE(m_netraven.requiredTables.size(), 11);
        QCOMPARE(m_netraven.headVersion(), 1);
    }

    void initFromEmptyThenTwice()
    {
        test::ScratchDatabase scratch(QStringLiteral("empty"));
        QVERIFY(scratch.create());
        auto first = std::make_shared<InitJob>(scratch.profile(), m_netraven);
        const Outcome ran = runJob(first);
        QVERIFY2(ran.state == JobState::Succeeded, qPrintable(ran.error.fullText()));
        const InitReport &report = first->result();
        QCOMPARE(report.createdExtensions, (QStringList{QStringLiteral("uuid-ossp"), QStringLiteral("pgcrypto")}));
        QCOMPARE(report.createdSchemas, (QStringList{QStringLiteral("netraven"), QStringLiteral("nrdb")}));
        QCOMPARE(report.appliedMigrations, QStringList{QStringLiteral("0001_baseline")});
        QCOMPARE(test::queryValues(scratch.profile(),
                                   QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'netraven'")),
                 QStringList{QStringLiteral("13")});
        QCOMPARE(test::queryValues(scratch.profile(),
                                   QStringLiteral("SELECT extnamespace::regnamespace::text FROM pg_extension "
                                                  "WHERE extname IN ('uuid-ossp', 'pgcrypto')")),
                 (QStringList{QStringLiteral("public"), QStringLiteral("public")}));
        QCOMPARE(test::queryValues(
                     scratch.profile(),
                     QStringLiteral("SELECT checksum || ' ' || applied_by || ' ' || how FROM nrdb.schema_history")),
                 QStringList{m_netraven.migrations.first().checksum + QStringLiteral(" postgres applied")});

        auto second = std::make_shared<InitJob>(scratch.profile(), m_netraven);
        const Outcome again = runJob(second);
        QCOMPARE(again.state, JobState::Succeeded);
        QVERIFY(second->result().changedNothing());
        QCOMPARE(second->result().versionBefore, 1);
        QVERIFY(again.log.contains(QStringLiteral("%1 is at version 1: nothing to do").arg(scratch.name())));
        QCOMPARE(test::queryValues(scratch.profile(), QStringLiteral("SELECT count(*) FROM nrdb.schema_history")),
                 QStringList{QStringLiteral("1")});
    }

    void severalClientsAtOnce()
    {
        test::ScratchDatabase scratch(QStringLiteral("concurrent"));
        QVERIFY(scratch.create());
        QTemporaryDir dir;
        const ModelPack pack = loadPack(makeSlowPack(dir, 1.5));
        QVector<std::shared_ptr<InitJob>> jobs;
        std::vector<std::unique_ptr<JobRunner>> runners;
        QStringList log;
        int finished = 0;
        for (int i = 0; i < 3; ++i) {
            runners.push_back(std::make_unique<JobRunner>());
            connect(runners.back().get(), &JobRunner::messageLogged, this,
                    [&log](const LogRecord &r) { log << r.text(); });
            connect(runners.back().get(), &JobRunner::finished, this, [&finished] { ++finished; });
            jobs << std::make_shared<InitJob>(scratch.profile(), pack);
            runners.back()->submit(jobs.back());
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 3, 60000);
        int appliers = 0;
        for (const auto &job : jobs) {
            QVERIFY(job->hasResult());
            if (!job->result().appliedMigrations.isEmpty()) {
                ++appliers;
                QCOMPARE(job->result().appliedMigrations.size(), 2);
            }
        }
        QCOMPARE(appliers, 1);
        QVERIFY2(std::any_of(log.cbegin(), log.cend(),
                             [](const QString &line) {
                                 return line.startsWith(
                                     QLatin1String("Waiting for the lock to change the schema, held by pid"));
                             }),
                 qPrintable(log.join(QLatin1Char('\n'))));
        QCOMPARE(test::queryValues(
                     scratch.profile(),
                     QStringLiteral("SELECT string_agg(version::text, ',' ORDER BY version) FROM nrdb.schema_history")),
                 QStringList{QStringLiteral("1,2")});
    }

    void killedConnectionLeavesThePreviousStep()
    {
        test::ScratchDatabase scratch(QStringLiteral("killed"));
        QVERIFY(scratch.create());
        QTemporaryDir dir;
        const QString packDir = makeSlowPack(dir, 60);
        auto job = std::make_shared<InitJob>(scratch.profile(), loadPack(packDir));
        JobRunner runner;
        JobState state = JobState::Queued;
        connect(&runner, &JobRunner::finished, this, [&state](JobId, JobState s) { state = s; });
        runner.submit(job);
        // Wait until migration 2 sleeps inside its transaction, then end that backend.
        QStringList pid;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(pid = test::queryValues(scratch.profile(),
                                      QStringLiteral("SELECT pid FROM pg_stat_activity WHERE query LIKE "
                                                     "'%pg_sleep(60)%' AND pid <> pg_backend_pid()")))
                 .isEmpty(),
            20000);
        QCOMPARE(
            test::queryValues(scratch.profile(), QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid.first())),
            QStringList{QStringLiteral("true")});
        QVERIFY(runner.waitForIdle(30000));
        QCOMPARE(state, JobState::Failed);
        QCOMPARE(test::queryValues(scratch.profile(),
                                   QStringLiteral("SELECT string_agg(version::text, ',') FROM nrdb.schema_history")),
                 QStringList{QStringLiteral("1")});
        QCOMPARE(test::queryValues(
                     scratch.profile(),
                     QStringLiteral("SELECT to_regclass('slow.a') IS NOT NULL, to_regclass('slow.b') IS NULL")),
                 QStringList{QStringLiteral("true")});
        QCOMPARE(test::queryValues(scratch.profile(), QStringLiteral("SELECT to_regclass('slow.b') IS NULL")),
                 QStringList{QStringLiteral("true")});

        writeFile(packDir + QStringLiteral("/migrations/0002_b.sql"), QStringLiteral("CREATE TABLE slow.b (x int);\n"));
        auto rerun = std::make_shared<InitJob>(scratch.profile(), loadPack(packDir));
        const Outcome again = runJob(rerun);
        QVERIFY2(again.state == JobState::Succeeded, qPrintable(again.error.fullText()));
        QCOMPARE(rerun->result().appliedMigrations, QStringList{QStringLiteral("0002_b")});
    }

    void editedAppliedMigrationIsCaught()
    {
        test::ScratchDatabase scratch(QStringLiteral("edited"));
        QVERIFY(scratch.create());
        QTemporaryDir dir;
        const QString packDir = makeSlowPack(dir, 0);
        QCOMPARE(runJob(std::make_shared<InitJob>(scratch.profile(), loadPack(packDir))).state, JobState::Succeeded);

        // Line endings and trailing blanks are not a change…
        writeFile(packDir + QStringLiteral("/migrations/0001_a.sql"),
                  QStringLiteral("CREATE TABLE slow.a (x int);   \r\n\r\n"));
        DatabaseSession session;
        QVERIFY(session.open(scratch.profile()));
        const ModelPack same = loadPack(packDir);
        QVERIFY(MigrationStatus::compare(same, schemahistory::applied(session.database(), same.name).value())
                    .mismatches.isEmpty());

        // …an edited statement is.
        writeFile(packDir + QStringLiteral("/migrations/0001_a.sql"),
                  QStringLiteral("CREATE TABLE slow.a (x bigint);\n"));
        const ModelPack edited = loadPack(packDir);
        const MigrationStatus status =
            MigrationStatus::compare(edited, schemahistory::applied(session.database(), edited.name).value());
        QCOMPARE(status.mismatches.size(), 1);
        QCOMPARE(status.mismatches.first().version, 1);
        const Outcome refused = runJob(std::make_shared<InitJob>(scratch.profile(), edited));
        QCOMPARE(refused.state, JobState::Failed);
        QVERIFY(refused.error.message.contains(QLatin1String("checksum changed")));
    }

    void userWhoMayNotCreateGetsTheStatements()
    {
        test::ScratchDatabase scratch(QStringLiteral("limited"));
        QVERIFY(scratch.create());
        QVERIFY(test::queryValues(scratch.profile(), QStringLiteral("DROP ROLE IF EXISTS nrdb_limited")).isEmpty());
        QVERIFY(test::queryValues(scratch.profile(),
                                  QStringLiteral("CREATE ROLE nrdb_limited LOGIN PASSWORD 'Limited-Pass-1'"))
                    .isEmpty());
        ConnectionProfile limited = scratch.profile();
        limited.user = QStringLiteral("nrdb_limited");
        limited.password = QStringLiteral("Limited-Pass-1");

        const Outcome refused = runJob(std::make_shared<InitJob>(limited, m_netraven));
        QCOMPARE(refused.state, JobState::Failed);
        QCOMPARE(refused.error.message, QStringLiteral("Init stopped before changing anything"));
        const QString detail = refused.error.detail;
        for (const char *statement : {R"(CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA "public";)",
                                      R"(CREATE EXTENSION IF NOT EXISTS "pgcrypto" WITH SCHEMA "public";)",
                                      R"(CREATE SCHEMA IF NOT EXISTS "netraven" AUTHORIZATION "nrdb_limited";)",
                                      R"(CREATE SCHEMA IF NOT EXISTS "nrdb" AUTHORIZATION "nrdb_limited";)"})
            QVERIFY2(detail.contains(QLatin1String(statement)), qPrintable(detail));
        QCOMPARE(test::queryValues(
                     scratch.profile(),
                     QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname IN ('netraven', 'nrdb')")),
                 QStringList{QStringLiteral("0")});
        QCOMPARE(test::queryValues(
                     scratch.profile(),
                     QStringLiteral("SELECT count(*) FROM pg_extension WHERE extname IN ('uuid-ossp', 'pgcrypto')")),
                 QStringList{QStringLiteral("0")});

        // Once a superuser ran what the message says, the same user can init.
        const QStringList statements = detail.section(QStringLiteral("running:\n"), 1).split(QLatin1Char('\n'));
        for (const QString &statement : statements)
            QVERIFY(test::queryValues(scratch.profile(), statement.trimmed()).isEmpty());
        const Outcome ran = runJob(std::make_shared<InitJob>(limited, m_netraven));
        QVERIFY2(ran.state == JobState::Succeeded, qPrintable(ran.error.fullText()));
        QCOMPARE(test::queryValues(scratch.profile(),
                                   QStringLiteral("SELECT tableowner FROM pg_tables WHERE tablename = 'devices'")),
                 QStringList{QStringLiteral("nrdb_limited")});
    }

    // A migration whose statement after the first fails is that statement's failure, and leaves
    // nothing: its first table absent, the history without it.
    void aMigrationFailsOnAnyOfItsStatements()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("pack/pack.json")),
                  QStringLiteral(R"({"name": "brokenpack", "schema": "broken", "requiredTables": ["a", "b"]})"));
        writeFile(dir.filePath(QStringLiteral("pack/migrations/0001_a.sql")),
                  QStringLiteral("CREATE TABLE broken.a (x int);\nINSERT INTO broken.a VALUES (1 / 0);\nCREATE TABLE "
                                 "broken.b (x int);\n"));
        test::ScratchDatabase scratch(QStringLiteral("broken"));
        QVERIFY(scratch.create());
        const Outcome ran = runJob(
            std::make_shared<InitJob>(scratch.profile(), PackChoice(loadPack(dir.filePath(QStringLiteral("pack"))))));
        QCOMPARE(ran.state, JobState::Failed);
        QVERIFY2(ran.error.message.startsWith(QLatin1String("Migration 0001_a failed: ERROR:  division by zero")),
                 qPrintable(ran.error.fullText()));
        QCOMPARE(ran.error.sqlState, QStringLiteral("22012"));
        QCOMPARE(test::queryValue(scratch.profile(),
                                  QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'broken'")),
                 QStringLiteral("0"));
        QCOMPARE(test::queryValue(scratch.profile(), QStringLiteral("SELECT count(*) FROM nrdb.schema_history")),
                 QStringLiteral("0"));
    }

    // The server stops at once in the middle of a migration: the job fails, and once the server is
    // back that migration left nothing, its table absent and the history ending before it.
    void aServerThatStopsMidMigrationLeavesItUnapplied()
    {
        QTemporaryDir dir;
        const ModelPack pack = loadPack(makeSlowPack(dir, 60));
        SandboxCluster sandbox;
        QVERIFY2(sandbox.start(), "no private server");
        const SandboxState &state = sandbox.state();
        QVERIFY(test::queryValues(state.profile(), QStringLiteral("CREATE DATABASE midway")).isEmpty());
        const ConnectionProfile target = state.profile(QStringLiteral("midway"));
        JobRunner runner;
        const JobId id = runner.submit(std::make_shared<InitJob>(target, PackChoice(pack)));
        QTRY_VERIFY_WITH_TIMEOUT(
            test::queryValue(target,
                             QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' "
                                            "AND pid <> pg_backend_pid()")) == QLatin1String("1"),
            30000);
        // The sandbox commits asynchronously (synchronous_commit = off): give the WAL writer time to
        // write migration 1's commit, as a server that commits synchronously would have at once.
        QTest::qWait(1000);
        QVERIFY(test::stopServerNow(state));
        QVERIFY(runner.waitForIdle(60000));
        QCOMPARE(runner.state(id), JobState::Failed);
        QVERIFY(test::startServerAgain(state));
        QCOMPARE(test::queryValue(target, QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'slow'")),
                 QStringLiteral("1"));
        QCOMPARE(test::queryValue(target, QStringLiteral("SELECT max(version) FROM nrdb.schema_history")),
                 QStringLiteral("1"));
    }

    // The server's own disk fills up (its data directory on a small filesystem, free space stepped
    // from nothing to a few MiB): an init or a seed either succeeds or fails with the server's
    // reason and leaves no half-applied step, so that once there is room again the same job
    // succeeds and the database verifies clean with the seed's rows once.
    void aFullServerDiskLeavesNoHalfStep()
    {
        test::SmallFilesystem small;
        if (const QString why = small.mount(256 * 1024 * 1024); !why.isEmpty())
            QSKIP(qPrintable(why));
        SandboxOptions options;
        options.parentDir = small.path();
        SandboxCluster sandbox(options);
        QVERIFY2(sandbox.start(), "no private server");
        const SandboxState &state = sandbox.state();
        const ConnectionProfile target = state.profile(QStringLiteral("filled"));
        const auto serverUp = [&] {
            return test::queryValue(state.profile(), QStringLiteral("SELECT 1")) == QLatin1String("1") ||
                   test::startServerAgain(state);
        };
        const std::function<std::shared_ptr<Job>()> jobs[] = {
            [&] { return std::make_shared<InitJob>(target, m_netraven); },
            [&] { return std::make_shared<SeedJob>(target, m_netraven); },
        };
        int failed = 0;
        int succeeded = 0;
        for (const qint64 free : {qint64(0), qint64(16) << 10, qint64(128) << 10, qint64(1) << 20, qint64(8) << 20}) {
            QVERIFY(test::queryValues(state.profile(), QStringLiteral("DROP DATABASE IF EXISTS filled")).isEmpty());
            QVERIFY(test::queryValues(state.profile(), QStringLiteral("CREATE DATABASE filled")).isEmpty());
            QVERIFY(test::queryValues(state.profile(), QStringLiteral("CHECKPOINT")).isEmpty());
            QCOMPARE(test::queryValue(target, QStringLiteral("SELECT 1")),
                     QStringLiteral("1")); // its first session writes the catalog cache file
            for (const auto &makeJob : jobs) {
                QVERIFY(small.fillLeaving(free));
                const Outcome full = runJob(makeJob());
                small.removeFiller();
                QVERIFY2(serverUp(), qPrintable(QStringLiteral("free %1: the server did not come back").arg(free)));
                if (full.state == JobState::Succeeded) {
                    ++succeeded;
                    continue;
                }
                ++failed;
                QVERIFY2(full.state == JobState::Failed &&
                             full.error.message.contains(QLatin1String("No space left on device")),
                         qPrintable(full.error.fullText()));
                const Outcome again = runJob(makeJob());
                QVERIFY2(again.state == JobState::Succeeded,
                         qPrintable(QStringLiteral("free %1, after \"%2\": %3")
                                        .arg(free)
                                        .arg(full.error.message, again.error.fullText())));
            }
            auto verify = std::make_shared<VerifyJob>(target, PackChoice(m_netraven));
            QCOMPARE(runJob(verify).state, JobState::Succeeded);
            QVERIFY2(!verify->result().hasDifferences(),
                     qPrintable(verify->result().differenceLines().join(QLatin1Char('\n'))));
            QCOMPARE(test::queryValue(target, QStringLiteral("SELECT count(*) FROM netraven.users")),
                     QStringLiteral("1"));
            QCOMPARE(test::queryValue(target, QStringLiteral("SELECT count(*) FROM nrdb.schema_history")),
                     QStringLiteral("1"));
        }
        qInfo("with the server's disk full: %d inits and seeds succeeded, %d failed and succeeded once there was room",
              succeeded, failed);
        QVERIFY(failed > 0);
        QVERIFY(succeeded > 0);
    }

private:
    ModelPack m_netraven;
};

QTEST_GUILESS_MAIN(TestInit)
#include "tst_init.moc"
