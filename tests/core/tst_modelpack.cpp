// A pack's expected model is exactly what its migrations produce on a real server.
// NRDB_UPDATE_EXPECTED_MODEL=1 writes the model the migrations produced into the pack instead.
#include "scratchdatabase.h"

#include "catalog/catalogreader.h"
#include "connection/databasesession.h"
#include "jobs/initjob.h"
#include "jobs/jobrunner.h"
#include "model/drift.h"

#include <QJsonDocument>
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

    void expectedModelIsWhatTheMigrationsMake_data()
    {
        QTest::addColumn<QString>("packName");
        for (const QString &name : ModelPack::builtIn())
            QTest::newRow(qPrintable(name)) << name;
    }

    void expectedModelIsWhatTheMigrationsMake()
    {
        QFETCH(QString, packName);
        const Result<ModelPack> pack = ModelPack::builtIn(packName);
        QVERIFY2(pack, qPrintable(pack ? QString() : pack.error().fullText()));
        JobRunner runner;
        auto init = std::make_shared<InitJob>(m_scratch.profile(), pack.value());
        runner.submit(init);
        QVERIFY(runner.waitForIdle(60000));
        QVERIFY(init->hasResult());
        DatabaseSession session;
        QVERIFY(session.open(m_scratch.profile()));
        const Result<SchemaSnapshot> snapshot = CatalogReader::read(session.database());
        QVERIFY(snapshot);
        const SchemaModel produced = SchemaModel::fromSnapshot(snapshot.value(), pack.value().schema);

        if (qEnvironmentVariableIsSet("NRDB_UPDATE_EXPECTED_MODEL")) {
            QFile file(QStringLiteral(NRDB_SOURCE_DIR "/resources/models/%1/expected-model.json").arg(packName));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QJsonDocument(produced.toJson()).toJson());
            QSKIP("expected-model.json rewritten from the migrations");
        }
        QVERIFY2(!pack.value().expectedModel.tables.isEmpty(), "the pack has no expected-model.json");
        const QVector<DriftItem> drift = compareModels(pack.value().expectedModel, produced);
        QStringList lines;
        for (const DriftItem &item : drift)
            lines << item.describe() + QStringLiteral(": expected [") + item.expected + QStringLiteral("] actual [") +
                         item.actual + QLatin1Char(']');
        QVERIFY2(drift.isEmpty(), qPrintable(lines.join(QLatin1Char('\n'))));
        QCOMPARE(produced.toJson(), pack.value().expectedModel.toJson());
    }

private:
    test::ScratchDatabase m_scratch;
};

QTEST_GUILESS_MAIN(TestModelPack)
#include "tst_modelpack.moc"
