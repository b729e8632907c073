// Compare on a real server: two databases with every kind of difference are listed, and the
// script, run by psql, makes pg_dump -s of both the same (the target's extras aside, or with them
// dropped when drops are allowed); a pack's model is a source too; a database compared with a
// copy of itself has nothing to say. The script rehearsed on a copy in a sandbox of its own holds
// the locks its labels say and leaves nothing to do; rehearsed on a backup it meets the rows; applied, it stops at a
// failing statement and says what ran, also when its server stops; it is not run on a target changed since the compare,
// and it waits for another client's schema change. Schemas that need each other are made and
// dropped in an order that works.
#include "jobrun.h"
#include "queries.h"
#include "sandboxcontrol.h"
#include "scratchdatabase.h"

#include "backup/backupcatalog.h"
#include "backup/clienttools.h"
#include "connection/databasesession.h"
#include "jobs/applyplanjob.h"
#include "jobs/backupjob.h"
#include "jobs/bootstrapjob.h"
#include "jobs/comparejob.h"
#include "jobs/jobrunner.h"
#include "jobs/rehearsejob.h"
#include "log/logrecord.h"
#include "migrate/advisorylock.h"
#include "model/modelpack.h"
#include "sandbox/sandboxcluster.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace nrdb;

namespace {

// What both databases share: the source is this, the target this with the differences below.
const QStringList kCommon{
    QStringLiteral("CREATE SCHEMA app"),
    QStringLiteral("CREATE TYPE app.state AS ENUM ('new', 'done')"),
    QStringLiteral("CREATE TABLE app.owners (id serial PRIMARY KEY, name varchar(40) NOT NULL, note text)"),
    QStringLiteral("CREATE TABLE app.items (id bigserial PRIMARY KEY, owner_id integer, "
                   "state app.state NOT NULL DEFAULT 'new', price numeric(10,2), label text, size integer)"),
    QStringLiteral("CREATE INDEX items_label_idx ON app.items (label)"),
};

// Only in the source, a difference of each kind.
const QStringList kSourceOnly{
    QStringLiteral("CREATE EXTENSION pg_trgm WITH SCHEMA app"),
    QStringLiteral("ALTER TYPE app.state ADD VALUE 'held' BEFORE 'done'"),
    QStringLiteral("CREATE TYPE app.colour AS ENUM ('red', 'green')"),
    QStringLiteral("CREATE SEQUENCE app.tickets AS integer"),
    QStringLiteral("CREATE TABLE app.tags (id serial PRIMARY KEY, item_id bigint NOT NULL REFERENCES app.items(id) "
                   "ON DELETE CASCADE, colour app.colour, name text NOT NULL UNIQUE)"),
    QStringLiteral("ALTER TABLE app.items ADD COLUMN added_at timestamptz DEFAULT now()"),
    QStringLiteral("ALTER TABLE app.items ADD CONSTRAINT items_owner_id_fkey FOREIGN KEY (owner_id) "
                   "REFERENCES app.owners(id)"),
    QStringLiteral("ALTER TABLE app.items ADD CONSTRAINT items_price_check CHECK (price >= 0)"),
    QStringLiteral("ALTER TABLE app.items ALTER COLUMN size TYPE bigint"),
    QStringLiteral("ALTER TABLE app.items ALTER COLUMN label SET DEFAULT ''"),
    QStringLiteral("ALTER TABLE app.owners ALTER COLUMN note SET NOT NULL"),
    QStringLiteral("ALTER TABLE app.owners ALTER COLUMN name TYPE varchar(80)"),
    QStringLiteral("DROP INDEX app.items_label_idx"),
    QStringLiteral("CREATE INDEX items_label_idx ON app.items (lower(label))"),
    QStringLiteral("CREATE UNIQUE INDEX owners_name_idx ON app.owners (name)"),
    QStringLiteral("COMMENT ON TABLE app.items IS 'what is sold'"),
    QStringLiteral("COMMENT ON COLUMN app.owners.name IS 'as printed'"),
    QStringLiteral("CREATE VIEW app.priced AS SELECT id, price FROM app.items WHERE price IS NOT NULL"),
    QStringLiteral("CREATE SCHEMA reports"),
    QStringLiteral("CREATE VIEW reports.owner_items AS SELECT o.name, count(i.id) AS items FROM app.owners o "
                   "LEFT JOIN app.items i ON i.owner_id = o.id GROUP BY o.name"),
};

// Two schemas that need each other: a foreign key each way, and views of views within a schema
// and across, each named so that name order alone would put it before what it reads.
const QStringList kEntangled{
    QStringLiteral("CREATE SCHEMA a_sales"),
    QStringLiteral("CREATE SCHEMA z_people"),
    QStringLiteral("CREATE TABLE z_people.customers (id integer PRIMARY KEY, name text, first_order integer)"),
    QStringLiteral("CREATE TABLE a_sales.orders (id integer PRIMARY KEY, "
                   "customer_id integer REFERENCES z_people.customers(id))"),
    QStringLiteral("ALTER TABLE z_people.customers ADD FOREIGN KEY (first_order) REFERENCES a_sales.orders(id)"),
    QStringLiteral("CREATE VIEW a_sales.b_counts AS SELECT customer_id, count(*) AS n FROM a_sales.orders "
                   "GROUP BY customer_id"),
    QStringLiteral("CREATE VIEW a_sales.a_busiest AS SELECT customer_id FROM a_sales.b_counts WHERE n > 10"),
    QStringLiteral("CREATE VIEW z_people.y_named AS SELECT id, name FROM z_people.customers WHERE name <> ''"),
    QStringLiteral("CREATE VIEW a_sales.c_named_orders AS SELECT o.id, p.name FROM a_sales.orders o "
                   "JOIN z_people.y_named p ON p.id = o.customer_id"),
};

// Only in the target: a view of the same name with another query, and extras.
const QStringList kTargetOnly{
    QStringLiteral("CREATE VIEW app.priced AS SELECT id, price FROM app.items"),
    QStringLiteral("CREATE TABLE app.scratch (id integer)"),
    QStringLiteral("ALTER TABLE app.owners ADD COLUMN legacy text"),
    QStringLiteral("CREATE INDEX owners_note_idx ON app.owners (note)"),
};

ModelPack netRavenV2()
{
    return ModelPack::builtIn(QStringLiteral("netraven-v2")).value();
}

bool hasDifference(const CompareReport &report, const QString &description)
{
    for (const SchemaComparison &schema : report.schemas) {
        for (const DriftItem &item : schema.differences) {
            if (item.describe() == description)
                return true;
        }
    }
    for (const DriftItem &item : report.extensions) {
        if (item.describe() == description)
            return true;
    }
    return false;
}

} // namespace

