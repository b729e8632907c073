// Model code from the live schema, round-tripped on a real server: the generated models.py is
// imported by Debian's SQLAlchemy, its metadata.create_all() run on an empty database, and that
// database compared with the source by this tool's own schema compare; schemas.py validates the
// source's rows.
#include "jobrun.h"
#include "queries.h"
#include "scratchdatabase.h"

#include "backup/clienttools.h"
#include "catalog/catalogreader.h"
#include "codegen/modelcode.h"
#include "connection/databasesession.h"
#include "jobs/exportmodelsjob.h"
#include "jobs/initjob.h"
#include "jobs/seedjob.h"
#include "model/modelpack.h"
#include "model/schemacompare.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest/QtTest>

using namespace nrdb;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3"); // Debian's, with python3-sqlalchemy

QString sqlalchemyUrl(const ConnectionProfile &profile)
{
    return QStringLiteral("postgresql+psycopg2://%1:%2@%3:%4/%5")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(profile.user)),
             QString::fromLatin1(QUrl::toPercentEncoding(profile.password)), profile.host, profile.port,
             profile.database);
}

// Imports the generated modules from directory, creates the models on target, configures every
// mapper (relationships), and validates up to 50 rows of each table of source with its Read
// schema. Prints "validated N" at the end; any failure is a traceback and a non-zero exit.
QString roundTripScript(const QString &directory, const ConnectionProfile &source, const ConnectionProfile &target)
{
    return QStringLiteral(R"(import sys
sys.path.insert(0, %1)
import sqlalchemy
from sqlalchemy.orm import configure_mappers
import models, schemas
models.metadata.create_all(sqlalchemy.create_engine(%3))
configure_mappers()
validated = 0
with sqlalchemy.create_engine(%2).connect() as connection:
    for table in models.metadata.sorted_tables:
        for row in connection.execute(table.select().limit(50)).mappings():
            schemas.READ_SCHEMAS[table.fullname].parse_obj(dict(row))
            validated += 1
print("validated", validated)
)")
        .arg(QStringLiteral("\"%1\"").arg(directory), QStringLiteral("\"%1\"").arg(sqlalchemyUrl(source)),
             QStringLiteral("\"%1\"").arg(sqlalchemyUrl(target)));
}

struct PythonRun {
    int exitCode = -1;
    QString output;
};

PythonRun runPython(const QString &script)
{
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(kPython, {QStringLiteral("-c"), script});
    PythonRun run;
    if (!python.waitForFinished(120000))
        return run;
    run.exitCode = python.exitStatus() == QProcess::NormalExit ? python.exitCode() : -1;
    run.output = QString::fromUtf8(python.readAll());
    return run;
}

Result<SchemaSnapshot> snapshotOf(const ConnectionProfile &profile)
{
    DatabaseSession session;
    if (Status opened = session.open(profile); !opened)
        return opened.error();
    return CatalogReader::read(session.database());
}

// Every difference between the two databases' schemas (those of source), as compare describes it.
QStringList differences(const ConnectionProfile &source, const ConnectionProfile &target)
{
    const Result<SchemaSnapshot> a = snapshotOf(source);
    const Result<SchemaSnapshot> b = snapshotOf(target);
    if (!a || !b)
        return {QStringLiteral("cannot read: %1").arg(a ? b.error().fullText() : a.error().fullText())};
    const QStringList schemas = SchemaSet::schemasIn(a.value());
    const CompareReport report =
        compareSchemaSets(SchemaSet::fromSnapshot(a.value(), schemas), SchemaSet::fromSnapshot(b.value(), schemas), {});
    QStringList found;
    for (const SchemaComparison &schema : report.schemas)
        for (const DriftItem &item : schema.differences)
            found << schema.schema + QStringLiteral(": ") + item.describe();
    for (const DriftItem &item : report.extensions)
        found << item.describe();
    return found;
}

