// NetRaven v2 on the real server: the pack's schema is Appendix B of netraven-schema.md to the
// letter, init writes Alembic's revision with it, the pack is told from v1 and from neither by
// the catalog alone, databases NetRaven's own start-up built (main and dev) are adopted without
// DDL, and the seed leaves what NetRaven's init_data leaves, with secrets NetRaven can read.
#include "catalogfacts.h"
#include "queries.h"
#include "scratchdatabase.h"

#include "connection/databasesession.h"
#include "jobs/adoptjob.h"
#include "jobs/backupjob.h"
#include "jobs/exportschemajob.h"
#include "jobs/initjob.h"
#include "jobs/jobrunner.h"
#include "jobs/seedjob.h"
#include "jobs/verifyjob.h"
#include "util/childprocess.h"
#include "util/secrethash.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace nrdb;
using nrdb::test::sorted;

namespace {

const QString kRevision = QStringLiteral("a3992da91329");

// One catalog fact a line, in Appendix B's notation, read from a database.
const QMap<QString, QString> kCatalogQueries{
    {QStringLiteral("columns"),
     QStringLiteral(
         "SELECT c.relname || '.' || a.attname || ': ' || format_type(a.atttypid, a.atttypmod) || ', ' || "
         "CASE WHEN a.attnotnull THEN 'NOT NULL' ELSE 'NULL' END || ', ' || "
         "coalesce(pg_get_expr(d.adbin, d.adrelid), '(no default)') "
         "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
         "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
         "WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped")},
    {QStringLiteral("constraints"),
     QStringLiteral("SELECT n.nspname || '.' || c.relname || ': ' || co.conname || ' ' || pg_get_constraintdef(co.oid) "
                    "FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'")},
    {QStringLiteral("indexes"), QStringLiteral("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'")},
    {QStringLiteral("types"),
     QStringLiteral(
         "SELECT n.nspname || '.' || t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) "
         "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid "
         "WHERE n.nspname = 'public' GROUP BY n.nspname, t.typname")},
    {QStringLiteral("extensions"), QStringLiteral("SELECT e.extname || ' ' || e.extversion || ' in ' || n.nspname "
                                                  "FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace")},
    {QStringLiteral("sequences"),
     QStringLiteral(
         "SELECT n.nspname || '.' || c.relname || ' ' || format_type(s.seqtypid, NULL) || ' owned by ' || "
         "t.relname || '.' || a.attname "
         "FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
         "JOIN pg_depend d ON d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype = 'a' "
         "JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid "
         "WHERE n.nspname = 'public'")},
    {QStringLiteral("alembic_version"), QStringLiteral("SELECT version_num FROM public.alembic_version")},
};

template <typename JobType>
struct Ran {
    std::shared_ptr<JobType> job;
    Error error;
    QStringList log;

    bool ok() const { return job->hasResult(); }
};

template <typename JobType>
Ran<JobType> run(std::shared_ptr<JobType> job)
{
    Ran<JobType> ran{job, {}, {}};
    JobRunner runner;
    QObject::connect(&runner, &JobRunner::finished, [&ran](JobId, JobState, const Error &error) { ran.error = error; });
    QObject::connect(&runner, &JobRunner::messageLogged, [&ran](const LogRecord &record) { ran.log << record.text(); });
    runner.submit(job);
    runner.waitForIdle(60000);
    return ran;
}

Status execAll(const ConnectionProfile &profile, const QStringList &statements)
{
    DatabaseSession session;
    if (Status opened = session.open(profile); !opened)
        return opened;
    QSqlQuery query(session.database());
    for (const QString &statement : statements) {
        if (!query.exec(statement))
            return sqlError(query.lastError(), statement.left(80));
    }
    return {};
}

QString migrationSql(int version)
{
    const ModelPack pack = ModelPack::builtIn(QStringLiteral("netraven-v2")).value();
    return pack.migration(version)->sql;
}

// As NetRaven's start-up does it: 01-init.sh's extensions, `alembic upgrade head` (the revision's
// DDL and its alembic_version row; with job_runs on the dev branch), then init_data's rows.
Status buildLikeNetRaven(const ConnectionProfile &profile, bool devBranch)
{
    QStringList statements{QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm"),
                           QStringLiteral("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\""), migrationSql(1)};
    if (devBranch)
        statements << migrationSql(2);
    statements << QStringLiteral("INSERT INTO alembic_version (version_num) VALUES ('%1')").arg(kRevision)
               << QStringLiteral("INSERT INTO users (username, email, hashed_password, is_active, role) VALUES "
                                 "('admin', 'admin@netraven.example.com', '%1', true, 'admin')")
                      .arg(secrethash::bcrypt(QStringLiteral("admin123")).value())
               << QStringLiteral("INSERT INTO tags (name, type) VALUES ('default', 'system')")
               << QStringLiteral("INSERT INTO jobs (name, job_type, description, status, is_enabled, is_system_job, "
                                 "schedule_type, interval_seconds) VALUES ('system-reachability', 'reachability', "
                                 "'System job: checks device reachability via ICMP and TCP.', 'PENDING', true, true, "
                                 "'interval', 3600)")
               << QStringLiteral("INSERT INTO job_tags VALUES (1, 1)");
    return execAll(profile, statements);
}

// Everything a database's catalog says about its public schema, to see that nothing changed.
QStringList catalogOf(const ConnectionProfile &profile)
{
    QStringList facts;
    for (const QString &section : {QStringLiteral("columns"), QStringLiteral("constraints"), QStringLiteral("indexes")})
        facts << sorted(test::queryValues(profile, kCatalogQueries.value(section)));
    return facts;
}

} // namespace

