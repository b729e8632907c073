#include "backup/dumparchive.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QIODevice>
#include <QSet>

#include <array>
#include <limits>

namespace nrdb::dumparchive {

namespace {

constexpr int kBlockData = 1;               // BLK_DATA: a table's data, as chunks
constexpr int kBlockBlobs = 3;              // BLK_BLOBS: large objects, each an OID and chunks, ended by OID 0
constexpr int kMaxIntegerBytes = 32;        // pg_restore's own sanity limit on intSize and offSize
constexpr qint64 kMaxNameBytes = 64 * 1024; // far above any name, tag, file name or version pg_dump writes

constexpr int versionOf(int major, int minor)
{
    return (major << 16) | (minor << 8);
}

// pg_dump's primitives read from a device. The first thing that goes wrong is remembered with
// the byte it happened at; every read after it returns nothing, so a caller checks failed()
// once per step rather than after every field.
class ArchiveReader {
public:
    explicit ArchiveReader(QIODevice &device) : m_device(device), m_position(device.pos()), m_end(device.size()) {}

    int intSize = 4;
    int offSize = 8;
    QString reading = QStringLiteral("the header"); // what is being read, for the failure's text

    bool failed() const { return !m_failure.isEmpty(); }
    const QString &failure() const { return m_failure; }
    qint64 position() const { return m_position; }
    qint64 size() const { return m_end; }
    bool atEnd() const { return m_position >= m_end; }

    void fail(const QString &what)
    {
        if (m_failure.isEmpty())
            m_failure = QStringLiteral("%1 at byte %2 of %3, in %4").arg(what).arg(m_position).arg(m_end).arg(reading);
    }

    QByteArray bytes(qint64 count)
    {
        if (failed() || !within(count))
            return {};
        QByteArray data = m_device.read(count);
        m_position += data.size();
        if (data.size() != count)
            fail(QStringLiteral("cut short"));
        return data;
    }

    void skip(qint64 count)
    {
        if (failed() || !within(count))
            return;
        const qint64 skipped = m_device.skip(count);
        m_position += qMax<qint64>(skipped, 0);
        if (skipped != count)
            fail(QStringLiteral("cut short"));
    }

    int byte()
    {
        unsigned char one = 0;
        return fixed(&one, 1) ? one : 0;
    }

    // ReadInt: a sign byte, then intSize bytes, least significant first.
    qint64 integer()
    {
        const bool negative = byte() != 0;
        return negative ? -magnitude(intSize) : magnitude(intSize);
    }

    // ReadStr: a length (negative for "none"), then that many bytes. Passed over without being
    // read into memory: a definition may be long, and a torn length may claim the rest of the file.
    // Returns the length, -1 for none.
    qint64 skipString()
    {
        const qint64 length = integer();
        if (!failed() && length > 0)
            skip(length);
        return failed() ? -1 : length;
    }

    // A ReadStr that is kept: a name, a file name, a version. Longer than any of those can be is a
    // torn archive, not a name.
    QString text()
    {
        const qint64 length = integer();
        if (failed() || length < 0)
            return {};
        if (length > kMaxNameBytes) {
            fail(QStringLiteral("a name of %1 bytes").arg(length));
            return {};
        }
        return QString::fromUtf8(bytes(length));
    }

    // ReadOffset: a flag saying whether the data's place was set, then offSize bytes.
    DataPlace dataPlace(qint64 &offset)
    {
        const int flag = byte();
        if (!failed() && flag != int(DataPlace::NotSet) && flag != int(DataPlace::Set) &&
            flag != int(DataPlace::NoData))
            fail(QStringLiteral("an unknown data offset flag %1").arg(flag));
        offset = magnitude(offSize);
        return failed() ? DataPlace::NoData : DataPlace(flag);
    }

private:
    bool within(qint64 count)
    {
        if (count <= m_end - m_position)
            return true;
        fail(QStringLiteral("cut short"));
        return false;
    }

    // The small fields (a flag, a number) read into the caller's bytes: the bulk of an archive's
    // reads, so none of them allocates.
    bool fixed(unsigned char *into, int count)
    {
        if (failed() || !within(count))
            return false;
        const qint64 read = m_device.read(reinterpret_cast<char *>(into), count);
        m_position += qMax<qint64>(read, 0);
        if (read == count)
            return true;
        fail(QStringLiteral("cut short"));
        return false;
    }