// The shapes NetRaven's packs do not have: enums, composite and missing keys, checks, partial and
// expression indexes, two keys to one table, a key to itself, an association table, a keyword
// column, another schema, comments, identity and standalone sequences, arrays, JSON and UUIDs.
const char *const kShapes = R"(
CREATE SCHEMA inventory;
CREATE TYPE inventory.rating AS ENUM ('G', 'PG', 'R');
CREATE SEQUENCE inventory.ticket_numbers START 1000 INCREMENT 10;
CREATE DOMAIN inventory.year AS integer CHECK (VALUE >= 1901 AND VALUE <= 2155);
CREATE TABLE inventory.store (
    store_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name varchar(45) NOT NULL UNIQUE,
    parent_store_id integer REFERENCES inventory.store (store_id)
);
COMMENT ON TABLE inventory.store IS 'A shop, or a branch of one';
CREATE TABLE inventory.film (
    film_id serial PRIMARY KEY,
    title text NOT NULL,
    "class" smallint NOT NULL DEFAULT 1,
    rating inventory.rating DEFAULT 'G',
    rental_rate numeric(4,2) NOT NULL DEFAULT 4.99 CHECK (rental_rate >= 0),
    special_features text[],
    attributes jsonb NOT NULL DEFAULT '{}',
    film_uuid uuid,
    last_update timestamp with time zone NOT NULL DEFAULT now(),
    ticket bigint DEFAULT nextval('inventory.ticket_numbers'),
    release_year inventory.year,
    title_length integer GENERATED ALWAYS AS (length(title)) STORED
);
COMMENT ON COLUMN inventory.film.rental_rate IS 'Per day';
CREATE INDEX film_title_lower ON inventory.film (lower(title));
CREATE UNIQUE INDEX film_uuid_when_set ON inventory.film (film_uuid) WHERE film_uuid IS NOT NULL;
CREATE INDEX film_attributes ON inventory.film USING gin (attributes);
CREATE TABLE inventory.inventory_item (
    store_id integer NOT NULL REFERENCES inventory.store ON DELETE CASCADE ON UPDATE CASCADE,
    film_id integer NOT NULL REFERENCES inventory.film,
    copy smallint NOT NULL,
    home_store_id integer REFERENCES inventory.store,
    PRIMARY KEY (store_id, film_id, copy)
);
CREATE TABLE inventory.film_store (
    film_id integer REFERENCES inventory.film,
    store_id integer REFERENCES inventory.store,
    PRIMARY KEY (film_id, store_id)
);
CREATE TABLE inventory.audit_line (at timestamp without time zone, note varchar);
CREATE TABLE inventory.payment (
    payment_id integer NOT NULL,
    paid_on date NOT NULL,
    amount numeric(5,2),
    PRIMARY KEY (payment_id, paid_on)
) PARTITION BY RANGE (paid_on);
CREATE TABLE inventory.payment_2024 PARTITION OF inventory.payment FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE inventory.payment_2025 PARTITION OF inventory.payment FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
INSERT INTO inventory.payment VALUES (1, '2024-03-01', 4.99), (2, '2025-02-01', 0.99);
INSERT INTO inventory.store (name) VALUES ('Main'), ('North');
INSERT INTO inventory.film (title, "class", rating, special_features, attributes, film_uuid, release_year)
    VALUES ('Alien', 2, 'R', '{Trailers}', '{"length": 117}', '5f0e6b6e-0c7d-4a34-9d3a-6b1a6a3c1c11', 1979),
           ('Heidi', 1, 'G', NULL, '{}', NULL, NULL);
INSERT INTO inventory.inventory_item VALUES (1, 1, 1, 2), (2, 2, 1, NULL);
INSERT INTO inventory.film_store VALUES (1, 1), (2, 2);
INSERT INTO inventory.audit_line VALUES (now(), 'opened');
)";

// 1,000 tables, each with a key to the one before it (the first to itself), and a row.
const char *const kThousandTables =
    "DO $$ BEGIN FOR i IN 1..1000 LOOP EXECUTE format('CREATE TABLE t%s (id serial PRIMARY KEY, name varchar(40) "
    "NOT NULL, parent_id int REFERENCES t%s (id), created timestamptz DEFAULT now())', i, greatest(i - 1, 1)); "
    "EXECUTE format('INSERT INTO t%s (name) VALUES (''row of t%s'')', i, i); END LOOP; END $$";

} // namespace

