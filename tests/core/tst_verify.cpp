// Verify and adopt on the real server: a clean NetRaven database, each kind of difference, and
// databases that NetRaven's own code built.
#include "queries.h"
#include "scratchdatabase.h"

#include "connection/databasesession.h"
#include "jobs/adoptjob.h"
#include "jobs/initjob.h"
#include "jobs/jobrunner.h"
#include "jobs/verifyjob.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QtTest/QtTest>

using namespace nrdb;

namespace {

bool hasDrift(const VerifyReport &report, DriftKind kind, const QString &objectType, const QString &table,
              const QString &object, const QString &expected = {}, const QString &actual = {})
{
    return std::any_of(report.drift.cbegin(), report.drift.cend(), [&](const DriftItem &item) {
        return item.kind == kind && item.objectType == objectType && item.table == table && item.object == object &&
               (expected.isEmpty() || item.expected == expected) && (actual.isEmpty() || item.actual == actual);
    });
}

} // namespace

class TestVerify : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
        m_pack = ModelPack::builtIn(QStringLiteral("netraven-v1")).value();
        JobRunner runner;
        auto init = std::make_shared<InitJob>(m_scratch.profile(), m_pack);
        runner.submit(init);
        QVERIFY(runner.waitForIdle(60000));
        QVERIFY(init->hasResult());
        QVERIFY(m_session.open(m_scratch.profile()));
    }

    void aFreshDatabaseMatches()
    {
        const VerifyReport report = verify();
        QVERIFY2(!report.hasDifferences(), qPrintable(report.verdict()));
        QCOMPARE(report.verdict(), QStringLiteral("Matches netraven-v1 at version 1"));
        QCOMPARE(report.requiredPresent.size(), 11);
        QVERIFY(report.historyExists);
        QCOMPARE(report.findings.size(), 11 + 9 + 10 + 2); // §9: FK indexes, ix_*_id, nullable flags, isolated
        qInfo("verify of a fresh NetRaven database on the sandbox: %lld ms (goal <= 200 ms)", report.durationMs);
        const QJsonObject json = report.toJson();
        QCOMPARE(json.value(QStringLiteral("has_differences")).toBool(), false);
        QCOMPARE(json.value(QStringLiteral("lint")).toArray().size(), report.findings.size());
    }

    void droppedIndex()
    {
        exec(QStringLiteral("DROP INDEX netraven.ix_devices_hostname"));
        const VerifyReport report = verify();
        QVERIFY(
            hasDrift(report, DriftKind::Missing, QStringLiteral("index"), QStringLiteral("devices"),
                     QStringLiteral("ix_devices_hostname"),
                     QStringLiteral("CREATE INDEX ix_devices_hostname ON netraven.devices USING btree (hostname)")));
        QVERIFY(report.toHtml().contains(QLatin1String("ix_devices_hostname")));
        exec(QStringLiteral("CREATE INDEX ix_devices_hostname ON netraven.devices USING btree (hostname)"));
        QVERIFY(!verify().hasDifferences());
    }

    void alteredColumnType()
    {
        exec(QStringLiteral("ALTER TABLE netraven.devices ALTER COLUMN hostname TYPE text"));
        const VerifyReport report = verify();
        QVERIFY(hasDrift(report, DriftKind::Changed, QStringLiteral("column"), QStringLiteral("devices"),
                         QStringLiteral("hostname"), QStringLiteral("character varying(255) NOT NULL"),
                         QStringLiteral("text NOT NULL")));
        exec(QStringLiteral("ALTER TABLE netraven.devices ALTER COLUMN hostname TYPE character varying(255)"));
        QVERIFY(!verify().hasDifferences());
    }

    void extraTable()
    {
        exec(QStringLiteral("CREATE TABLE netraven.shadow_copy (id int)"));
        const VerifyReport report = verify();
        QVERIFY(hasDrift(report, DriftKind::Extra, QStringLiteral("table"), QStringLiteral("shadow_copy"), QString()));
        QCOMPARE(report.differenceCount(), 1);
        exec(QStringLiteral("DROP TABLE netraven.shadow_copy"));
    }

    void editedAppliedMigration()
    {
        exec(QStringLiteral("UPDATE nrdb.schema_history SET checksum = 'edited' WHERE version = 1"));
        const VerifyReport report = verify();
        QCOMPARE(report.migrations.mismatches.size(), 1);
        QCOMPARE(report.migrations.mismatches.first().recorded, QStringLiteral("edited"));
        QVERIFY(report.hasDifferences());
        QCOMPARE(report.toJson()[QStringLiteral("migrations")][QStringLiteral("checksum_mismatches")].toArray().size(),
                 1);
        exec(QStringLiteral("UPDATE nrdb.schema_history SET checksum = '%1' WHERE version = 1")
                 .arg(m_pack.migrations.first().checksum));
    }

    void missingRequiredTableAndTablesInPublic()
    {
        exec(QStringLiteral("ALTER TABLE netraven.audit_logs SET SCHEMA public"));
        const VerifyReport report = verify();
        QCOMPARE(report.requiredMissing, QStringList{QStringLiteral("audit_logs")});
        QCOMPARE(report.requiredElsewhere.value(QStringLiteral("audit_logs")), QStringLiteral("public"));
        QVERIFY(report.verdict().startsWith(QLatin1String("Not a netraven-v1 database: 1 of its 11 required tables")));
        exec(QStringLiteral("ALTER TABLE public.audit_logs SET SCHEMA netraven"));
        QVERIFY(!verify().hasDifferences());
    }

    // A database made by NetRaven's own code: its tables, no migration history.
    void adoptsWhatNetRavenBuilt()
    {
        test::ScratchDatabase python(QStringLiteral("python"));
        QVERIFY(python.create());
        buildLikeNetRaven(python.profile());
        const Outcome adopted = runAdopt(python.profile(), false);
        QVERIFY2(adopted.job->hasResult(), qPrintable(adopted.error.fullText()));
        QVERIFY(adopted.job->result().recognised());
        QCOMPARE(adopted.job->result().before.verdict(),
                 QStringLiteral("Matches netraven-v1 at version 1, but has no migration history yet: adopt it"));
        QCOMPARE(adopted.job->result().adoptedMigrations, QStringList{QStringLiteral("0001_baseline")});
        QCOMPARE(test::queryValues(python.profile(), QStringLiteral("SELECT how FROM nrdb.schema_history")),
                 QStringList{QStringLiteral("adopted")});
        QVERIFY(!verifyOn(python.profile()).hasDifferences());
        QCOMPARE(test::queryValues(python.profile(), QStringLiteral("SELECT count(*) FROM netraven.tags")),
                 QStringList{QStringLiteral("1")});

        const Outcome again = runAdopt(python.profile(), false);
        QVERIFY(again.job->result().alreadyManaged);
    }

    void adoptionWithDifferencesWaitsForConsent()
    {
        test::ScratchDatabase python(QStringLiteral("drifted"));
        QVERIFY(python.create());
        buildLikeNetRaven(python.profile());
        QVERIFY(test::queryValues(python.profile(), QStringLiteral("DROP INDEX netraven.ix_backups_status")).isEmpty());
        const Outcome waiting = runAdopt(python.profile(), false);
        QVERIFY(waiting.job->hasResult());
        QVERIFY(waiting.job->result().waitingForConsent);
        QVERIFY(waiting.job->result().adoptedMigrations.isEmpty());
        QCOMPARE(waiting.job->result().before.drift.size(), 1);
        QCOMPARE(waiting.job->result().before.drift.first().describe(),
                 QStringLiteral("missing index ix_backups_status on backups"));
        QCOMPARE(
            test::queryValues(python.profile(), QStringLiteral("SELECT to_regclass('nrdb.schema_history') IS NULL")),
            QStringList{QStringLiteral("true")});
        const Outcome forced = runAdopt(python.profile(), true);
        QVERIFY(forced.job->hasResult());
        QCOMPARE(forced.job->result().adoptedMigrations.size(), 1);
    }

    void refusesWhatIsNotNetRaven()
    {
        test::ScratchDatabase other(QStringLiteral("other"));
        QVERIFY(other.create());
        const Outcome refused = runAdopt(other.profile(), true);
        QVERIFY(!refused.job->hasResult());
        QVERIFY(refused.error.message.startsWith(QLatin1String("This is not a netraven-v1 database")));
    }

