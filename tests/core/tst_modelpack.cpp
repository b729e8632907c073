// A pack's expected model is exactly what its migrations produce on a real server.
// NRDB_UPDATE_EXPECTED_MODEL=1 writes the model the migrations produced into the pack instead.
#include "scratchdatabase.h"

#include "catalog/catalogreader.h"
#include "connection/databasesession.h"
#include "jobs/initjob.h"
#include "jobs/jobrunner.h"
#include "model/drift.h"

#include <QDir>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace nrdb;

class TestModelPack : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch); }

    void normalisedChecksums()
    {
        QCOMPARE(normalizedChecksum(QStringLiteral("CREATE TABLE t (x int);\r\n  \r\n")),
                 normalizedChecksum(QStringLiteral("CREATE TABLE t (x int);")));
        QVERIFY(normalizedChecksum(QStringLiteral("CREATE TABLE t (x int);")) !=
                normalizedChecksum(QStringLiteral("CREATE TABLE t (x bigint);")));
    }

    // Every expected model of every pack: the head's and those of earlier versions.
    void expectedModelIsWhatTheMigrationsMake_data()
    {
        QTest::addColumn<QString>("packName");
        QTest::addColumn<int>("version");
        for (const QString &name : ModelPack::builtIn()) {
            const Result<ModelPack> pack = ModelPack::builtIn(name);
            QVERIFY2(pack, qPrintable(pack ? QString() : pack.error().fullText()));
            for (const int version : pack.value().modelVersions())
                QTest::newRow(qPrintable(QStringLiteral("%1@%2").arg(name).arg(version))) << name << version;
        }
    }

    void expectedModelIsWhatTheMigrationsMake()
    {
        QFETCH(QString, packName);
        QFETCH(int, version);
        const ModelPack pack = ModelPack::builtIn(packName).value();
        test::ScratchDatabase scratch(
            QStringLiteral("%1_%2").arg(packName).arg(version).replace(QLatin1Char('-'), QLatin1Char('_')));
        QVERIFY(scratch.create());
        JobRunner runner;
        auto init = std::make_shared<InitJob>(scratch.profile(), pack, version);
        runner.submit(init);
        QVERIFY(runner.waitForIdle(60000));
        QVERIFY(init->hasResult());
        QCOMPARE(init->result().versionAfter, version);
        DatabaseSession session;
        QVERIFY(session.open(scratch.profile()));
        const Result<SchemaSnapshot> snapshot = CatalogReader::read(session.database());
        QVERIFY(snapshot);
        const SchemaModel produced = SchemaModel::fromSnapshot(snapshot.value(), pack.schema);

        if (qEnvironmentVariableIsSet("NRDB_UPDATE_EXPECTED_MODEL")) {
            const QString file = version == pack.headVersion()
                                     ? QStringLiteral("expected-model.json")
                                     : QStringLiteral("expected-model.%1.json").arg(version, 4, 10, QLatin1Char('0'));
            QFile out(QStringLiteral(NRDB_SOURCE_DIR "/resources/models/%1/%2").arg(packName, file));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QJsonDocument(produced.toJson()).toJson());
            QSKIP("expected model rewritten from the migrations");
        }
        const SchemaModel &expected = pack.modelAt(version);
        QVERIFY2(!expected.tables.isEmpty(), "the pack has no expected model for this version");
        const QVector<DriftItem> drift = compareModels(expected, produced);
        QStringList lines;
        for (const DriftItem &item : drift)
            lines << item.describe() + QStringLiteral(": expected [") + item.expected + QStringLiteral("] actual [") +
                         item.actual + QLatin1Char(']');
        QVERIFY2(drift.isEmpty(), qPrintable(lines.join(QLatin1Char('\n'))));
        QCOMPARE(produced.toJson(), expected.toJson());
    }

    // The pack format's checks: an earlier model must name a version the migrations have.
    void anEarlierModelNeedsItsMigration()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir(dir.path()).mkpath(QStringLiteral("migrations"));
        const auto write = [&dir](const QString &name, const QByteArray &text) {
            QFile file(QDir(dir.path()).filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text);
        };
        write(QStringLiteral("pack.json"), R"({"name": "p", "schema": "s"})");
        write(QStringLiteral("migrations/0001_baseline.sql"), "CREATE TABLE s.t (x int);");
        write(QStringLiteral("expected-model.0001.json"), R"({"schema": "s", "tables": {}})");
        const Result<ModelPack> headOnly = ModelPack::load(dir.path());
        QVERIFY(!headOnly);
        QVERIFY2(headOnly.error().message.contains(QStringLiteral("no earlier version")),
                 qPrintable(headOnly.error().message));
        write(QStringLiteral("migrations/0002_more.sql"), "CREATE TABLE s.u (x int);");
        const Result<ModelPack> twoVersions = ModelPack::load(dir.path());
        QVERIFY2(twoVersions, qPrintable(twoVersions ? QString() : twoVersions.error().message));
        QCOMPARE(twoVersions.value().modelVersions(), (QVector<int>{2, 1}));
    }

private:
    test::ScratchDatabase m_scratch;
};

QTEST_GUILESS_MAIN(TestModelPack)
#include "tst_modelpack.moc"
