// Backups with the real pg_dump on the real server: formats, manifest, checks, cancel, secrets.
#include "processes.h"
#include "queries.h"
#include "scratchdatabase.h"
#include "smallfilesystem.h"

#include "backup/archivecheck.h"
#include "backup/backupcatalog.h"
#include "backup/clientenvironment.h"
#include "backup/clienttools.h"
#include "backup/initscript.h"
#include "backup/snapshotrowcounts.h"
#include "catalog/catalogreader.h"
#include "connection/databaseadmin.h"
#include "connection/databasesession.h"
#include "jobs/backupjob.h"
#include "jobs/initjob.h"
#include "jobs/jobrunner.h"
#include "jobs/seedjob.h"
#include "model/schemamodel.h"
#include "util/childprocess.h"

#include <QDirIterator>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <csignal>
#include <unistd.h>

using namespace nrdb;

class TestBackup : public QObject {
    Q_OBJECT
private slots:
    // NetRaven's prepare_init_schema.sh, line by line: what goes, what stays.
    void schemaDumpBecomesAnInitScript()
    {
        const QString dump =
            QStringLiteral("\\restrict AbC123\n"
                           "SET client_encoding = 'UTF8';\n"
                           "CREATE SCHEMA netraven;\n"
                           "CREATE SCHEMA IF NOT EXISTS other;\n"
                           "ALTER SCHEMA netraven OWNER TO netraven;\n"
                           "ALTER TABLE netraven.devices OWNER TO \"Some Role\";\n"
                           "ALTER TABLE ONLY netraven.devices ADD CONSTRAINT devices_pkey PRIMARY KEY (id);\n"
                           "-- Name: devices; Type: TABLE; Schema: netraven; Owner: netraven\n"
                           "\\unrestrict AbC123\n");
        const InitScript script = toInitScript(dump);
        QCOMPARE(script.restrictLinesRemoved, 2);
        QCOMPARE(script.ownerStatementsRemoved, 2);
        QCOMPARE(script.schemasMadeIdempotent, 1);
        QCOMPARE(script.text,
                 QStringLiteral("SET client_encoding = 'UTF8';\n"
                                "CREATE SCHEMA IF NOT EXISTS netraven;\n"
                                "CREATE SCHEMA IF NOT EXISTS other;\n"
                                "ALTER TABLE ONLY netraven.devices ADD CONSTRAINT devices_pkey PRIMARY KEY (id);\n"
                                "-- Name: devices; Type: TABLE; Schema: netraven; Owner: netraven\n"));
    }

    void initTestCase()
    {
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
        const ModelPack pack = ModelPack::builtIn(QStringLiteral("netraven-v1")).value();
        JobRunner runner;
        runner.submit(std::make_shared<InitJob>(m_scratch.profile(), pack));
        runner.submit(std::make_shared<SeedJob>(m_scratch.profile(), pack));
        QVERIFY(runner.waitForIdle(60000));
        QCOMPARE(
            test::queryValue(
                m_scratch.profile(),
                QStringLiteral("INSERT INTO netraven.devices (id, hostname, ip_address, device_type, owner_id) "
                               "SELECT 'd' || g, 'router-' || g, '10.0.' || (g / 250) || '.' || (g % 250), "
                               "'cisco_ios', (SELECT id FROM netraven.users LIMIT 1) FROM generate_series(1, 2000) g "
                               "RETURNING 0")),
            QStringLiteral("0"));
        const Result<ClientTools> tools = ClientTools::forServer(15);
        QVERIFY2(tools, qPrintable(tools ? QString() : tools.error().message));
        m_tools = tools.value();
    }

    void discoveryNamesWhatItFound()
    {
        QVERIFY(!ClientTools::discover().isEmpty());
        const Result<ClientTools> tooOld = ClientTools::forServer(99);
        QVERIFY(!tooOld);
        QVERIFY2(tooOld.error().message.contains(QLatin1String("needs pg_dump, pg_restore and psql 99 or newer")) &&
                     tooOld.error().message.contains(QStringLiteral("found only %1").arg(m_tools.versionText)),
                 qPrintable(tooOld.error().message));
    }

