#pragma once

#include "backup/backupmanifest.h"
#include "backup/clienttools.h"
#include "util/result.h"

#include <QStringList>

namespace nrdb {

enum class SourceKind { Custom, Directory, PlainSql, PlainGzip };
QString sourceKindName(SourceKind kind);

// A backup about to be restored, recognised by its content (not its name) and checked whole.
struct BackupSource {
    QString path;
    SourceKind kind = SourceKind::Custom;
    QStringList entries; // table of contents (custom and directory)
    QStringList owners;  // roles the backup gives objects to

    // Recognises, checks and reads a backup; refuses an empty, truncated or foreign file with a
    // message that says which. Reads only. Any thread.
    static Result<BackupSource> inspect(const QString &path, const ClientTools &tools);
    // Only which kind of backup path is, by its first bytes (or toc.dat); nothing is checked.
    static Result<SourceKind> kindOf(const QString &path);
};

// Reads a plain backup (.sql or .sql.gz) as text, chunk by chunk. Any thread, one at a time.
class PlainSqlReader {
public:
    explicit PlainSqlReader(const QString &path, bool gzip);
    ~PlainSqlReader();
    PlainSqlReader(const PlainSqlReader &) = delete;
    PlainSqlReader &operator=(const PlainSqlReader &) = delete;

    bool open();
    // The next chunk of SQL, ending at a line break; empty at the end.
    QByteArray nextLines();
    // How far into the file reading is, and the file's size (compressed, for .sql.gz).
    qint64 position() const;
    qint64 size() const;

private:
    QByteArray nextRaw();

    QString m_path;
    bool m_gzip;
    struct Private;
    std::unique_ptr<Private> d;
    QByteArray m_carry;
    bool m_done = false;
};

} // namespace nrdb
