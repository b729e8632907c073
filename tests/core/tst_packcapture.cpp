// A pack made from a database (views, a partitioned table, an enum, a domain, an extension's
// index): bootstrapping an empty database with it gives the same pg_dump -s, verify is clean, and
// the pack appears whole or not at all. A change made by hand, captured as the pack's next
// migration, takes a database at the old head to the same schema.
#include "jobrun.h"
#include "queries.h"
#include "scratchdatabase.h"

#include "backup/clienttools.h"
#include "jobs/addmigrationjob.h"
#include "jobs/bootstrapjob.h"
#include "jobs/capturepackjob.h"
#include "model/modelpack.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace nrdb;

namespace {

const QStringList kShop{
    QStringLiteral("CREATE EXTENSION pg_trgm"),
    QStringLiteral("CREATE SCHEMA shop"),
    QStringLiteral("CREATE TYPE shop.status AS ENUM ('open', 'paid', 'shipped')"),
    QStringLiteral("CREATE DOMAIN shop.money_amount AS numeric(12,2) CHECK (VALUE >= 0)"),
    QStringLiteral("CREATE TABLE shop.customers (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE, name text, "
                   "created timestamptz NOT NULL DEFAULT now())"),
    QStringLiteral("COMMENT ON TABLE shop.customers IS 'who buys'"),
    QStringLiteral("CREATE INDEX customers_name_trgm ON shop.customers USING gin (name public.gin_trgm_ops)"),
    QStringLiteral("CREATE TABLE shop.orders (id bigserial, customer_id bigint NOT NULL REFERENCES shop.customers(id), "
                   "status shop.status NOT NULL DEFAULT 'open', total shop.money_amount, placed date NOT NULL, "
                   "PRIMARY KEY (id, placed)) PARTITION BY RANGE (placed)"),
    QStringLiteral("CREATE TABLE shop.orders_2026 PARTITION OF shop.orders FOR VALUES FROM ('2026-01-01') TO "
                   "('2027-01-01')"),
    QStringLiteral("CREATE VIEW shop.open_orders AS SELECT id, customer_id, total FROM shop.orders WHERE status = "
                   "'open'"),
};

} // namespace

