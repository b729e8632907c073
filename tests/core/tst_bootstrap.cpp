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