    qint64 magnitude(int width)
    {
        std::array<unsigned char, kMaxIntegerBytes> raw{};
        if (width < 1 || width > kMaxIntegerBytes) {
            fail(QStringLiteral("an integer width of %1 bytes").arg(width));
            return 0;
        }
        if (!fixed(raw.data(), width))
            return 0;
        quint64 value = 0;
        for (int i = 0; i < width; ++i) {
            const quint64 part = raw[i];
            if (i < 8)
                value |= part << (8 * i);
            else if (part != 0)
                fail(QStringLiteral("a number too large to be one"));
        }
        if (value > quint64(std::numeric_limits<qint64>::max()))
            fail(QStringLiteral("a number too large to be one"));
        return failed() ? 0 : static_cast<qint64>(value);
    }

    QIODevice &m_device;
    qint64 m_position;
    qint64 m_end;
    QString m_failure;
};

Proof broken(const QString &reason, Archive archive = {})
{
    return Proof{Proof::Verdict::Broken, reason, std::move(archive)};
}

Proof brokenBy(const ArchiveReader &reader, Archive archive = {})
{
    return broken(QStringLiteral("The archive is not whole: %1.").arg(reader.failure()), std::move(archive));
}

// ReadHead. Returns a verdict other than Whole when the bytes are no archive this reader knows.
Proof readHeader(ArchiveReader &reader, Format expected)
{
    Archive archive;
    if (reader.bytes(5) != "PGDMP")
        return broken(QStringLiteral("Not a pg_dump archive: it does not begin with PGDMP."));
    const int major = reader.byte();
    const int minor = reader.byte();
    const int revision = (major > 1 || minor > 0) ? reader.byte() : 0;
    archive.version = versionOf(major, minor) | revision;
    if (reader.failed())
        return brokenBy(reader);
    if (archive.version < kOldestVersion || archive.version > kNewestVersion)
        return Proof{Proof::Verdict::UnknownVersion,
                     QStringLiteral("Archive format %1 is not one this check reads.").arg(versionText(archive.version)),
                     archive};
    reader.intSize = reader.byte();
    reader.offSize = reader.byte();
    if (!reader.failed() && (reader.intSize < 1 || reader.intSize > kMaxIntegerBytes || reader.offSize < 1 ||
                             reader.offSize > kMaxIntegerBytes))
        reader.fail(QStringLiteral("integer sizes %1 and %2").arg(reader.intSize).arg(reader.offSize));
    const int format = reader.byte();
    if (!reader.failed() && format != int(expected))
        return broken(QStringLiteral("Archive format code %1 where %2 was expected.").arg(format).arg(int(expected)),
                      archive);
    archive.format = expected;
    archive.compressed = archive.version >= versionOf(1, 15) ? reader.byte() != 0 : reader.integer() != 0;
    for (int field = 0; field < 7; ++field) // the creation time: seconds to daylight-saving flag
        (void)reader.integer();
    archive.databaseName = reader.text();
    (void)reader.skipString(); // the server's version
    archive.dumpVersion = reader.text();
    if (reader.failed())
        return brokenBy(reader, archive);
    return Proof{Proof::Verdict::Whole, {}, archive};
}

// One entry of ReadToc, then the format's own part: the data's place (custom) or file (directory).
Entry readEntry(ArchiveReader &reader, const Archive &archive)
{
    Entry entry;
    entry.dumpId = static_cast<int>(qBound<qint64>(0, reader.integer(), qint64(std::numeric_limits<int>::max())));
    if (!reader.failed() && entry.dumpId <= 0)
        reader.fail(QStringLiteral("an entry ID out of range"));
    entry.hasData = reader.integer() != 0;
    (void)reader.skipString(); // catalog table OID
    (void)reader.skipString(); // object OID
    entry.name = reader.text();
    entry.description = reader.text();
    (void)reader.integer();    // section
    (void)reader.skipString(); // definition
    (void)reader.skipString(); // drop statement
    entry.copies = reader.skipString() > 0;
    entry.schema = reader.text();
    (void)reader.skipString(); // tablespace
    if (archive.version >= versionOf(1, 14))
        (void)reader.skipString(); // table access method
    if (archive.version >= versionOf(1, 16))
        (void)reader.integer(); // relkind
    (void)reader.skipString();  // owner
    (void)reader.skipString();  // "with OIDs"
    // The dump ids it depends on, as decimal strings, ended by a string that is none.
    for (qint64 length = reader.integer(); !reader.failed() && length >= 0; length = reader.integer()) {
        if (length > kMaxNameBytes) {
            reader.fail(QStringLiteral("a dependency of %1 bytes").arg(length));
            break;
        }
        entry.dependencies << QString::fromLatin1(reader.bytes(length)).toInt();
    }
    if (archive.format == Format::Custom)
        entry.dataPlace = reader.dataPlace(entry.dataOffset);
    else
        entry.fileName = reader.text();
    return entry;
}

Proof readTableOfContents(ArchiveReader &reader, Format expected)
{
    Proof proof = readHeader(reader, expected);
    if (!proof.whole())
        return proof;
    reader.reading = QStringLiteral("the table of contents");
    const qint64 count = reader.integer();
    if (!reader.failed() && (count < 0 || count > reader.size() - reader.position()))
        reader.fail(QStringLiteral("an entry count of %1").arg(count));
    for (qint64 i = 0; i < count && !reader.failed(); ++i)
        proof.archive.entries << readEntry(reader, proof.archive);
    if (reader.failed())
        return brokenBy(reader, proof.archive);
    return proof;
}

QString entryText(const Entry &entry)
{
    return QStringLiteral("entry %1 (%2 %3)").arg(entry.dumpId).arg(entry.description, entry.name);
}

// _skipData: chunks, each a length and that many bytes, ended by a length of zero.
void walkChunks(ArchiveReader &reader)
{
    for (;;) {
        const qint64 length = reader.integer();
        if (reader.failed() || length == 0)
            return;
        if (length < 0) {
            reader.fail(QStringLiteral("a negative chunk length"));
            return;
        }
        reader.skip(length);
    }
}

void walkBlock(ArchiveReader &reader, int type)
{
    if (type == kBlockData) {
        walkChunks(reader);
        return;
    }
    if (type != kBlockBlobs) {
        reader.fail(QStringLiteral("an unknown data block type %1").arg(type));
        return;
    }
    while (!reader.failed() && reader.integer() != 0) // each large object's OID, then its chunks
        walkChunks(reader);
}

// Every data block from the end of the table of contents to the end of the file, each one an
// entry's that is placed where the table of contents says and seen once.
Proof walkDataBlocks(ArchiveReader &reader, Archive archive)
{
    QHash<int, int> indexById;
    bool placesSet = false;
    for (int i = 0; i < archive.entries.size(); ++i) {
        indexById.insert(archive.entries[i].dumpId, i);
        placesSet = placesSet || archive.entries[i].dataPlace == DataPlace::Set;
    }
    QSet<int> seen;
    while (!reader.atEnd() && !reader.failed()) {
        const qint64 start = reader.position();
        reader.reading = QStringLiteral("a data block's header");
        const int type = reader.byte();
        const int id = static_cast<int>(qBound<qint64>(-1, reader.integer(), qint64(std::numeric_limits<int>::max())));
        if (reader.failed())
            break;
        const int index = indexById.value(id, -1);
        if (index < 0)
            return broken(QStringLiteral("The archive is torn: a data block at byte %1 names entry %2, which its table "
                                         "of contents does not list.")
                              .arg(start)
                              .arg(id),
                          archive);
        const Entry &entry = archive.entries[index];
        if (seen.contains(id))
            return broken(QStringLiteral("The archive is torn: a second data block for %1 at byte %2.")
                              .arg(entryText(entry))
                              .arg(start),
                          archive);
        if (entry.dataPlace == DataPlace::Set && entry.dataOffset != start)
            return broken(QStringLiteral("The archive is torn: the data of %1 is at byte %2, not at byte %3 where its "
                                         "table of contents places it.")
                              .arg(entryText(entry))
                              .arg(start)
                              .arg(entry.dataOffset),
                          archive);
        if (entry.dataPlace != DataPlace::Set && placesSet)
            return broken(
                QStringLiteral("The archive is not finished: %1 has data but no place in the table of contents.")
                    .arg(entryText(entry)),
                archive);
        seen.insert(id);
        reader.reading = QStringLiteral("the data of %1").arg(entryText(entry));
        walkBlock(reader, type);
        ++archive.dataBlocks;
    }
    if (reader.failed())
        return brokenBy(reader, archive);
    // Every entry with data has its block, placed or not: an archive pg_dump wrote to a pipe, or
    // one whose table of contents was never rewritten with the places, can lose whole blocks at
    // its end and still end cleanly.
    for (const Entry &entry : archive.entries) {
        if (entry.hasData && entry.dataPlace != DataPlace::NoData && !seen.contains(entry.dumpId))
            return broken(QStringLiteral("The archive is cut short: %1 has no data block.").arg(entryText(entry)),
                          archive);
    }
    return Proof{Proof::Verdict::Whole, {}, archive};
}

// A data file of a directory archive: as named, or with the suffix of its compression.
QString existingDataFile(const QDir &directory, const QString &name)
{
    for (const char *suffix : {"", ".gz", ".lz4", ".zst"}) {
        const QString candidate = directory.filePath(name + QLatin1String(suffix));
        if (QFileInfo(candidate).isFile())
            return candidate;
    }
    return {};
}

// count bytes of path from its start (from its end when fromEnd).
QByteArray bytesOf(const QString &path, qint64 count, bool fromEnd)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || (fromEnd && !file.seek(qMax<qint64>(0, file.size() - count))))
        return {};
    return file.read(count);
}