    // The tools speak English to us on a German desktop too: their progress and errors are read.
    void toolsAnswerInEnglish()
    {
        const QByteArray savedAll = qgetenv("LC_ALL");
        const QByteArray savedLanguage = qgetenv("LANGUAGE");
        qputenv("LC_ALL", "C.UTF-8");
        qputenv("LANGUAGE", "de");
        const ClientEnvironment environment =
            ClientEnvironment::create(m_scratch.profile(), QStringLiteral("test")).value();
        for (const auto &[name, value] : {std::pair{"LC_ALL", savedAll}, std::pair{"LANGUAGE", savedLanguage}})
            value.isNull() ? qunsetenv(name) : qputenv(name, value);
        QCOMPARE(environment.environment().value(QStringLiteral("LANG")), QStringLiteral("C.UTF-8"));
        ChildCommand help(m_tools.pgDump(), {QStringLiteral("--help")}, {}, environment.environment());
        QVERIFY2(help.run().value().standardOutput.startsWith(QLatin1String("pg_dump dumps a database")),
                 "pg_dump answered in another language");
    }

    // The password reaches the tools in a file that lives only in memory, and the child that is
    // meant to read it is the only one that can: its own /proc/self/fd/N, nobody else's.
    void thePasswordNeverTouchesTheDisk()
    {
        QVERIFY(!m_scratch.profile().password.isEmpty());
        const ClientEnvironment environment =
            ClientEnvironment::create(m_scratch.profile(), QStringLiteral("test")).value();
        const QString passFile = environment.environment().value(QStringLiteral("PGPASSFILE"));
        QVERIFY2(passFile.startsWith(QLatin1String("/proc/self/fd/")), qPrintable(passFile));
        const QString own = QStringLiteral("/proc/%1/fd/%2")
                                .arg(QCoreApplication::applicationPid())
                                .arg(passFile.section(QLatin1Char('/'), -1));
        QVERIFY2(QFile::symLinkTarget(own).contains(QLatin1String("memfd:pgpass")),
                 qPrintable(QFile::symLinkTarget(own)));
        // The child named by the environment reads it...
        ChildCommand reader(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("cat \"$PGPASSFILE\"")},
                            {}, environment.environment());
        QVERIFY(reader.run().value().standardOutput.contains(m_scratch.profile().password));
        // ...and a child started without it has no such descriptor.
        ChildCommand other(QStringLiteral("/bin/sh"),
                           {QStringLiteral("-c"), QStringLiteral("cat %1 2>/dev/null; true").arg(passFile)});
        QCOMPARE(other.run().value().standardOutput, QString());
        // A real tool authenticates with it.
        ChildCommand psql(m_tools.psql(),
                          {QStringLiteral("--no-password"), QStringLiteral("-X"), QStringLiteral("-At"),
                           QStringLiteral("-c"), QStringLiteral("SELECT 42")},
                          {}, environment.environment());
        QCOMPARE(psql.run().value().standardOutput.trimmed(), QStringLiteral("42"));
    }

    // The checksum in the manifest is the one sha256sum gives, also across read chunks.
    void checksumIsSha256sums()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("archive.dump")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 300000; ++i)
            file.write(QByteArray::number(qint64(i) * 7919) + (i % 3 ? ' ' : '\n'));
        file.close();
        QVERIFY(file.size() > 2 << 20);
        ChildCommand sha256sum(QStringLiteral("sha256sum"), {file.fileName()});
        const QString expected = sha256sum.run().value().standardOutput.section(QLatin1Char(' '), 0, 0);
        QCOMPARE(expected.size(), 64);
        QCOMPARE(sha256Of(file.fileName()).value(), expected);
    }

    // Rows committed after the dump's snapshot was taken are not counted, whenever the counting
    // connection starts.
    void rowCountsAreThoseOfTheExportedSnapshot()
    {
        DatabaseSession exporter;
        QVERIFY(exporter.open(m_scratch.profile()));
        QSqlQuery query(exporter.database());
        QVERIFY(query.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")));
        QVERIFY(query.exec(QStringLiteral("SELECT pg_export_snapshot()")) && query.next());
        const QString snapshotId = query.value(0).toString();
        QCOMPARE(test::queryValue(
                     m_scratch.profile(),
                     QStringLiteral("INSERT INTO netraven.devices (id, hostname, ip_address, device_type, owner_id) "
                                    "SELECT 'late', 'late', '10.9.9.9', 'cisco_ios', owner_id FROM netraven.devices "
                                    "LIMIT 1 RETURNING id")),
                 QStringLiteral("late"));
        const QVector<TableName> tables{{QStringLiteral("netraven"), QStringLiteral("devices")},
                                        {QStringLiteral("netraven"), QStringLiteral("admin_settings")}};
        const Result<QMap<QString, qint64>> counts = countRowsInSnapshot(m_scratch.profile(), snapshotId, tables);
        QVERIFY2(counts, qPrintable(counts ? QString() : counts.error().fullText()));
        QCOMPARE(counts.value(), (QMap<QString, qint64>{{QStringLiteral("netraven.devices"), 2000},
                                                        {QStringLiteral("netraven.admin_settings"), 22}}));
        QCOMPARE(countRows(exporter.database(), tables).value(), counts.value());
        QCOMPARE(test::queryValue(m_scratch.profile(), QStringLiteral("SELECT count(*) FROM netraven.devices")),
                 QStringLiteral("2001"));
        QVERIFY(query.exec(QStringLiteral("COMMIT")));
        test::queryValue(m_scratch.profile(), QStringLiteral("DELETE FROM netraven.devices WHERE id = 'late'"));
        QVERIFY(
            !countRowsInSnapshot(m_scratch.profile(), snapshotId, tables)); // the snapshot ended with its transaction
    }

    void eachFormatRoundTrips_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("extension");
        QTest::newRow("custom") << int(BackupFormat::Custom) << QStringLiteral(".dump");
        QTest::newRow("directory") << int(BackupFormat::Directory) << QStringLiteral(".dir");
        QTest::newRow("plain gzip") << int(BackupFormat::PlainGzip) << QStringLiteral(".sql.gz");
    }

    void eachFormatRoundTrips()
    {
        QFETCH(int, format);
        QFETCH(QString, extension);
        QTemporaryDir dir;
        BackupOptions options;
        options.outputDirectory = dir.path();
        options.format = static_cast<BackupFormat>(format);
        options.jobs = 2;
        const Result<BackupResult> backup = runBackup(options);
        QVERIFY2(backup, qPrintable(backup ? QString() : backup.error().fullText()));
        const BackupManifest &manifest = backup.value().manifest;
        QVERIFY(QRegularExpression(
                    QStringLiteral("^%1_\\d{8}_\\d{6}%2$").arg(m_scratch.name(), QRegularExpression::escape(extension)))
                    .match(manifest.fileName)
                    .hasMatch());
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 (QStringList{manifest.fileName, manifest.fileName + QStringLiteral(".manifest.json")}));
        QCOMPARE(manifest.sha256, sha256Of(backup.value().path).value());
        QCOMPARE(manifest.rowCounts.value(QStringLiteral("netraven.devices")), 2000);
        QCOMPARE(manifest.rowCounts.value(QStringLiteral("netraven.admin_settings")), 22);
        QCOMPARE(manifest.modelPack, QStringLiteral("netraven-v1"));
        QCOMPARE(manifest.modelVersion, 1);
        QCOMPARE(BackupManifest::load(backup.value().manifestPath).value().toJson(), manifest.toJson());

        // The default gzip level reached pg_dump: in the archive's header, or gzip's "fastest" flag.
        QCOMPARE(manifest.options.value(QStringLiteral("compression")).toInt(), kDefaultCompression);
        if (static_cast<BackupFormat>(format) == BackupFormat::PlainGzip) {
            QFile gzip(backup.value().path);
            QVERIFY(gzip.open(QIODevice::ReadOnly));
            QCOMPARE(int(gzip.read(10).at(8)), 4); // XFL 4: compressed with the fastest algorithm
        } else {
            ChildCommand list(m_tools.pgRestore(), {QStringLiteral("--list"), backup.value().path});
            QVERIFY(list.run().value().standardOutput.contains(
                QStringLiteral(";     Compression: %1\n").arg(kDefaultCompression)));
        }

        // Restored with the raw tools into an empty database: the same rows and the same schema.
        test::ScratchDatabase copy(
            QStringLiteral("restore_") +
            QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')));
        QVERIFY(copy.create());
        const ClientEnvironment environment =
            ClientEnvironment::create(copy.profile(), QStringLiteral("test restore")).value();
        ChildCommand restore =
            static_cast<BackupFormat>(format) == BackupFormat::PlainGzip
                ? ChildCommand(QStringLiteral("/bin/sh"),
                               {QStringLiteral("-c"), QStringLiteral("gzip -dc '%1' | '%2' -X -q -v ON_ERROR_STOP=1")
                                                          .arg(backup.value().path, m_tools.psql())},
                               {}, environment.environment())
                : ChildCommand(m_tools.pgRestore(),
                               {QStringLiteral("--exit-on-error"), QStringLiteral("--dbname=") + copy.name(),
                                backup.value().path},
                               {}, environment.environment());
        const Result<ChildOutcome> restored = restore.run();
        QVERIFY2(restored && restored.value().exitCode == 0,
                 qPrintable(restored ? restored.value().standardError : restored.error().message));
        QCOMPARE(test::queryValue(copy.profile(), QStringLiteral("SELECT count(*) FROM netraven.devices")),
                 QStringLiteral("2000"));
        QCOMPARE(schemaOf(copy.profile()), schemaOf(m_scratch.profile()));
    }

    void credentialsCanBeLeftOut()
    {
        QVERIFY(
            test::queryValue(m_scratch.profile(),
                             QStringLiteral("INSERT INTO netraven.credentials (id, name, username, password) "
                                            "VALUES ('c1', 'Admin', 'admin', 'secret-in-the-table') RETURNING 1")) ==
            QStringLiteral("1"));
        QTemporaryDir dir;
        BackupOptions options;
        options.outputDirectory = dir.path();
        options.format = BackupFormat::PlainGzip;
        options.shareable = true; // the job finds the pack, netraven-v1, and its secret table
        const Result<BackupResult> backup = runBackup(options);
        QVERIFY(backup);
        QCOMPARE(backup.value().manifest.modelPack, QStringLiteral("netraven-v1"));
        ChildCommand unzip(QStringLiteral("/bin/sh"),
                           {QStringLiteral("-c"), QStringLiteral("gzip -dc '%1'").arg(backup.value().path)});
        const QString sql = unzip.run().value().standardOutput;
        QVERIFY(sql.contains(QLatin1String("CREATE TABLE netraven.credentials")));
        QVERIFY(!sql.contains(QLatin1String("secret-in-the-table")));
        test::queryValue(m_scratch.profile(), QStringLiteral("DELETE FROM netraven.credentials"));
    }

    // A backup's name that exists already is never overwritten, and the job says so (not as a
    // connection failure).
    void anExistingBackupIsNeverReplaced()
    {
        QTemporaryDir dir;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QStringList placeholders;
        for (int second = 0; second < 10; ++second) {
            const QString name =
                QStringLiteral("%1_%2.dump")
                    .arg(m_scratch.name(), now.addSecs(second).toString(QStringLiteral("yyyyMMdd_HHmmss")));
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("an older backup");
            placeholders << name;
        }
        BackupOptions options;
        options.outputDirectory = dir.path();
        options.format = BackupFormat::Custom;
        const Result<BackupResult> backup = runBackup(options);
        QVERIFY(!backup);
        QCOMPARE(backup.error().kind, ErrorKind::Io);
        QVERIFY2(backup.error().message.contains(QLatin1String("exists already")), qPrintable(backup.error().message));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), placeholders);
        for (const QString &name : std::as_const(placeholders)) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), QByteArray("an older backup"));
        }
    }

    // A database with nothing in it yet backs up, in either archive format, and verifies: so a
    // restore can replace it, behind the safety backup it takes first.
    void anEmptyDatabaseBacksUp()
    {
        test::ScratchDatabase empty(QStringLiteral("empty"));
        QVERIFY(empty.create());
        QTemporaryDir dir;
        BackupOptions options;
        options.outputDirectory = dir.path();
        for (const BackupFormat format : {BackupFormat::Custom, BackupFormat::Directory}) {
            options.format = format;
            const Result<BackupResult> backup = runBackup(options, empty.profile());
            QVERIFY2(backup, qPrintable(backup ? QString() : backup.error().fullText()));
            QCOMPARE(backup.value().manifest.archiveEntries, 0);
            QVERIFY(backup.value().manifest.rowCounts.isEmpty());
        }
        QVector<BackupEntry> entries = backupcatalog::list(dir.path());
        QCOMPARE(entries.size(), 2);
        for (BackupEntry &entry : entries) {
            const Status verified = backupcatalog::verify(entry, m_tools);
            QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().fullText()));
        }
    }

    // Two backups of one database at once write apart: each manifest is its own file's.
    void twoBackupsAtOnceNeverShareAFile()
    {
        QTemporaryDir dir;
        BackupOptions options;
        options.outputDirectory = dir.path();
        options.format = BackupFormat::Custom;
        auto first = std::make_shared<BackupJob>(m_scratch.profile(), options);
        auto second = std::make_shared<BackupJob>(m_scratch.profile(), options);
        JobRunner runner;
        runner.submit(first);
        runner.submit(second);
        QVERIFY(runner.waitForIdle(120000));
        int kept = 0;
        for (const auto &job : {first, second}) {
            if (!job->hasResult())
                continue;
            ++kept;
            QCOMPARE(job->result().manifest.sha256, sha256Of(job->result().path).value());
            QVERIFY(archivecheck::pgRestoreWhole(ClientTools::forServer(0).value(), job->result().path));
        }
        QVERIFY(kept >= 1);
        const QStringList left = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        QCOMPARE(left.size(), 2 * kept); // archives and manifests, no partial file
        QVERIFY(left.filter(QStringLiteral(".partial")).isEmpty());
    }

    // A small filesystem, free space stepped by a page around the archive's size: a backup either
    // succeeds whole (archive read back through, manifest complete) or leaves nothing. A small
    // archive is decompressed by pg_restore before it is kept; one above kReadBackWholeBytes is
    // proven by the in-process walk of its blocks alone.
    void aFullDiskNeverYieldsAFalseSuccess_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<int>("compression");
        QTest::newRow("small, read back by pg_restore") << QStringLiteral("netraven.admin_settings") << -1;
        QTest::newRow("large, proven block by block") << QStringLiteral("public.wide") << 0;
    }

    void aFullDiskNeverYieldsAFalseSuccess()
    {
        QFETCH(QString, table);
        QFETCH(int, compression);
        QVERIFY(test::queryValues(m_scratch.profile(),
                                  QStringLiteral("CREATE TABLE public.wide AS SELECT g AS id, "
                                                 "repeat(md5(g::text), 3) AS a FROM generate_series(1, 50000) g"))
                    .isEmpty());
        const auto dropWide =
            qScopeGuard([this] { test::queryValue(m_scratch.profile(), QStringLiteral("DROP TABLE public.wide")); });
        QTemporaryDir probeDir;
        BackupOptions options;
        options.format = BackupFormat::Custom;
        options.compression = compression;
        options.includeTables = {table};
        options.outputDirectory = probeDir.path();
        const Result<BackupResult> probe = runBackup(options);
        QVERIFY2(probe, qPrintable(probe ? QString() : probe.error().message));
        const qint64 archive = probe.value().manifest.sizeBytes;
        QCOMPARE(archive > kReadBackWholeBytes, compression == 0);
        test::SmallFilesystem small;
        if (const QString why = small.mount(archive + 256 * 1024); !why.isEmpty())
            QSKIP(qPrintable(why));
        options.outputDirectory = small.filePath(QStringLiteral("backups"));
        QVERIFY(QDir().mkpath(options.outputDirectory));
        int succeeded = 0;
        int failed = 0;
        for (qint64 free = archive - 3 * 4096; free <= archive + 5 * 4096; free += 4096) {
            QVERIFY(small.fillLeaving(qMax<qint64>(0, free)));
            const Result<BackupResult> backup = runBackup(options);
            const QStringList left =
                QDir(options.outputDirectory).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
            if (backup) {
                ++succeeded;
                QVERIFY(archivecheck::pgRestoreWhole(ClientTools::forServer(0).value(), backup.value().path));
                QCOMPARE(BackupManifest::load(backup.value().manifestPath).value().sha256,
                         sha256Of(backup.value().path).value());
                QCOMPARE(left.size(), 2);
            } else {
                ++failed;
                QVERIFY2(left.isEmpty(),
                         qPrintable(QStringLiteral("free %1: %2 left").arg(free).arg(left.join(QStringLiteral(", ")))));
            }
            for (const QString &name : left)
                QFile::remove(QDir(options.outputDirectory).filePath(name));
            small.removeFiller();
        }
        qInfo("archive of %lld bytes: %d backups succeeded whole, %d failed and left nothing", archive, succeeded,
              failed);
        QVERIFY(failed > 0);    // the smallest steps cannot hold it
        QVERIFY(succeeded > 0); // the largest can
    }

    // While pg_dump is busy with a large table, it can be looked at, cancelled and killed.
    void cancelWhileDumpingLeavesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(makeDumpSlow());

        JobRunner runner;
        BackupOptions options;
        options.outputDirectory = dir.path();
        options.format = BackupFormat::Custom;
        auto job = std::make_shared<BackupJob>(m_scratch.profile(), options);
        JobState state = JobState::Queued;
        connect(&runner, &JobRunner::finished, this, [&state](JobId, JobState s) { state = s; });
        const JobId id = runner.submit(job);
        QList<qint64> dumps;
        QTRY_VERIFY_WITH_TIMEOUT(!(dumps = test::processesNaming(dir.path())).isEmpty(), 20000);

        // The password is nowhere in pg_dump's command line.
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(dumps.first()));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        const QByteArray arguments = cmdline.readAll();
        QVERIFY(arguments.contains("--no-password"));
        QVERIFY(!arguments.contains(m_scratch.profile().password.toUtf8()));

        runner.cancel(id);
        QVERIFY(runner.waitForIdle(20000));
        QCOMPARE(state, JobState::Cancelled);
        QVERIFY(test::processesNaming(dir.path()).isEmpty());
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
        QTRY_COMPARE(
            test::queryValue(m_scratch.profile(),
                             QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                            "AND application_name LIKE 'netraven-dbadmin backup%'")),
            QStringLiteral("0"));
        test::queryValue(m_scratch.profile(), QStringLiteral("DROP TABLE public.bulk"));
    }

    // Job ids restart in every runner and every process. A backup whose pg_dump fails ends that
    // pg_dump's sessions, and never those of another backup with the same job id that is still
    // dumping the same server (which would then fail for no fault of its own).
    void aFailedBackupEndsOnlyItsOwnSessions()
    {
        QVERIFY(makeDumpSlow());
        const auto dropBulk =
            qScopeGuard([this] { test::queryValue(m_scratch.profile(), QStringLiteral("DROP TABLE public.bulk")); });
        test::SmallFilesystem full;
        if (const QString why = full.mount(1024 * 1024); !why.isEmpty())
            QSKIP(qPrintable(why));
        BackupOptions failingOptions;
        failingOptions.format = BackupFormat::Custom;
        failingOptions.outputDirectory = full.filePath(QStringLiteral("backups"));
        QVERIFY(QDir().mkpath(failingOptions.outputDirectory));
        QVERIFY(full.fillLeaving(0));

        QTemporaryDir dir;
        BackupOptions options;
        options.format = BackupFormat::Custom;
        options.outputDirectory = dir.path();
        JobRunner runner;
        JobState state = JobState::Queued;
        Error error;
        connect(&runner, &JobRunner::finished, this, [&](JobId, JobState s, const Error &e) {
            state = s;
            error = e;
        });
        const JobId id = runner.submit(std::make_shared<BackupJob>(m_scratch.profile(), options));
        QTRY_VERIFY_WITH_TIMEOUT(!test::processesNaming(dir.path()).isEmpty(), 20000);

        JobRunner otherRunner;
        Error otherError;
        connect(&otherRunner, &JobRunner::finished, this,
                [&otherError](JobId, JobState, const Error &e) { otherError = e; });
        QCOMPARE(otherRunner.submit(std::make_shared<BackupJob>(m_scratch.profile(), failingOptions)), id);
        QVERIFY(otherRunner.waitForIdle(60000));
        QVERIFY2(otherError.message.contains(QLatin1String("pg_dump failed")), qPrintable(otherError.message));
        QVERIFY(runner.waitForIdle(120000));
        QVERIFY2(state == JobState::Succeeded, qPrintable(error.message + QLatin1Char('\n') + error.detail));
    }

    void progressMovesWithinALargeTable_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("jobs");
        QTest::newRow("custom") << int(BackupFormat::Custom) << 1;
        // The large table in one job, the small ones in the other, finishing long before it.
        QTest::newRow("directory, 2 jobs") << int(BackupFormat::Directory) << 2;
    }

    // Within one large table, progress moves as COPY sends it (pg_stat_progress_copy), rather
    // than jumping when pg_dump moves on to the next table or another job finishes one.
    void progressMovesWithinALargeTable()
    {
        QFETCH(int, format);
        QFETCH(int, jobs);
        QTemporaryDir dir;
        QVERIFY(makeDumpSlow());
        JobRunner runner;
        BackupOptions options;
        options.outputDirectory = dir.path();
        options.format = static_cast<BackupFormat>(format);
        options.jobs = jobs;
        QList<double> fractions;
        connect(&runner, &JobRunner::progressChanged, this, [&fractions](JobId, const JobProgress &progress) {
            if (progress.phase == QLatin1String("Dumping") && progress.total > 0)
                fractions << double(progress.done) / double(progress.total);
        });
        runner.submit(std::make_shared<BackupJob>(m_scratch.profile(), options));
        QVERIFY(runner.waitForIdle(120000));
        test::queryValue(m_scratch.profile(), QStringLiteral("DROP TABLE public.bulk"));
        // public.bulk is nearly all of the database: points strictly inside it come from COPY's progress.
        const qsizetype inside =
            std::count_if(fractions.cbegin(), fractions.cend(), [](double f) { return f > 0.05 && f < 0.95; });
        QVERIFY2(inside >= 2, qPrintable(QStringLiteral("progress seen: %1").arg([&fractions] {
                     QStringList values;
                     for (double f : fractions)
                         values << QString::number(f, 'f', 2);
                     return values.join(QStringLiteral(", "));
                 }())));
        QVERIFY(std::is_sorted(fractions.cbegin(), fractions.cend()));
    }

    void aKilledPgDumpIsAFailureWithNoFile()
    {
        QTemporaryDir dir;
        QVERIFY(makeDumpSlow());
        JobRunner runner;
        BackupOptions options;
        options.outputDirectory = dir.path();
        auto job = std::make_shared<BackupJob>(m_scratch.profile(), options);
        Error error;
        JobState state = JobState::Queued;
        connect(&runner, &JobRunner::finished, this, [&](JobId, JobState s, const Error &e) {
            state = s;
            error = e;
        });
        runner.submit(job);
        QList<qint64> dumps;
        QTRY_VERIFY_WITH_TIMEOUT(!(dumps = test::processesNaming(dir.path())).isEmpty(), 20000);
        ::kill(static_cast<pid_t>(dumps.first()), SIGKILL);
        QVERIFY(runner.waitForIdle(20000));
        QCOMPARE(state, JobState::Failed);
        QCOMPARE(error.message, QStringLiteral("pg_dump was killed by a signal; no backup was kept"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
        test::queryValue(m_scratch.profile(), QStringLiteral("DROP TABLE public.bulk"));
    }

    // pg_dump's own words reach the error, and nothing is left behind.
    void aFailingPgDumpSaysWhy()
    {
        QTemporaryDir dir;
        BackupOptions options;
        options.outputDirectory = dir.path();
        options.includeTables = {QStringLiteral("netraven.no_such_table")};
        const Result<BackupResult> backup = runBackup(options);
        QVERIFY(!backup);
        QCOMPARE(backup.error().message, QStringLiteral("pg_dump failed (exit code 1); no backup was kept"));
        QVERIFY2(backup.error().detail.contains(QLatin1String("no matching tables were found")),
                 qPrintable(backup.error().detail));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    }

    void brokenArchivesAreRefused()
    {
        QTemporaryDir dir;
        // NetRaven's own script keeps a 20-byte gzip of nothing when pg_dump fails.
        ChildCommand emptyGzip(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"),
             QStringLiteral("printf '' | gzip > '%1/netraven_20250403_172329.sql.gz'").arg(dir.path())});
        QCOMPARE(emptyGzip.run().value().exitCode, 0);
        const Status empty = archivecheck::plainGzip(dir.filePath(QStringLiteral("netraven_20250403_172329.sql.gz")));
        QVERIFY(!empty);
        QVERIFY2(empty.error().message.contains(QLatin1String("empty SQL stream")), qPrintable(empty.error().message));

        BackupOptions options;
        options.outputDirectory = dir.path();
        options.format = BackupFormat::Custom;
        const Result<BackupResult> good = runBackup(options);
        QVERIFY(good);
        QFile original(good.value().path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray bytes = original.readAll();
        QFile truncated(dir.filePath(QStringLiteral("truncated.dump")));
        QVERIFY(truncated.open(QIODevice::WriteOnly));
        truncated.write(bytes.left(bytes.size() / 3));
        truncated.close();
        const Status cut = archivecheck::provenWhole(m_tools, truncated.fileName(), false);
        QVERIFY(!cut);
        QVERIFY2(cut.error().detail.contains(QLatin1String("cut short")), qPrintable(cut.error().fullText()));

        QFile text(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("This is not a backup.\n");
        text.close();
        QVERIFY(!archivecheck::pgRestoreList(m_tools, text.fileName()));
        QVERIFY(!archivecheck::plainGzip(text.fileName()));
        QCOMPARE(archivecheck::pgRestoreList(m_tools, good.value().path).value().size(),
                 good.value().manifest.archiveEntries);
    }

    void retentionKeepsTheRuleAndOneVerified_data()
    {
        QTest::addColumn<int>("keepNewest");
        QTest::addColumn<int>("keepDays");
        QTest::addColumn<int>("verifiedIndex"); // -1: none verified
        QTest::addColumn<QString>("pruned");    // indexes, oldest last
        QTest::newRow("newest 2") << 2 << 0 << 0 << QStringLiteral("2,3,4");
        QTest::newRow("younger than 2 days") << 0 << 2 << 0 << QStringLiteral("2,3,4");
        QTest::newRow("newest 1 or younger than 3 days") << 1 << 3 << 0 << QStringLiteral("3,4");
        QTest::newRow("only verified is old") << 2 << 0 << 4 << QStringLiteral("2,3");
        QTest::newRow("nothing verified") << 1 << 0 << -1 << QStringLiteral("1,2,3,4");
    }

    void retentionKeepsTheRuleAndOneVerified()
    {
        QFETCH(int, keepNewest);
        QFETCH(int, keepDays);
        QFETCH(int, verifiedIndex);
        QFETCH(QString, pruned);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVector<BackupEntry> entries;
        for (int i = 0; i < 5; ++i) {
            BackupEntry entry;
            entry.name = QString::number(i);
            entry.createdAt = now.addDays(-i).addSecs(-60);
            entry.hasManifest = true;
            if (i == verifiedIndex)
                entry.manifest.verification =
                    QJsonObject{{QStringLiteral("at"), now.toString(Qt::ISODate)}, {QStringLiteral("ok"), true}};
            entries << entry;
        }
        QStringList names;
        for (const BackupEntry &entry : backupcatalog::toPrune(entries, RetentionRule{keepNewest, keepDays}, now))
            names << entry.name;
        QCOMPARE(names.join(QLatin1Char(',')), pruned);
    }

    void listAndVerifyADirectory()
    {
        QTemporaryDir dir;
        BackupOptions options;
        options.outputDirectory = dir.path();
        options.format = BackupFormat::Custom;
        const Result<BackupResult> backup = runBackup(options);
        QVERIFY(backup);
        ChildCommand emptyGzip(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"),
             QStringLiteral("printf '' | gzip > '%1/netraven_20250403_172329.sql.gz'").arg(dir.path())});
        QCOMPARE(emptyGzip.run().value().exitCode, 0);

        QVector<BackupEntry> entries = backupcatalog::list(dir.path());
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).name, backup.value().manifest.fileName); // newest first
        QCOMPARE(entries.at(1).name, QStringLiteral("netraven_20250403_172329.sql.gz"));
        QCOMPARE(entries.at(1).formatName(), QStringLiteral("plain-gzip"));
        QVERIFY(!entries.at(0).isVerified());

        QVERIFY(backupcatalog::verify(entries[0], m_tools));
        QVERIFY(backupcatalog::list(dir.path()).at(0).isVerified());
        const Status empty = backupcatalog::verify(entries[1], m_tools);
        QVERIFY(!empty);
        QVERIFY(empty.error().message.contains(QLatin1String("empty SQL stream")));

        QFile tamper(entries.at(0).path);
        QVERIFY(tamper.open(QIODevice::Append));
        tamper.write("x");
        tamper.close();
        QVERIFY(!backupcatalog::verify(entries[0], m_tools));
        QVERIFY(!backupcatalog::list(dir.path()).at(0).isVerified());
        QVERIFY(backupcatalog::remove(entries.at(0)));
        QCOMPARE(backupcatalog::list(dir.path()).size(), 1);
        QVERIFY(!QFile::exists(BackupManifest::pathFor(entries.at(0).path)));
    }

