// Repair on a real server: each kind of drift, made by hand on a NetRaven v2 database with its
// seed rows, is planned and applied, and verify is clean afterwards; what cannot be done safely is
// refused; extras stay unless drops are allowed; the script runs in psql; renames are only hinted;
// a lock wait ends at its timeout and a cancel stops the statement on the server.
#include "queries.h"
#include "scratchdatabase.h"

#include "backup/clienttools.h"
#include "connection/databasesession.h"
#include "jobs/bootstrapjob.h"
#include "jobs/jobrunner.h"
#include "jobs/repairjob.h"
#include "jobs/verifyjob.h"
#include "model/migrationplan.h"
#include "model/modelpack.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace nrdb;

namespace {

ModelPack netRavenV2()
{
    return ModelPack::builtIn(QStringLiteral("netraven-v2")).value();
}

bool hasStatement(const MigrationPlan &plan, const QString &start)
{
    return std::any_of(plan.statements.cbegin(), plan.statements.cend(),
                       [&start](const PlannedStatement &statement) { return statement.sql.startsWith(start); });
}

} // namespace

class TestRepair : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { NRDB_REQUIRE_SCRATCH_DATABASE(m_probe); }

    void init()
    {
        m_scratch = std::make_unique<test::ScratchDatabase>(QStringLiteral("repair"));
        QVERIFY(m_scratch->create());
        auto bootstrap = std::make_shared<BootstrapJob>(m_scratch->profile(), netRavenV2());
        QVERIFY(run(bootstrap));
        QVERIFY(!bootstrap->result().verify.hasDifferences());
    }

    void cleanup() { m_scratch.reset(); }

    void eachKindOfDriftIsRepaired_data()
    {
        QTest::addColumn<QByteArray>("breakage");      // statements, each ending with ;
        QTest::addColumn<QByteArray>("expectedStart"); // a statement the repair must have
        // clang-format off
        QTest::newRow("index") << QByteArray("DROP INDEX ix_devices_hostname;")
                               << QByteArray("CREATE UNIQUE INDEX CONCURRENTLY ix_devices_hostname");
        QTest::newRow("foreign key") << QByteArray("ALTER TABLE jobs DROP CONSTRAINT jobs_device_id_fkey;")
                                     << QByteArray("ALTER TABLE \"public\".\"jobs\" VALIDATE CONSTRAINT \"jobs_device_id_fkey\"");
        QTest::newRow("unique") << QByteArray("ALTER TABLE devices DROP CONSTRAINT devices_hostname_key;")
                                << QByteArray("CREATE UNIQUE INDEX CONCURRENTLY \"devices_hostname_key\"");
        QTest::newRow("primary key and the keys that need it")
            << QByteArray("ALTER TABLE tags DROP CONSTRAINT tags_pkey CASCADE;")
            << QByteArray("ALTER TABLE \"public\".\"tags\" ADD CONSTRAINT \"tags_pkey\" PRIMARY KEY USING INDEX");
        QTest::newRow("table with its sequence and the keys to it")
            << QByteArray("DROP TABLE credential_tag_association;DROP TABLE credentials CASCADE;")
            << QByteArray("CREATE SEQUENCE IF NOT EXISTS \"public\".\"credentials_id_seq\"");
        QTest::newRow("sequence") << QByteArray("DROP SEQUENCE tags_id_seq CASCADE;")
                                  << QByteArray("ALTER SEQUENCE \"public\".\"tags_id_seq\" OWNED BY");
        QTest::newRow("nullable column") << QByteArray("ALTER TABLE devices DROP COLUMN description;")
                                         << QByteArray("ALTER TABLE \"public\".\"devices\" ADD COLUMN \"description\"");
        QTest::newRow("column with a default") << QByteArray("ALTER TABLE users DROP COLUMN role;")
                                               << QByteArray("ALTER TABLE \"public\".\"users\" ADD COLUMN \"role\"");
        QTest::newRow("type") << QByteArray("ALTER TABLE logs ALTER COLUMN level TYPE varchar(64);")
                              << QByteArray("ALTER TABLE \"public\".\"logs\" ALTER COLUMN \"level\" TYPE character varying(16)");
        QTest::newRow("default") << QByteArray("ALTER TABLE devices ALTER COLUMN port DROP DEFAULT;")
                                 << QByteArray("ALTER TABLE \"public\".\"devices\" ALTER COLUMN \"port\" SET DEFAULT 22");
        QTest::newRow("not null") << QByteArray("ALTER TABLE users ALTER COLUMN email DROP NOT NULL;")
                                  << QByteArray("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"email\" SET NOT NULL");
        QTest::newRow("nullable") << QByteArray("ALTER TABLE devices ALTER COLUMN port SET NOT NULL;")
                                  << QByteArray("ALTER TABLE \"public\".\"devices\" ALTER COLUMN \"port\" DROP NOT NULL");
        QTest::newRow("comment") << QByteArray("COMMENT ON TABLE users IS 'who logs in';")
                                 << QByteArray("COMMENT ON TABLE \"public\".\"users\" IS NULL");
        QTest::newRow("enum with the column using it")
            << QByteArray("ALTER TABLE devices DROP COLUMN source;DROP TYPE device_source;")
            << QByteArray("CREATE TYPE \"public\".\"device_source\" AS ENUM ('local', 'imported')");
        // clang-format on
    }

    void eachKindOfDriftIsRepaired()
    {
        QFETCH(QByteArray, breakage);
        QFETCH(QByteArray, expectedStart);
        breakWith(QString::fromUtf8(breakage).split(QLatin1Char(';'), Qt::SkipEmptyParts));
        auto repair = std::make_shared<RepairJob>(m_scratch->profile(), PackChoice(), PlanOptions{}, true);
        QVERIFY(run(repair));
        const RepairReport &report = repair->result();
        QVERIFY(report.before.hasDifferences());
        QVERIFY2(hasStatement(report.plan, QString::fromUtf8(expectedStart)), qPrintable(report.plan.toSql({})));
        QVERIFY(report.plan.refused.isEmpty());
        QVERIFY(report.applied);
        QCOMPARE(report.run.statements.size(), report.plan.statements.size());
        QVERIFY(report.after);
        QVERIFY2(!report.after->hasDifferences(), qPrintable(report.after->differenceLines().join(QLatin1Char('\n')) +
                                                             QLatin1Char('\n') + report.plan.toSql({})));
        QCOMPARE(test::queryValue(m_scratch->profile(), QStringLiteral("SELECT count(*) FROM users")),
                 QStringLiteral("1")); // the seed's admin is still there
    }

    // Sequences before the tables whose defaults use them, tables before their keys, keys before
    // the foreign keys that need them; a sequence is owned by its column once the table exists.
    void theScriptIsInDependencyOrder()
    {
        breakWith({QStringLiteral("DROP TABLE credential_tag_association"),
                   QStringLiteral("DROP TABLE credentials CASCADE")});
        const MigrationPlan plan = planOnly();
        const auto first = [&plan](const QString &start, const QString &containing = {}) {
            for (int i = 0; i < plan.statements.size(); ++i) {
                const QString &sql = plan.statements.at(i).sql;
                if (sql.startsWith(start) && sql.contains(containing))
                    return i;
            }
            return -1;
        };
        const int sequence = first(QStringLiteral("CREATE SEQUENCE"), QStringLiteral("credentials_id_seq"));
        const int table = first(QStringLiteral("CREATE TABLE"), QStringLiteral("\"credentials\""));
        const int key = first(QStringLiteral("ALTER TABLE"), QStringLiteral("PRIMARY KEY"));
        const int foreignKey = first(QStringLiteral("ALTER TABLE"), QStringLiteral("REFERENCES credentials(id)"));
        const int owned = first(QStringLiteral("ALTER SEQUENCE"), QStringLiteral("OWNED BY"));
        const QByteArray script = plan.toSql({}).toUtf8();
        QVERIFY2(sequence >= 0 && table > sequence, script.constData());
        QVERIFY2(key > table && foreignKey > key, script.constData());
        QVERIFY2(owned > table, script.constData());
    }

    // Labels missing before, between and after those there are go in their places; a label the
    // model lacks cannot be removed, so that difference is refused.
    void enumLabelsAreAddedInTheirPlace()
    {
        breakWith({QStringLiteral("CREATE TYPE public.level AS ENUM ('info')")});
        SchemaModel wanted;
        wanted.schema = QStringLiteral("public");
        wanted.enums.insert(QStringLiteral("level"), {QStringLiteral("debug"), QStringLiteral("info"),
                                                      QStringLiteral("warning"), QStringLiteral("error")});
        SchemaModel current = wanted;
        current.enums[QStringLiteral("level")] = QStringList{QStringLiteral("info")};
        const MigrationPlan plan = planMigration(wanted, current);
        QCOMPARE(plan.statements.size(), 3);
        for (const PlannedStatement &statement : plan.statements)
            QCOMPARE(test::queryValues(m_scratch->profile(), statement.sql), QStringList());
        QCOMPARE(test::queryValue(m_scratch->profile(), QStringLiteral("SELECT enum_range(NULL::public.level)::text")),
                 QStringLiteral("{debug,info,warning,error}"));

        current.enums[QStringLiteral("level")] = QStringList{QStringLiteral("info"), QStringLiteral("trace")};
        const MigrationPlan refused = planMigration(wanted, current);
        QVERIFY(refused.statements.isEmpty());
        QCOMPARE(refused.refused.size(), 1);
    }

    void aNotNullColumnWithoutADefaultIsRefused()
    {
        breakWith({QStringLiteral("ALTER TABLE devices DROP COLUMN device_type")});
        auto repair = std::make_shared<RepairJob>(m_scratch->profile(), PackChoice(), PlanOptions{}, true);
        QVERIFY(run(repair));
        const RepairReport &report = repair->result();
        QCOMPARE(report.plan.refused.size(), 1);
        QCOMPARE(report.plan.refused.first().item.object, QStringLiteral("device_type"));
        QVERIFY(report.plan.refused.first().reason.contains(QLatin1String("NOT NULL column with no default")));
        QVERIFY(report.plan.statements.isEmpty());
        QVERIFY(!report.after); // nothing ran
        QVERIFY(
            report.plan.toSql({}).contains(QLatin1String("-- NOT REPAIRED: missing column device_type on devices")));
    }

    void extrasStayUnlessDropsAreAllowed()
    {
        breakWith({QStringLiteral("CREATE TABLE notes (id int PRIMARY KEY, body text)"),
                   QStringLiteral("ALTER TABLE devices ADD COLUMN rack text"),
                   QStringLiteral("CREATE INDEX ix_devices_rack ON devices (rack)")});
        const MigrationPlan kept = planOnly();
        QVERIFY(kept.statements.isEmpty());
        QCOMPARE(kept.keptExtras.size(), 3);

        PlanOptions dropping;
        dropping.allowDrop = true;
        auto repair = std::make_shared<RepairJob>(m_scratch->profile(), PackChoice(), dropping, true);
        QVERIFY(run(repair));
        const MigrationPlan &plan = repair->result().plan;
        QVERIFY(plan.keptExtras.isEmpty());
        QCOMPARE(std::count_if(plan.statements.cbegin(), plan.statements.cend(),
                               [](const PlannedStatement &statement) { return statement.dropsData; }),
                 2); // the table and the column; the index holds no data
        for (const PlannedStatement &statement : plan.statements) {
            if (statement.dropsData)
                QVERIFY(statement.hazard.startsWith(QLatin1String("DATA LOSS")));
        }
        QVERIFY(!repair->result().after->hasDifferences());
    }

    void theScriptRunsInPsql()
    {
        breakWith({QStringLiteral("DROP INDEX ix_devices_hostname"),
                   QStringLiteral("ALTER TABLE devices DROP CONSTRAINT devices_hostname_key"),
                   QStringLiteral("ALTER TABLE jobs DROP CONSTRAINT jobs_device_id_fkey"),
                   QStringLiteral("ALTER TABLE users ALTER COLUMN email DROP NOT NULL")});
        const MigrationPlan plan = planOnly();
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("repair.sql"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(plan.toSql(QStringLiteral("test")).toUtf8()) > 0);
        file.close();
        const Result<ClientTools> tools = ClientTools::forServer(15);
        QVERIFY2(tools, qPrintable(tools ? QString() : tools.error().message));
        const ConnectionProfile profile = m_scratch->profile();
        QProcess psql;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), profile.password);
        psql.setProcessEnvironment(environment);
        psql.start(QDir(tools.value().binDir).filePath(QStringLiteral("psql")),
                   {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                    QStringLiteral("-h"), profile.host, QStringLiteral("-p"), profile.port, QStringLiteral("-U"),
                    profile.user, QStringLiteral("-d"), profile.database, QStringLiteral("-f"), path});
        QVERIFY(psql.waitForFinished(60000));
        QVERIFY2(psql.exitCode() == 0, psql.readAllStandardError().constData());
        auto verify = std::make_shared<VerifyJob>(m_scratch->profile(), PackChoice());
        QVERIFY(run(verify));
        QVERIFY2(!verify->result().hasDifferences(),
                 qPrintable(verify->result().differenceLines().join(QLatin1Char('\n'))));
    }

    void renamesAreOnlyHinted()
    {
        breakWith({QStringLiteral("ALTER TABLE devices RENAME COLUMN description TO remarks"),
                   QStringLiteral("ALTER INDEX ix_devices_hostname RENAME TO devices_hostname_idx"),
                   QStringLiteral("ALTER TABLE system_settings RENAME TO settings")});
        const MigrationPlan plan = planOnly();
        QVERIFY2(plan.hints.size() == 4, qPrintable(plan.hints.join(QLatin1Char('\n'))));
        QVERIFY2(plan.hints.contains(QStringLiteral("table settings may be system_settings renamed: ALTER TABLE "
                                                    "\"public\".\"settings\" RENAME TO \"system_settings\" would "
                                                    "keep its rows")),
                 qPrintable(plan.hints.join(QLatin1Char('\n'))));
        QVERIFY2(plan.hints.contains(QStringLiteral(
                     "column devices.remarks may be description renamed: ALTER TABLE \"public\".\"devices\" RENAME "
                     "COLUMN \"remarks\" TO \"description\" would keep its values")),
                 qPrintable(plan.hints.join(QLatin1Char('\n'))));
        QVERIFY2(plan.hints.contains(QStringLiteral(
                     "index devices_hostname_idx may be ix_devices_hostname renamed: ALTER INDEX "
                     "\"public\".\"devices_hostname_idx\" RENAME TO \"ix_devices_hostname\" would not rebuild it")),
                 qPrintable(plan.hints.join(QLatin1Char('\n'))));
        // The description added again lands last, not where it was.
        QVERIFY2(plan.hints.contains(QStringLiteral(
                     "column devices.description goes at the end of the table, not before port: PostgreSQL adds "
                     "columns last (SELECT * and COPY without a column list see another order; only a rebuilt "
                     "table could match)")),
                 qPrintable(plan.hints.join(QLatin1Char('\n'))));
        for (const PlannedStatement &statement : plan.statements)
            QVERIFY2(!statement.sql.contains(QLatin1String("RENAME")), qPrintable(statement.sql));
        QVERIFY(hasStatement(plan, QStringLiteral("ALTER TABLE \"public\".\"devices\" ADD COLUMN \"description\"")));
    }

    void aStatementGivesUpWaitingForItsLock()
    {
        breakWith({QStringLiteral("DROP INDEX ix_devices_hostname")});
        DatabaseSession holder;
        QVERIFY(holdLock(holder, QStringLiteral("devices")));
        PlanOptions options;
        options.lockTimeoutMs = 300;
        auto repair = std::make_shared<RepairJob>(m_scratch->profile(), PackChoice(), options, true);
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::finished);
        runner.submit(repair);
        QVERIFY(runner.waitForIdle(30000));
        QCOMPARE(finished.first().at(1).value<JobState>(), JobState::Failed);
        const Error error = finished.first().at(2).value<Error>();
        QVERIFY2(error.message.startsWith(QLatin1String("The repair stopped at statement 1 of 1 (missing index")),
                 qPrintable(error.fullText()));
        QCOMPARE(error.sqlState, QStringLiteral("55P03")); // lock_not_available
    }

    void aCancelStopsTheRunningStatementOnTheServer()
    {
        breakWith({QStringLiteral("DROP INDEX ix_devices_hostname")});
        DatabaseSession holder;
        QVERIFY(holdLock(holder, QStringLiteral("devices")));
        PlanOptions options;
        options.lockTimeoutMs = 60000;
        auto repair = std::make_shared<RepairJob>(m_scratch->profile(), PackChoice(), options, true);
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::finished);
        const JobId id = runner.submit(repair);
        const QString waiting = QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = '%1' AND query "
                                               "LIKE 'CREATE UNIQUE INDEX CONCURRENTLY%' AND state = 'active'")
                                    .arg(m_scratch->name());
        QTRY_COMPARE_WITH_TIMEOUT(test::queryValue(m_scratch->profile(), waiting), QStringLiteral("1"), 20000);
        runner.cancel(id);
        QVERIFY(runner.waitForIdle(20000));
        QCOMPARE(finished.first().at(1).value<JobState>(), JobState::Cancelled);
        QCOMPARE(test::queryValue(m_scratch->profile(), waiting), QStringLiteral("0"));
    }