// COPY's end-of-data line, "\.", as the last line before the blank lines pg_dump adds.
bool endsWithEndOfData(QByteArray tail)
{
    while (tail.endsWith('\n'))
        tail.chop(1);
    return tail == "\\." || tail.endsWith("\n\\.");
}

// The large objects' own table of contents ("16400 blob_16400.dat" per line), every file present.
QString missingLargeObjectFile(const QDir &directory, const QString &blobsToc)
{
    QFile file(blobsToc);
    if (!file.open(QIODevice::ReadOnly))
        return QFileInfo(blobsToc).fileName();
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().trimmed().split(' ');
        if (fields.size() == 2 && existingDataFile(directory, QString::fromUtf8(fields[1])).isEmpty())
            return QString::fromUtf8(fields[1]);
    }
    return {};
}

// Why a directory archive's data file for entry is not whole, or empty when it is.
QString dataFileProblem(const QDir &directory, const Entry &entry)
{
    const QString path = existingDataFile(directory, entry.fileName);
    if (path.isEmpty())
        return QStringLiteral("%1 is missing").arg(entry.fileName);
    if (entry.fileName.endsWith(QLatin1String(".toc"))) {
        const QString missing = missingLargeObjectFile(directory, path);
        return missing.isEmpty() ? QString() : QStringLiteral("%1 is missing").arg(missing);
    }
    const QString name = QFileInfo(path).fileName();
    if (name.endsWith(QLatin1String(".gz")) && bytesOf(path, 2, false) != "\x1f\x8b")
        return QStringLiteral("%1 is not a gzip file").arg(name);
    if (name == entry.fileName && entry.copies && !endsWithEndOfData(bytesOf(path, 64, true)))
        return QStringLiteral("%1 does not end with COPY's end-of-data line: it is cut short").arg(name);
    return {};
}

} // namespace

