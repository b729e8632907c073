// Every bundled .sql query must parse and plan against a real server.
#include "scratchdatabase.h"

#include "connection/databasesession.h"
#include "util/sqlresource.h"

#include <QSqlQuery>
#include <QtTest/QtTest>

using namespace nrdb;

class TestSqlResources : public QObject {
    Q_OBJECT
private slots:
    // Files named ddl_* create what the other queries read, so they run first.
    void initTestCase()
    {
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
        DatabaseSession session;
        QVERIFY(session.open(m_scratch.profile()));
        QSqlQuery query(session.database());
        for (const QString &name : sqlResourceNames()) {
            if (name.startsWith(QLatin1String("ddl_")))
                QVERIFY2(query.exec(sqlResource(name)),
                         qPrintable(name + QStringLiteral(": ") + query.lastError().text()));
        }
    }

    void everyQueryPrepares_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList names = sqlResourceNames();
        QVERIFY(!names.isEmpty());
        for (const QString &name : names) {
            if (!name.startsWith(QLatin1String("ddl_")))
                QTest::newRow(qPrintable(name)) << name;
        }
    }

    void everyQueryPrepares()
    {
        QFETCH(QString, name);
        DatabaseSession session;
        QVERIFY(session.open(m_scratch.profile()));
        QSqlQuery query(session.database());
        // QPSQL prepares on the server, so this fails on syntax, unknown columns and types.
        QVERIFY2(query.prepare(sqlResource(name)), qPrintable(query.lastError().text()));
    }

private:
    test::ScratchDatabase m_scratch;
};

QTEST_GUILESS_MAIN(TestSqlResources)
#include "tst_sqlresources.moc"