private:
    void breakWith(const QStringList &statements)
    {
        for (const QString &statement : statements)
            QCOMPARE(test::queryValues(m_scratch->profile(), statement), QStringList());
    }

    MigrationPlan planOnly()
    {
        auto repair = std::make_shared<RepairJob>(m_scratch->profile(), PackChoice(), PlanOptions{}, false);
        if (!run(repair))
            return {};
        return repair->result().plan;
    }

    // The lock CREATE INDEX CONCURRENTLY waits for; reading the catalog does not.
    bool holdLock(DatabaseSession &holder, const QString &table)
    {
        if (!holder.open(m_scratch->profile()))
            return false;
        QSqlQuery lock(holder.database());
        return lock.exec(QStringLiteral("BEGIN")) &&
               lock.exec(QStringLiteral("LOCK TABLE %1 IN SHARE UPDATE EXCLUSIVE MODE").arg(table));
    }

    template <typename JobType>
    bool run(const std::shared_ptr<JobType> &job)
    {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::finished);
        runner.submit(job);
        if (!runner.waitForIdle(120000) || finished.isEmpty())
            return false;
        if (finished.first().at(1).value<JobState>() != JobState::Succeeded) {
            qWarning("%s", qPrintable(finished.first().at(2).value<Error>().fullText()));
            return false;
        }
        return true;
    }

    test::ScratchDatabase m_probe{QStringLiteral("repairprobe")};
    std::unique_ptr<test::ScratchDatabase> m_scratch;
};

QTEST_MAIN(TestRepair)
#include "tst_repair.moc"