QString versionText(int version)
{
    return QStringLiteral("%1.%2.%3").arg(version >> 16).arg((version >> 8) & 0xff).arg(version & 0xff);
}

Proof proveCustom(QIODevice &device)
{
    ArchiveReader reader(device);
    Proof proof = readTableOfContents(reader, Format::Custom);
    if (!proof.whole())
        return proof;
    return walkDataBlocks(reader, std::move(proof.archive));
}

Proof proveDirectory(const QString &directory)
{
    const QDir dir(directory);
    QFile toc(dir.filePath(QStringLiteral("toc.dat")));
    if (!toc.open(QIODevice::ReadOnly))
        return broken(QStringLiteral("Not a whole directory archive: %1 has no readable toc.dat.").arg(directory));
    ArchiveReader reader(toc);
    Proof proof = readTableOfContents(reader, Format::Directory);
    if (!proof.whole())
        return proof;
    if (!reader.atEnd())
        return broken(QStringLiteral("The archive is torn: toc.dat has %1 bytes after its table of contents.")
                          .arg(reader.size() - reader.position()),
                      proof.archive);
    for (const Entry &entry : proof.archive.entries) {
        if (entry.fileName.isEmpty())
            continue;
        if (const QString problem = dataFileProblem(dir, entry); !problem.isEmpty())
            return broken(
                QStringLiteral("The archive is not whole: %1, the data of %2.").arg(problem, entryText(entry)),
                proof.archive);
    }
    return proof;
}

Proof readContents(const QString &path)
{
    const bool directory = QFileInfo(path).isDir();
    QFile file(directory ? QDir(path).filePath(QStringLiteral("toc.dat")) : path);
    if (!file.open(QIODevice::ReadOnly))
        return broken(QStringLiteral("Cannot read %1.").arg(file.fileName()));
    ArchiveReader reader(file);
    return readTableOfContents(reader, directory ? Format::Directory : Format::Custom);
}

Proof prove(const QString &path)
{
    if (QFileInfo(path).isDir())
        return proveDirectory(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return broken(QStringLiteral("Cannot read %1.").arg(path));
    return proveCustom(file);
}

} // namespace nrdb::dumparchive
