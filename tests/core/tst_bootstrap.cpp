// Bootstrap on the real server: from no database at all to verified and seeded, and again.
#include "scratchdatabase.h"

#include "connection/databaseadmin.h"
#include "connection/databasesession.h"
#include "jobs/bootstrapjob.h"
#include "jobs/jobrunner.h"

#include <QtTest/QtTest>

using namespace nrdb;

class TestBootstrap : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::ScratchDatabase probe(QStringLiteral("probe"));
        NRDB_REQUIRE_SCRATCH_DATABASE(probe);
        m_server = probe.server();
        m_profile = m_server.profile(QStringLiteral("nrdb_bootstrap_%1").arg(QCoreApplication::applicationPid()));
        m_pack = ModelPack::builtIn(QStringLiteral("netraven-v1")).value();
    }

    void fromNothingThenAgain()
    {
        auto first = run();
        QVERIFY(first->hasResult());
        const BootstrapReport &report = first->result();
        QVERIFY(report.createdDatabase);
        QCOMPARE(report.init.appliedMigrations, QStringList{QStringLiteral("0001_baseline")});
        QCOMPARE(report.seed.tables.at(2).inserted, 22);
        QVERIFY2(!report.verify.hasDifferences(), qPrintable(report.verify.verdict()));
        QVERIFY(report.seed.generatedSecrets.contains(QStringLiteral("admin_password")));
        qInfo("bootstrap of an empty database on the sandbox: %lld ms (goal <= 1000 ms)", report.durationMs);

        auto second = run();
        QVERIFY(second->hasResult());
        QVERIFY(second->result().nothingToDo());
        QCOMPARE(second->result().summary(), QStringLiteral("Nothing to do: Matches netraven-v1 at version 1"));
    }

    // Four clients bootstrap one missing database at once (no pack named: NetRaven v2): each
    // succeeds, one creates it, the advisory lock lets one init and seed, the others find it done.
    void fourAtOnceOnAMissingDatabase()
    {
        ConnectionProfile target = m_profile;
        target.database += QStringLiteral("_race");
        std::vector<std::unique_ptr<JobRunner>> runners;
        std::vector<std::shared_ptr<BootstrapJob>> jobs;
        QStringList errors;
        for (int i = 0; i < 4; ++i) {
            runners.push_back(std::make_unique<JobRunner>());
            jobs.push_back(std::make_shared<BootstrapJob>(target, PackChoice::fromCatalog()));
            connect(runners.back().get(), &JobRunner::finished, this,
                    [&errors](JobId, JobState state, const Error &error) {
                        if (state != JobState::Succeeded)
                            errors << error.fullText();
                    });
        }
        for (int i = 0; i < 4; ++i)
            runners.at(i)->submit(jobs.at(i));
        for (const auto &runner : runners)
            QVERIFY(runner->waitForIdle(60000));
        DatabaseSession maintenance;
        QVERIFY(maintenance.open(m_server.profile()));
        (void)databaseadmin::dropIfExists(maintenance.database(), target.database);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        int created = 0;
        int initialised = 0;
        for (const auto &job : jobs) {
            created += job->result().createdDatabase ? 1 : 0;
            initialised += job->result().init.appliedMigrations.isEmpty() ? 0 : 1;
            QVERIFY2(!job->result().verify.hasDifferences(), qPrintable(job->result().verify.verdict()));
        }
        QCOMPARE(created, 1);
        QCOMPARE(initialised, 1);
    }

    void cleanupTestCase()
    {
        DatabaseSession maintenance;
        if (maintenance.open(m_server.profile()))
            (void)databaseadmin::dropIfExists(maintenance.database(), m_profile.database);
    }

private:
    std::shared_ptr<BootstrapJob> run()
    {
        auto job = std::make_shared<BootstrapJob>(m_profile, m_pack);
        JobRunner runner;
        runner.submit(job);
        runner.waitForIdle(60000);
        return job;
    }

    SandboxState m_server;
    ConnectionProfile m_profile;
    ModelPack m_pack;
};

QTEST_GUILESS_MAIN(TestBootstrap)
#include "tst_bootstrap.moc"