class TestCompare : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        NRDB_REQUIRE_SCRATCH_DATABASE(m_probe);
        const Result<ClientTools> tools = ClientTools::forServer(15);
        QVERIFY2(tools, qPrintable(tools ? QString() : tools.error().message));
        m_binDir = tools.value().binDir;
    }

    void init()
    {
        m_source = std::make_unique<test::ScratchDatabase>(QStringLiteral("source"));
        m_target = std::make_unique<test::ScratchDatabase>(QStringLiteral("target"));
        QVERIFY(m_source->create());
        QVERIFY(m_target->create());
    }

    void cleanup()
    {
        m_source.reset();
        m_target.reset();
    }

    void everyKindOfDifferenceIsListed()
    {
        makeDifferentDatabases();
        const CompareReport report = compare(PlanOptions{});
        QCOMPARE(report.source, m_source->profile().displayName());
        QVERIFY(!report.sourceServerVersion.isEmpty());
        const QStringList expected{
            QStringLiteral("missing extension pg_trgm"),
            QStringLiteral("changed enum state"),
            QStringLiteral("missing enum colour"),
            QStringLiteral("missing sequence tickets"),
            QStringLiteral("missing table tags"),
            QStringLiteral("missing column added_at on items"),
            QStringLiteral("missing constraint items_owner_id_fkey on items"),
            QStringLiteral("missing constraint items_price_check on items"),
            QStringLiteral("changed column size on items"),
            QStringLiteral("changed column label on items"),
            QStringLiteral("changed column note on owners"),
            QStringLiteral("changed column name on owners"),
            QStringLiteral("changed index items_label_idx on items"),
            QStringLiteral("missing index owners_name_idx on owners"),
            QStringLiteral("changed comment on items"),
            QStringLiteral("changed comment name on owners"),
            QStringLiteral("changed view priced"),
            QStringLiteral("missing view owner_items"),
            QStringLiteral("extra table scratch"),
            QStringLiteral("extra column legacy on owners"),
            QStringLiteral("extra index owners_note_idx on owners"),
        };
        for (const QString &description : expected)
            QVERIFY2(hasDifference(report, description), qPrintable(description + QLatin1Char('\n') + listed(report)));
        const auto reports =
            std::find_if(report.schemas.cbegin(), report.schemas.cend(),
                         [](const SchemaComparison &schema) { return schema.schema == QLatin1String("reports"); });
        QVERIFY(reports != report.schemas.cend() && reports->missing);
        QCOMPARE(report.differenceCount(), expected.size() + 1); // and the missing schema
        QCOMPARE(report.plan.keptExtras.size(), 3);
    }

    // Schemas and extensions first, types and sequences before the tables that use them, the
    // tables before their keys, views after their tables, the schema of a view after the one it reads.
    void theScriptIsInDependencyOrder()
    {
        makeDifferentDatabases();
        const MigrationPlan plan = compare(PlanOptions{}).plan;
        const QByteArray script = plan.toSql({}).toUtf8();
        const int schema = statementIndex(plan, QStringLiteral("CREATE SCHEMA IF NOT EXISTS \"reports\""));
        const int extension = statementIndex(plan, QStringLiteral("CREATE EXTENSION IF NOT EXISTS \"pg_trgm\""));
        const int type = statementIndex(plan, QStringLiteral("CREATE TYPE \"app\".\"colour\""));
        const int table = statementIndex(plan, QStringLiteral("CREATE TABLE \"app\".\"tags\""));
        const int foreignKey = statementIndex(plan, QStringLiteral("ALTER TABLE \"app\".\"tags\" ADD CONSTRAINT"),
                                              QStringLiteral("FOREIGN KEY"));
        const int view = statementIndex(plan, QStringLiteral("CREATE OR REPLACE VIEW \"app\".\"priced\""));
        const int column = statementIndex(plan, QStringLiteral("ALTER TABLE \"app\".\"items\" ADD COLUMN"));
        const int reportsView = statementIndex(plan, QStringLiteral("CREATE OR REPLACE VIEW \"reports\""));
        QVERIFY2(schema == 0 && extension > schema, script.constData());
        QVERIFY2(type > extension && table > type && foreignKey > table, script.constData());
        QVERIFY2(view > column && reportsView > view, script.constData());
    }

    // Made from nothing, then dropped to nothing: each statement finds what it needs, whatever
    // schema it is in (a foreign key to a table of a schema later in name order, a view of a view).
    void entangledSchemasAreMadeAndDroppedInAnOrderThatWorks()
    {
        for (const QString &statement : kEntangled)
            QCOMPARE(test::queryValues(m_source->profile(), statement), QStringList());
        QVERIFY(runScript(compare(PlanOptions{}).plan));
        QVERIFY(compare(PlanOptions{}).isEmpty());
        QCOMPARE(schemaDump(m_target->profile()), schemaDump(m_source->profile()));

        // The other way: the source has none of it, and drops are allowed.
        for (const QString &schema : {QStringLiteral("a_sales"), QStringLiteral("z_people")})
            QCOMPARE(test::queryValues(m_source->profile(), QStringLiteral("DROP SCHEMA %1 CASCADE").arg(schema)),
                     QStringList());
        QCOMPARE(test::queryValues(m_source->profile(), QStringLiteral("CREATE SCHEMA a_sales")), QStringList());
        QCOMPARE(test::queryValues(m_source->profile(), QStringLiteral("CREATE SCHEMA z_people")), QStringList());
        PlanOptions drops;
        drops.allowDrop = true;
        const MigrationPlan dropping = compare(drops).plan;
        QVERIFY(runScript(dropping));
        QCOMPARE(test::queryValue(m_target->profile(),
                                  QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON "
                                                 "n.oid = c.relnamespace WHERE n.nspname IN ('a_sales', 'z_people')")),
                 QStringLiteral("0"));
    }

    void theScriptMakesTheSchemasAlike()
    {
        makeDifferentDatabases();
        QVERIFY(runScript(compare(PlanOptions{}).plan));
        const CompareReport after = compare(PlanOptions{});
        QVERIFY2(after.plan.statements.isEmpty(), qPrintable(listed(after)));
        QCOMPARE(after.differenceCount(), 3); // the extras, kept
        QVERIFY(hasDifference(after, QStringLiteral("extra table scratch")));
        // With the extras dropped too, pg_dump -s of the two is the same, line for line.
        PlanOptions drops;
        drops.allowDrop = true;
        QVERIFY(runScript(compare(drops).plan));
        QVERIFY(compare(PlanOptions{}).isEmpty());
        const QStringList source = schemaDump(m_source->profile());
        QVERIFY(source.size() > 100);
        QCOMPARE(schemaDump(m_target->profile()), source);
    }

    void aDatabaseIsLikeItsCopy()
    {
        for (const QString &statement : kCommon + kSourceOnly) {
            QCOMPARE(test::queryValues(m_source->profile(), statement), QStringList());
            QCOMPARE(test::queryValues(m_target->profile(), statement), QStringList());
        }
        const CompareReport report = compare(PlanOptions{});
        QVERIFY2(report.isEmpty(), qPrintable(listed(report)));
        QVERIFY(report.plan.isEmpty());
    }

    // A pack's expected model as the source: the repair of a NetRaven v2 database, by compare.
    void aPacksModelIsASource()
    {
        auto bootstrap = std::make_shared<BootstrapJob>(m_target->profile(), netRavenV2());
        QVERIFY(test::runToSuccess(bootstrap));
        QCOMPARE(test::queryValues(m_target->profile(), QStringLiteral("DROP INDEX ix_devices_hostname")),
                 QStringList());
        auto job = std::make_shared<CompareJob>(CompareSource{{}, netRavenV2(), 0}, m_target->profile(), QStringList(),
                                                PlanOptions{});
        QVERIFY(test::runToSuccess(job));
        const CompareReport &report = job->result();
        QVERIFY(report.source.startsWith(QLatin1String("pack netraven-v2 version")));
        QCOMPARE(report.schemas.size(), 1);
        QCOMPARE(report.schemas.first().schema, QStringLiteral("public"));
        QVERIFY2(report.differenceCount() == 1 &&
                     hasDifference(report, QStringLiteral("missing index ix_devices_hostname on devices")),
                 qPrintable(listed(report)));
        QVERIFY(runScript(report.plan));
        auto again = std::make_shared<CompareJob>(CompareSource{{}, netRavenV2(), 0}, m_target->profile(),
                                                  QStringList(), PlanOptions{});
        QVERIFY(test::runToSuccess(again));
        QVERIFY2(again->result().isEmpty(), qPrintable(listed(again->result())));
    }

    // Each statement that runs in a transaction holds, as its strongest lock, the one its label
    // names; the copy is then like the source, and the target was only read.
    void aRehearsalHoldsTheLocksThePlanSays()
    {
        makeDifferentDatabases();
        const CompareReport report = compare(PlanOptions{});
        auto rehearsal = std::make_shared<RehearseJob>(m_target->profile(), report.plan, report.wanted);
        QVERIFY(test::runToSuccess(rehearsal));
        const RehearsalReport &rehearsed = rehearsal->result();
        QVERIFY2(rehearsed.ok(),
                 qPrintable(rehearsed.run.failure ? rehearsed.run.failure->fullText() : listed(*rehearsed.after)));
        QVERIFY(rehearsed.server.startsWith(QLatin1String("15.")));
        QCOMPARE(rehearsed.run.statements.size(), report.plan.statements.size());
        int checked = 0;
        for (int i = 0; i < report.plan.statements.size(); ++i) {
            const PlannedStatement &statement = report.plan.statements.at(i);
            if (!statement.inTransaction || statement.lock.startsWith(QLatin1String("none")))
                continue;
            const QStringList &held = rehearsed.run.statements.at(i).locks;
            const QString mode = statement.lock.section(QStringLiteral(" on "), 0, 0);
            QVERIFY2(!held.isEmpty() && held.first().startsWith(mode + QStringLiteral(" on ")),
                     qPrintable(statement.sql + QStringLiteral("\nlabel: ") + statement.lock +
                                QStringLiteral("\nheld: ") + held.join(QStringLiteral(", "))));
            ++checked;
        }
        QVERIFY(checked >= 10);
        QCOMPARE(compare(PlanOptions{}).differenceCount(), report.differenceCount());
    }

    void anAppliedScriptLeavesNothingToDo()
    {
        makeDifferentDatabases();
        PlanOptions drops;
        drops.allowDrop = true;
        const CompareReport report = compare(drops);
        auto apply = std::make_shared<ApplyPlanJob>(m_target->profile(), report.plan, report.wanted);
        QVERIFY(test::runToSuccess(apply));
        QVERIFY(apply->result().run.complete);
        QCOMPARE(apply->result().run.statements.size(), report.plan.statements.size());
        QVERIFY2(apply->result().after->isEmpty(), qPrintable(listed(*apply->result().after)));
        QCOMPARE(schemaDump(m_target->profile()), schemaDump(m_source->profile()));
    }

    // A statement that fails on the copy is what the rehearsal found, and the target is only read.
    void aFailingStatementIsFoundByTheRehearsal()
    {
        for (const QString &statement : kCommon)
            QCOMPARE(test::queryValues(m_target->profile(), statement), QStringList());
        MigrationPlan plan;
        plan.statements
            << PlannedStatement{QStringLiteral("CREATE TABLE app.first (id integer)"), {}, {}, {}, {}}
            << PlannedStatement{QStringLiteral("ALTER TABLE app.nowhere ADD COLUMN x integer"), {}, {}, {}, {}}
            << PlannedStatement{QStringLiteral("CREATE TABLE app.third (id integer)"), {}, {}, {}, {}};
        auto rehearsal = std::make_shared<RehearseJob>(m_target->profile(), plan, std::nullopt);
        QVERIFY(test::runToSuccess(rehearsal));
        const RehearsalReport &rehearsed = rehearsal->result();
        QVERIFY(!rehearsed.ok());
        QCOMPARE(rehearsed.run.statements.size(), 1);
        QVERIFY(rehearsed.run.failure && rehearsed.run.failure->sqlState == QLatin1String("42P01"));
        QCOMPARE(test::queryValue(m_target->profile(), QStringLiteral("SELECT to_regclass('app.first') IS NULL")),
                 QStringLiteral("true")); // the target was only read
    }

    // On the target a statement can fail where the schema-only copy could not (rows that break a
    // new unique index): the apply ends there, saying which statement and that those before it
    // are applied.
    void aStatementTheTargetsRowsBreakStopsTheApply()
    {
        for (const QString &statement :
             kCommon + QStringList{QStringLiteral("CREATE TABLE app.extra (id integer)"),
                                   QStringLiteral("CREATE UNIQUE INDEX owners_name_idx ON app.owners (name)")})
            QCOMPARE(test::queryValues(m_source->profile(), statement), QStringList());
        for (const QString &statement :
             kCommon + QStringList{QStringLiteral("INSERT INTO app.owners (name) VALUES ('twice'), ('twice')")})
            QCOMPARE(test::queryValues(m_target->profile(), statement), QStringList());
        const CompareReport report = compare(PlanOptions{});
        QCOMPARE(report.plan.statements.size(), 2);
        auto apply = std::make_shared<ApplyPlanJob>(m_target->profile(), report.plan, report.wanted);
        const std::optional<Error> failed = test::failureOf(apply);
        QVERIFY(failed);
        const QString message = failed->message;
        QVERIFY2(message.startsWith(QLatin1String("statement 2 of 2")) &&
                     message.endsWith(QLatin1String("The 1 statement(s) before it are applied.")),
                 qPrintable(message));
        QCOMPARE(failed->sqlState, QStringLiteral("23505")); // unique_violation
        QCOMPARE(apply->statementsRun().statements.size(), 1);
        QCOMPARE(test::queryValue(m_target->profile(), QStringLiteral("SELECT to_regclass('app.extra') IS NOT NULL")),
                 QStringLiteral("true"));

        // The failed build left an invalid index of the same definition: not taken for the one
        // wanted. Once the rows allow it, the script drops it and builds it again.
        const CompareReport left = compare(PlanOptions{});
        QVERIFY2(left.differenceCount() == 1 &&
                     hasDifference(left, QStringLiteral("changed index owners_name_idx on owners")),
                 qPrintable(listed(left)));
        QCOMPARE(
            test::queryValues(m_target->profile(),
                              QStringLiteral("DELETE FROM app.owners WHERE id = (SELECT max(id) FROM app.owners)")),
            QStringList());
        auto again = std::make_shared<ApplyPlanJob>(m_target->profile(), left.plan, left.wanted);
        QVERIFY(test::runToSuccess(again));
        QVERIFY2(again->result().after->isEmpty(), qPrintable(listed(*again->result().after)));
        QCOMPARE(
            test::queryValue(m_target->profile(), QStringLiteral("SELECT indisvalid FROM pg_index WHERE indexrelid = "
                                                                 "'app.owners_name_idx'::regclass")),
            QStringLiteral("true"));
    }

    // Someone changed the target after the compare: the script, rehearsed for the schema that
    // was, is not run on the one that is.
    // PostgreSQL adds a column last: when SOURCE has it before a column TARGET has, the plan says
    // so; a column that is last in SOURCE too needs no word.
    void anAddedColumnsPlaceIsHinted()
    {
        QCOMPARE(
            test::queryValues(m_source->profile(),
                              QStringLiteral("CREATE TABLE public.t (id integer, added text, kept text, last text)")),
            QStringList());
        QCOMPARE(
            test::queryValues(m_target->profile(), QStringLiteral("CREATE TABLE public.t (id integer, kept text)")),
            QStringList());
        const MigrationPlan plan = compare(PlanOptions{}).plan;
        QCOMPARE(plan.statements.size(), 2);
        QCOMPARE(plan.hints,
                 QStringList{QStringLiteral("column t.added goes at the end of the table, not before kept: PostgreSQL "
                                            "adds columns last (SELECT * and COPY without a column list see another "
                                            "order; only a rebuilt table could match)")});
    }

    // A schema-only copy cannot see what the target's rows break (two owners of one name under a
    // new unique index); a rehearsal on a backup of the target, found as the directory's newest,
    // can, and says so before anything is applied.
    void aRehearsalOnABackupMeetsTheTargetsRows()
    {
        for (const QString &statement :
             kCommon + QStringList{QStringLiteral("CREATE UNIQUE INDEX owners_name_idx ON app.owners (name)")})
            QCOMPARE(test::queryValues(m_source->profile(), statement), QStringList());
        for (const QString &statement :
             kCommon + QStringList{QStringLiteral("INSERT INTO app.owners (name, note) VALUES ('twice', 'a'), "
                                                  "('twice', 'b')")})
            QCOMPARE(test::queryValues(m_target->profile(), statement), QStringList());
        const CompareReport report = compare(PlanOptions{});
        QCOMPARE(report.plan.statements.size(), 1);
        auto schemaOnly = std::make_shared<RehearseJob>(m_target->profile(), report.plan, report.wanted);
        QVERIFY(test::runToSuccess(schemaOnly));
        QVERIFY(schemaOnly->result().ok());

        QTemporaryDir backups;
        BackupOptions options;
        options.outputDirectory = backups.path();
        options.format = BackupFormat::Custom;
        auto backup = std::make_shared<BackupJob>(m_target->profile(), options);
        QVERIFY(test::runToSuccess(backup));
        const std::optional<BackupEntry> newest = backupcatalog::newestOf(backups.path(), m_target->profile().database);
        QVERIFY(newest);
        QCOMPARE(newest->path, backup->result().path);
        QVERIFY(!backupcatalog::newestOf(backups.path(), QStringLiteral("another")));

        auto onBackup = std::make_shared<RehearseJob>(m_target->profile(), report.plan, report.wanted);
        onBackup->rehearseOnBackup(newest->path);
        QVERIFY(test::runToSuccess(onBackup));
        const RehearsalReport &rehearsed = onBackup->result();
        QCOMPARE(rehearsed.loadedFrom, newest->path);
        QVERIFY(!rehearsed.ok());
        QVERIFY2(rehearsed.run.failure && rehearsed.run.failure->sqlState == QLatin1String("23505"),
                 qPrintable(rehearsed.run.failure ? rehearsed.run.failure->fullText() : QStringLiteral("no failure")));
        QCOMPARE(
            test::queryValue(m_target->profile(), QStringLiteral("SELECT to_regclass('app.owners_name_idx') IS NULL")),
            QStringLiteral("true")); // the target was only read
    }

    // The server stops at once while the apply builds an index: the job fails saying which
    // statement and that the one before it is applied; once the server is back, a compare finds
    // the half-built index, and its script builds it again.
    void aServerThatStopsMidApplyLeavesWhatRanAndAScriptForTheRest()
    {
        SandboxCluster sandbox;
        QVERIFY2(sandbox.start(), "no private server");
        const SandboxState &state = sandbox.state();
        const QStringList common{
            QStringLiteral("CREATE FUNCTION public.slow(text) RETURNS text IMMUTABLE LANGUAGE sql "
                           "AS $$ SELECT $1 || pg_sleep(0.01)::text $$"),
            QStringLiteral("CREATE TABLE public.big (id integer, v text)"),
            QStringLiteral("INSERT INTO public.big SELECT g, md5(g::text) FROM generate_series(1, 1000) g")};
        for (const QString &database : {QStringLiteral("source"), QStringLiteral("target")}) {
            QCOMPARE(test::queryValues(state.profile(), QStringLiteral("CREATE DATABASE %1").arg(database)),
                     QStringList());
            for (const QString &statement : common)
                QCOMPARE(test::queryValues(state.profile(database), statement), QStringList());
        }
        for (const QString &statement : {QStringLiteral("CREATE TABLE public.first (id integer)"),
                                         QStringLiteral("CREATE INDEX big_v_idx ON public.big (public.slow(v))")})
            QCOMPARE(test::queryValues(state.profile(QStringLiteral("source")), statement), QStringList());
        const ConnectionProfile target = state.profile(QStringLiteral("target"));
        const auto compareOnSandbox = [&] {
            auto job =
                std::make_shared<CompareJob>(CompareSource{state.profile(QStringLiteral("source")), std::nullopt, 0},
                                             target, QStringList{QStringLiteral("public")}, PlanOptions{});
            return test::runToSuccess(job) ? job->result() : CompareReport{};
        };
        const CompareReport report = compareOnSandbox();
        QCOMPARE(report.plan.statements.size(), 2);

        auto apply = std::make_shared<ApplyPlanJob>(target, report.plan, report.wanted);
        JobRunner runner;
        Error error;
        connect(&runner, &JobRunner::finished, this, [&error](JobId, JobState, const Error &e) { error = e; });
        runner.submit(apply);
        QTRY_VERIFY_WITH_TIMEOUT(
            test::queryValue(target, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE query LIKE "
                                                    "'CREATE INDEX CONCURRENTLY%' AND state = 'active'")) ==
                QLatin1String("1"),
            30000);
        // The sandbox commits asynchronously (synchronous_commit = off): give the WAL writer time to
        // write statement 1's commit, as a server that commits synchronously would have at once.
        QTest::qWait(1000);
        QVERIFY(test::stopServerNow(state));
        QVERIFY(runner.waitForIdle(60000));
        QVERIFY2(error.message.startsWith(QLatin1String("statement 2 of 2")) &&
                     error.message.endsWith(QLatin1String("The 1 statement(s) before it are applied.")),
                 qPrintable(error.fullText()));
        QCOMPARE(apply->statementsRun().statements.size(), 1);

        QVERIFY(test::startServerAgain(state));
        const CompareReport left = compareOnSandbox();
        QVERIFY2(left.differenceCount() == 1 && hasDifference(left, QStringLiteral("changed index big_v_idx on big")),
                 qPrintable(listed(left)));
        QVERIFY(test::runToSuccess(std::make_shared<ApplyPlanJob>(target, left.plan, left.wanted)));
        const CompareReport after = compareOnSandbox();
        QVERIFY2(after.isEmpty(), qPrintable(listed(after)));
    }

    void aTargetChangedSinceTheCompareIsNotApplied()
    {
        makeDifferentDatabases();
        const CompareReport report = compare(PlanOptions{});
        QCOMPARE(test::queryValues(m_target->profile(), QStringLiteral("CREATE TABLE app.tags (id integer)")),
                 QStringList());
        const QStringList before = schemaDump(m_target->profile());
        auto apply = std::make_shared<ApplyPlanJob>(m_target->profile(), report.plan, report.wanted);
        const std::optional<Error> refused = test::failureOf(apply);
        QVERIFY(refused);
        QCOMPARE(refused->kind, ErrorKind::Usage);
        QVERIFY2(refused->message.endsWith(QLatin1String("changed since the script was made: compare again")) &&
                     refused->detail.contains(QLatin1String("app")),
                 qPrintable(refused->fullText()));
        QCOMPARE(apply->statementsRun().statements.size(), 0);
        QCOMPARE(schemaDump(m_target->profile()), before);
    }

    // A second client changing the schema (here holding the schema lock, as init, repair and
    // another apply do) makes the apply wait, saying who it waits for; nothing runs meanwhile.
    void anApplyWaitsForAnotherClientsSchemaChange()
    {
        makeDifferentDatabases();
        const CompareReport report = compare(PlanOptions{});
        DatabaseSession other;
        QVERIFY(other.open(m_target->profile()));
        AdvisoryLock held(other.database(), QStringLiteral("change the schema"));
        QVERIFY(held.acquire(1000));
        const QStringList before = schemaDump(m_target->profile());

        JobRunner runner;
        QStringList logged;
        connect(&runner, &JobRunner::messageLogged, this,
                [&logged](const LogRecord &record) { logged << record.text(); });
        QSignalSpy finished(&runner, &JobRunner::finished);
        const JobId id = runner.submit(std::make_shared<ApplyPlanJob>(m_target->profile(), report.plan, report.wanted));
        QTRY_VERIFY_WITH_TIMEOUT(!logged.filter(QStringLiteral("held by pid")).isEmpty(), 10000);
        QTest::qWait(500);
        QVERIFY(finished.isEmpty());
        QCOMPARE(schemaDump(m_target->profile()), before);
        held.release();
        QVERIFY(runner.waitForIdle(60000));
        QCOMPARE(finished.first().at(1).value<JobState>(), JobState::Succeeded);
        QVERIFY(runner.state(id) == JobState::Succeeded);
        QVERIFY(schemaDump(m_target->profile()) != before);
    }

    void anUnreachableSourceIsAConnectionError()
    {
        ConnectionProfile gone = m_source->profile();
        gone.database = QStringLiteral("nrdb_no_such_database");
        auto job = std::make_shared<CompareJob>(CompareSource{gone, std::nullopt, 0}, m_target->profile(),
                                                QStringList(), PlanOptions{});
        const std::optional<Error> error = test::failureOf(job);
        QVERIFY(error);
        QVERIFY2(error->fullText().contains(QLatin1String("nrdb_no_such_database")), qPrintable(error->fullText()));
    }

