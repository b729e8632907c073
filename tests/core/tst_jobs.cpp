// The job engine on a real server: outcomes, SQLSTATE, real cancellation, write ordering.
#include "scratchdatabase.h"
#include "statementjob.h"

#include "connection/databasesession.h"
#include "jobs/jobcontext.h"
#include "jobs/jobrunner.h"
#include "jobs/jobtablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest/QtTest>

#include <stdexcept>

#include <atomic>
#include <csignal>

using namespace nrdb;
using test::StatementJob;

namespace {

// Runs `sleep 60` as a child process, which only a cancel ends early.
class ChildSleepJob : public Job {
public:
    QString title() const override { return QStringLiteral("Child sleep"); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    Status run(JobContext &context) override
    {
        ChildCommand command(QStringLiteral("/bin/sleep"), {QStringLiteral("60")});
        command.timeoutMs = -1;
        const Result<ChildOutcome> outcome = context.runChild(command);
        return outcome ? Status() : Status(outcome.error());
    }
};

// A job that holds 64 KiB and counts how many of its kind are alive.
class HeavyJob : public Job {
public:
    HeavyJob() : m_payload(64 << 10, 'x') { ++alive; }
    ~HeavyJob() override { --alive; }
    QString title() const override { return QStringLiteral("Heavy"); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    Status run(JobContext &) override { return m_payload.isEmpty() ? Status(Error{}) : Status(); }

    static inline std::atomic<int> alive{0};

private:
    QByteArray m_payload;
};

// A job with a step on a connection of its own (as a restore's safety backup is), then a long
// query on the job's own connection.
class NestedStepThenSleepJob : public Job {
public:
    explicit NestedStepThenSleepJob(ConnectionProfile target) : m_target(std::move(target)) {}
    QString title() const override { return QStringLiteral("Nested step, then sleep"); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }
    Status run(JobContext &context) override
    {
        const Result<QSqlDatabase> db = context.database();
        if (!db)
            return db.error();
        {
            const std::unique_ptr<JobContext> step = context.forTarget(m_target);
            const Result<QSqlDatabase> stepDb = step->database();
            if (!stepDb || !QSqlQuery(stepDb.value()).exec(QStringLiteral("SELECT 1")))
                return Error::sql(QStringLiteral("the step failed"), {});
        }
        QSqlQuery sleep(db.value());
        if (!sleep.exec(QStringLiteral("SELECT pg_sleep(60)")))
            return context.isCancelled() ? JobContext::cancelledError()
                                         : sqlError(sleep.lastError(), QStringLiteral("sleep"));
        return {};
    }

private:
    ConnectionProfile m_target;
};

// A job with a bug: it throws.
class ThrowingJob : public Job {
public:
    QString title() const override { return QStringLiteral("Throwing"); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    Status run(JobContext &) override { throw std::runtime_error("a bug in the job"); }
};

struct Finish {
    JobState state = JobState::Queued;
    Error error;
};

} // namespace

class TestJobs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
        DatabaseSession session;
        QVERIFY(session.open(m_scratch.profile()));
        QSqlQuery query(session.database());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE events (seq bigserial PRIMARY KEY, label text NOT NULL)")));
    }

    // The runner keeps nothing of a finished job but how it ended: memory stays flat however many
    // jobs a long-lived window runs.
    void finishedJobsAreReleased()
    {
        JobRunner runner;
        JobId last = 0;
        for (int i = 0; i < 1000; ++i)
            last = runner.submit(std::make_shared<HeavyJob>());
        QVERIFY(runner.waitForIdle(60000));
        QCOMPARE(HeavyJob::alive.load(), 0); // 64 MB held otherwise
        QCOMPARE(runner.state(last), JobState::Succeeded);
    }

    void init()
    {
        m_runner = std::make_unique<JobRunner>();
        m_finishes.clear();
        connect(m_runner.get(), &JobRunner::finished, this, [this](JobId id, JobState state, const Error &error) {
            m_finishes.insert(id, Finish{state, error});
        });
    }

    void cleanup() { m_runner.reset(); }

    void succeedsWithATypedResult()
    {
        auto job = std::make_shared<StatementJob>(QStringLiteral("Answer"), JobAccess::ReadOnly, m_scratch.profile(),
                                                  QStringList{QStringLiteral("SELECT 6 * 7")});
        QSignalSpy started(m_runner.get(), &JobRunner::started);
        QSignalSpy progress(m_runner.get(), &JobRunner::progressChanged);
        QSignalSpy logged(m_runner.get(), &JobRunner::messageLogged);
        const JobId id = m_runner->submit(job);
        QVERIFY(m_runner->waitForIdle(30000));
        QCOMPARE(m_finishes.value(id).state, JobState::Succeeded);
        QVERIFY(job->hasResult());
        QCOMPARE(job->result().toInt(), 42);
        QCOMPARE(started.count(), 1);
        QVERIFY(progress.count() >= 1);
        QCOMPARE(progress.last().at(1).value<JobProgress>().percent(), 100);
        QVERIFY(logged.count() >= 2); // the statement's line and "Succeeded in …"
    }

