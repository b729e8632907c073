// The catalog snapshot and its lint on a real server, on names and objects that bite.
#include "queries.h"
#include "scratchdatabase.h"

#include "catalog/catalogreader.h"
#include "catalog/schemalint.h"
#include "catalog/schematreemodel.h"
#include "catalog/tableddl.h"
#include "connection/databasesession.h"
#include "jobs/jobrunner.h"
#include "jobs/rowpagejob.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QtTest/QtTest>

#include <thread>

using namespace nrdb;

namespace {

const char *const kSchema[] = {
    R"(CREATE SCHEMA app)",
    R"(CREATE SCHEMA "Fleet Ops")",
    R"(CREATE TYPE app.device_status AS ENUM ('up', 'down', 'unknown'))",
    R"(CREATE DOMAIN app.hostname AS varchar(253) NOT NULL CHECK (VALUE <> ''))",
    R"(CREATE TABLE app.users (id varchar(36) PRIMARY KEY, username varchar(50) NOT NULL, is_admin boolean))",
    R"(CREATE INDEX ix_users_id ON app.users (id))",
    R"(CREATE TABLE app.devices (
         id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         hostname app.hostname,
         owner_id varchar(36) REFERENCES app.users (id) ON DELETE CASCADE,
         status app.device_status DEFAULT 'unknown',
         hostname_upper text GENERATED ALWAYS AS (upper(hostname)) STORED))",
    R"(COMMENT ON COLUMN app.devices.hostname IS 'DNS name of the device')",
    R"(CREATE TABLE app.events (id bigserial, device_id integer REFERENCES app.devices (id), at timestamptz NOT NULL)
         PARTITION BY RANGE (at))",
    R"(CREATE TABLE app.events_2026 PARTITION OF app.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01'))",
    R"(CREATE VIEW app.device_names AS SELECT id, hostname FROM app.devices)",
    R"(CREATE MATERIALIZED VIEW app.device_counts AS SELECT status, count(*) AS n FROM app.devices GROUP BY status)",
    R"(CREATE TABLE app.settings (key text PRIMARY KEY, value text))",
    R"(CREATE TABLE "Fleet Ops"."select" (
         "the ""id""" int PRIMARY KEY,
         "Gerät" text UNIQUE,
         "owner ""x""" varchar(36) REFERENCES app.users (id),
         CHECK ("the ""id""" > 0)))",
    R"(CREATE EXTENSION IF NOT EXISTS pgcrypto)",
    R"(INSERT INTO app.users SELECT g::text, 'u' || g FROM generate_series(1, 500) g)",
    R"(ANALYZE app.users)",
    R"(CREATE SCHEMA hidden)",
    R"(CREATE TABLE hidden.secrets (id int PRIMARY KEY))",
    R"(DROP ROLE IF EXISTS nrdb_catalog_reader)",
    R"(CREATE ROLE nrdb_catalog_reader LOGIN PASSWORD 'Reader-Pass-1')",
};

const LintFinding *finding(const QVector<LintFinding> &findings, const QString &rule, const QString &object)
{
    for (const LintFinding &candidate : findings) {
        if (candidate.rule == rule && (candidate.object == object || candidate.table == object))
            return &candidate;
    }
    return nullptr;
}

} // namespace