private:
    void makeDifferentDatabases()
    {
        for (const QString &statement : kCommon + kSourceOnly)
            QCOMPARE(test::queryValues(m_source->profile(), statement), QStringList());
        for (const QString &statement : kCommon + kTargetOnly)
            QCOMPARE(test::queryValues(m_target->profile(), statement), QStringList());
    }

    CompareReport compare(const PlanOptions &options)
    {
        auto job = std::make_shared<CompareJob>(CompareSource{m_source->profile(), std::nullopt, 0},
                                                m_target->profile(), QStringList(), options);
        if (!test::runToSuccess(job))
            return {};
        return job->result();
    }

    static int statementIndex(const MigrationPlan &plan, const QString &start, const QString &containing = {})
    {
        for (int i = 0; i < plan.statements.size(); ++i) {
            const QString &sql = plan.statements.at(i).sql;
            if (sql.startsWith(start) && sql.contains(containing))
                return i;
        }
        return -1;
    }

    static QString listed(const CompareReport &report)
    {
        QStringList lines;
        for (const SchemaComparison &schema : report.schemas) {
            for (const DriftItem &item : schema.differences)
                lines << schema.schema + QStringLiteral(": ") + item.describe();
        }
        for (const DriftItem &item : report.extensions)
            lines << item.describe();
        return lines.join(QLatin1Char('\n')) + QLatin1Char('\n') + report.plan.toSql({});
    }

    QProcessEnvironment clientEnvironment(const ConnectionProfile &profile) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), profile.password);
        environment.insert(QStringLiteral("PGHOST"), profile.host);
        environment.insert(QStringLiteral("PGPORT"), profile.port);
        environment.insert(QStringLiteral("PGUSER"), profile.user);
        environment.insert(QStringLiteral("PGDATABASE"), profile.database);
        return environment;
    }

    bool runScript(const MigrationPlan &plan)
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("compare.sql"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(plan.toSql(QStringLiteral("test")).toUtf8()) <= 0)
            return false;
        file.close();
        QProcess psql;
        psql.setProcessEnvironment(clientEnvironment(m_target->profile()));
        psql.start(QDir(m_binDir).filePath(QStringLiteral("psql")),
                   {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                    QStringLiteral("-f"), path});
        if (!psql.waitForFinished(60000) || psql.exitCode() != 0) {
            qWarning("psql: %s\n%s", psql.readAllStandardError().constData(), qPrintable(plan.toSql({})));
            return false;
        }
        return true;
    }

    QStringList schemaDump(const ConnectionProfile &profile) const { return test::schemaDump(profile, m_binDir); }

    test::ScratchDatabase m_probe{QStringLiteral("compareprobe")};
    std::unique_ptr<test::ScratchDatabase> m_source;
    std::unique_ptr<test::ScratchDatabase> m_target;
    QString m_binDir;
};

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"
