// The one way ui/ runs background work, on a real server: each job's typed end reaches the
// callback given with it; Exclusive refuses a second job, NewestWins cancels the older on the
// server and never reports it, drop() forgets a job even while it is still queued. The window's
// ActiveConnection is busy while any of its writers is.
#include "queries.h"
#include "scratchdatabase.h"
#include "statementjob.h"

#include "activeconnection.h"
#include "jobslot.h"

#include "jobs/jobrunner.h"

#include <QSignalSpy>
#include <QtTest/QtTest>

using namespace nrdb;
using test::StatementJob;

namespace {

const QString kLongSleep = QStringLiteral("SELECT pg_sleep(30) /* jobslot */");

QList<bool> busyChanges(const QSignalSpy &spy)
{
    QList<bool> changes;
    for (const QList<QVariant> &arguments : spy)
        changes << arguments.at(0).toBool();
    return changes;
}

} // namespace

class TestJobSlot : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch); }

    void cleanup()
    {
        m_runner.cancelAll();
        QVERIFY(m_runner.waitForIdle(10000));
    }

    // The callback has the job itself, of its own type, with its result.
    void theCallbackGetsTheTypedJob()
    {
        JobSlot slot(&m_runner, JobSlot::Policy::Exclusive, nullptr);
        QSignalSpy busy(&slot, &JobSlot::busyChanged);
        QVariant answer;
        JobState ended = JobState::Queued;
        QVERIFY(slot.start(statement(QStringLiteral("SELECT 6 * 7")), [&](StatementJob &job, const JobEnd &end) {
            ended = end.state;
            answer = job.result();
        }));
        QVERIFY(slot.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!slot.isBusy(), 10000);
        QCOMPARE(ended, JobState::Succeeded);
        QCOMPARE(answer.toInt(), 42);
        QCOMPARE(busyChanges(busy), (QList<bool>{true, false}));
    }

    // A failure comes with the server's error; Exclusive refuses a second job while one runs.
    void exclusiveRefusesASecondJob()
    {
        JobSlot slot(&m_runner, JobSlot::Policy::Exclusive, nullptr);
        JobEnd failure;
        int calls = 0;
        QVERIFY(
            slot.start(statement(QStringLiteral("SELECT pg_sleep(0.3), 1/0")), [&](StatementJob &, const JobEnd &end) {
                ++calls;
                failure = end;
            }));
        QVERIFY(!slot.start(statement(QStringLiteral("SELECT 1")), [&](StatementJob &, const JobEnd &) { ++calls; }));
        QTRY_VERIFY_WITH_TIMEOUT(!slot.isBusy(), 10000);
        QCOMPARE(calls, 1);
        QVERIFY(failure.failed());
        QCOMPARE(failure.error.sqlState, QStringLiteral("22012"));
    }

    // The newer job cancels the older on the server, and only the newer is reported.
    void newestWinsCancelsTheOlderOnTheServer()
    {
        JobSlot slot(&m_runner, JobSlot::Policy::NewestWins, nullptr);
        QSignalSpy busy(&slot, &JobSlot::busyChanged);
        QSignalSpy finished(&m_runner, &JobRunner::finished);
        QStringList reported;
        QVERIFY(slot.start(statement(kLongSleep),
                           [&](StatementJob &, const JobEnd &) { reported << QStringLiteral("older"); }));
        QTRY_COMPARE_WITH_TIMEOUT(activeCount(kLongSleep), QStringLiteral("1"), 10000);
        QVERIFY(slot.start(statement(QStringLiteral("SELECT 2")),
                           [&](StatementJob &job, const JobEnd &) { reported << job.result().toString(); }));
        QTRY_COMPARE_WITH_TIMEOUT(activeCount(kLongSleep), QStringLiteral("0"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!slot.isBusy(), 10000);
        QVERIFY(m_runner.waitForIdle(10000));
        QCOMPARE(reported, QStringList{QStringLiteral("2")});
        QCOMPARE(busyChanges(busy), (QList<bool>{true, false})); // busy throughout, no flicker
        QCOMPARE(finished.size(), 2);                            // in either order: the cancel and the new job race
        QSet<JobState> ends{finished.at(0).at(1).value<JobState>(), finished.at(1).at(1).value<JobState>()};
        QCOMPARE(ends, (QSet<JobState>{JobState::Cancelled, JobState::Succeeded}));
    }

    // A queued job ends inside the runner's cancel; drop() has forgotten it already.
    void aDroppedQueuedJobIsNeverReported()
    {
        const JobId holder = m_runner.submit(statement(kLongSleep, JobAccess::Write));
        QTRY_COMPARE_WITH_TIMEOUT(m_runner.state(holder), JobState::Running, 10000);
        JobSlot slot(&m_runner, JobSlot::Policy::Exclusive, nullptr);
        QSignalSpy busy(&slot, &JobSlot::busyChanged);
        QSignalSpy finished(&m_runner, &JobRunner::finished);
        int calls = 0;
        QVERIFY(slot.start(statement(QStringLiteral("SELECT 1"), JobAccess::Write),
                           [&](StatementJob &, const JobEnd &) { ++calls; }));
        slot.drop();
        QVERIFY(!slot.isBusy());
        QCOMPARE(finished.size(), 1); // the queued one, cancelled at once
        QCOMPARE(finished.at(0).at(1).value<JobState>(), JobState::Cancelled);
        QCOMPARE(busyChanges(busy), (QList<bool>{true, false}));
        m_runner.cancel(holder);
        QVERIFY(m_runner.waitForIdle(10000));
        QCOMPARE(calls, 0);
    }

    // A callback may start the slot's next job: the slot stays busy until the last one ends.
    void aCallbackStartsTheNextJob()
    {
        JobSlot slot(&m_runner, JobSlot::Policy::Exclusive, nullptr);
        QSignalSpy busy(&slot, &JobSlot::busyChanged);
        QStringList results;
        QVERIFY(slot.start(statement(QStringLiteral("SELECT 'first'")), [&](StatementJob &first, const JobEnd &) {
            results << first.result().toString();
            QVERIFY(slot.start(statement(QStringLiteral("SELECT 'second'")),
                               [&](StatementJob &second, const JobEnd &) { results << second.result().toString(); }));
        }));
        QTRY_VERIFY_WITH_TIMEOUT(!slot.isBusy(), 10000);
        QCOMPARE(results, (QStringList{QStringLiteral("first"), QStringLiteral("second")}));
        QCOMPARE(busyChanges(busy), (QList<bool>{true, false}));
    }

    // The connection is busy while any of its writers is, and says so once per change.
    void theConnectionIsBusyWhileAnyWriterIs()
    {
        ActiveConnection connection(nullptr);
        JobSlot first(&m_runner, JobSlot::Policy::Exclusive, nullptr);
        JobSlot second(&m_runner, JobSlot::Policy::Exclusive, nullptr);
        connection.addWriter(&first);
        connection.addWriter(&second);
        QSignalSpy busy(&connection, &ActiveConnection::busyChanged);
        QVERIFY(first.start(statement(kLongSleep), [](const Job &, const JobEnd &) {}));
        QVERIFY(second.start(statement(QStringLiteral("SELECT 1")), [](const Job &, const JobEnd &) {}));
        QTRY_VERIFY_WITH_TIMEOUT(!second.isBusy(), 10000);
        QVERIFY2(connection.isBusy(), "the end of one writer hid the other, still running");
        first.drop();
        QVERIFY(!connection.isBusy());
        QCOMPARE(busyChanges(busy), (QList<bool>{true, false}));
    }

    // Opening another database closes the one open first; closing twice says so once.
    void openingAnotherDatabaseClosesTheFirst()
    {
        ActiveConnection connection(nullptr);
        QSignalSpy opened(&connection, &ActiveConnection::opened);
        QSignalSpy closed(&connection, &ActiveConnection::closed);
        connection.open(Connected{m_scratch.profile(), {}, {}, {}});
        QCOMPARE(connection.profile().database, m_scratch.profile().database);
        ConnectionProfile maintenance = m_scratch.profile();
        maintenance.database = QStringLiteral("postgres");
        connection.open(Connected{maintenance, {}, {}, {}});
        QCOMPARE(connection.profile().database, QStringLiteral("postgres"));
        QCOMPARE(opened.count(), 2);
        QCOMPARE(closed.count(), 1);
        connection.close();
        connection.close();
        QCOMPARE(closed.count(), 2);
        QVERIFY(!connection.isOpen());
        QVERIFY(connection.profile().database.isEmpty());
    }

private:
    std::shared_ptr<StatementJob> statement(const QString &sql, JobAccess access = JobAccess::ReadOnly)
    {
        return std::make_shared<StatementJob>(QStringLiteral("Statement"), access, m_scratch.profile(),
                                              QStringList{sql});
    }

    QString activeCount(const QString &sql)
    {
        return test::queryValue(
            m_scratch.profile(),
            QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query = '%1'").arg(sql));
    }

    test::ScratchDatabase m_scratch;
    JobRunner m_runner;
};

QTEST_GUILESS_MAIN(TestJobSlot)
#include "tst_jobslot.moc"
