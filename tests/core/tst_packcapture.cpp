// A pack made from a database (views, a partitioned table, an enum, a domain, an extension's
// index): bootstrapping an empty database with it gives the same pg_dump -s, verify is clean, and
// the pack appears whole or not at all. A change made by hand, captured as the pack's next
// migration, takes a database at the old head to the same schema.
#include "jobrun.h"
#include "queries.h"
#include "scratchdatabase.h"
#include "smallfilesystem.h"

#include "backup/clienttools.h"
#include "jobs/addmigrationjob.h"
#include "jobs/bootstrapjob.h"
#include "jobs/capturepackjob.h"
#include "model/modelpack.h"
#include "util/durablefile.h"
#include "util/processidentity.h"

#include <QDirIterator>
#include <QProcess>
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

    // With the disk full at any point of the write, a new pack is there whole (it loads) or not
    // at all, and nothing else is left: no copy in progress.
    void aFullDiskLeavesAWholePackOrNone()
    {
        QTemporaryDir probeDir;
        const QString probe = probeDir.filePath(QStringLiteral("shop"));
        QVERIFY(test::runToSuccess(
            std::make_shared<CapturePackJob>(m_source.profile(), PackCaptureOptions{probe, {}, {}, {}})));
        const qint64 size = treeSize(probe);
        test::SmallFilesystem small;
        if (const QString why = small.mount(size + 256 * 1024); !why.isEmpty())
            QSKIP(qPrintable(why));
        const QString directory = small.filePath(QStringLiteral("shop"));
        int made = 0;
        int refused = 0;
        for (qint64 free = 0; free <= size + 3 * 4096; free += 4096) {
            QVERIFY(small.fillLeaving(free));
            auto capture =
                std::make_shared<CapturePackJob>(m_source.profile(), PackCaptureOptions{directory, {}, {}, {}});
            const std::optional<Error> error = test::failureOf(capture);
            const QStringList left = entriesOf(small.path());
            if (error) {
                ++refused;
                QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("free %1: %2 left after: %3")
                                                        .arg(free)
                                                        .arg(left.join(QStringLiteral(", ")), error->fullText())));
            } else {
                ++made;
                QCOMPARE(left, QStringList{QStringLiteral("shop")});
                QVERIFY(ModelPack::load(directory));
                QVERIFY(QDir(directory).removeRecursively());
            }
            small.removeFiller();
        }
        QVERIFY(refused > 0);
        QVERIFY(made > 0);
    }

    // A migration that does not fit on the disk leaves the pack byte for byte as it was.
    void aFullDiskLeavesThePackAsItWas()
    {
        test::ScratchDatabase grown(QStringLiteral("grown"));
        QVERIFY(grown.create());
        for (const QString &statement : kShop)
            QCOMPARE(test::queryValues(grown.profile(), statement), QStringList());
        QCOMPARE(test::queryValues(grown.profile(), QStringLiteral("ALTER TABLE shop.customers ADD COLUMN note text")),
                 QStringList());
        test::SmallFilesystem small;
        if (const QString why = small.mount(1024 * 1024); !why.isEmpty())
            QSKIP(qPrintable(why));
        const QString directory = small.filePath(QStringLiteral("shop"));
        QVERIFY(test::runToSuccess(
            std::make_shared<CapturePackJob>(m_source.profile(), PackCaptureOptions{directory, {}, {}, {}})));
        const QMap<QString, QByteArray> before = treeContents(directory);
        const qint64 size = treeSize(directory);
        int added = 0;
        int refused = 0;
        for (qint64 free = 0; free <= 3 * size && added == 0; free += 4096) { // a copy of the pack, and more
            QVERIFY(small.fillLeaving(free));
            auto add =
                std::make_shared<AddMigrationJob>(grown.profile(), directory, QStringLiteral("notes"), PlanOptions{});
            const std::optional<Error> error = test::failureOf(add);
            QCOMPARE(entriesOf(small.path()), QStringList{QStringLiteral("shop")});
            if (error) {
                ++refused;
                QCOMPARE(treeContents(directory), before);
            } else {
                added = add->result().version;
            }
            small.removeFiller();
        }
        QVERIFY(refused > 0);
        QCOMPARE(added, 2);
        QCOMPARE(ModelPack::load(directory).value().headVersion(), 2);
    }

    // What a writer killed mid-way left beside a pack, the next writer there removes and says so;
    // a copy in progress of a process still running is left alone.
    void aKilledWritersCopyIsRemovedByTheNext()
    {
        QTemporaryDir parent;
        QProcess finished;
        finished.start(QStringLiteral("true"), {});
        QVERIFY(finished.waitForFinished());
        const ProcessIdentity self = ProcessIdentity::ofThisProcess();
        const QString stale = QStringLiteral(".shop.00000000000000ab.%1-%2-%3.partial")
                                  .arg(finished.processId())
                                  .arg(self.start)
                                  .arg(self.host);
        const QString live =
            QFileInfo(durablefile::partialPathFor(parent.filePath(QStringLiteral("other")))).fileName();
        for (const QString &name : {stale, live})
            QVERIFY(QDir(parent.path()).mkpath(name + QStringLiteral("/migrations")));

        const QString directory = parent.filePath(QStringLiteral("shop"));
        auto capture = std::make_shared<CapturePackJob>(m_source.profile(), PackCaptureOptions{directory, {}, {}, {}});
        QStringList said;
        QVERIFY(test::runToSuccess(capture, &said));
        QVERIFY2(
            said.contains(
                QStringLiteral("Removed %1, left by a pack's writer that was killed before it finished").arg(stale)),
            qPrintable(said.join(QLatin1Char('\n'))));
        QCOMPARE(entriesOf(parent.path()), (QStringList{live, QStringLiteral("shop")}));
    }

private:
    QStringList schemaDump(const ConnectionProfile &profile) const
    {
        return test::schemaDump(profile, m_binDir, {QStringLiteral("-N"), QStringLiteral("nrdb")});
    }

    static QStringList entriesOf(const QString &directory)
    {
        QStringList names = QDir(directory).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        names.removeAll(QStringLiteral(".filler"));
        names.removeAll(QStringLiteral("lost+found"));
        return names;
    }

    static QMap<QString, QByteArray> treeContents(const QString &directory)
    {
        QMap<QString, QByteArray> contents;
        QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly))
                contents.insert(QDir(directory).relativeFilePath(file.fileName()), file.readAll());
        }
        return contents;
    }

    static qint64 treeSize(const QString &directory)
    {
        qint64 bytes = 0;
        for (const QByteArray &content : treeContents(directory))
            bytes += (content.size() + 4095) / 4096 * 4096;
        return bytes;
    }

    test::ScratchDatabase m_source{QStringLiteral("shop")};
    QString m_binDir;
};

QTEST_MAIN(TestPackCapture)
#include "tst_packcapture.moc"