    // An exception on the worker thread ends that job as failed, with what was thrown; the runner,
    // its pool thread and the jobs after it carry on.
    void anExceptionFailsOnlyItsJob()
    {
        const JobId thrower = m_runner->submit(std::make_shared<ThrowingJob>());
        const JobId after = m_runner->submit(std::make_shared<StatementJob>(QStringLiteral("After"),
                                                                            JobAccess::ReadOnly, m_scratch.profile(),
                                                                            QStringList{QStringLiteral("SELECT 1")}));
        QVERIFY(m_runner->waitForIdle(30000));
        QCOMPARE(m_finishes.value(thrower).state, JobState::Failed);
        QCOMPARE(m_finishes.value(thrower).error.message,
                 QStringLiteral("Throwing failed with an internal error: a bug in the job"));
        QCOMPARE(m_finishes.value(after).state, JobState::Succeeded);
    }

    void sqlErrorCarriesItsSqlState()
    {
        auto job = std::make_shared<StatementJob>(QStringLiteral("Broken"), JobAccess::ReadOnly, m_scratch.profile(),
                                                  QStringList{QStringLiteral("SELECT * FROM no_such_table")});
        const JobId id = m_runner->submit(job);
        QVERIFY(m_runner->waitForIdle(30000));
        QCOMPARE(m_finishes.value(id).state, JobState::Failed);
        QCOMPARE(m_finishes.value(id).error.sqlState, QStringLiteral("42P01")); // undefined_table
        QVERIFY(m_finishes.value(id).error.message.contains(QLatin1String("no_such_table")));
    }

