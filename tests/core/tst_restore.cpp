// Restores with the real pg_restore and psql on the real server.
#include "processes.h"
#include "queries.h"
#include "sandboxcontrol.h"
#include "scratchdatabase.h"
#include "smallfilesystem.h"
#include "statementjob.h"

#include "backup/archivecheck.h"
#include "backup/backupmanifest.h"
#include "backup/clienttools.h"
#include "catalog/catalogreader.h"
#include "connection/databaseadmin.h"
#include "connection/databasesession.h"
#include "connection/temporarydatabase.h"
#include "jobs/backupjob.h"
#include "jobs/initjob.h"
#include "jobs/jobrunner.h"
#include "jobs/provejob.h"
#include "jobs/restorejob.h"
#include "jobs/restoreprogress.h"
#include "jobs/seedjob.h"
#include "model/schemamodel.h"
#include "sandbox/sandboxcluster.h"
#include "util/childprocess.h"

#include <QDeadlineTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <csignal>

using namespace nrdb;

namespace {

template <typename J>
Result<std::shared_ptr<J>> run(std::shared_ptr<J> job)
{
    JobRunner runner;
    Error error;
    QObject::connect(&runner, &JobRunner::finished, [&error](JobId, JobState, const Error &e) { error = e; });
    runner.submit(job);
    runner.waitForIdle(120000);
    if (!job->hasResult())
        return error;
    return job;
}

} // namespace