class TestPackCapture : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        NRDB_REQUIRE_SCRATCH_DATABASE(m_source);
        for (const QString &statement : kShop)
            QCOMPARE(test::queryValues(m_source.profile(), statement), QStringList());
        const Result<ClientTools> tools = ClientTools::forServer(15);
        QVERIFY2(tools, qPrintable(tools ? QString() : tools.error().message));
        m_binDir = tools.value().binDir;
    }

    void aPackOfADatabaseBootstrapsTheSameSchema()
    {
        QTemporaryDir parent;
        const QString directory = parent.filePath(QStringLiteral("shop-pack"));
        auto capture = std::make_shared<CapturePackJob>(m_source.profile(), PackCaptureOptions{directory, {}, {}, {}});
        QVERIFY(test::runToSuccess(capture));
        QCOMPARE(capture->result().schema, QStringLiteral("shop"));
        QCOMPARE(capture->result().tables,
                 (QStringList{QStringLiteral("customers"), QStringLiteral("orders"), QStringLiteral("orders_2026")}));
        QCOMPARE(capture->result().extensions, QStringList{QStringLiteral("pg_trgm")});
        const Result<ModelPack> pack = ModelPack::load(directory);
        QVERIFY2(pack, qPrintable(pack ? QString() : pack.error().fullText()));
        QCOMPARE(pack.value().name, QStringLiteral("shop-pack"));
        QCOMPARE(pack.value().requiredTables.size(), 3);
        QCOMPARE(pack.value().expectedModel.views.size(), 1);

        test::ScratchDatabase empty(QStringLiteral("fresh"));
        QVERIFY(empty.create());
        auto bootstrap = std::make_shared<BootstrapJob>(empty.profile(), pack.value());
        QVERIFY(test::runToSuccess(bootstrap));
        QVERIFY2(!bootstrap->result().verify.hasDifferences(),
                 qPrintable(bootstrap->result().verify.differenceLines().join(QLatin1Char('\n'))));
        const QStringList source = schemaDump(m_source.profile());
        QVERIFY(source.size() > 100);
        QCOMPARE(schemaDump(empty.profile()), source);
    }

    void aCapturedMigrationTakesTheOldHeadToTheNew()
    {
        test::ScratchDatabase changed(QStringLiteral("changed"));
        test::ScratchDatabase old(QStringLiteral("old"));
        QVERIFY(changed.create());
        QVERIFY(old.create());
        for (const QString &statement : kShop)
            QCOMPARE(test::queryValues(changed.profile(), statement), QStringList());
        QTemporaryDir parent;
        const QString directory = parent.filePath(QStringLiteral("shop"));
        QVERIFY(test::runToSuccess(
            std::make_shared<CapturePackJob>(changed.profile(), PackCaptureOptions{directory, {}, {}, {}})));
        QVERIFY(test::runToSuccess(std::make_shared<BootstrapJob>(old.profile(), ModelPack::load(directory).value())));
        for (const QString &statement : {QStringLiteral("ALTER TABLE shop.customers ADD COLUMN phone varchar(30)"),
                                         QStringLiteral("CREATE INDEX customers_phone_idx ON shop.customers (phone)"),
                                         QStringLiteral("ALTER TYPE shop.status ADD VALUE 'cancelled'")})
            QCOMPARE(test::queryValues(changed.profile(), statement), QStringList());

        auto add =
            std::make_shared<AddMigrationJob>(changed.profile(), directory, QStringLiteral("phones"), PlanOptions{});
        QVERIFY(test::runToSuccess(add));
        QCOMPARE(add->result().version, 2);
        QCOMPARE(add->result().plan.statements.size(), 3);
        QFile migration(add->result().path);
        QVERIFY(migration.open(QIODevice::ReadOnly));
        const QByteArray text = migration.readAll();
        QVERIFY2(!text.contains("CONCURRENTLY") && text.contains("SET LOCAL lock_timeout"), text.constData());
        const Result<ModelPack> pack = ModelPack::load(directory);
        QVERIFY(pack);
        QCOMPARE(pack.value().headVersion(), 2);
        QVERIFY(pack.value().earlierModels.contains(1)); // for databases still at version 1
        QCOMPARE(pack.value().migrations.last().label(), QStringLiteral("0002_phones"));

        auto migrated = std::make_shared<BootstrapJob>(old.profile(), pack.value());
        QVERIFY(test::runToSuccess(migrated));
        QVERIFY2(!migrated->result().verify.hasDifferences(),
                 qPrintable(migrated->result().verify.differenceLines().join(QLatin1Char('\n'))));
        QCOMPARE(schemaDump(old.profile()), schemaDump(changed.profile()));

        const std::optional<Error> again = test::failureOf(
            std::make_shared<AddMigrationJob>(changed.profile(), directory, QStringLiteral("again"), PlanOptions{}));
        QVERIFY2(again && again->message.startsWith(QLatin1String("Nothing to capture")),
                 qPrintable(again ? again->message : QString()));
        QCOMPARE(QDir(directory + QStringLiteral("/migrations")).entryList(QDir::Files).size(), 2);
        QCOMPARE(QDir(parent.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(),
                 1); // no copy left beside the pack
    }

    void aDatabaseOfSeveralSchemasNeedsOneNamed()
    {
        test::ScratchDatabase two(QStringLiteral("two"));
        QVERIFY(two.create());
        for (const QString &statement : {QStringLiteral("CREATE SCHEMA a"), QStringLiteral("CREATE TABLE a.t (id int)"),
                                         QStringLiteral("CREATE TABLE public.u (id int)")})
            QCOMPARE(test::queryValues(two.profile(), statement), QStringList());
        QTemporaryDir parent;
        const QString directory = parent.filePath(QStringLiteral("pack"));
        auto capture = std::make_shared<CapturePackJob>(two.profile(), PackCaptureOptions{directory, {}, {}, {}});
        const std::optional<Error> error = test::failureOf(capture);
        QVERIFY(error);
        QCOMPARE(error->kind, ErrorKind::Usage);
        QVERIFY2(error->message.contains(QLatin1String("(a, public): name one with --schema")),
                 qPrintable(error->message));
        QVERIFY(!QFileInfo::exists(directory));
        auto named =
            std::make_shared<CapturePackJob>(two.profile(), PackCaptureOptions{directory, {}, QStringLiteral("a"), {}});
        QVERIFY(test::runToSuccess(named));
        QCOMPARE(ModelPack::load(directory).value().requiredTables, QStringList{QStringLiteral("t")});
    }

    void aDirectoryInUseIsRefused()
    {
        QTemporaryDir directory;
        QFile other(directory.filePath(QStringLiteral("notes.txt")));
        QVERIFY(other.open(QIODevice::WriteOnly) && other.write("mine") == 4);
        other.close();
        auto capture =
            std::make_shared<CapturePackJob>(m_source.profile(), PackCaptureOptions{directory.path(), {}, {}, {}});
        const std::optional<Error> error = test::failureOf(capture);
        QVERIFY2(error && error->message.contains(QLatin1String("exists and is not empty")),
                 qPrintable(error ? error->message : QString()));
        QCOMPARE(QDir(directory.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
                 QStringList{QStringLiteral("notes.txt")});
    }

private:
    QStringList schemaDump(const ConnectionProfile &profile) const
    {
        return test::schemaDump(profile, m_binDir, {QStringLiteral("-N"), QStringLiteral("nrdb")});
    }

    test::ScratchDatabase m_source{QStringLiteral("shop")};
    QString m_binDir;
};

QTEST_MAIN(TestPackCapture)
#include "tst_packcapture.moc"
