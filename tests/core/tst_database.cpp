// The harness on a real server: this executable's own database, QPSQL, rows written and read back.
#include "scratchdatabase.h"

#include "connection/databasesession.h"
#include "connection/libpqconnection.h"
#include "connection/serverinfo.h"
#include "util/sqlidentifier.h"

#include <QSqlQuery>
#include <QThread>
#include <QtTest/QtTest>

using namespace nrdb;

class TestDatabase : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch); }

    void writesAndReadsRows()
    {
        DatabaseSession session;
        const Status opened = session.open(m_scratch.profile());
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().fullText()));
        QSqlQuery query(session.database());
        QVERIFY2(query.exec(QStringLiteral("CREATE TABLE device (id integer PRIMARY KEY, hostname text NOT NULL)")),
                 qPrintable(query.lastError().text()));
        QVERIFY(query.prepare(QStringLiteral("INSERT INTO device (id, hostname) VALUES (?, ?)")));
        for (int id = 1; id <= 50; ++id) {
            query.addBindValue(id);
            query.addBindValue(QStringLiteral("router-%1").arg(id));
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        QVERIFY(query.exec(QStringLiteral("SELECT count(*), min(hostname), max(id) FROM device")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 50);
        QCOMPARE(query.value(1).toString(), QStringLiteral("router-1"));
        QCOMPARE(query.value(2).toInt(), 50);
    }

    void summaryCountsTheTable()
    {
        DatabaseSession session;
        QVERIFY(session.open(m_scratch.profile()));
        const Result<ServerInfo> info = ServerInfo::read(session.database());
        QVERIFY2(info, qPrintable(info ? QString() : info.error().fullText()));
        QCOMPARE(info.value().currentDatabase, m_scratch.name());
        QCOMPARE(info.value().userTableCount, 1);
        QVERIFY(info.value().superuser);
        QVERIFY(info.value().serverVersionNumber >= 100000);
        QVERIFY(info.value().onThisMachine); // the sandbox listens on 127.0.0.1
    }

    // Parallel jobs: the cores (for a restore, halved when the server shares them), and the
    // free connections.
    void parallelJobsFitTheMachineAndTheServer()
    {
        const int cores = QThread::idealThreadCount();
        ServerInfo server;
        server.freeConnections = 100;
        server.onThisMachine = true;
        QCOMPARE(server.parallelJobs(), qBound(1, cores, 8));
        QCOMPARE(server.parallelRestoreJobs(), qBound(1, cores / 2, 8));
        server.onThisMachine = false;
        QCOMPARE(server.parallelRestoreJobs(), qBound(1, cores, 8));
        server.freeConnections = 4;
        QCOMPARE(server.parallelJobs(), qBound(1, qMin(cores, 2), 8));
        QCOMPARE(server.parallelRestoreJobs(), qBound(1, qMin(cores, 2), 8));
        server.freeConnections = 1;
        QCOMPARE(server.parallelJobs(), 1);
        QCOMPARE(server.parallelRestoreJobs(), 1);
    }

    void quotedIdentifiersRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("spaces") << QStringLiteral("job log");
        QTest::newRow("quotes") << QStringLiteral("say \"hi\"");
        QTest::newRow("reserved") << QStringLiteral("select");
        QTest::newRow("unicode") << QStringLiteral("Gerät_ü");
        QTest::newRow("mixed case") << QStringLiteral("MixedCase");
    }

    void quotedIdentifiersRoundTrip()
    {
        QFETCH(QString, name);
        DatabaseSession session;
        QVERIFY(session.open(m_scratch.profile()));
        QSqlQuery query(session.database());
        QVERIFY2(query.exec(QStringLiteral("CREATE TABLE %1 (x int)").arg(quoteIdentifier(name))),
                 qPrintable(query.lastError().text()));
        query.prepare(QStringLiteral("SELECT relname FROM pg_class WHERE relname = ? AND relkind = 'r'"));
        query.addBindValue(name);
        QVERIFY(query.exec());
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), name);
    }

    // Qt's QPSQL reports a script of several statements by its first result alone, so an error in
    // a later statement passes unseen there. A script is run so that any statement's error is the
    // result, and, in autocommit, nothing of it stays.
    void aScriptFailsOnAnyOfItsStatements_data()
    {
        QTest::addColumn<QString>("script");
        QTest::newRow("the second of three")
            << QStringLiteral("CREATE TABLE s1 (x int); SELECT 1/0; CREATE TABLE s2 (x int);");
        QTest::newRow("the last") << QStringLiteral("CREATE TABLE s1 (x int); CREATE TABLE s2 (x int); SELECT 1/0");
        QTest::newRow("the first") << QStringLiteral("SELECT 1/0; CREATE TABLE s1 (x int)");
    }

    void aScriptFailsOnAnyOfItsStatements()
    {
        QFETCH(QString, script);
        DatabaseSession session;
        QVERIFY(session.open(m_scratch.profile()));
        const Status ran = execScript(session.database(), script, QStringLiteral("The script"));
        QVERIFY(!ran);
        QCOMPARE(ran.error().sqlState, QStringLiteral("22012"));
        QVERIFY2(ran.error().message.startsWith(QLatin1String("The script: ERROR:  division by zero")),
                 qPrintable(ran.error().message));
        QSqlQuery query(session.database());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename IN ('s1', 's2')")) &&
                query.next());
        QCOMPARE(query.value(0).toInt(), 0);
        QVERIFY(execScript(session.database(), QStringLiteral("CREATE TABLE s1 (x int); DROP TABLE s1;"),
                           QStringLiteral("The script")));
    }

    // A statement the server refuses to prepare is reported by that refusal, not by the syntax
    // error of the EXECUTE without a statement name the driver sends after it.
    void aRefusedPrepareIsTheError()
    {
        DatabaseSession session;
        QVERIFY(session.open(m_scratch.profile()));
        QSqlDatabase db = session.database();
        QVERIFY(db.transaction());
        QSqlQuery query(db);
        QVERIFY(!query.exec(QStringLiteral("SELECT 1/0")));
        QVERIFY(!execPrepared(query, QStringLiteral("SELECT ?::int"), {1}));
        QCOMPARE(query.lastError().nativeErrorCode(), QStringLiteral("25P02")); // in_failed_sql_transaction
        QVERIFY(db.rollback());
        QVERIFY(execPrepared(query, QStringLiteral("SELECT ?::int + 1"), {1}) && query.next());
        QCOMPARE(query.value(0).toInt(), 2);
    }

    void wrongPasswordIsAnAuthenticationError()
    {
        ConnectionProfile profile = m_scratch.profile();
        profile.password = QStringLiteral("not-the-password");
        DatabaseSession session;
        const Status opened = session.open(profile);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, ErrorKind::Authentication);
        QVERIFY2(!opened.error().message.contains(profile.password), "the password must not reach the message");
    }

private:
    test::ScratchDatabase m_scratch;
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
