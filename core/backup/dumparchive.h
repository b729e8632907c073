#pragma once

#include <QList>
#include <QString>

class QIODevice;

namespace nrdb {

// pg_dump's own archive formats (custom and directory) read in-process, without pg_restore and
// without decompressing: the header, the table of contents and every data block's frame. It
// proves an archive whole the way a short or torn write cannot pass: every entry whose data
// pg_dump placed has its block exactly where the table of contents says, each block runs through
// its chunks to its terminator, and the file ends exactly where the last block does. Reading it
// costs one sequential pass over the file, far less than decompressing it. Any thread; plain
// functions over the bytes they are given.
namespace dumparchive {

// Archive format versions this reader knows (pg_dump 9.0's 1.12 to pg_dump 17's 1.16).
constexpr int kOldestVersion = (1 << 16) | (12 << 8);
constexpr int kNewestVersion = (1 << 16) | (16 << 8) | 0xff;

// The format code in the header: archCustom; a directory archive's toc.dat carries archTar's,
// which pg_dump writes there because the two layouts are compatible.
enum class Format { Custom = 1, Directory = 3 };

enum class DataPlace { NotSet = 1, Set = 2, NoData = 3 }; // K_OFFSET_POS_NOT_SET, _POS_SET, _NO_DATA

struct Entry {
    int dumpId = 0;
    bool hasData = false; // pg_dump had a data dumper for it (TABLE DATA, BLOBS)
    QString description;  // "TABLE", "TABLE DATA", "BLOBS"
    QString name;
    QString schema;
    bool copies = false;                     // its data is COPY text (a copy statement is recorded)
    DataPlace dataPlace = DataPlace::NoData; // custom format
    qint64 dataOffset = 0;                   // custom format, when dataPlace is Set
    QString fileName;                        // directory format: the file holding its data
    QList<int> dependencies;                 // the dump ids of the entries it needs
};

struct Archive {
    int version = 0; // (major << 16) | (minor << 8) | revision
    Format format = Format::Custom;
    bool compressed = false;
    QString databaseName;
    QString dumpVersion; // pg_dump's, "15.14 (Debian 15.14-0+deb12u1)"
    QList<Entry> entries;
    qint64 dataBlocks = 0; // custom format: the data blocks walked
};

struct Proof {
    enum class Verdict {
        Whole,          // every check passed
        Broken,         // cut short, torn, or not a pg_dump archive; reason says where
        UnknownVersion, // an archive version this reader does not know; prove it another way
    };
    Verdict verdict = Verdict::Broken;
    QString reason;
    Archive archive;

    bool whole() const { return verdict == Verdict::Whole; }
};

QString versionText(int version); // "1.14.0"

// A custom-format archive, from the device's current position to its end.
Proof proveCustom(QIODevice &device);
// A directory-format archive: toc.dat read as a whole, then every data file it names present,
// and an uncompressed COPY file ending as pg_dump ends it.
Proof proveDirectory(const QString &directory);
// A custom archive file or an archive directory, told apart by what path is.
Proof prove(const QString &path);
// Only the header and table of contents of either: what it holds, its data not looked at (a
// short read however large the archive). Whole means they were read.
Proof readContents(const QString &path);

} // namespace dumparchive
} // namespace nrdb
