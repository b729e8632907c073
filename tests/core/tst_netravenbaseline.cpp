// NetRaven v1's baseline migration reproduces a real NetRaven database to the letter (the catalog
// facts of netraven-schema.md, Appendix A), and the lint finds the defects §9 lists.
#include "catalogfacts.h"
#include "scratchdatabase.h"

#include "catalog/catalogreader.h"
#include "catalog/schemalint.h"
#include "connection/databasesession.h"

#include <QFile>
#include <QSqlQuery>
#include <QtTest/QtTest>

using namespace nrdb;
using nrdb::test::sorted;

namespace {

QStringList column(QSqlQuery &query, const QString &sql)
{
    QStringList values;
    if (!query.exec(sql))
        qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    while (query.next())
        values << query.value(0).toString();
    return values;
}

QStringList findingTargets(const QVector<LintFinding> &findings, const QString &rule)
{
    QStringList targets;
    for (const LintFinding &finding : findings) {
        if (finding.rule == rule)
            targets << finding.table + QLatin1Char('.') + finding.object;
    }
    return sorted(targets);
}

} // namespace

class TestNetravenBaseline : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
        QVERIFY(m_session.open(m_scratch.profile()));
        QFile baseline(QStringLiteral(":/nrdb/models/netraven-v1/migrations/0001_baseline.sql"));
        QVERIFY(baseline.open(QIODevice::ReadOnly));
        QSqlQuery query(m_session.database());
        QVERIFY(query.exec(QStringLiteral("CREATE SCHEMA netraven")));
        QVERIFY2(query.exec(QString::fromUtf8(baseline.readAll())), qPrintable(query.lastError().text()));
        m_expected = test::readCatalogFacts(QStringLiteral(NRDB_TEST_DATA_DIR "/netraven-v1-catalog.txt"));
        QCOMPARE(m_expected.value(QStringLiteral("comments")).size(), 15);
        QCOMPARE(m_expected.value(QStringLiteral("constraints")).size(), 25);
        QCOMPARE(m_expected.value(QStringLiteral("indexes")).size(), 44);
    }

    void columnCommentsMatch()
    {
        QSqlQuery query(m_session.database());
        const QStringList actual =
            column(query, QStringLiteral("SELECT c.relname || '.' || a.attname || ' = ''' || d.description || '''' "
                                         "FROM pg_description d JOIN pg_class c ON c.oid = d.objoid "
                                         "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid "
                                         "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'netraven'"));
        QCOMPARE(sorted(actual), sorted(m_expected.value(QStringLiteral("comments"))));
    }

    void constraintsMatch()
    {
        QSqlQuery query(m_session.database());
        const QStringList actual = column(
            query,
            QStringLiteral(
                "SELECT n.nspname || '.' || c.relname || ': ' || co.conname || ' ' || pg_get_constraintdef(co.oid) "
                "FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'netraven'"));
        QCOMPARE(sorted(actual), sorted(m_expected.value(QStringLiteral("constraints"))));
    }

    void indexesMatch()
    {
        QSqlQuery query(m_session.database());
        const QStringList actual =
            column(query, QStringLiteral("SELECT indexdef FROM pg_indexes WHERE schemaname = 'netraven'"));
        QCOMPARE(sorted(actual), sorted(m_expected.value(QStringLiteral("indexes"))));
    }

    void thirteenTablesWithoutDefaults()
    {
        QSqlQuery query(m_session.database());
        QCOMPARE(column(query, QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'netraven'")),
                 QStringList{QStringLiteral("13")});
        QCOMPARE(column(query, QStringLiteral("SELECT count(*) FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid "
                                              "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                              "WHERE n.nspname = 'netraven'")),
                 QStringList{QStringLiteral("0")});
    }

    // netraven-schema.md §9, items 6 and 7.
    void lintFindsTheKnownDefects()
    {
        const Result<SchemaSnapshot> snapshot = CatalogReader::read(m_session.database());
        QVERIFY(snapshot);
        const QVector<LintFinding> findings = lintSnapshot(snapshot.value());
        QCOMPARE(
            findingTargets(findings, QStringLiteral("fk-without-index")),
            sorted({QStringLiteral("devices.devices_owner_id_fkey"), QStringLiteral("backups.backups_device_id_fkey"),
                    QStringLiteral("tag_rules.tag_rules_tag_id_fkey"),
                    QStringLiteral("device_tags.device_tags_tag_id_fkey"),
                    QStringLiteral("credential_tags.credential_tags_credential_id_fkey"),
                    QStringLiteral("credential_tags.credential_tags_tag_id_fkey"),
                    QStringLiteral("job_logs.job_logs_device_id_fkey"),
                    QStringLiteral("job_logs.job_logs_created_by_fkey"),
                    QStringLiteral("job_log_entries.job_log_entries_job_log_id_fkey"),
                    QStringLiteral("scheduled_jobs.scheduled_jobs_device_id_fkey"),
                    QStringLiteral("scheduled_jobs.scheduled_jobs_created_by_fkey")}));
        QStringList duplicates;
        for (const char *table : {"users", "devices", "backups", "tags", "tag_rules", "credentials", "credential_tags",
                                  "scheduled_jobs", "admin_settings"})
            duplicates << QStringLiteral("%1.ix_%1_id").arg(QLatin1String(table));
        QCOMPARE(findingTargets(findings, QStringLiteral("redundant-index")), sorted(duplicates));
        QCOMPARE(findingTargets(findings, QStringLiteral("no-primary-key")), QStringList());
        QCOMPARE(findingTargets(findings, QStringLiteral("isolated-table")),
                 sorted({QStringLiteral("admin_settings."), QStringLiteral("audit_logs.")}));
        // §9.2: every boolean flag is nullable.
        QCOMPARE(findingTargets(findings, QStringLiteral("nullable-boolean")),
                 sorted({QStringLiteral("users.is_active"), QStringLiteral("users.is_admin"),
                         QStringLiteral("devices.enabled"), QStringLiteral("devices.is_reachable"),
                         QStringLiteral("backups.is_automatic"), QStringLiteral("tag_rules.is_active"),
                         QStringLiteral("credentials.use_keys"), QStringLiteral("scheduled_jobs.enabled"),
                         QStringLiteral("admin_settings.is_required"), QStringLiteral("admin_settings.is_sensitive")}));
    }

private:
    test::ScratchDatabase m_scratch;
    DatabaseSession m_session;
    QMap<QString, QStringList> m_expected;
};

QTEST_GUILESS_MAIN(TestNetravenBaseline)
#include "tst_netravenbaseline.moc"
