// Log records, the log model, the rotating file, and passwords kept out of all of them.
#include "scratchdatabase.h"
#include "statementjob.h"

#include "jobs/jobrunner.h"
#include "log/logfile.h"
#include "log/logmodel.h"
#include "log/secretredactor.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace nrdb;

namespace {

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestLog : public QObject {
    Q_OBJECT
private slots:
    void redactsPasswords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::newRow("uri") << QStringLiteral("connecting to postgresql://netraven:s3cr3t-pw@db:5432/netraven")
                             << QStringLiteral("s3cr3t-pw");
        QTest::newRow("postgres scheme") << QStringLiteral("postgres://u:hunter2x@h/d") << QStringLiteral("hunter2x");
        QTest::newRow("keyword") << QStringLiteral("host=db dbname=netraven password=kw-secret user=x")
                                 << QStringLiteral("kw-secret");
        QTest::newRow("quoted keyword") << QStringLiteral("host=db password='two words' user=x")
                                        << QStringLiteral("two words");
        QTest::newRow("env") << QStringLiteral("PGPASSWORD=env-secret pg_dump -h db") << QStringLiteral("env-secret");
        QTest::newRow("json") << QStringLiteral(R"({"user": "a", "password": "json-secret"})")
                              << QStringLiteral("json-secret");
    }

    void redactsPasswords()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        const QString redacted = redactSecrets(text);
        QVERIFY2(!redacted.contains(secret), qPrintable(redacted));
        QVERIFY2(redacted.contains(kRedacted), qPrintable(redacted));
    }

    void keepsOrdinaryText()
    {
        const QString text =
            QStringLiteral("postgresql://netraven@db:5432/netraven has 13 tables; the password column");
        QCOMPARE(redactSecrets(text), text);
    }

    void registeredSecretsAreRedactedAnywhere()
    {
        registerSecret(QStringLiteral("Zq9-registered"));
        QCOMPARE(LogRecord(LogLevel::Error, QStringLiteral("server said: Zq9-registered is wrong")).text(),
                 QStringLiteral("server said: ***** is wrong"));
    }

    void modelAppendsDropsAndClears()
    {
        LogModel model(20);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 25; ++i)
            model.append(LogRecord(i % 2 ? LogLevel::Warning : LogLevel::Info, QStringLiteral("line %1").arg(i), 7,
                                   QStringLiteral("Verify")));
        QVERIFY(model.rowCount() <= 20);
        QCOMPARE(model.data(model.index(model.rowCount() - 1, LogModel::MessageColumn)).toString(),
                 QStringLiteral("line 24"));
        QCOMPARE(model.data(model.index(0, LogModel::JobColumn)).toString(), QStringLiteral("Verify #7"));
        QCOMPARE(model.data(model.index(model.rowCount() - 1, 0), LogModel::LevelRole).toInt(),
                 static_cast<int>(LogLevel::Info));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void fileRotates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("logs/test.log"));
        LogFile file(path, 2000, 2);
        for (int i = 0; i < 200; ++i)
            file.write(LogRecord(LogLevel::Info, QStringLiteral("record %1 ").arg(i) + QString(40, QLatin1Char('x'))));
        QVERIFY(QFile::exists(path + QStringLiteral(".1")));
        QVERIFY(QFile::exists(path + QStringLiteral(".2")));
        QVERIFY(!QFile::exists(path + QStringLiteral(".3")));
        QVERIFY(QFileInfo(path).size() < 2000);
        QVERIFY(readAll(path).contains(QLatin1String("record 199")));
        QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
    }

    // A job logs a connection string with a password; neither the model nor the file may hold it.
    void jobLogsNeverHoldThePassword()
    {
        test::ScratchDatabase scratch;
        NRDB_REQUIRE_SCRATCH_DATABASE(scratch);
        const QString password = scratch.profile().password;
        QVERIFY(password.size() >= 8);
        QTemporaryDir dir;
        LogModel model;
        LogFile file(dir.filePath(QStringLiteral("app.log")));
        JobRunner runner;
        connect(&runner, &JobRunner::messageLogged, &model, &LogModel::append);
        connect(&runner, &JobRunner::messageLogged, &file, &LogFile::write);

        const QString uri = QStringLiteral("postgresql://%1:%2@%3:%4/%5")
                                .arg(scratch.profile().user, password, scratch.profile().host)
                                .arg(scratch.profile().port)
                                .arg(scratch.name());
        // The server echoes the string back in its error: a second way for it to reach the log.
        runner.submit(std::make_shared<test::StatementJob>(QStringLiteral("Leaky ") + uri, JobAccess::ReadOnly,
                                                           scratch.profile(),
                                                           QStringList{QStringLiteral("SELECT '%1'::int").arg(uri)}));
        QVERIFY(runner.waitForIdle(30000));

        QVERIFY(model.rowCount() > 0);
        QString everything;
        for (const LogRecord &record : model.records())
            everything += record.toLine() + QLatin1Char('\n');
        QVERIFY2(everything.contains(QLatin1String("invalid input syntax")), qPrintable(everything));
        QVERIFY2(!everything.contains(password), qPrintable(everything));
        const QString onDisk = readAll(file.path());
        QVERIFY(onDisk.contains(QLatin1String("invalid input syntax")));
        QVERIFY2(!onDisk.contains(password), qPrintable(onDisk));
        QVERIFY(onDisk.contains(kRedacted));
    }
};

QTEST_GUILESS_MAIN(TestLog)
#include "tst_log.moc"
