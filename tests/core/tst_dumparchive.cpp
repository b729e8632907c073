// pg_dump's archives read in-process: real archives from the real pg_dump prove whole; every cut,
// hole and torn frame does not.
#include "queries.h"
#include "scratchdatabase.h"

#include "backup/archivecheck.h"
#include "backup/clientenvironment.h"
#include "backup/clienttools.h"
#include "backup/dumparchive.h"
#include "jobs/initjob.h"
#include "jobs/jobrunner.h"
#include "jobs/seedjob.h"
#include "util/childprocess.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace nrdb;
using dumparchive::Proof;

namespace {

const QStringList kUnlisted{QStringLiteral("ENCODING"), QStringLiteral("STDSTRINGS"), QStringLiteral("SEARCHPATH"),
                            QStringLiteral("DATABASE")};

Proof proveBytes(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return dumparchive::proveCustom(buffer);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

} // namespace

class TestDumpArchive : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
        const ModelPack pack = ModelPack::builtIn(QStringLiteral("netraven-v1")).value();
        JobRunner runner;
        runner.submit(std::make_shared<InitJob>(m_scratch.profile(), pack));
        runner.submit(std::make_shared<SeedJob>(m_scratch.profile(), pack));
        QVERIFY(runner.waitForIdle(60000));
        // Enough rows for many chunks, and a large object for a BLOBS block.
        QCOMPARE(test::queryValue(
                     m_scratch.profile(),
                     QStringLiteral(
                         "INSERT INTO netraven.devices (id, hostname, ip_address, device_type, owner_id) "
                         "SELECT 'd' || g, md5(g::text) || '-router-' || g, '10.0.' || (g / 250) || '.' || (g % 250), "
                         "'cisco_ios', (SELECT id FROM netraven.users LIMIT 1) FROM generate_series(1, 3000) g "
                         "RETURNING 0")),
                 QStringLiteral("0"));
        QVERIFY(!test::queryValue(m_scratch.profile(), QStringLiteral("SELECT lo_from_bytea(0, 'a large object')"))
                     .isEmpty());
        m_tools = ClientTools::forServer(15).value();
        m_custom = dump(QStringLiteral("custom"), {QStringLiteral("--format=custom")});
        m_uncompressed =
            dump(QStringLiteral("uncompressed"), {QStringLiteral("--format=custom"), QStringLiteral("--compress=0")});
    }

    // What pg_restore reads, we read: the same entries, and a data block for every one with data.
    void aWholeArchiveIsProvenBlockByBlock()
    {
        for (const QString &path : {m_custom, m_uncompressed}) {
            const Proof proof = dumparchive::prove(path);
            QVERIFY2(proof.whole(), qPrintable(proof.reason));
            const QStringList listed = archivecheck::pgRestoreList(m_tools, path).value();
            QStringList ours;
            for (const dumparchive::Entry &entry : proof.archive.entries) {
                if (!kUnlisted.contains(entry.description)) // pg_restore --list leaves these out
                    ours << QString::number(entry.dumpId);
            }
            QStringList theirs;
            for (const QString &line : listed)
                theirs << line.section(QLatin1Char(';'), 0, 0);
            QCOMPARE(ours, theirs);
            const qsizetype withData = listed.filter(QRegularExpression(QStringLiteral(" (TABLE DATA|BLOBS) "))).size();
            QVERIFY(withData >= 8);
            QCOMPARE(proof.archive.dataBlocks, qint64(withData));
            QCOMPARE(proof.archive.databaseName, m_scratch.name());
            QVERIFY(proof.archive.dumpVersion.startsWith(QLatin1String("15.")));
        }
        QVERIFY(dumparchive::prove(m_custom).archive.compressed);
        QVERIFY(!dumparchive::prove(m_uncompressed).archive.compressed);
    }

    // A file cut anywhere is not whole: in the header, the table of contents, a block's header, a
    // chunk, or the terminator of the last block. Every byte of the first 16 KiB and the last
    // 4 KiB, every 97th between.
    void everyCutIsFound()
    {
        for (const QString &path : {m_custom, m_uncompressed}) {
            const QByteArray whole = readAll(path);
            QVERIFY(whole.size() > 20000);
            for (qsizetype length = 0; length < whole.size();
                 length += (length < 16384 || length > whole.size() - 4096) ? 1 : 97) {
                const Proof proof = proveBytes(whole.left(length));
                if (proof.whole())
                    QFAIL(qPrintable(
                        QStringLiteral("%1 cut at %2 of %3 bytes passed").arg(path).arg(length).arg(whole.size())));
            }
            const Proof cut = proveBytes(whole.left(whole.size() - 1));
            QVERIFY2(cut.reason.contains(QLatin1String("cut short at byte")), qPrintable(cut.reason));
        }
    }

    // Why the table of contents is not enough: pg_restore --list accepts an archive that lost
    // its last half, as a full disk leaves it; the walk of its blocks does not.
    void theTableOfContentsAloneAcceptsAHalfArchive()
    {
        const QString half = m_dir.filePath(QStringLiteral("half.dump"));
        const QByteArray whole = readAll(m_custom);
        writeAll(half, whole.left(whole.size() / 2));
        QVERIFY(archivecheck::pgRestoreList(m_tools, half));
        const Proof proof = dumparchive::prove(half);
        QVERIFY(!proof.whole());
        QVERIFY2(proof.reason.contains(QLatin1String("cut short at byte")) &&
                     proof.reason.contains(QLatin1String("TABLE DATA")),
                 qPrintable(proof.reason));
        QVERIFY(!archivecheck::provenWhole(m_tools, half, false));
    }

    // What a full disk or a torn write leaves: a page missing anywhere, bytes after the end.
    void holesAndTrailingBytesAreFound()
    {
        const QByteArray whole = readAll(m_uncompressed);
        int found = 0;
        for (qsizetype page = 0; page + 4096 < whole.size(); page += 4096) {
            QByteArray torn = whole;
            torn.remove(page, 4096);
            QVERIFY2(!proveBytes(torn).whole(), qPrintable(QStringLiteral("a hole at %1 passed").arg(page)));
            ++found;
        }
        QVERIFY(found >= 5);
        const Proof trailing = proveBytes(whole + QByteArray(7, '\0'));
        QVERIFY(!trailing.whole());
        QVERIFY2(trailing.reason.contains(QLatin1String("cut short")) ||
                     trailing.reason.contains(QLatin1String("torn")),
                 qPrintable(trailing.reason));
    }

    // An archive pg_dump wrote to a pipe has no places in its table of contents: cut at any byte,
    // also where a block begins, so that it ends cleanly, it is still not whole.
    void aStreamedArchiveNeedsEveryBlock()
    {
        const QString path = m_dir.filePath(QStringLiteral("streamed.dump"));
        const ClientEnvironment environment =
            ClientEnvironment::create(m_scratch.profile(), QStringLiteral("test")).value();
        const QString command =
            QStringLiteral("'%1' --no-password --format=custom --table=netraven.users --table=netraven.admin_settings "
                           "--table=netraven.tags '%2' | cat > '%3'")
                .arg(m_tools.pgDump(), m_scratch.name(), path);
        const Result<ChildOutcome> dumped =
            ChildCommand(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command}, {}, environment.environment())
                .run();
        QVERIFY(dumped && dumped.value().exitCode == 0);
        const QByteArray whole = readAll(path);
        const Proof proof = proveBytes(whole);
        QVERIFY2(proof.whole(), qPrintable(proof.reason));
        int unplaced = 0;
        for (const dumparchive::Entry &entry : proof.archive.entries)
            unplaced += entry.hasData && entry.dataPlace == dumparchive::DataPlace::NotSet ? 1 : 0;
        QVERIFY(unplaced >= 3);
        QCOMPARE(proof.archive.dataBlocks, qint64(unplaced));
        for (qsizetype length = 0; length < whole.size(); ++length) {
            if (proveBytes(whole.left(length)).whole())
                QFAIL(qPrintable(
                    QStringLiteral("the streamed archive cut at %1 of %2 bytes passed").arg(length).arg(whole.size())));
        }
    }

    // Not an archive, and an archive of a format version nobody has written yet.
    void foreignBytesAreNamed()
    {
        const Proof text = proveBytes("-- PostgreSQL database dump\n");
        QCOMPARE(text.verdict, Proof::Verdict::Broken);
        QVERIFY2(text.reason.contains(QLatin1String("does not begin with PGDMP")), qPrintable(text.reason));
        QByteArray future = readAll(m_custom);
        future[6] = char(99); // the minor version
        const Proof unknown = proveBytes(future);
        QCOMPARE(unknown.verdict, Proof::Verdict::UnknownVersion);
        QVERIFY2(unknown.reason.contains(QLatin1String("1.99.0")), qPrintable(unknown.reason));
    }

    // A directory archive: toc.dat whole, every data file there, an uncompressed one ending with
    // COPY's end-of-data line.
    void aDirectoryArchiveNeedsEveryFile()
    {
        for (const QString &level : {QStringLiteral("0"), QStringLiteral("1")}) {
            const QString path = dump(QStringLiteral("directory-") + level,
                                      {QStringLiteral("--format=directory"), QStringLiteral("--compress=") + level});
            const Proof proof = dumparchive::prove(path);
            QVERIFY2(proof.whole(), qPrintable(proof.reason));
            QCOMPARE(proof.archive.format, dumparchive::Format::Directory);
            const QString devices = dataFileOf(proof.archive, QStringLiteral("devices"));
            QVERIFY(!devices.isEmpty());
            const QString devicesPath =
                QDir(path).filePath(devices + (level == QLatin1String("0") ? QString() : QStringLiteral(".gz")));
            const QByteArray data = readAll(devicesPath);
            QVERIFY(data.size() > 1000);
            writeAll(devicesPath, data.left(data.size() / 2));
            const Proof cut = dumparchive::prove(path);
            if (level == QLatin1String("0")) {
                QVERIFY(!cut.whole());
                QVERIFY2(cut.reason.contains(QLatin1String("end-of-data")), qPrintable(cut.reason));
            }
            QVERIFY(QFile::remove(devicesPath));
            const Proof missing = dumparchive::prove(path);
            QVERIFY(!missing.whole());
            QVERIFY2(missing.reason.contains(devices + QLatin1String(" is missing")), qPrintable(missing.reason));
            const QByteArray toc = readAll(QDir(path).filePath(QStringLiteral("toc.dat")));
            writeAll(QDir(path).filePath(QStringLiteral("toc.dat")), toc.left(toc.size() / 2));
            QVERIFY(!dumparchive::prove(path).whole());
        }
    }

private:
    QString dump(const QString &name, QStringList arguments)
    {
        const QString path = m_dir.filePath(name);
        const ClientEnvironment environment =
            ClientEnvironment::create(m_scratch.profile(), QStringLiteral("test")).value();
        arguments << QStringLiteral("--no-password") << QStringLiteral("--file=") + path << m_scratch.name();
        const Result<ChildOutcome> outcome =
            ChildCommand(m_tools.pgDump(), arguments, {}, environment.environment()).run();
        if (!outcome || outcome.value().exitCode != 0)
            qFatal("pg_dump failed: %s", qPrintable(outcome ? outcome.value().standardError : outcome.error().message));
        return path;
    }

    static QString dataFileOf(const dumparchive::Archive &archive, const QString &table)
    {
        for (const dumparchive::Entry &entry : archive.entries) {
            if (entry.description == QLatin1String("TABLE DATA") && entry.name == table)
                return entry.fileName;
        }
        return {};
    }

    test::ScratchDatabase m_scratch{QStringLiteral("dumparchive")};
    ClientTools m_tools;
    QTemporaryDir m_dir;
    QString m_custom;
    QString m_uncompressed;
};

QTEST_GUILESS_MAIN(TestDumpArchive)
#include "tst_dumparchive.moc"