class TestCatalog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
        QVERIFY(m_session.open(m_scratch.profile()));
        QSqlQuery query(m_session.database());
        for (const char *statement : kSchema)
            QVERIFY2(query.exec(QString::fromUtf8(statement)), qPrintable(query.lastError().text()));
        m_snapshot = readSnapshot(m_session);
    }

    void readsEverythingInAFixedNumberOfQueries()
    {
        QCOMPARE(m_snapshot.queryCount, CatalogReader::queryNames().size());
        QCOMPARE(m_snapshot.queryCount, 8);
        QVERIFY(m_snapshot.schema(QStringLiteral("app")));
        QVERIFY(m_snapshot.schema(QStringLiteral("Fleet Ops")));
        QVERIFY(m_snapshot.schema(QStringLiteral("public")));
        QVERIFY(!m_snapshot.schema(QStringLiteral("pg_catalog")));
    }

    void relationsOfEveryKind()
    {
        const RelationInfo *events = m_snapshot.relation(QStringLiteral("app"), QStringLiteral("events"));
        const RelationInfo *partition = m_snapshot.relation(QStringLiteral("app"), QStringLiteral("events_2026"));
        QVERIFY(events && partition);
        QCOMPARE(events->kind, RelationKind::PartitionedTable);
        QCOMPARE(events->partitionKey, QStringLiteral("RANGE (at)"));
        QCOMPARE(partition->partitionParentOid, events->oid);
        QVERIFY2(partition->partitionBound.startsWith(QLatin1String("FOR VALUES FROM ('2026-01-01")),
                 qPrintable(partition->partitionBound));
        const RelationInfo *view = m_snapshot.relation(QStringLiteral("app"), QStringLiteral("device_names"));
        QCOMPARE(view->kind, RelationKind::View);
        QVERIFY(view->viewDefinition.contains(QLatin1String("FROM app.devices")));
        QCOMPARE(m_snapshot.relation(QStringLiteral("app"), QStringLiteral("device_counts"))->kind,
                 RelationKind::MaterializedView);
        const RelationInfo *users = m_snapshot.relation(QStringLiteral("app"), QStringLiteral("users"));
        QCOMPARE(users->rowEstimate, 500);
        QVERIFY(users->totalBytes > 0);
    }

    // The browser's read never waits behind someone's exclusive lock: that table is simply not sized.
    void anExclusivelyLockedTableDoesNotBlockTheSnapshot()
    {
        DatabaseSession locker;
        QVERIFY(locker.open(m_scratch.profile()));
        QSqlQuery lock(locker.database());
        QVERIFY(lock.exec(QStringLiteral("BEGIN")));
        QVERIFY(lock.exec(QStringLiteral("LOCK TABLE app.settings IN ACCESS EXCLUSIVE MODE")));
        DatabaseSession reader;
        QVERIFY(reader.open(m_scratch.profile()));
        QSqlQuery timeout(reader.database());
        QVERIFY(
            timeout.exec(QStringLiteral("SET lock_timeout = '3s'"))); // a wait would fail the read, not hang the test
        QElapsedTimer clock;
        clock.start();
        const SchemaSnapshot snapshot = readSnapshot(reader, CatalogReadOptions{LockedTables::LeaveOut});
        QVERIFY(clock.elapsed() < 3000);
        const RelationInfo *locked = snapshot.relation(QStringLiteral("app"), QStringLiteral("settings"));
        QCOMPARE(locked->totalBytes, -1);
        QVERIFY(locked->indexes.first().definition.startsWith(
            QLatin1String("(not read: another session holds an exclusive lock")));
        QCOMPARE(locked->columns.size(), 2); // everything else is read as usual
        QVERIFY(snapshot.relation(QStringLiteral("app"), QStringLiteral("users"))->totalBytes > 0);
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    }

    // What compares the schema needs all of it: the read waits out a short lock, and past its
    // timeout names the table and the session that holds it.
    void aWholeReadWaitsForALockedTableThenNamesWhoHoldsIt()
    {
        DatabaseSession locker;
        QVERIFY(locker.open(m_scratch.profile()));
        QSqlQuery lock(locker.database());
        QVERIFY(lock.exec(QStringLiteral("BEGIN")));
        QVERIFY(lock.exec(QStringLiteral("LOCK TABLE app.settings IN ACCESS EXCLUSIVE MODE")));
        const QString holder =
            test::queryValue(m_scratch.profile(), QStringLiteral("SELECT pid FROM pg_locks WHERE "
                                                                 "mode = 'AccessExclusiveLock' "
                                                                 "AND relation = 'app.settings'::regclass"));
        DatabaseSession reader;
        QVERIFY(reader.open(m_scratch.profile()));
        QElapsedTimer clock;
        clock.start();
        const Result<SchemaSnapshot> refused =
            CatalogReader::read(reader.database(), {}, CatalogReadOptions{LockedTables::WaitThenFail, 1000});
        QVERIFY(clock.elapsed() >= 1000 && clock.elapsed() < 5000);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Busy);
        QVERIFY2(refused.error().message.contains(QStringLiteral("app.settings is locked by process %1").arg(holder)),
                 qPrintable(refused.error().message));

        // A lock that ends within the timeout is waited out.
        QTimer::singleShot(500, this, [&lock] { (void)lock.exec(QStringLiteral("ROLLBACK")); });
        QEventLoop loop;
        Result<SchemaSnapshot> whole = Error{};
        std::thread reading([&] {
            DatabaseSession own;
            if (own.open(m_scratch.profile()))
                whole = CatalogReader::read(own.database(), {}, CatalogReadOptions{LockedTables::WaitThenFail, 10000});
            QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
        });
        loop.exec();
        reading.join();
        QVERIFY2(whole, qPrintable(whole ? QString() : whole.error().fullText()));
        QVERIFY(whole.value().relation(QStringLiteral("app"), QStringLiteral("settings"))->totalBytes > 0);
    }

    // A view's definition is read under a lock on the tables it reads: even the browser's read
    // gives up past its timeout, naming the table and who holds it, rather than hang.
    void aViewOfALockedTableIsNotWaitedForForever()
    {
        DatabaseSession locker;
        QVERIFY(locker.open(m_scratch.profile()));
        QSqlQuery lock(locker.database());
        QVERIFY(lock.exec(QStringLiteral("BEGIN")));
        QVERIFY(lock.exec(QStringLiteral("LOCK TABLE app.devices IN ACCESS EXCLUSIVE MODE")));
        DatabaseSession reader;
        QVERIFY(reader.open(m_scratch.profile()));
        const Result<SchemaSnapshot> refused =
            CatalogReader::read(reader.database(), {}, CatalogReadOptions{LockedTables::LeaveOut, 500});
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("app.devices is locked by process")),
                 qPrintable(refused.error().message));
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        // The session's own lock_timeout is as it was.
        QSqlQuery setting(reader.database());
        QVERIFY(setting.exec(QStringLiteral("SHOW lock_timeout")) && setting.next());
        QCOMPARE(setting.value(0).toString(), QStringLiteral("0"));
    }

    void columnsWithTypesDefaultsIdentityAndComments()
    {
        const RelationInfo *devices = m_snapshot.relation(QStringLiteral("app"), QStringLiteral("devices"));
        QVERIFY(devices);
        QCOMPARE(devices->columns.size(), 5);
        QCOMPARE(devices->column(QStringLiteral("id"))->identity, QStringLiteral("always"));
        QCOMPARE(devices->column(QStringLiteral("id"))->notNull, true);
        QCOMPARE(devices->column(QStringLiteral("hostname"))->type, QStringLiteral("app.hostname"));
        QCOMPARE(devices->column(QStringLiteral("hostname"))->comment, QStringLiteral("DNS name of the device"));
        QCOMPARE(devices->column(QStringLiteral("status"))->defaultExpression,
                 QStringLiteral("'unknown'::app.device_status"));
        QVERIFY(devices->column(QStringLiteral("hostname_upper"))->generated);
        QVERIFY(devices->column(QStringLiteral("hostname_upper"))->defaultExpression.contains(QLatin1String("upper")));
        const RelationInfo *users = m_snapshot.relation(QStringLiteral("app"), QStringLiteral("users"));
        QCOMPARE(users->column(QStringLiteral("id"))->type, QStringLiteral("character varying(36)"));
        QVERIFY(users->column(QStringLiteral("is_admin"))->isBoolean);
    }

    void keysConstraintsAndIndexes()
    {
        const RelationInfo *devices = m_snapshot.relation(QStringLiteral("app"), QStringLiteral("devices"));
        const QVector<const ConstraintInfo *> keys = devices->foreignKeys();
        QCOMPARE(keys.size(), 1);
        QCOMPARE(keys.first()->name, QStringLiteral("devices_owner_id_fkey"));
        QCOMPARE(keys.first()->columns, QStringList{QStringLiteral("owner_id")});
        QCOMPARE(m_snapshot.relation(keys.first()->referencedOid)->qualifiedName(), QStringLiteral("app.users"));
        QCOMPARE(keys.first()->referencedColumns, QStringList{QStringLiteral("id")});
        QCOMPARE(keys.first()->onDelete, QStringLiteral("CASCADE"));
        QCOMPARE(keys.first()->onUpdate, QStringLiteral("NO ACTION"));
        QCOMPARE(devices->primaryKey()->name, QStringLiteral("devices_pkey"));

        const RelationInfo *users = m_snapshot.relation(QStringLiteral("app"), QStringLiteral("users"));
        QCOMPARE(m_snapshot.referencesTo(users->oid).size(), 2); // devices and "Fleet Ops"."select"
        QCOMPARE(users->indexes.size(), 2);
        for (const IndexInfo &index : users->indexes) {
            QCOMPARE(index.columns, QStringList{QStringLiteral("id")});
            QCOMPARE(index.method, QStringLiteral("btree"));
            QCOMPARE(index.primary, index.name == QLatin1String("users_pkey"));
            QCOMPARE(index.constraintName, index.primary ? QStringLiteral("users_pkey") : QString());
        }
    }

    void namesThatBiteRoundTrip()
    {
        const RelationInfo *select = m_snapshot.relation(QStringLiteral("Fleet Ops"), QStringLiteral("select"));
        QVERIFY(select);
        QCOMPARE(select->columns.at(0).name, QStringLiteral("the \"id\""));
        QCOMPARE(select->columns.at(1).name, QStringLiteral("Gerät"));
        QCOMPARE(select->primaryKey()->columns, QStringList{QStringLiteral("the \"id\"")});
        int checks = 0, uniques = 0;
        for (const ConstraintInfo &constraint : select->constraints) {
            checks += constraint.type == ConstraintType::Check;
            uniques += constraint.type == ConstraintType::Unique;
        }
        QCOMPARE(checks, 1);
        QCOMPARE(uniques, 1);
    }

    void sequencesTypesAndExtensions()
    {
        QStringList owners;
        for (const SequenceInfo &sequence : m_snapshot.sequences)
            owners << m_snapshot.relation(sequence.ownerRelationOid)->name + QLatin1Char('.') + sequence.ownerColumn;
        QVERIFY2(owners.contains(QStringLiteral("events.id")) && owners.contains(QStringLiteral("devices.id")),
                 qPrintable(owners.join(QLatin1Char(' '))));
        QCOMPARE(m_snapshot.enums.size(), 1);
        QCOMPARE(m_snapshot.enums.first().labels,
                 (QStringList{QStringLiteral("up"), QStringLiteral("down"), QStringLiteral("unknown")}));
        QCOMPARE(m_snapshot.domains.size(), 1);
        QCOMPARE(m_snapshot.domains.first().baseType, QStringLiteral("character varying(253)"));
        QVERIFY(m_snapshot.domains.first().notNull);
        QCOMPARE(m_snapshot.domains.first().checks.size(), 1);
        QStringList extensions;
        for (const ExtensionInfo &extension : m_snapshot.extensions)
            extensions << extension.name;
        QVERIFY(extensions.contains(QStringLiteral("pgcrypto")));
    }

    void aSchemaWithoutUsageShowsAsNoPrivilege()
    {
        QCOMPARE(m_snapshot.schema(QStringLiteral("hidden"))->usable, true); // the superuser may
        ConnectionProfile reader = m_scratch.profile();
        reader.user = QStringLiteral("nrdb_catalog_reader");
        reader.password = QStringLiteral("Reader-Pass-1");
        DatabaseSession session;
        QVERIFY(session.open(reader));
        const SchemaSnapshot seen = readSnapshot(session);
        QVERIFY(seen.schema(QStringLiteral("hidden")));
        QCOMPARE(seen.schema(QStringLiteral("hidden"))->usable, false);
        QVERIFY(seen.relation(QStringLiteral("hidden"), QStringLiteral("secrets"))); // listed, not missing
    }

    void lintFindsTheDefects()
    {
        const QVector<LintFinding> findings = lintSnapshot(m_snapshot);
        const LintFinding *fk =
            finding(findings, QStringLiteral("fk-without-index"), QStringLiteral("devices_owner_id_fkey"));
        QVERIFY(fk);
        QCOMPARE(fk->severity, LintSeverity::Warning);
        QCOMPARE(
            fk->fixSql,
            QStringLiteral("CREATE INDEX CONCURRENTLY \"ix_devices_owner_id\" ON \"app\".\"devices\" (\"owner_id\");"));
        const LintFinding *partitionedFk =
            finding(findings, QStringLiteral("fk-without-index"), QStringLiteral("events_device_id_fkey"));
        QVERIFY(partitionedFk);
        QVERIFY(!partitionedFk->fixSql.contains(QLatin1String("CONCURRENTLY"))); // not possible on a partitioned table
        QVERIFY(finding(findings, QStringLiteral("fk-without-index"), QStringLiteral("select_owner \"x\"_fkey")));
        const LintFinding *redundant =
            finding(findings, QStringLiteral("redundant-index"), QStringLiteral("ix_users_id"));
        QVERIFY(redundant);
        QVERIFY2(redundant->message.contains(QLatin1String("repeats the primary key users_pkey")),
                 qPrintable(redundant->message));
        QVERIFY(finding(findings, QStringLiteral("no-primary-key"), QStringLiteral("events")));
        QVERIFY(finding(findings, QStringLiteral("nullable-boolean"), QStringLiteral("is_admin")));
        QVERIFY(finding(findings, QStringLiteral("isolated-table"), QStringLiteral("settings")));
        for (const LintFinding &each : findings)
            QVERIFY2(each.table != QLatin1String("events_2026"), "partitions follow their parent");
        QVERIFY(!finding(findings, QStringLiteral("redundant-index"), QStringLiteral("users_pkey")));
    }

    void treeModelOverTheSnapshot()
    {
        SchemaTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(std::make_shared<SchemaSnapshot>(m_snapshot));
        QCOMPARE(model.rowCount(), static_cast<int>(m_snapshot.schemas.size()));
        const RelationInfo *devices = m_snapshot.relation(QStringLiteral("app"), QStringLiteral("devices"));
        const QModelIndex relation = model.relationIndex(devices->oid);
        QVERIFY(relation.isValid());
        QCOMPARE(relation.data().toString(), QStringLiteral("devices"));
        QCOMPARE(relation.parent().data().toString(), QStringLiteral("app"));
        QCOMPARE(relation.parent().siblingAtColumn(SchemaTreeModel::DetailColumn).data().toString(),
                 QStringLiteral("%1 relations").arg(model.rowCount(relation.parent())));
        QCOMPARE(model.rowCount(relation), int(SchemaTreeModel::GroupCount));
        const QModelIndex columns = model.index(SchemaTreeModel::ColumnsGroup, 0, relation);
        QCOMPARE(model.rowCount(columns), 5);
        QCOMPARE(model.index(0, SchemaTreeModel::DetailColumn, columns).data().toString(),
                 QStringLiteral("integer not null identity always"));
        const QModelIndex keys = model.index(SchemaTreeModel::KeysGroup, 0, relation);
        QVERIFY(model.index(1, SchemaTreeModel::DetailColumn, keys)
                    .data()
                    .toString()
                    .contains(QLatin1String("REFERENCES app.users(id) ON DELETE CASCADE")) ||
                model.index(0, SchemaTreeModel::DetailColumn, keys)
                    .data()
                    .toString()
                    .contains(QLatin1String("REFERENCES app.users(id) ON DELETE CASCADE")));
        const QModelIndex view =
            model.relationIndex(m_snapshot.relation(QStringLiteral("app"), QStringLiteral("device_names"))->oid);
        QCOMPARE(model.rowCount(view), 1); // a view: columns only
    }

    // DDL written from the snapshot recreates the same tables in another database.
    void ddlRoundTrips()
    {
        test::ScratchDatabase copy(QStringLiteral("copy"));
        QVERIFY(copy.create());
        DatabaseSession session;
        QVERIFY(session.open(copy.profile()));
        QSqlQuery query(session.database());
        for (const char *prerequisite : {R"(CREATE SCHEMA app)", R"(CREATE SCHEMA "Fleet Ops")",
                                         R"(CREATE TYPE app.device_status AS ENUM ('up', 'down', 'unknown'))",
                                         R"(CREATE DOMAIN app.hostname AS varchar(253) NOT NULL CHECK (VALUE <> ''))"})
            QVERIFY2(query.exec(QString::fromUtf8(prerequisite)), qPrintable(query.lastError().text()));
        const QList<QPair<QString, QString>> order{{QStringLiteral("app"), QStringLiteral("users")},
                                                   {QStringLiteral("app"), QStringLiteral("devices")},
                                                   {QStringLiteral("Fleet Ops"), QStringLiteral("select")},
                                                   {QStringLiteral("app"), QStringLiteral("events")},
                                                   {QStringLiteral("app"), QStringLiteral("events_2026")},
                                                   {QStringLiteral("app"), QStringLiteral("device_names")}};
        for (const auto &[schema, name] : order) {
            const QString ddl = relationDdl(*m_snapshot.relation(schema, name), m_snapshot);
            QVERIFY2(query.exec(ddl), qPrintable(ddl + QStringLiteral("\n") + query.lastError().text()));
        }
        const SchemaSnapshot recreated = readSnapshot(session);
        for (const auto &[schema, name] : order) {
            const RelationInfo *original = m_snapshot.relation(schema, name);
            const RelationInfo *again = recreated.relation(schema, name);
            QVERIFY2(again, qPrintable(name));
            QCOMPARE(again->kind, original->kind);
            QCOMPARE(again->columns.size(), original->columns.size());
            for (int i = 0; i < original->columns.size(); ++i) {
                const ColumnInfo &a = original->columns.at(i);
                const ColumnInfo &b = again->columns.at(i);
                QCOMPARE(b.name, a.name);
                QCOMPARE(b.type, a.type);
                QCOMPARE(b.notNull, a.notNull);
                QCOMPARE(b.defaultExpression, a.defaultExpression);
                QCOMPARE(b.identity, a.identity);
                QCOMPARE(b.generated, a.generated);
                QCOMPARE(b.comment, a.comment);
            }
            QCOMPARE(again->constraints.size(), original->constraints.size());
            for (int i = 0; i < original->constraints.size(); ++i) {
                QCOMPARE(again->constraints.at(i).name, original->constraints.at(i).name);
                QCOMPARE(again->constraints.at(i).definition, original->constraints.at(i).definition);
            }
            QCOMPARE(again->indexes.size(), original->indexes.size());
            for (int i = 0; i < original->indexes.size(); ++i)
                QCOMPARE(again->indexes.at(i).definition, original->indexes.at(i).definition);
            QCOMPARE(again->partitionBound, original->partitionBound);
            QCOMPARE(again->partitionKey, original->partitionKey);
        }
    }

    void rowsArePagedByPrimaryKey()
    {
        JobRunner runner;
        const RelationInfo users = *m_snapshot.relation(QStringLiteral("app"), QStringLiteral("users"));
        auto first = std::make_shared<RowPageJob>(m_scratch.profile(), users, 0);
        QVERIFY(first->selectStatement().endsWith(QLatin1String("ORDER BY \"id\" LIMIT 201 OFFSET 0")));
        auto last = std::make_shared<RowPageJob>(m_scratch.profile(), users, 400);
        runner.submit(first);
        runner.submit(last);
        QVERIFY(runner.waitForIdle(20000));
        QVERIFY(first->hasResult() && last->hasResult());
        QCOMPARE(first->result().rows.size(), 200);
        QVERIFY(first->result().hasMore);
        QCOMPARE(first->result().columns,
                 (QStringList{QStringLiteral("id"), QStringLiteral("username"), QStringLiteral("is_admin")}));
        QCOMPARE(first->result().rows.at(0).at(0).toString(), QStringLiteral("1"));
        QCOMPARE(first->result().rows.at(1).at(0).toString(), QStringLiteral("10")); // text order of the varchar key
        QVERIFY(first->result().rows.at(0).at(2).isNull());
        QCOMPARE(last->result().rows.size(), 100);
        QVERIFY(!last->result().hasMore);
        QCOMPARE(first->result().orderedBy, QStringLiteral("id"));
    }

    // The SQL a finding proposes runs as is, and the finding is gone afterwards.
    void lintFixesWork()
    {
        QVector<LintFinding> findings = lintSnapshot(m_snapshot);
        int fixed = 0;
        QSqlQuery query(m_session.database());
        for (const LintFinding &each : std::as_const(findings)) {
            if (each.fixSql.isEmpty())
                continue;
            QVERIFY2(query.exec(each.fixSql),
                     qPrintable(each.fixSql + QStringLiteral(": ") + query.lastError().text()));
            ++fixed;
        }
        QCOMPARE(fixed, 4); // three missing foreign-key indexes and one redundant index
        findings = lintSnapshot(readSnapshot(m_session));
        for (const LintFinding &each : std::as_const(findings))
            QVERIFY2(each.fixSql.isEmpty(), qPrintable(each.message));
    }

private:
    SchemaSnapshot readSnapshot(DatabaseSession &session, const CatalogReadOptions &options = {})
    {
        Result<SchemaSnapshot> snapshot = CatalogReader::read(session.database(), {}, options);
        if (!snapshot)
            qFatal("%s", qPrintable(snapshot.error().fullText()));
        return std::move(snapshot).value();
    }

    test::ScratchDatabase m_scratch;
    DatabaseSession m_session;
    SchemaSnapshot m_snapshot;
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