class TestModelCode : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (!QFile::exists(kPython))
            QSKIP("No /usr/bin/python3: scripts/install-dependencies.sh installs it with SQLAlchemy and Pydantic");
        NRDB_REQUIRE_SCRATCH_DATABASE(m_probe); // a server to work on
    }

    void roundTrips_data()
    {
        QTest::addColumn<QString>("pack");
        QTest::newRow("NetRaven v1") << QStringLiteral("netraven-v1");
        QTest::newRow("NetRaven v2") << QStringLiteral("netraven-v2");
        QTest::newRow("other shapes") << QString();
        QTest::newRow("a thousand tables") << QStringLiteral("synthetic");
    }

    // Generated, imported, created on an empty database: the compare finds no difference, and the
    // read schemas take the source's rows.
    void roundTrips()
    {
        QFETCH(QString, pack);
        test::ScratchDatabase source(QStringLiteral("source"));
        QVERIFY(source.create());
        test::ScratchDatabase target(QStringLiteral("target"));
        QVERIFY(target.create());
        if (pack.isEmpty()) {
            const QStringList failed = test::queryValues(source.profile(), QString::fromUtf8(kShapes));
            QVERIFY2(failed.isEmpty(), qPrintable(failed.join(QLatin1Char('\n'))));
        } else if (pack == QLatin1String("synthetic")) {
            QVERIFY(test::queryValues(source.profile(), QString::fromUtf8(kThousandTables)).isEmpty());
        } else {
            const ModelPack model = ModelPack::builtIn(pack).value();
            QVERIFY(test::runToSuccess(std::make_shared<InitJob>(source.profile(), model)));
            QVERIFY(test::runToSuccess(std::make_shared<SeedJob>(source.profile(), model)));
        }
        QTemporaryDir out;
        ModelExportOptions options;
        options.outputDirectory = out.path();
        auto job = std::make_shared<ExportModelsJob>(source.profile(), options);
        QVERIFY(test::runToSuccess(job));
        QVERIFY2(job->result().notExpressed.isEmpty(), qPrintable(job->result().notExpressed.join(QLatin1Char('\n'))));

        const PythonRun run = runPython(roundTripScript(out.path(), source.profile(), target.profile()));
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY2(run.output.contains(QLatin1String("validated ")) && !run.output.contains(QLatin1String("validated 0")),
                 qPrintable(run.output));
        const QStringList found = differences(source.profile(), target.profile());
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        // And pg_dump -s says the same, line for line (this tool's own history schema aside).
        const QString binDir = ClientTools::forServer(15).value().binDir;
        const QStringList sourceDump =
            test::schemaDump(source.profile(), binDir, {QStringLiteral("-N"), QStringLiteral("nrdb")});
        const QStringList targetDump = test::schemaDump(target.profile(), binDir);
        QVERIFY(sourceDump.size() > 20);
        for (int line = 0; line < qMax(sourceDump.size(), targetDump.size()); ++line)
            QVERIFY2(sourceDump.value(line) == targetDump.value(line),
                     qPrintable(QStringLiteral("line %1:\n  source: %2\n  target: %3")
                                    .arg(line + 1)
                                    .arg(sourceDump.value(line), targetDump.value(line))));
    }

    // A keyword column keeps its name, on an attribute of its own; two keys to one table and a key
    // to itself get relationships that do not clash; the association table is a secondary.
    void namesAndRelationshipsAreVisible()
    {
        test::ScratchDatabase source(QStringLiteral("names"));
        QVERIFY(source.create());
        QVERIFY(test::queryValues(source.profile(), QString::fromUtf8(kShapes)).isEmpty());
        const Result<SchemaSnapshot> snapshot = snapshotOf(source.profile());
        QVERIFY(snapshot);
        ModelCodeOptions options;
        options.source = source.profile().displayName();
        options.generatedAt = QDateTime::currentDateTimeUtc();
        options.secretColumns = {QStringLiteral("inventory.film.film_uuid")};
        const ModelCode code = generateModelCode(snapshot.value(), options);
        const QString &models = code.models;
        QVERIFY2(models.contains(QLatin1String("    class_ = Column(\"class\", postgresql.SMALLINT")),
                 qPrintable(models));
        QVERIFY(models.contains(QLatin1String("store = relationship(\"Store\", foreign_keys=[store_id]")));
        QVERIFY(models.contains(QLatin1String("home_store = relationship(\"Store\", foreign_keys=[home_store_id]")));
        QVERIFY(models.contains(QLatin1String("inventory_item_by_store_id = relationship(\"InventoryItem\"")));
        QVERIFY(models.contains(QLatin1String("inventory_item_by_home_store_id = relationship(\"InventoryItem\"")));
        QVERIFY(models.contains(QLatin1String("remote_side=[store_id]"))); // the store's parent
        QVERIFY(models.contains(QLatin1String("secondary=t_film_store")));
        QVERIFY(models.contains(QLatin1String("Index(\"film_title_lower\", text(\"lower(title)\"))")));
        QVERIFY(models.contains(QLatin1String("postgresql_where=text(\"(film_uuid IS NOT NULL)\")")));
        QVERIFY(models.contains(QLatin1String("t_audit_line = Table("))); // no primary key: no class
        QVERIFY(models.contains(QLatin1String("# secret (the pack masks it)")));
        const int read = int(code.schemas.indexOf(QLatin1String("class FilmRead(")));
        const int readEnd = int(code.schemas.indexOf(QLatin1String("class FilmCreate(")));
        QVERIFY(read > 0 && readEnd > read);
        QVERIFY(!code.schemas.mid(read, readEnd - read).contains(QLatin1String("film_uuid"))); // the secret
        const QString create =
            code.schemas.mid(readEnd, code.schemas.indexOf(QLatin1String("\nclass "), readEnd + 1) - readEnd);
        QVERIFY2(!create.contains(QLatin1String("film_id")) && !create.contains(QLatin1String("last_update")) &&
                     create.contains(QLatin1String("title: str")),
                 qPrintable(create)); // what the server fills in is not asked for
        QVERIFY(code.schemas.contains(QLatin1String("class_: int = Field(..., alias=\"class\")")));
        QVERIFY(code.schemas.contains(QLatin1String("Literal[\"G\", \"PG\", \"R\"]")));
    }

    // What SQLAlchemy cannot say is listed, not silently left out.
    void whatCannotBeExpressedIsListed()
    {
        test::ScratchDatabase source(QStringLiteral("inexpressible"));
        QVERIFY(source.create());
        QVERIFY(test::queryValues(source.profile(),
                                  QStringLiteral("CREATE TYPE pair AS (a int, b int); "
                                                 "CREATE TABLE measured (id int PRIMARY KEY, amount pair); "
                                                 "CREATE VIEW big AS SELECT * FROM measured; "
                                                 "CREATE TABLE booking (id int PRIMARY KEY, during tsrange, "
                                                 "CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&))"))
                    .isEmpty());
        const Result<SchemaSnapshot> snapshot = snapshotOf(source.profile());
        QVERIFY(snapshot);
        ModelCodeOptions options;
        options.generatedAt = QDateTime::currentDateTimeUtc();
        const ModelCode code = generateModelCode(snapshot.value(), options);
        const QString listed = code.notExpressed.join(QLatin1Char('\n'));
        QVERIFY2(listed.contains(QLatin1String("view public.big")), qPrintable(listed));
        QVERIFY2(listed.contains(QLatin1String("exclusion constraint no_overlap on public.booking")),
                 qPrintable(listed));
        QVERIFY2(listed.contains(QLatin1String("public.measured.amount: type pair")), qPrintable(listed));
        QVERIFY(code.models.contains(QLatin1String("#   - view public.big")));
        QVERIFY(code.schemas.contains(QLatin1String("#   - view public.big")));
    }

    // The figure: generation for 1,000 tables, beyond the snapshot (printed, not asserted).
    void aThousandTablesAreGeneratedQuickly()
    {
        test::ScratchDatabase source(QStringLiteral("thousand"));
        QVERIFY(source.create());
        QVERIFY(test::queryValues(source.profile(), QString::fromUtf8(kThousandTables)).isEmpty());
        const Result<SchemaSnapshot> snapshot = snapshotOf(source.profile());
        QVERIFY(snapshot);
        ModelCodeOptions options;
        options.generatedAt = QDateTime::currentDateTimeUtc();
        QElapsedTimer clock;
        clock.start();
        const ModelCode code = generateModelCode(snapshot.value(), options);
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(code.tableCount, 1000);
        qInfo("Generated models.py (%lld KiB) and schemas.py for 1,000 tables in %lld ms beyond the snapshot",
              qint64(code.models.size() / 1024), elapsed);
    }

private:
    test::ScratchDatabase m_probe{QStringLiteral("probe")};
};

QTEST_MAIN(TestModelCode)
#include "tst_modelcode.moc"