private:
    struct Outcome {
        std::shared_ptr<AdoptJob> job;
        Error error;
    };

    Outcome runAdopt(const ConnectionProfile &profile, bool accept)
    {
        Outcome outcome{std::make_shared<AdoptJob>(profile, m_pack, accept), {}};
        JobRunner runner;
        connect(&runner, &JobRunner::finished, this,
                [&outcome](JobId, JobState, const Error &error) { outcome.error = error; });
        runner.submit(outcome.job);
        runner.waitForIdle(30000);
        return outcome;
    }

    // As init-db.sql and create_all() would: schema, extensions, tables, the Default tag.
    void buildLikeNetRaven(const ConnectionProfile &profile)
    {
        DatabaseSession session;
        QVERIFY(session.open(profile));
        QSqlQuery query(session.database());
        QFile baseline(QStringLiteral(":/nrdb/models/netraven-v1/migrations/0001_baseline.sql"));
        QVERIFY(baseline.open(QIODevice::ReadOnly));
        for (const QString &statement :
             {QStringLiteral("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\""),
              QStringLiteral("CREATE EXTENSION IF NOT EXISTS pgcrypto"),
              QStringLiteral("CREATE SCHEMA IF NOT EXISTS netraven"), QString::fromUtf8(baseline.readAll()),
              QStringLiteral("INSERT INTO netraven.tags (id, name, color, description, created_at, updated_at) VALUES "
                             "('tag-default', 'Default', '#6366F1', 'Default tag for all devices', now(), now())")})
            QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
    }

    VerifyReport verifyOn(const ConnectionProfile &profile)
    {
        auto job = std::make_shared<VerifyJob>(profile, m_pack);
        JobRunner runner;
        runner.submit(job);
        runner.waitForIdle(30000);
        if (!job->hasResult())
            qFatal("verify failed");
        return job->result();
    }

    VerifyReport verify() { return verifyOn(m_scratch.profile()); }

    void exec(const QString &sql)
    {
        QSqlQuery query(m_session.database());
        if (!query.exec(sql))
            qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    }

    test::ScratchDatabase m_scratch;
    DatabaseSession m_session;
    ModelPack m_pack;
};

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