class TestRestore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
        m_server = m_scratch.profile();
        const ModelPack pack = ModelPack::builtIn(QStringLiteral("netraven-v1")).value();
        QVERIFY(run(std::make_shared<InitJob>(m_scratch.profile(), pack)));
        QVERIFY(run(std::make_shared<SeedJob>(m_scratch.profile(), pack)));
        QCOMPARE(
            test::queryValue(
                m_scratch.profile(),
                QStringLiteral("INSERT INTO netraven.devices (id, hostname, ip_address, device_type, owner_id) "
                               "SELECT 'd' || g, 'r' || g, '10.0.0.1', 'cisco_ios', (SELECT id FROM netraven.users) "
                               "FROM generate_series(1, 500) g RETURNING 0")),
            QStringLiteral("0"));
        for (const BackupFormat format : {BackupFormat::Custom, BackupFormat::Directory, BackupFormat::PlainGzip}) {
            BackupOptions options;
            options.outputDirectory = m_dir.filePath(backupFormatName(format));
            options.format = format;
            const auto backup = run(std::make_shared<BackupJob>(m_scratch.profile(), options));
            QVERIFY2(backup, qPrintable(backup ? QString() : backup.error().fullText()));
            m_backups.insert(int(format), backup.value()->result().path);
        }
    }

    void cleanupTestCase()
    {
        DatabaseSession maintenance;
        if (!maintenance.open(m_scratch.server().profile()))
            return;
        for (const QString &name : std::as_const(m_created))
            (void)databaseadmin::dropIfExists(maintenance.database(), name);
    }

    void eachFormatIntoANewDatabase_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("custom") << int(BackupFormat::Custom);
        QTest::newRow("directory") << int(BackupFormat::Directory);
        QTest::newRow("plain gzip") << int(BackupFormat::PlainGzip);
    }

    void eachFormatIntoANewDatabase()
    {
        QFETCH(int, format);
        const QString name = newName(QStringLiteral("fmt%1").arg(format));
        const auto restored = restore(m_backups.value(format), name);
        QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().fullText()));
        QVERIFY(restored.value()->result().missingRoles.isEmpty());
        QCOMPARE(test::queryValue(profileFor(name), QStringLiteral("SELECT count(*) FROM netraven.devices")),
                 QStringLiteral("500"));
        QCOMPARE(schemaOf(profileFor(name)), schemaOf(m_scratch.profile()));
        QCOMPARE(
            test::queryValue(m_scratch.server().profile(),
                             QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE '%_restoring_%'")),
            QStringLiteral("0"));
    }

    // Some tables alone: their definitions, rows, keys, indexes and defaults, and the foreign keys
    // between them; a foreign key to a table left out goes with it, so the restore holds.
    void someTablesAreRestoredWholeAndAlone_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("custom") << int(BackupFormat::Custom);
        QTest::newRow("directory") << int(BackupFormat::Directory);
    }

    void someTablesAreRestoredWholeAndAlone()
    {
        QFETCH(int, format);
        const auto tablesIn = [](const ConnectionProfile &profile) {
            return test::queryValues(profile, QStringLiteral("SELECT table_schema || '.' || table_name FROM "
                                                             "information_schema.tables WHERE table_schema NOT IN "
                                                             "('pg_catalog', 'information_schema') ORDER BY 1"));
        };
        const QString both = newName(QStringLiteral("two%1").arg(format));
        RestoreOptions options;
        options.source = m_backups.value(format);
        options.targetDatabase = both;
        options.tables = QStringList{QStringLiteral("netraven.devices"), QStringLiteral("netraven.users")};
        const auto restored = run(std::make_shared<RestoreJob>(m_server, options));
        QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().fullText()));
        QCOMPARE(tablesIn(profileFor(both)),
                 (QStringList{QStringLiteral("netraven.devices"), QStringLiteral("netraven.users")}));
        QCOMPARE(test::queryValue(profileFor(both), QStringLiteral("SELECT count(*) FROM netraven.devices")),
                 QStringLiteral("500"));
        const QString constraintsAndIndexes = QStringLiteral(
            "SELECT string_agg(name, ',' ORDER BY name) FROM (SELECT conname AS name FROM pg_constraint WHERE "
            "conrelid = 'netraven.devices'::regclass UNION SELECT indexname FROM pg_indexes WHERE tablename = "
            "'devices') AS named");
        QCOMPARE(test::queryValue(profileFor(both), constraintsAndIndexes),
                 test::queryValue(m_scratch.profile(), constraintsAndIndexes)); // keys, indexes, foreign keys

        const QString alone = newName(QStringLiteral("one%1").arg(format));
        options.targetDatabase = alone;
        options.tables = QStringList{QStringLiteral("netraven.devices")};
        const auto devicesOnly = run(std::make_shared<RestoreJob>(m_server, options));
        QVERIFY2(devicesOnly, qPrintable(devicesOnly ? QString() : devicesOnly.error().fullText()));
        QCOMPARE(tablesIn(profileFor(alone)), QStringList{QStringLiteral("netraven.devices")});
        QCOMPARE(test::queryValue(profileFor(alone), QStringLiteral("SELECT count(*) FROM netraven.devices")),
                 QStringLiteral("500"));
        QCOMPARE(test::queryValue(profileFor(alone), QStringLiteral("SELECT count(*) FROM pg_constraint WHERE "
                                                                    "contype = 'f'")),
                 QStringLiteral("0")); // its foreign key to users stayed out with users

        const QString none = newName(QStringLiteral("nope%1").arg(format));
        options.targetDatabase = none;
        options.tables = QStringList{QStringLiteral("netraven.devices"), QStringLiteral("netraven.nope")};
        const auto refused = run(std::make_shared<RestoreJob>(m_server, options));
        QVERIFY(!refused);
        QCOMPARE(refused.error().message, QStringLiteral("The backup has no table netraven.nope"));
        QCOMPARE(
            test::queryValue(m_scratch.server().profile(),
                             QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE '%1%'").arg(none)),
            QStringLiteral("0")); // nothing was created
    }

    void someTablesOfAPlainBackupAreRefused()
    {
        RestoreOptions options;
        options.source = m_backups.value(int(BackupFormat::PlainGzip));
        options.targetDatabase = newName(QStringLiteral("plainsome"));
        options.tables = QStringList{QStringLiteral("netraven.devices")};
        const auto refused = run(std::make_shared<RestoreJob>(m_server, options));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.startsWith(QLatin1String("Only a custom or directory archive")),
                 qPrintable(refused.error().message));
    }

    // A table of contents' TABLE DATA lines, weighted by the manifest's rows (at least one each).
    void tableDataIsWeightedByItsRows()
    {
        const QStringList entries{QStringLiteral("3349; 0 16390 TABLE DATA netraven devices postgres"),
                                  QStringLiteral("3350; 0 16391 TABLE DATA netraven job log postgres"),
                                  QStringLiteral("3351; 0 16392 TABLE DATA netraven tags postgres"),
                                  QStringLiteral("3204; 1259 16401 INDEX netraven ix_devices_hostname postgres"),
                                  QStringLiteral("216; 1259 16393 TABLE netraven users postgres")};
        const QMap<QString, qint64> rows{{QStringLiteral("netraven.devices"), 500},
                                         {QStringLiteral("netraven.job log"), 7},
                                         {QStringLiteral("netraven.tags"), 0}};
        QCOMPARE(tableDataWeights(entries, rows), (QHash<QString, qint64>{{QStringLiteral("netraven.devices"), 500},
                                                                          {QStringLiteral("netraven.job log"), 7},
                                                                          {QStringLiteral("netraven.tags"), 1}}));
        QCOMPARE(tableDataWeights(entries, {}).value(QStringLiteral("netraven.devices")), 1);
    }

    void progressGoesThroughTheDataThenTheIndexes_data()
    {
        QTest::addColumn<int>("jobs");
        QTest::newRow("one job") << 1;
        QTest::newRow("2 jobs") << 2;
    }

    // The rows as the manifest counted them, to the end, then every index and constraint.
    void progressGoesThroughTheDataThenTheIndexes()
    {
        QFETCH(int, jobs);
        const QString source = m_backups.value(int(BackupFormat::Custom));
        const BackupManifest manifest = BackupManifest::load(BackupManifest::pathFor(source)).value();
        QList<JobProgress> seen;
        RestoreOptions options;
        options.source = source;
        options.targetDatabase = newName(QStringLiteral("progress%1").arg(jobs));
        options.jobs = jobs;
        JobRunner runner;
        connect(&runner, &JobRunner::progressChanged, this,
                [&seen](JobId, const JobProgress &progress) { seen << progress; });
        runner.submit(std::make_shared<RestoreJob>(m_server, options));
        QVERIFY(runner.waitForIdle(120000));

        // Every table's data in the archive, at its manifest count (this tool's own nrdb tables have none).
        ChildCommand list(QStringLiteral("pg_restore"), {QStringLiteral("--list"), source});
        qint64 rows = 0;
        for (const qint64 weight :
             tableDataWeights(list.run().value().standardOutput.split(QLatin1Char('\n')), manifest.rowCounts))
            rows += weight;
        QVERIFY(rows > 500);
        const auto isData = [](const JobProgress &p) { return p.phase == QLatin1String("Restoring data"); };
        const auto isIndexes = [](const JobProgress &p) {
            return p.phase == QLatin1String("Creating indexes and constraints");
        };
        const auto lastData = std::find_if(seen.crbegin(), seen.crend(), isData);
        const auto firstIndexes = std::find_if(seen.cbegin(), seen.cend(), isIndexes);
        QVERIFY(lastData != seen.crend() && firstIndexes != seen.cend());
        QCOMPARE(lastData->total, rows);
        QCOMPARE(lastData->done, rows);
        QVERIFY(std::distance(seen.cbegin(), firstIndexes) > std::distance(lastData, seen.crend()) - 1);
        QVERIFY(firstIndexes->total > 20); // NetRaven's indexes, keys and foreign keys
        const auto lastIndexes = std::find_if(seen.crbegin(), seen.crend(), isIndexes);
        QCOMPARE(lastIndexes->done, lastIndexes->total);
        QList<qint64> dataDone;
        for (const JobProgress &p : std::as_const(seen))
            if (isData(p))
                dataDone << p.done;
        QVERIFY(std::is_sorted(dataDone.cbegin(), dataDone.cend()));
    }

    // A plain backup's restore moves with the part of the file psql has been given.
    void plainRestoreProgressFollowsTheFile()
    {
        const QString source = m_backups.value(int(BackupFormat::PlainGzip));
        RestoreOptions options;
        options.source = source;
        options.targetDatabase = newName(QStringLiteral("plainprogress"));
        QList<qint64> done;
        qint64 total = 0;
        JobRunner runner;
        connect(&runner, &JobRunner::progressChanged, this, [&](JobId, const JobProgress &progress) {
            if (progress.phase == QLatin1String("Restoring") && progress.total > 0) {
                done << progress.done;
                total = progress.total;
            }
        });
        runner.submit(std::make_shared<RestoreJob>(m_server, options));
        QVERIFY(runner.waitForIdle(120000));
        QCOMPARE(total, QFileInfo(source).size());
        QVERIFY(!done.isEmpty());
        QCOMPARE(done.last(), total);
        QVERIFY(std::is_sorted(done.cbegin(), done.cend()));
    }

    void anExistingDatabaseIsReplacedOnlyByName()
    {
        const QString name = newName(QStringLiteral("existing"));
        QVERIFY(restore(m_backups.value(int(BackupFormat::Custom)), name));
        test::queryValue(profileFor(name), QStringLiteral("DELETE FROM netraven.devices"));

        const auto refused = restore(m_backups.value(int(BackupFormat::Custom)), name);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QLatin1String("exists")));
        const auto misspelt =
            restore(m_backups.value(int(BackupFormat::Custom)), name, true, name + QStringLiteral("x"));
        QVERIFY(!misspelt);
        QCOMPARE(test::queryValue(profileFor(name), QStringLiteral("SELECT count(*) FROM netraven.devices")),
                 QStringLiteral("0"));

        const auto replaced = restore(m_backups.value(int(BackupFormat::Custom)), name, true, name);
        QVERIFY2(replaced, qPrintable(replaced ? QString() : replaced.error().fullText()));
        QVERIFY(QFile::exists(replaced.value()->result().safetyBackupPath));
        QCOMPARE(test::queryValue(profileFor(name), QStringLiteral("SELECT count(*) FROM netraven.devices")),
                 QStringLiteral("500"));
        QCOMPARE(test::queryValue(m_scratch.server().profile(),
                                  QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE '%_replaced_%'")),
                 QStringLiteral("0"));
    }

    // Replace with the safety backup's directory on a small filesystem, free space stepped by a
    // page around the safety archive's size: either the safety backup is whole (pg_restore reads
    // it through, its manifest holds its checksum) and the database is replaced, or the job fails
    // and the database keeps its rows, with no file, no staging copy and no set-aside copy left.
    void aReplaceWhoseSafetyBackupCannotBeWrittenLeavesTheDatabase()
    {
        const QString name = newName(QStringLiteral("full"));
        QVERIFY(restore(m_backups.value(int(BackupFormat::Custom)), name));
        const auto markAsBefore = [&] {
            return test::queryValues(profileFor(name),
                                     QStringLiteral("DELETE FROM netraven.devices WHERE hostname <> 'r1'"))
                .isEmpty();
        };
        const auto devices = [&] {
            return test::queryValue(profileFor(name), QStringLiteral("SELECT count(*) FROM netraven.devices"));
        };
        QVERIFY(markAsBefore());
        RestoreOptions options;
        options.source = m_backups.value(int(BackupFormat::Custom));
        options.targetDatabase = name;
        options.replaceExisting = true;
        options.confirmedName = name;
        QTemporaryDir probeDir;
        options.safetyBackupDirectory = probeDir.path();
        const auto probe = run(std::make_shared<RestoreJob>(m_server, options));
        QVERIFY2(probe, qPrintable(probe ? QString() : probe.error().fullText()));
        const qint64 safety = QFileInfo(probe.value()->result().safetyBackupPath).size();
        QVERIFY(markAsBefore());

        test::SmallFilesystem small;
        if (const QString why = small.mount(safety + 256 * 1024); !why.isEmpty())
            QSKIP(qPrintable(why));
        options.safetyBackupDirectory = small.filePath(QStringLiteral("safety"));
        QVERIFY(QDir().mkpath(options.safetyBackupDirectory));
        const QString copiesLeft = QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE "
                                                  "'%1\\_restoring\\_%' OR datname LIKE '%1\\_replaced\\_%'")
                                       .arg(name);
        int succeeded = 0;
        int failed = 0;
        for (qint64 free = safety - 3 * 4096; free <= safety + 5 * 4096; free += 4096) {
            QVERIFY(small.fillLeaving(qMax<qint64>(0, free)));
            const auto replaced = run(std::make_shared<RestoreJob>(m_server, options));
            const QDir safetyDir(options.safetyBackupDirectory);
            const QStringList left = safetyDir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
            if (replaced) {
                ++succeeded;
                const QString kept = replaced.value()->result().safetyBackupPath;
                QVERIFY(archivecheck::pgRestoreWhole(ClientTools::forServer(0).value(), kept));
                QCOMPARE(BackupManifest::load(BackupManifest::pathFor(kept)).value().sha256, sha256Of(kept).value());
                QCOMPARE(left.size(), 2);
                QCOMPARE(devices(), QStringLiteral("500"));
                QVERIFY(markAsBefore());
            } else {
                ++failed;
                QVERIFY2(left.isEmpty(),
                         qPrintable(QStringLiteral("free %1: %2 left").arg(free).arg(left.join(QStringLiteral(", ")))));
                QCOMPARE(devices(), QStringLiteral("1"));
            }
            QCOMPARE(test::queryValue(m_scratch.server().profile(), copiesLeft), QStringLiteral("0"));
            for (const QString &file : left)
                QFile::remove(safetyDir.filePath(file));
            small.removeFiller();
        }
        qInfo("safety archive of %lld bytes: %d replaces succeeded with it whole, %d failed and changed nothing",
              safety, succeeded, failed);
        QVERIFY(failed > 0);
        QVERIFY(succeeded > 0);
    }

    // A write job on the database being replaced waits until the restore is done with it, though
    // the restore's own connection is to "postgres".
    void aWriteOnTheReplacedDatabaseWaitsForTheRestore()
    {
        const QString name = newName(QStringLiteral("held"));
        QVERIFY(restore(m_backups.value(int(BackupFormat::Custom)), name));
        RestoreOptions options;
        options.source = m_backups.value(int(BackupFormat::Custom));
        options.targetDatabase = name;
        options.replaceExisting = true;
        options.confirmedName = name;
        options.safetyBackupDirectory = m_dir.filePath(QStringLiteral("safety"));
        JobRunner runner;
        QList<QPair<JobId, QString>> events;
        connect(&runner, &JobRunner::started, this,
                [&events](JobId id) { events << qMakePair(id, QStringLiteral("started")); });
        connect(&runner, &JobRunner::finished, this,
                [&events](JobId id) { events << qMakePair(id, QStringLiteral("finished")); });
        const JobId restoring = runner.submit(std::make_shared<RestoreJob>(m_server, options));
        const JobId writing = runner.submit(std::make_shared<test::StatementJob>(
            QStringLiteral("Write"), JobAccess::Write, profileFor(name), QStringList{QStringLiteral("SELECT 1")}));
        QVERIFY(runner.waitForIdle(120000));
        QCOMPARE(runner.state(restoring), JobState::Succeeded);
        QCOMPARE(runner.state(writing), JobState::Succeeded);
        QVERIFY2(events.indexOf(qMakePair(restoring, QStringLiteral("finished"))) <
                     events.indexOf(qMakePair(writing, QStringLiteral("started"))),
                 "the write on the database being replaced ran beside its restore");
    }

    // The server stops at once (pg_ctl stop -m immediate) while a backup's pg_dump waits on a lock,
    // and while a restore's pg_restore copies rows; and a pg_restore is killed: none is called a
    // success, the backup leaves no file, the killed restore drops its copy, and the copy the
    // restore cannot drop with the server gone carries its marker and is named.
    void aKilledPgRestoreOrAVanishingServerIsNoSuccess()
    {
        SandboxCluster sandbox;
        QVERIFY2(sandbox.start(), "no private server");
        const SandboxState &state = sandbox.state();
        const ConnectionProfile source = state.profile(QStringLiteral("gone_source"));
        QTemporaryDir dir;
        BackupOptions backup;
        backup.outputDirectory = dir.path();
        backup.format = BackupFormat::Custom;
        backup.compression = 0;
        const QString archive = largeBackupOf(source, backup);
        QVERIFY(!archive.isEmpty());

        // A backup whose pg_dump waits on a table lock when the server goes.
        {
            QTemporaryDir failing;
            DatabaseSession holder;
            QVERIFY(holder.open(source));
            QSqlQuery lock(holder.database());
            QVERIFY(lock.exec(QStringLiteral("BEGIN")) &&
                    lock.exec(QStringLiteral("LOCK TABLE small IN ACCESS EXCLUSIVE MODE")));
            BackupOptions options = backup;
            options.outputDirectory = failing.path();
            JobRunner runner;
            const JobId id = runner.submit(std::make_shared<BackupJob>(source, options));
            QTRY_VERIFY_WITH_TIMEOUT(
                test::queryValue(
                    source, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) !=
                    QLatin1String("0"),
                30000);
            QVERIFY(test::stopServerNow(state));
            QVERIFY(runner.waitForIdle(60000));
            QCOMPARE(runner.state(id), JobState::Failed);
            QCOMPARE(QDir(failing.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                     QStringList());
        }
        QVERIFY(test::startServerAgain(state));

        // A restore whose pg_restore is killed while it copies rows: a failure, and nothing left.
        const QString copying =
            QStringLiteral("SELECT count(*) FROM pg_stat_progress_copy c JOIN pg_database d ON d.oid = c.datid "
                           "WHERE d.datname LIKE 'gone\\_target\\_restoring\\_%'");
        {
            RestoreOptions options;
            options.source = archive;
            options.targetDatabase = QStringLiteral("gone_target");
            QCOMPARE(endWithItsPgRestoreKilled(std::make_shared<RestoreJob>(state.profile(), options), state.profile(),
                                               archive, copying),
                     JobState::Failed);
            QCOMPARE(test::queryValues(
                         state.profile(),
                         QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE 'gone\\_target%'")),
                     QStringList());
        }

        // A restore whose pg_restore is copying rows when the server goes.
        RestoreOptions options;
        options.source = archive;
        options.targetDatabase = QStringLiteral("gone_target");
        const std::optional<temporarydatabase::Marker> marker = leftWhenTheServerStops(
            std::make_shared<RestoreJob>(state.profile(), options), state,
            QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE 'gone\\_target%'"), copying);
        QVERIFY(marker);
        QCOMPARE(marker->purpose, QStringLiteral("restore staging"));
        QCOMPARE(marker->forDatabase, options.targetDatabase);
    }

    // A proof whose pg_restore is killed while it copies rows fails and leaves no scratch copy;
    // one whose server stops at once fails, and the scratch copy it cannot drop with the server
    // gone carries its marker and is named, with what drops it.
    void aProofWhoseRestoreIsKilledOrWhoseServerGoesIsNoSuccess()
    {
        SandboxCluster sandbox;
        QVERIFY2(sandbox.start(), "no private server");
        const SandboxState &state = sandbox.state();
        QTemporaryDir dir;
        BackupOptions backup;
        backup.outputDirectory = dir.path();
        backup.format = BackupFormat::Custom;
        backup.compression = 0;
        const QString archive = largeBackupOf(state.profile(QStringLiteral("proof_source")), backup);
        QVERIFY(!archive.isEmpty());
        const QString scratches =
            QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE 'nrdb\\_prove\\_%'");
        const QString copying =
            QStringLiteral("SELECT count(*) FROM pg_stat_progress_copy c JOIN pg_database d ON d.oid = c.datid "
                           "WHERE d.datname LIKE 'nrdb\\_prove\\_%'");
        {
            QCOMPARE(endWithItsPgRestoreKilled(std::make_shared<ProveRestorableJob>(state.profile(), archive, false),
                                               state.profile(), archive, copying),
                     JobState::Failed);
            QCOMPARE(test::queryValues(state.profile(), scratches), QStringList());
            QVERIFY(BackupManifest::load(BackupManifest::pathFor(archive)).value().proof.isEmpty());
        }

        const std::optional<temporarydatabase::Marker> marker = leftWhenTheServerStops(
            std::make_shared<ProveRestorableJob>(state.profile(), archive, false), state, scratches, copying);
        QVERIFY(marker);
        QCOMPARE(marker->purpose, QStringLiteral("proof scratch"));
        QVERIFY(BackupManifest::load(BackupManifest::pathFor(archive)).value().proof.isEmpty());
    }

    void brokenBackupsLeaveTheTargetAlone()
    {
        QTemporaryDir dir;
        ChildCommand emptyGzip(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"), QStringLiteral("printf '' | gzip > '%1/empty.sql.gz'").arg(dir.path())});
        QCOMPARE(emptyGzip.run().value().exitCode, 0);
        QFile original(m_backups.value(int(BackupFormat::Custom)));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QFile truncated(dir.filePath(QStringLiteral("truncated.dump")));
        QVERIFY(truncated.open(QIODevice::WriteOnly));
        truncated.write(original.readAll().left(4000));
        truncated.close();
        QFile text(dir.filePath(QStringLiteral("notes.sql")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("SELECT 1;\n");
        text.close();

        const QString existing = newName(QStringLiteral("untouched"));
        QVERIFY(restore(m_backups.value(int(BackupFormat::Custom)), existing));
        for (const QString &file :
             {dir.filePath(QStringLiteral("empty.sql.gz")), truncated.fileName(), text.fileName()}) {
            const auto refused = restore(file, existing, true, existing);
            QVERIFY2(!refused, qPrintable(file));
            QVERIFY2(refused.error().message.contains(file), qPrintable(refused.error().message));
            QCOMPARE(test::queryValue(profileFor(existing), QStringLiteral("SELECT count(*) FROM netraven.devices")),
                     QStringLiteral("500"));
            const QString fresh = newName(QStringLiteral("never"));
            QVERIFY(!restore(file, fresh));
            QCOMPARE(
                test::queryValue(m_scratch.server().profile(),
                                 QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = '%1'").arg(fresh)),
                QStringLiteral("0"));
        }
    }

    // One byte changed after the backup was made: its manifest's SHA-256 says so before anything is
    // created, and the database it would replace keeps its rows.
    void aBackupThatDiffersFromItsManifestIsRefused()
    {
        QVERIFY(
            test::queryValues(m_scratch.profile(),
                              QStringLiteral("UPDATE netraven.devices SET hostname = 'marker-host' WHERE id = 'd7'"))
                .isEmpty());
        QTemporaryDir dir;
        BackupOptions options;
        options.outputDirectory = dir.path();
        options.format = BackupFormat::Custom;
        options.compression = 0; // the rows as text, as an edit would find them
        const auto backup = run(std::make_shared<BackupJob>(m_scratch.profile(), options));
        QVERIFY(test::queryValues(m_scratch.profile(),
                                  QStringLiteral("UPDATE netraven.devices SET hostname = 'r7' WHERE id = 'd7'"))
                    .isEmpty());
        QVERIFY(backup);
        const QString path = backup.value()->result().path;
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        const qsizetype at = bytes.indexOf("marker-host");
        QVERIFY(at > 0);
        bytes[at] = 'M';
        QVERIFY(file.seek(0) && file.write(bytes) == bytes.size());
        file.close();

        const QString existing = newName(QStringLiteral("kept"));
        QVERIFY(restore(m_backups.value(int(BackupFormat::Custom)), existing));
        QVERIFY(test::queryValues(profileFor(existing), QStringLiteral("DELETE FROM netraven.devices WHERE id <> 'd1'"))
                    .isEmpty());
        const auto refused = restore(path, existing, true, existing);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("SHA-256 differs")),
                 qPrintable(refused.error().message));
        QCOMPARE(test::queryValue(profileFor(existing), QStringLiteral("SELECT count(*) FROM netraven.devices")),
                 QStringLiteral("1"));
        QCOMPARE(stagingDatabases(), QStringLiteral("0"));

        // A manifest that cannot be read is a refusal, not a pass.
        QFile manifest(BackupManifest::pathFor(path));
        QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
        manifest.close();
        const auto unreadable = restore(path, newName(QStringLiteral("nomanifest")));
        QVERIFY(!unreadable);
        QVERIFY2(unreadable.error().message.startsWith(QLatin1String("The backup's manifest cannot be read")),
                 qPrintable(unreadable.error().message));
        QCOMPARE(stagingDatabases(), QStringLiteral("0"));
    }

    // Names PostgreSQL would not keep as given are refused before anything runs.
    void badTargetNamesAreRefusedFirst_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QString() << QStringLiteral("A database needs a name");
        QTest::newRow("70 bytes") << QString(70, QLatin1Char('n'))
                                  << QStringLiteral("is 70 bytes long; PostgreSQL keeps 63");
        QTest::newRow("64 bytes in 32 characters") << QString(32, QChar(0x00e9)) << QStringLiteral("is 64 bytes long");
    }

    void badTargetNamesAreRefusedFirst()
    {
        QFETCH(QString, name);
        QFETCH(QString, message);
        const auto refused = restore(m_backups.value(int(BackupFormat::Custom)), name);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(message), qPrintable(refused.error().message));
        QCOMPARE(stagingDatabases(), QStringLiteral("0"));
    }

    // NetRaven's own backups: plain SQL, gzip, objects owned by a role "netraven" this server lacks.
    void netravenStylePlainDump()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("netraven_20250403_172421.sql.gz"));
        makeNetravenStyleDump(path, QString());
        const QString name = newName(QStringLiteral("script"));
        const auto restored = restore(path, name);
        QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().fullText()));
        QCOMPARE(restored.value()->result().missingRoles, QStringList{QStringLiteral("netraven")});
        QVERIFY(restored.value()->result().ownershipSkipped);
        QCOMPARE(test::queryValue(profileFor(name), QStringLiteral("SELECT count(*) FROM netraven.devices")),
                 QStringLiteral("500"));
        QCOMPARE(test::queryValue(profileFor(name),
                                  QStringLiteral("SELECT tableowner FROM pg_tables WHERE tablename = 'devices'")),
                 m_server.user);
    }

    void anyErrorIsAFailure()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.sql.gz"));
        makeNetravenStyleDump(path, QStringLiteral("SELECT no_such_function();\nSELECT no_such_function();\n"));
        const QString name = newName(QStringLiteral("errors"));
        const auto failed = restore(path, name);
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains(QLatin1String("2 error(s)")), qPrintable(failed.error().message));
        QVERIFY2(
            failed.error().detail.startsWith(QStringLiteral("2 × ERROR:  function no_such_function() does not exist")),
            qPrintable(failed.error().detail));
        QCOMPARE(
            test::queryValue(m_scratch.server().profile(),
                             QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE '%1%'").arg(name)),
            QStringLiteral("0"));
    }

    // A cancel while the restore runs drops the half-restored database: its DROP is on a
    // connection of its own, which the repeated server-side cancel of the job does not reach.
    void cancelLeavesNoHalfRestoredDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("slow.sql.gz"));
        makeNetravenStyleDump(path, QStringLiteral("SELECT pg_sleep(60);\n"));
        RestoreOptions options;
        options.source = path;
        options.targetDatabase = newName(QStringLiteral("cancelled"));
        auto job = std::make_shared<RestoreJob>(m_server, options);
        JobRunner runner;
        JobState state = JobState::Queued;
        connect(&runner, &JobRunner::finished, this, [&state](JobId, JobState ended, const Error &) { state = ended; });
        const JobId id = runner.submit(job);
        QTRY_COMPARE_WITH_TIMEOUT(
            test::queryValue(
                m_scratch.server().profile(),
                QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'")),
            QStringLiteral("1"), 30000);
        runner.cancel(id);
        QVERIFY(runner.waitForIdle(30000));
        QCOMPARE(state, JobState::Cancelled);
        QCOMPARE(stagingDatabases(), QStringLiteral("0"));
        QCOMPARE(
            test::queryValue(
                m_scratch.server().profile(),
                QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = '%1'").arg(options.targetDatabase)),
            QStringLiteral("0"));
    }

    void proveRestorable()
    {
        for (const bool inSandbox : {false, true}) {
            const QString backup = m_backups.value(int(inSandbox ? BackupFormat::Directory : BackupFormat::Custom));
            const auto proved = run(std::make_shared<ProveRestorableJob>(m_server, backup, inSandbox));
            QVERIFY2(proved, qPrintable(proved ? QString() : proved.error().fullText()));
            const ProofReport &report = proved.value()->result();
            QVERIFY2(report.ok, qPrintable(report.summary()));
            QCOMPARE(report.verifyVerdict, QStringLiteral("Matches netraven-v1 at version 1"));
            const BackupManifest manifest = BackupManifest::load(BackupManifest::pathFor(backup)).value();
            QCOMPARE(manifest.proof.value(QStringLiteral("ok")).toBool(), true);
            QCOMPARE(manifest.proof.value(QStringLiteral("where")).toString(),
                     inSandbox ? QStringLiteral("sandbox") : m_server.displayName());
        }
        QCOMPARE(test::queryValue(m_scratch.server().profile(),
                                  QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE 'nrdb_prove_%'")),
                 QStringLiteral("0"));
    }

    // The source had drifted when it was backed up: the proof restores it perfectly and says so;
    // a difference the manifest did not record fails it.
    void proofHoldsTheBackupToTheSourceItWasTakenFrom()
    {
        QVERIFY(
            test::queryValues(m_scratch.profile(), QStringLiteral("DROP INDEX netraven.ix_backups_status")).isEmpty());
        QTemporaryDir dir;
        BackupOptions options;
        options.outputDirectory = dir.path();
        options.format = BackupFormat::Custom;
        const auto backup = run(std::make_shared<BackupJob>(m_scratch.profile(), options));
        QVERIFY(
            test::queryValues(m_scratch.profile(),
                              QStringLiteral("CREATE INDEX ix_backups_status ON netraven.backups USING btree (status)"))
                .isEmpty());
        QVERIFY(backup);
        const QString path = backup.value()->result().path;
        QCOMPARE(backup.value()->result().manifest.modelDifferences,
                 QStringList{QStringLiteral("missing index ix_backups_status on backups")});

        const auto proved = run(std::make_shared<ProveRestorableJob>(m_server, path, false));
        QVERIFY(proved);
        QVERIFY2(proved.value()->result().ok, qPrintable(proved.value()->result().summary()));
        QVERIFY2(proved.value()->result().verifyVerdict.startsWith(
                     QLatin1String("the schema as it was when backed up (1 difference from netraven-v1")),
                 qPrintable(proved.value()->result().verifyVerdict));

        BackupManifest manifest = BackupManifest::load(BackupManifest::pathFor(path)).value();
        manifest.modelDifferences.clear(); // as if the source had matched its pack then
        QVERIFY(manifest.save(BackupManifest::pathFor(path)));
        const auto failed = run(std::make_shared<ProveRestorableJob>(m_server, path, false));
        QVERIFY(failed);
        QVERIFY(!failed.value()->result().ok);
        QVERIFY2(failed.value()->result().summary().contains(
                     QLatin1String("that the source did not have: missing index ix_backups_status on backups")),
                 qPrintable(failed.value()->result().summary()));
    }

    void proofFindsWhatIsWrong()
    {
        QTemporaryDir dir;
        const QString original = m_backups.value(int(BackupFormat::Custom));
        const QString copy = dir.filePath(QFileInfo(original).fileName());
        QVERIFY(QFile::copy(original, copy));
        QVERIFY(QFile::copy(BackupManifest::pathFor(original), BackupManifest::pathFor(copy)));

        BackupManifest manifest = BackupManifest::load(BackupManifest::pathFor(copy)).value();
        manifest.rowCounts[QStringLiteral("netraven.devices")] = 499;
        QVERIFY(manifest.save(BackupManifest::pathFor(copy)));
        const auto miscounted = run(std::make_shared<ProveRestorableJob>(m_server, copy, false));
        QVERIFY(miscounted);
        QVERIFY(!miscounted.value()->result().ok);
        QCOMPARE(miscounted.value()->result().countMismatches,
                 QStringList{QStringLiteral("netraven.devices: manifest 499, restored 500")});

        QFile tamper(copy);
        QVERIFY(tamper.open(QIODevice::Append));
        tamper.write("x");
        tamper.close();
        const auto tampered = run(std::make_shared<ProveRestorableJob>(m_server, copy, false));
        QVERIFY(tampered);
        QVERIFY(!tampered.value()->result().checksumMatches);
        QCOMPARE(tampered.value()->result().summary(),
                 QStringLiteral("Not proven: the file's SHA-256 differs from its manifest"));
        QCOMPARE(
            BackupManifest::load(BackupManifest::pathFor(copy)).value().proof.value(QStringLiteral("ok")).toBool(true),
            false);
    }

private:
    Result<std::shared_ptr<RestoreJob>> restore(const QString &source, const QString &database, bool replace = false,
                                                const QString &confirm = {})
    {
        RestoreOptions options;
        options.source = source;
        options.targetDatabase = database;
        options.replaceExisting = replace;
        options.confirmedName = confirm;
        options.safetyBackupDirectory = m_dir.filePath(QStringLiteral("safety"));
        return run(std::make_shared<RestoreJob>(m_server, options));
    }

    // pg_dump's plain output of the test database with every owner renamed to netraven, and
    // extra statements in the middle, gzipped as NetRaven's backup_db.sh writes it.
    void makeNetravenStyleDump(const QString &path, const QString &extra)
    {
        ChildCommand dump(QStringLiteral("/bin/sh"),
                          {QStringLiteral("-c"), QStringLiteral("PGPASSFILE='%1' pg_dump -h %2 -p %3 -U %4 %5")
                                                     .arg(m_scratch.server().passFile, m_server.host, m_server.port,
                                                          m_server.user, m_scratch.name())});
        QString sql = dump.run().value().standardOutput;
        sql.replace(QStringLiteral("OWNER TO %1;").arg(m_server.user), QStringLiteral("OWNER TO netraven;"));
        sql.replace(QStringLiteral("\n--\n-- PostgreSQL database dump complete"),
                    QLatin1Char('\n') + extra + QStringLiteral("--\n-- PostgreSQL database dump complete"));
        QFile file(path + QStringLiteral(".sql"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(sql.toUtf8());
        file.close();
        ChildCommand gzip(QStringLiteral("/bin/sh"),
                          {QStringLiteral("-c"), QStringLiteral("gzip -c '%1' > '%2'").arg(file.fileName(), path)});
        QCOMPARE(gzip.run().value().exitCode, 0);
    }

    // A database of 800,000 rows (a restore copies them for seconds) and a small table, made on
    // the server `source` names, and its backup; empty if either failed.
    static QString largeBackupOf(const ConnectionProfile &source, const BackupOptions &options)
    {
        const ConnectionProfile server = databaseadmin::maintenanceOf(source);
        if (!test::queryValues(server, QStringLiteral("CREATE DATABASE %1").arg(source.database)).isEmpty() ||
            !test::queryValues(
                 source,
                 QStringLiteral(
                     "CREATE TABLE bulk AS SELECT g AS id, md5(g::text) AS a FROM generate_series(1, 800000) g"))
                 .isEmpty() ||
            !test::queryValues(source, QStringLiteral("CREATE TABLE small (id int)")).isEmpty())
            return {};
        const Result<std::shared_ptr<BackupJob>> backup = run(std::make_shared<BackupJob>(source, options));
        return backup ? backup.value()->result().path : QString();
    }

    // Runs job until the one pg_restore of archive copies rows (the query `copying` counts on
    // server), kills that pg_restore, and says how the job ended (Queued: it never got there).
    static JobState endWithItsPgRestoreKilled(const std::shared_ptr<Job> &job, const ConnectionProfile &server,
                                              const QString &archive, const QString &copying)
    {
        JobRunner runner;
        const JobId id = runner.submit(job);
        QDeadlineTimer deadline(30000);
        while (test::queryValue(server, copying) != QLatin1String("1")) {
            if (deadline.hasExpired())
                return JobState::Queued;
            QTest::qWait(50);
        }
        const QList<qint64> restorers = test::processesNaming(archive, QStringLiteral("pg_restore"));
        if (restorers.size() != 1)
            return JobState::Queued;
        ::kill(static_cast<pid_t>(restorers.first()), SIGKILL);
        runner.waitForIdle(60000);
        return runner.state(id);
    }

    // Runs job until its pg_restore copies rows (the query `copying` counts), stops the server at
    // once and starts it again. The job must have failed and left exactly one database (the query
    // `left` lists them), whose name and the way to clean it up its failure says. Returns that
    // database's marker; nothing when any of that does not hold (the test has failed then).
    std::optional<temporarydatabase::Marker> leftWhenTheServerStops(const std::shared_ptr<Job> &job,
                                                                    const SandboxState &state, const QString &left,
                                                                    const QString &copying)
    {
        JobRunner runner;
        Error failure;
        connect(&runner, &JobRunner::finished, this,
                [&failure](JobId, JobState, const Error &error) { failure = error; });
        const JobId id = runner.submit(job);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(test::queryValue(state.profile(), copying) == QLatin1String("1"), 30000);
            QVERIFY(test::stopServerNow(state));
            QVERIFY(runner.waitForIdle(60000));
            QCOMPARE(runner.state(id), JobState::Failed);
        }();
        const bool restarted = test::startServerAgain(state);
        if (QTest::currentTestFailed() || !restarted)
            return std::nullopt;
        const QStringList databases = test::queryValues(state.profile(), left);
        if (databases.size() != 1 || !failure.detail.contains(databases.first()) ||
            !failure.detail.contains(QLatin1String("netraven-dbctl cleanup"))) {
            qWarning("left %s; the failure said: %s", qPrintable(databases.join(QStringLiteral(", "))),
                     qPrintable(failure.fullText()));
            return std::nullopt;
        }
        const QString comment = test::queryValue(
            state.profile(),
            QStringLiteral("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '%1'")
                .arg(databases.first()));
        std::optional<temporarydatabase::Marker> marker = temporarydatabase::Marker::fromComment(comment);
        if (!marker || marker->pid != QCoreApplication::applicationPid()) {
            qWarning("the marker of %s is %s", qPrintable(databases.first()), qPrintable(comment));
            return std::nullopt;
        }
        return marker;
    }

    QString stagingDatabases() const
    {
        return test::queryValue(
            m_scratch.server().profile(),
            QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE '%\\_restoring\\_%'"));
    }

    QString newName(const QString &what)
    {
        const QString name = QStringLiteral("nrdb_restore_%1_%2").arg(what).arg(QCoreApplication::applicationPid());
        m_created << name;
        return name;
    }

    ConnectionProfile profileFor(const QString &database) const { return m_scratch.server().profile(database); }

    static QJsonObject schemaOf(const ConnectionProfile &profile)
    {
        DatabaseSession session;
        if (!session.open(profile))
            return {};
        return SchemaModel::fromSnapshot(CatalogReader::read(session.database()).value(), QStringLiteral("netraven"))
            .toJson();
    }

    test::ScratchDatabase m_scratch;
    ConnectionProfile m_server;
    QTemporaryDir m_dir;
    QMap<int, QString> m_backups;
    QStringList m_created;
};

QTEST_GUILESS_MAIN(TestRestore)
#include "tst_restore.moc"