private:
    // Rows enough to keep pg_dump busy for seconds, so that it is certainly still running when a
    // test cancels or kills it. Analysed, as a real table would be: a parallel pg_dump starts the
    // largest tables first, by the size the statistics give. Dropped again by the test.
    bool makeDumpSlow()
    {
        // A statement without rows answers with no values; a failure with its error text.
        return test::queryValues(
                   m_scratch.profile(),
                   QStringLiteral(
                       "CREATE TABLE public.bulk AS SELECT g AS id, md5(g::text) || md5((g * 7)::text) AS a, "
                       "md5((g * 13)::text) AS b FROM generate_series(1, 1500000) g"))
                   .isEmpty() &&
               test::queryValues(m_scratch.profile(), QStringLiteral("ANALYZE public.bulk")).isEmpty();
    }

    Result<BackupResult> runBackup(const BackupOptions &options) { return runBackup(options, m_scratch.profile()); }

    Result<BackupResult> runBackup(const BackupOptions &options, const ConnectionProfile &database)
    {
        auto job = std::make_shared<BackupJob>(database, options);
        JobRunner runner;
        Error error;
        connect(&runner, &JobRunner::finished, this, [&error](JobId, JobState, const Error &e) { error = e; });
        runner.submit(job);
        runner.waitForIdle(120000);
        if (!job->hasResult())
            return error;
        return job->result();
    }

    QJsonObject schemaOf(const ConnectionProfile &profile)
    {
        DatabaseSession session;
        if (!session.open(profile))
            return {};
        return SchemaModel::fromSnapshot(CatalogReader::read(session.database()).value(), QStringLiteral("netraven"))
            .toJson();
    }

    test::ScratchDatabase m_scratch;
    ClientTools m_tools;
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
