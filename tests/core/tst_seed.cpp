// The NetRaven seed on the real server: what it writes, idempotence, DBA changes, secrets.
#include "queries.h"
#include "scratchdatabase.h"

#include "connection/databasesession.h"
#include "jobs/initjob.h"
#include "jobs/jobrunner.h"
#include "jobs/seedjob.h"

#include <QSqlQuery>
#include <QtTest/QtTest>

using namespace nrdb;

class TestSeed : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
        m_pack = ModelPack::builtIn(QStringLiteral("netraven-v1")).value();
        JobRunner runner;
        runner.submit(std::make_shared<InitJob>(m_scratch.profile(), m_pack));
        QVERIFY(runner.waitForIdle(60000));
    }

    void firstSeedWritesNetRavensDefaults()
    {
        QStringList log;
        auto job = seed({}, false, &log);
        QVERIFY(job->hasResult());
        const SeedReport &report = job->result();
        QCOMPARE(report.tables.size(), 3);
        QCOMPARE(report.tables.at(0).inserted, 1);
        QCOMPARE(report.tables.at(1).inserted, 1);
        QCOMPARE(report.tables.at(2).inserted, 22);
        const QString password = report.generatedSecrets.value(QStringLiteral("admin_password"));
        QCOMPARE(password.size(), 20);
        for (const QString &line : std::as_const(log))
            QVERIFY2(!line.contains(password), "the generated password must not be logged");

        QCOMPARE(
            test::queryValue(
                m_scratch.profile(),
                QStringLiteral("SELECT id || ' ' || name || ' ' || color || ' ' || description FROM netraven.tags")),
            QStringLiteral("tag-default Default #6366F1 Default tag for all devices"));
        QCOMPARE(
            test::queryValue(m_scratch.profile(), QStringLiteral("SELECT email || ' ' || is_admin || ' ' || is_active "
                                                                 "FROM netraven.users WHERE username = 'admin'")),
            QStringLiteral("admin@netraven.local true true"));
        QCOMPARE(test::queryValue(
                     m_scratch.profile(),
                     QStringLiteral("SELECT left(password_hash, 7) || length(password_hash) FROM netraven.users")),
                 QStringLiteral("$2b$12$60"));
        QCOMPARE(
            test::queryValue(
                m_scratch.profile(),
                QStringLiteral("SELECT password_hash = overlay(public.crypt('%1', overlay(password_hash placing '2a' "
                               "from 2 for 2)) placing '2b' from 2 for 2) FROM netraven.users")
                    .arg(password)),
            QStringLiteral("true"));
        QCOMPARE(test::queryValue(
                     m_scratch.profile(),
                     QStringLiteral("SELECT notification_preferences->>'notification_frequency' FROM netraven.users")),
                 QStringLiteral("immediate"));
        QCOMPARE(test::queryValue(m_scratch.profile(), QStringLiteral("SELECT count(*) FROM netraven.admin_settings")),
                 QStringLiteral("22"));
        QCOMPARE(test::queryValue(
                     m_scratch.profile(),
                     QStringLiteral(
                         "SELECT value::text || ' ' || value_type || ' ' || display_order FROM netraven.admin_settings "
                         "WHERE key = 'security.password_policy.min_length'")),
                 QStringLiteral("8 number 1"));
        QCOMPARE(
            test::queryValue(
                m_scratch.profile(),
                QStringLiteral(
                    "SELECT value::text FROM netraven.admin_settings WHERE key = 'system.general.application_name'")),
            QStringLiteral("\"NetRaven\""));
        QCOMPARE(
            test::queryValue(m_scratch.profile(),
                             QStringLiteral("SELECT is_required || ' ' || is_sensitive FROM netraven.admin_settings "
                                            "WHERE key = 'notification.email.smtp_password'")),
            QStringLiteral("false true"));
    }

    void secondSeedChangesNothing()
    {
        const QString before = everything();
        auto job = seed({}, false);
        QVERIFY(job->hasResult());
        QVERIFY(job->result().changedNothing());
        QVERIFY(job->result().generatedSecrets.isEmpty());
        QCOMPARE(job->result().tables.at(2).present, 22);
        QCOMPARE(everything(), before);
    }

    void aDbasSettingSurvivesUnlessReset()
    {
        test::queryValue(
            m_scratch.profile(),
            QStringLiteral(
                "UPDATE netraven.admin_settings SET value = '12' WHERE key = 'security.password_policy.min_length'"));
        auto kept = seed({}, false);
        QVERIFY(kept->result().changedNothing());
        QCOMPARE(
            test::queryValue(m_scratch.profile(), QStringLiteral("SELECT value::text FROM netraven.admin_settings "
                                                                 "WHERE key = 'security.password_policy.min_length'")),
            QStringLiteral("12"));
        auto reset = seed({}, true);
        QCOMPARE(reset->result().tables.at(2).updated, 1);
        QCOMPARE(reset->result().tables.at(2).present, 21);
        QCOMPARE(
            test::queryValue(m_scratch.profile(), QStringLiteral("SELECT value::text FROM netraven.admin_settings "
                                                                 "WHERE key = 'security.password_policy.min_length'")),
            QStringLiteral("8"));
        QCOMPARE(seed({}, true)->result().tables.at(2).updated, 0);
    }

    void aGivenPasswordIsUsed()
    {
        test::queryValue(m_scratch.profile(), QStringLiteral("DELETE FROM netraven.users"));
        auto job = seed({{QStringLiteral("admin_password"), QStringLiteral("Chosen-by-DBA-1")}}, false);
        QVERIFY(job->result().generatedSecrets.isEmpty());
        QCOMPARE(
            test::queryValue(
                m_scratch.profile(),
                QStringLiteral("SELECT password_hash = overlay(public.crypt('Chosen-by-DBA-1', overlay(password_hash "
                               "placing '2a' from 2 for 2)) placing '2b' from 2 for 2) FROM netraven.users")),
            QStringLiteral("true"));
    }

private:
    std::shared_ptr<SeedJob> seed(const QMap<QString, QString> &secrets, bool reset, QStringList *log = nullptr)
    {
        auto job = std::make_shared<SeedJob>(m_scratch.profile(), m_pack, secrets, reset);
        JobRunner runner;
        if (log)
            connect(&runner, &JobRunner::messageLogged, this,
                    [log](const LogRecord &record) { *log << record.text(); });
        runner.submit(job);
        runner.waitForIdle(30000);
        return job;
    }

    // Every seeded row as text, to compare whole tables.
    QString everything()
    {
        return test::queryValue(
            m_scratch.profile(),
            QStringLiteral("SELECT (SELECT string_agg(t::text, '|' ORDER BY id) FROM netraven.tags t) || "
                           "(SELECT string_agg(u::text, '|' ORDER BY id) FROM netraven.users u) || "
                           "(SELECT string_agg(s::text, '|' ORDER BY key) FROM netraven.admin_settings s)"));
    }

    test::ScratchDatabase m_scratch;
    ModelPack m_pack;
};

QTEST_GUILESS_MAIN(TestSeed)
#include "tst_seed.moc"