class TestNetravenV2 : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
        m_appendix = test::readCatalogFacts(QStringLiteral(NRDB_TEST_DATA_DIR "/netraven-v2-catalog.txt"));
        QCOMPARE(m_appendix.value(QStringLiteral("columns")).size(), 83);
        QCOMPARE(m_appendix.value(QStringLiteral("constraints")).size(), 29);
        QCOMPARE(m_appendix.value(QStringLiteral("indexes")).size(), 36);
        // An empty database, no pack named: init takes NetRaven of today.
        const auto init = run(std::make_shared<InitJob>(m_scratch.profile(), PackChoice::fromCatalog()));
        QVERIFY2(init.ok(), qPrintable(init.error.fullText()));
        QCOMPARE(init.job->result().pack, QStringLiteral("netraven-v2"));
        QCOMPARE(init.job->result().appliedMigrations,
                 (QStringList{QStringLiteral("0001_baseline"), QStringLiteral("0002_job_runs")}));
    }

    // Appendix B plus B.5's job_runs (the head is the dev branch's schema).
    void baselineIsAppendixB_data()
    {
        QTest::addColumn<QString>("section");
        for (auto it = kCatalogQueries.keyBegin(); it != kCatalogQueries.keyEnd(); ++it)
            QTest::newRow(qPrintable(*it)) << *it;
    }

    void baselineIsAppendixB()
    {
        QFETCH(QString, section);
        const QStringList expected = m_appendix.value(section) + m_appendix.value(QStringLiteral("dev ") + section);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(sorted(test::queryValues(m_scratch.profile(), kCatalogQueries.value(section))), sorted(expected));
    }

    // Written in the very transaction of the baseline: the rows share their xmin.
    void alembicVersionComesWithTheBaseline()
    {
        QCOMPARE(test::queryValue(
                     m_scratch.profile(),
                     QStringLiteral(
                         "SELECT (SELECT xmin FROM alembic_version)::text = "
                         "(SELECT xmin FROM nrdb.schema_history WHERE pack = 'netraven-v2' AND version = 1)::text")),
                 QStringLiteral("true"));
        QCOMPARE(test::queryValues(m_scratch.profile(), QStringLiteral("SELECT pack FROM nrdb.schema_history")),
                 (QStringList{QStringLiteral("netraven-v2"), QStringLiteral("netraven-v2")}));
    }

    void initTwiceChangesNothing()
    {
        const QStringList before = catalogOf(m_scratch.profile());
        const auto again = run(std::make_shared<InitJob>(m_scratch.profile(), PackChoice::fromCatalog()));
        QVERIFY2(again.ok(), qPrintable(again.error.fullText()));
        QVERIFY(again.job->result().changedNothing());
        QCOMPARE(again.job->result().packReason, QStringLiteral("recorded in nrdb.schema_history"));
        QCOMPARE(catalogOf(m_scratch.profile()), before);
    }

    void verifiesCleanAndSaysWhy()
    {
        const auto verify = run(std::make_shared<VerifyJob>(m_scratch.profile(), PackChoice::fromCatalog()));
        QVERIFY(verify.ok());
        const VerifyReport &report = verify.job->result();
        QVERIFY2(!report.hasDifferences(), qPrintable(report.verdict()));
        QCOMPARE(report.verdict(),
                 QStringLiteral("Matches netraven-v2 at version 2 (NetRaven dev 8170400, 2025-05-22)"));
        QVERIFY(report.foreignHistory);
        QCOMPARE(report.foreignHistory->found, QStringList{kRevision});
        QVERIFY(report.foreignHistory->agrees());
        QCOMPARE(
            report.toJson()[QStringLiteral("foreign_history")][QStringLiteral("found")].toArray().first().toString(),
            kRevision);
        // Lint flags the unique index NetRaven's migration adds beside the unique constraint.
        QVERIFY(std::any_of(report.findings.cbegin(), report.findings.cend(), [](const LintFinding &finding) {
            return finding.rule == QLatin1String("redundant-index") &&
                   finding.object == QLatin1String("ix_devices_hostname");
        }));
        qInfo("verify of a fresh NetRaven v2 database on the sandbox: %lld ms (goal <= 200 ms)", report.durationMs);
    }

    void verifyFlagsAnAlembicRevisionThatDisagrees()
    {
        QVERIFY(
            execAll(m_scratch.profile(), {QStringLiteral("UPDATE alembic_version SET version_num = 'ffffffffffff'")}));
        const auto verify = run(std::make_shared<VerifyJob>(m_scratch.profile(), PackChoice::fromCatalog()));
        QVERIFY(execAll(m_scratch.profile(),
                        {QStringLiteral("UPDATE alembic_version SET version_num = '%1'").arg(kRevision)}));
        QVERIFY(verify.ok());
        const VerifyReport &report = verify.job->result();
        QVERIFY(report.hasDifferences());
        QVERIFY(report.drift.isEmpty());
        QVERIFY(!report.foreignHistory->agrees());
        QCOMPARE(report.foreignHistory->describe(),
                 QStringLiteral(
                     "Alembic: alembic_version = ffffffffffff. The catalog is netraven-v2 version 2 (NetRaven dev "
                     "8170400, 2025-05-22), which Alembic calls a3992da91329."));
    }

    // The schema's own objects drift too; a serial's sequence goes with its table, said once.
    void enumsAndSequencesDrift()
    {
        test::ScratchDatabase drifted(QStringLiteral("drifted"));
        QVERIFY(drifted.create());
        QVERIFY(run(std::make_shared<InitJob>(drifted.profile(), PackChoice::fromCatalog())).ok());
        QVERIFY(execAll(drifted.profile(), {QStringLiteral("ALTER TYPE device_source ADD VALUE 'discovered'"),
                                            QStringLiteral("ALTER TABLE tags ADD COLUMN rank serial"),
                                            QStringLiteral("CREATE TABLE scratch_notes (id serial PRIMARY KEY)"),
                                            QStringLiteral("DROP TABLE job_runs")}));
        const auto verify = run(std::make_shared<VerifyJob>(drifted.profile(), PackChoice::fromCatalog()));
        QVERIFY(verify.ok());
        QStringList drift;
        for (const DriftItem &item : verify.job->result().drift)
            drift << item.describe();
        QCOMPARE(sorted(drift),
                 sorted({QStringLiteral("changed enum device_source"), QStringLiteral("extra column rank on tags"),
                         QStringLiteral("extra sequence tags_rank_seq"), QStringLiteral("extra table scratch_notes"),
                         QStringLiteral("missing table job_runs")}));
    }

    void detectsTheRightPackOrSaysHowCloseItIs()
    {
        test::ScratchDatabase v1(QStringLiteral("v1"));
        QVERIFY(v1.create());
        QVERIFY(run(std::make_shared<InitJob>(v1.profile(), ModelPack::builtIn(QStringLiteral("netraven-v1")).value()))
                    .ok());
        QVERIFY(execAll(v1.profile(), {QStringLiteral("DROP SCHEMA nrdb CASCADE")})); // no history: the catalog alone
        const auto onV1 = run(std::make_shared<VerifyJob>(v1.profile(), PackChoice::fromCatalog()));
        QVERIFY(onV1.ok());
        QCOMPARE(onV1.job->result().pack, QStringLiteral("netraven-v1"));
        QCOMPARE(onV1.job->result().packReason, QStringLiteral("11 of its 11 required tables in schema netraven"));
        // Named, the other NetRaven is refused for writing: it would build a second schema beside it.
        const auto wrongInit =
            run(std::make_shared<InitJob>(v1.profile(), ModelPack::builtIn(QStringLiteral("netraven-v2")).value()));
        QVERIFY(!wrongInit.ok());
        QVERIFY2(wrongInit.error.message.startsWith(QLatin1String("This database is netraven-v1")),
                 qPrintable(wrongInit.error.message));

        test::ScratchDatabase neither(QStringLiteral("neither"));
        QVERIFY(neither.create());
        QVERIFY(execAll(neither.profile(), {QStringLiteral("CREATE TABLE public.users (id int)"),
                                            QStringLiteral("CREATE TABLE public.devices (id int)"),
                                            QStringLiteral("CREATE TABLE public.orders (id int)")}));
        const auto onNeither = run(std::make_shared<VerifyJob>(neither.profile(), PackChoice::fromCatalog()));
        QVERIFY(onNeither.ok());
        QVERIFY(onNeither.job->result().isForeign());
        QCOMPARE(onNeither.job->result().verdict(),
                 QStringLiteral(
                     "Not a database of any known pack: the closest is netraven-v2, with 2 of its 12 required tables"));
        const auto initNeither = run(std::make_shared<InitJob>(neither.profile(), PackChoice::fromCatalog()));
        QVERIFY(!initNeither.ok());
        QCOMPARE(initNeither.error.message, onNeither.job->result().verdict());
        const auto adoptNeither = run(std::make_shared<AdoptJob>(neither.profile(), PackChoice::fromCatalog(), true));
        QVERIFY(!adoptNeither.ok());
        QCOMPARE(adoptNeither.error.message, onNeither.job->result().verdict());
    }

    void adoptsWhatNetRavenBuilt_data()
    {
        QTest::addColumn<bool>("devBranch");
        QTest::addColumn<int>("version");
        QTest::newRow("main 2f641cc") << false << 1;
        QTest::newRow("dev 8170400") << true << 2;
    }

    void adoptsWhatNetRavenBuilt()
    {
        QFETCH(bool, devBranch);
        QFETCH(int, version);
        test::ScratchDatabase built(devBranch ? QStringLiteral("dev") : QStringLiteral("main"));
        QVERIFY(built.create());
        QVERIFY(buildLikeNetRaven(built.profile(), devBranch));
        const QStringList catalogBefore = catalogOf(built.profile());
        const QString alembicRow = QStringLiteral("SELECT xmin::text || version_num FROM alembic_version");
        const QString alembicBefore = test::queryValue(built.profile(), alembicRow);

        const auto before = run(std::make_shared<VerifyJob>(built.profile(), PackChoice::fromCatalog()));
        QVERIFY(before.ok());
        QCOMPARE(before.job->result().modelVersion, version);
        QVERIFY2(before.job->result().verdict().endsWith(QLatin1String("but has no migration history yet: adopt it")),
                 qPrintable(before.job->result().verdict()));

        // Init would run the baseline again over NetRaven's tables: it says to adopt instead.
        const auto init = run(std::make_shared<InitJob>(built.profile(), PackChoice::fromCatalog()));
        QVERIFY(!init.ok());
        QVERIFY2(init.error.detail.startsWith(QLatin1String("Adopt it first")), qPrintable(init.error.fullText()));

        const auto adopted = run(std::make_shared<AdoptJob>(built.profile(), PackChoice::fromCatalog()));
        QVERIFY2(adopted.ok(), qPrintable(adopted.error.fullText()));
        QVERIFY(!adopted.job->result().waitingForConsent);
        QCOMPARE(adopted.job->result().adoptedMigrations.size(), version);
        QCOMPARE(test::queryValues(built.profile(), QStringLiteral("SELECT DISTINCT how FROM nrdb.schema_history")),
                 QStringList{QStringLiteral("adopted")});
        QCOMPARE(catalogOf(built.profile()), catalogBefore);                    // no DDL on its schema
        QCOMPARE(test::queryValue(built.profile(), alembicRow), alembicBefore); // Alembic's row untouched

        const auto after = run(std::make_shared<VerifyJob>(built.profile(), PackChoice::fromCatalog()));
        QVERIFY(after.ok());
        QCOMPARE(after.job->result().differenceCount(), devBranch ? 0 : 1); // main: the dev migration is pending
        QVERIFY(after.job->result().drift.isEmpty());
        QVERIFY(after.job->result().foreignHistory->agrees());
    }

    // B.6, looked up by name, with NetRaven's key: a second run changes nothing.
    void seedLeavesWhatNetRavensSeedLeaves()
    {
        QVERIFY(execAll(m_scratch.profile(),
                        {QStringLiteral("INSERT INTO devices (hostname, ip_address, device_type) VALUES "
                                        "('r1', '10.0.0.1', 'cisco_ios'), ('r2', '10.0.0.2', 'cisco_ios')")}));
        const QMap<QString, QString> secrets{{QStringLiteral("encryption_key"), m_masterKey}};
        const auto first = run(std::make_shared<SeedJob>(m_scratch.profile(), PackChoice::fromCatalog(), secrets));
        QVERIFY2(first.ok(), qPrintable(first.error.fullText()));
        const SeedReport &report = first.job->result();
        QCOMPARE(report.pack, QStringLiteral("netraven-v2"));
        QStringList counts;
        for (const SeedTableResult &table : report.tables)
            counts << QStringLiteral("%1 %2/%3").arg(table.table).arg(table.inserted).arg(table.present);
        QCOMPARE(counts, (QStringList{QStringLiteral("users 1/0"), QStringLiteral("tags 1/0"),
                                      QStringLiteral("credentials 1/0"),
                                      QStringLiteral("credential_tag_association 1/0"), QStringLiteral("jobs 1/0"),
                                      QStringLiteral("job_tags 1/0"), QStringLiteral("device_tag_association 2/0")}));
        QCOMPARE(report.generatedSecrets.keys(),
                 (QStringList{QStringLiteral("admin_password"), QStringLiteral("device_password")}));
        for (const QString &line : first.log) {
            for (const QString &secret : report.generatedSecrets.values() + QStringList{m_masterKey})
                QVERIFY2(!line.contains(secret), "a secret reached the log");
        }
        m_devicePassword = report.generatedSecrets.value(QStringLiteral("device_password"));
        m_adminPassword = report.generatedSecrets.value(QStringLiteral("admin_password"));

        const auto rows = [this](const QString &sql) { return test::queryValues(m_scratch.profile(), sql); };
        QCOMPARE(rows(QStringLiteral("SELECT concat_ws('|', id, username, email, is_active, role, full_name IS NULL, "
                                     "left(hashed_password, 7)) FROM users")),
                 QStringList{QStringLiteral("1|admin|admin@netraven.example.com|t|admin|t|$2b$12$")});
        QCOMPARE(rows(QStringLiteral("SELECT concat_ws('|', id, name, type, description IS NULL) FROM tags")),
                 QStringList{QStringLiteral("1|default|system|t")});
        QCOMPARE(rows(QStringLiteral(
                     "SELECT concat_ws('|', id, username, priority, last_used IS NULL, success_rate, description, "
                     "is_system) FROM credentials")),
                 QStringList{QStringLiteral("1|admin|10|t|1|Default admin credential for device access|t")});
        QCOMPARE(rows(QStringLiteral(
                     "SELECT concat_ws('|', id, name, job_type, description, status, is_enabled, is_system_job, "
                     "schedule_type, interval_seconds, scheduled_for IS NULL AND device_id IS NULL) FROM jobs")),
                 QStringList{QStringLiteral(
                     "1|system-reachability|reachability|System job: checks device reachability via ICMP "
                     "and TCP.|PENDING|t|t|interval|3600|t")});
        QCOMPARE(rows(QStringLiteral("SELECT credential_id || ',' || tag_id FROM credential_tag_association")),
                 QStringList{QStringLiteral("1,1")});
        QCOMPARE(rows(QStringLiteral("SELECT job_id || ',' || tag_id FROM job_tags")),
                 QStringList{QStringLiteral("1,1")});
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM device_tag_association WHERE tag_id = 1")),
                 QStringList{QStringLiteral("2")});

        const QString dumpBefore =
            rows(QStringLiteral("SELECT string_agg(t::text, ';') FROM (SELECT * FROM users) t")).join(QString());
        const auto second = run(std::make_shared<SeedJob>(m_scratch.profile(), PackChoice::fromCatalog(), secrets));
        QVERIFY(second.ok());
        QVERIFY(second.job->result().changedNothing());
        QVERIFY(second.job->result().generatedSecrets.isEmpty()); // nothing inserted, nothing to hash
        QCOMPARE(rows(QStringLiteral("SELECT string_agg(t::text, ';') FROM (SELECT * FROM users) t")).join(QString()),
                 dumpBefore);

        // A device NetRaven adds later gets the default tag from the next seed.
        QVERIFY(execAll(m_scratch.profile(),
                        {QStringLiteral("INSERT INTO devices (hostname, ip_address, device_type) VALUES "
                                        "('r3', '10.0.0.3', 'juniper')")}));
        const auto third = run(std::make_shared<SeedJob>(m_scratch.profile(), PackChoice::fromCatalog(), secrets));
        QVERIFY(third.ok());
        QCOMPARE(third.job->result().tables.last().inserted, 1);
        QCOMPARE(third.job->result().tables.last().present, 2);
    }

    // The admin's hash is one that another bcrypt (pgcrypto's) accepts for the generated password.
    void adminPasswordIsBcryptThatOthersRead()
    {
        QVERIFY(!m_adminPassword.isEmpty());
        test::ScratchDatabase crypto(QStringLiteral("pgcrypto"));
        QVERIFY(crypto.create());
        QVERIFY(execAll(crypto.profile(), {QStringLiteral("CREATE EXTENSION pgcrypto")}));
        const QString hash = test::queryValue(m_scratch.profile(), QStringLiteral("SELECT hashed_password FROM users"));
        // pgcrypto reads the $2a$ spelling of the same hash.
        const QString twoA = QStringLiteral("$2a$") + hash.mid(4);
        QCOMPARE(test::queryValue(crypto.profile(),
                                  QStringLiteral("SELECT crypt('%1', '%2') = '%2'").arg(m_adminPassword, twoA)),
                 QStringLiteral("true"));
        QCOMPARE(test::queryValue(crypto.profile(), QStringLiteral("SELECT crypt('admin123', '%1') = '%1'").arg(twoA)),
                 QStringLiteral("false"));
    }

    // The device credential decrypts with Python's cryptography package, as NetRaven reads it.
    void deviceCredentialDecryptsWithAnotherFernet()
    {
        QVERIFY(!m_devicePassword.isEmpty());
        const QString token = test::queryValue(m_scratch.profile(), QStringLiteral("SELECT password FROM credentials"));
        const QString script =
            QStringLiteral("import base64, os, sys\n"
                           "from cryptography.fernet import Fernet\n"
                           "from cryptography.hazmat.primitives import hashes\n"
                           "from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC\n"
                           "kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=os.environ['SALT'].encode(), "
                           "iterations=100000)\n"
                           "key = base64.urlsafe_b64encode(kdf.derive(os.environ['KEY'].encode()))\n"
                           "sys.stdout.write(Fernet(key).decrypt(os.environ['TOKEN'].encode()).decode())\n");
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("KEY"), m_masterKey);
        environment.insert(QStringLiteral("SALT"), QStringLiteral("netraven_salt"));
        environment.insert(QStringLiteral("TOKEN"), token);
        QProcess python;
        python.setProcessEnvironment(environment);
        python.start(QStringLiteral("python3"), {QStringLiteral("-c"), script});
        QVERIFY(python.waitForFinished(30000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QCOMPARE(QString::fromUtf8(python.readAllStandardOutput()), m_devicePassword);
    }

    // A shareable backup of a v2 database leaves out the rows of credentials, which it finds by the pack.
    void shareableBackupLeavesOutTheCredentials()
    {
        const QString token = test::queryValue(m_scratch.profile(), QStringLiteral("SELECT password FROM credentials"));
        QVERIFY(token.startsWith(QLatin1String("gAAAAA"))); // a Fernet token: version byte 0x80
        QTemporaryDir dir;
        BackupOptions options;
        options.outputDirectory = dir.path();
        options.format = BackupFormat::PlainGzip;
        options.shareable = true;
        const auto backup = run(std::make_shared<BackupJob>(m_scratch.profile(), options));
        QVERIFY2(backup.ok(), qPrintable(backup.error.fullText()));
        QCOMPARE(backup.job->result().manifest.modelPack, QStringLiteral("netraven-v2"));
        ChildCommand unzip(QStringLiteral("/bin/sh"),
                           {QStringLiteral("-c"), QStringLiteral("gzip -dc '%1'").arg(backup.job->result().path)});
        const QString sql = unzip.run().value().standardOutput;
        QVERIFY(sql.contains(QLatin1String("CREATE TABLE public.credentials")));
        QVERIFY(sql.contains(QLatin1String("system-reachability"))); // the other rows are there
        QVERIFY(!sql.contains(token));
    }

    // The init script exported from a v2 database builds one NetRaven's Alembic knows, which adopt takes.
    void exportedInitScriptKeepsAlembicsRevision()
    {
        QTemporaryDir dir;
        SchemaExportOptions options;
        options.outputPath = dir.filePath(QStringLiteral("init.sql"));
        const auto exported = run(std::make_shared<ExportSchemaJob>(m_scratch.profile(), options));
        QVERIFY2(exported.ok(), qPrintable(exported.error.fullText()));
        test::ScratchDatabase loaded(QStringLiteral("loaded"));
        QVERIFY(loaded.create());
        QFile script(options.outputPath);
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(script.readAll());
        QVERIFY(text.contains(
            QLatin1String("INSERT INTO \"public\".\"alembic_version\" (\"version_num\") VALUES ('a3992da91329');")));
        QVERIFY(execAll(loaded.profile(), {text}));
        const auto verify = run(std::make_shared<VerifyJob>(loaded.profile(), PackChoice::fromCatalog()));
        QVERIFY(verify.ok());
        QVERIFY2(verify.job->result().verdict().endsWith(QLatin1String("but has no migration history yet: adopt it")),
                 qPrintable(verify.job->result().verdict()));
        QVERIFY(verify.job->result().foreignHistory->agrees());
    }

    // Without NetRaven's key the credential is left to NetRaven, and the rest is seeded.
    void seedWithoutTheKeySkipsTheCredential()
    {
        test::ScratchDatabase fresh(QStringLiteral("nokey"));
        QVERIFY(fresh.create());
        QVERIFY(run(std::make_shared<InitJob>(fresh.profile(), PackChoice::fromCatalog())).ok());
        qunsetenv("NETRAVEN_SECURITY__ENCRYPTION_KEY");
        const auto seeded = run(std::make_shared<SeedJob>(fresh.profile(), PackChoice::fromCatalog()));
        QVERIFY2(seeded.ok(), qPrintable(seeded.error.fullText()));
        const SeedTableResult &credentials = seeded.job->result().tables.at(2);
        QCOMPARE(credentials.table, QStringLiteral("credentials"));
        QVERIFY(credentials.skipped.contains(QLatin1String("NetRaven adds its own")));
        QCOMPARE(test::queryValue(fresh.profile(), QStringLiteral("SELECT count(*) FROM credentials")),
                 QStringLiteral("0"));
        QCOMPARE(test::queryValue(fresh.profile(), QStringLiteral("SELECT count(*) FROM job_tags")),
                 QStringLiteral("1"));
        QVERIFY(!seeded.job->result().generatedSecrets.contains(QStringLiteral("device_password")));

        // From the environment, as NetRaven's own container has it.
        qputenv("NETRAVEN_SECURITY__ENCRYPTION_KEY", m_masterKey.toUtf8());
        const auto withKey = run(std::make_shared<SeedJob>(fresh.profile(), PackChoice::fromCatalog()));
        qunsetenv("NETRAVEN_SECURITY__ENCRYPTION_KEY");
        QVERIFY(withKey.ok());
        QCOMPARE(withKey.job->result().tables.at(2).inserted, 1);

        // Once it is there, a seed without the key finds it present rather than skipping it.
        const auto later = run(std::make_shared<SeedJob>(fresh.profile(), PackChoice::fromCatalog()));
        QVERIFY(later.ok());
        QCOMPARE(later.job->result().tables.at(2).present, 1);
        QVERIFY(later.job->result().tables.at(2).skipped.isEmpty());
        QVERIFY(later.job->result().changedNothing());
    }

private:
    test::ScratchDatabase m_scratch;
    QMap<QString, QStringList> m_appendix;
    const QString m_masterKey = QStringLiteral("a-master-key-from-netravens-key-file");
    QString m_devicePassword;
    QString m_adminPassword;
};

QTEST_GUILESS_MAIN(TestNetravenV2)
#include "tst_netravenv2.moc"