    void cancelStopsTheQueryOnTheServer()
    {
        auto job =
            std::make_shared<StatementJob>(QStringLiteral("Long sleep"), JobAccess::ReadOnly, m_scratch.profile(),
                                           QStringList{QStringLiteral("SELECT pg_sleep(60)")});
        const JobId id = m_runner->submit(job);
        const int backendPid = waitForBackendRunning(QStringLiteral("SELECT pg_sleep(60)"));
        QVERIFY(backendPid > 0);
        QElapsedTimer clock;
        clock.start();
        m_runner->cancel(id);
        QVERIFY(m_runner->waitForIdle(20000));
        QVERIFY2(clock.elapsed() < 5000, "a cancel must not wait for the query to end by itself");
        QCOMPARE(m_finishes.value(id).state, JobState::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(!backendExists(backendPid), 5000);
    }

    // After a step on a connection of its own has ended, a cancel reaches the job's own query again.
    void cancelReachesTheQueryAfterANestedStep()
    {
        const JobId id = m_runner->submit(std::make_shared<NestedStepThenSleepJob>(m_scratch.profile()));
        const int backendPid = waitForBackendRunning(QStringLiteral("SELECT pg_sleep(60)"));
        QVERIFY(backendPid > 0);
        QElapsedTimer clock;
        clock.start();
        m_runner->cancel(id);
        QVERIFY(m_runner->waitForIdle(20000));
        QVERIFY2(clock.elapsed() < 5000, "the cancel lost the job's own backend when the nested step ended");
        QCOMPARE(m_finishes.value(id).state, JobState::Cancelled);
    }

    void cancelTerminatesChildProcesses()
    {
        const JobId id = m_runner->submit(std::make_shared<ChildSleepJob>());
        QTRY_COMPARE_WITH_TIMEOUT(m_runner->state(id), JobState::Running, 5000);
        QTest::qWait(200);
        QElapsedTimer clock;
        clock.start();
        m_runner->cancel(id);
        QVERIFY(m_runner->waitForIdle(10000));
        QVERIFY(clock.elapsed() < 5000);
        QCOMPARE(m_finishes.value(id).state, JobState::Cancelled);
    }

    void cancelOfAQueuedJobEndsItAtOnce()
    {
        const QStringList slow{QStringLiteral("SELECT pg_sleep(1)")};
        const JobId first = m_runner->submit(
            std::make_shared<StatementJob>(QStringLiteral("First"), JobAccess::Write, m_scratch.profile(), slow));
        const JobId second = m_runner->submit(
            std::make_shared<StatementJob>(QStringLiteral("Second"), JobAccess::Write, m_scratch.profile(), slow));
        QCOMPARE(m_runner->state(second), JobState::Queued);
        m_runner->cancel(second);
        QCOMPARE(m_finishes.value(second).state, JobState::Cancelled);
        QVERIFY(m_runner->waitForIdle(20000));
        QCOMPARE(m_finishes.value(first).state, JobState::Succeeded);
    }

    void writeJobsOnOneDatabaseRunInOrder()
    {
        QList<JobId> startOrder;
        QList<JobId> finishOrder;
        connect(m_runner.get(), &JobRunner::started, this, [&startOrder](JobId id) { startOrder << id; });
        connect(m_runner.get(), &JobRunner::finished, this, [&finishOrder](JobId id) { finishOrder << id; });
        const auto writer = [this](const QString &label, double sleepSeconds) {
            return std::make_shared<StatementJob>(
                label, JobAccess::Write, m_scratch.profile(),
                QStringList{QStringLiteral("SELECT pg_sleep(%1)").arg(sleepSeconds),
                            QStringLiteral("INSERT INTO events (label) VALUES ('%1')").arg(label)});
        };
        const JobId a = m_runner->submit(writer(QStringLiteral("A"), 1.0));
        const JobId b = m_runner->submit(writer(QStringLiteral("B"), 0.0));
        QCOMPARE(m_runner->state(b), JobState::Queued);
        QVERIFY(m_runner->waitForIdle(30000));
        QCOMPARE(startOrder, (QList<JobId>{a, b}));
        QCOMPARE(finishOrder, (QList<JobId>{a, b}));
        QCOMPARE(labelsInInsertOrder(), QStringLiteral("A,B"));
    }

    void readOnlyJobsRunBesideAWriter()
    {
        const JobId writer = m_runner->submit(
            std::make_shared<StatementJob>(QStringLiteral("Writer"), JobAccess::Write, m_scratch.profile(),
                                           QStringList{QStringLiteral("SELECT pg_sleep(2)")}));
        const JobId reader = m_runner->submit(std::make_shared<StatementJob>(QStringLiteral("Reader"),
                                                                             JobAccess::ReadOnly, m_scratch.profile(),
                                                                             QStringList{QStringLiteral("SELECT 1")}));
        QCOMPARE(m_runner->state(reader), JobState::Running);
        QTRY_COMPARE_WITH_TIMEOUT(m_runner->state(reader), JobState::Succeeded, 10000);
        QCOMPARE(m_runner->state(writer), JobState::Running);
        QVERIFY(m_runner->waitForIdle(30000));
    }

    void tableModelFollowsTheRunner()
    {
        JobTableModel model(m_runner.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_runner->submit(std::make_shared<StatementJob>(QStringLiteral("One"), JobAccess::ReadOnly, m_scratch.profile(),
                                                        QStringList{QStringLiteral("SELECT 1")}));
        const JobId failing = m_runner->submit(std::make_shared<StatementJob>(
            QStringLiteral("Two"), JobAccess::ReadOnly, m_scratch.profile(), QStringList{QStringLiteral("SELEC 1")}));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(m_runner->waitForIdle(30000));
        model.refreshClock();
        QCOMPARE(model.data(model.index(0, JobTableModel::StateColumn)).toString(), QStringLiteral("succeeded"));
        QCOMPARE(model.data(model.index(0, JobTableModel::ProgressColumn)).toString(), QStringLiteral("100%"));
        QCOMPARE(model.data(model.index(0, JobTableModel::PhaseColumn)).toString(), QStringLiteral("Done"));
        QCOMPARE(model.jobId(1), failing);
        QCOMPARE(model.data(model.index(1, JobTableModel::StateColumn)).toString(), QStringLiteral("failed"));
        const QString failure = model.data(model.index(1, JobTableModel::PhaseColumn)).toString();
        const QString failureDetails =
            model.data(model.index(1, JobTableModel::PhaseColumn), Qt::ToolTipRole).toString();
        QVERIFY2(!failure.isEmpty() && !failure.contains(QLatin1Char('\n')), qPrintable(failure));
        QVERIFY2(failureDetails.startsWith(failure) && failureDetails.contains(QLatin1String("syntax error")),
                 qPrintable(failureDetails));
        model.clearFinished();
        QCOMPARE(model.rowCount(), 0);
    }

private:
    int waitForBackendRunning(const QString &queryText)
    {
        DatabaseSession session;
        if (!session.open(m_scratch.profile()))
            return 0;
        QSqlQuery query(session.database());
        for (int attempt = 0; attempt < 100; ++attempt) {
            query.prepare(QStringLiteral("SELECT pid FROM pg_stat_activity WHERE query = ? AND state = 'active'"));
            query.addBindValue(queryText);
            if (query.exec() && query.next())
                return query.value(0).toInt();
            QTest::qWait(50);
        }
        return 0;
    }

    bool backendExists(int pid)
    {
        DatabaseSession session;
        if (!session.open(m_scratch.profile()))
            return true;
        QSqlQuery query(session.database());
        query.prepare(QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE pid = ?"));
        query.addBindValue(pid);
        return !query.exec() || query.next();
    }

    QString labelsInInsertOrder()
    {
        DatabaseSession session;
        if (!session.open(m_scratch.profile()))
            return {};
        QSqlQuery query(session.database());
        if (!query.exec(QStringLiteral("SELECT string_agg(label, ',' ORDER BY seq) FROM events")) || !query.next())
            return {};
        return query.value(0).toString();
    }

    test::ScratchDatabase m_scratch;
    std::unique_ptr<JobRunner> m_runner;
    QHash<JobId, Finish> m_finishes;
};

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
