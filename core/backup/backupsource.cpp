#include "backup/backupsource.h"

#include "backup/archivecheck.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <zlib.h>

namespace nrdb {

struct PlainSqlReader::Private {
    QFile file;
    QByteArray input; // what zlib reads from: alive until it was consumed
    z_stream stream{};
    bool inflating = false;
};

QString sourceKindName(SourceKind kind)
{
    switch (kind) {
    case SourceKind::Custom:
        return QStringLiteral("custom archive");
    case SourceKind::Directory:
        return QStringLiteral("directory archive");
    case SourceKind::PlainSql:
        return QStringLiteral("plain SQL");
    case SourceKind::PlainGzip:
        return QStringLiteral("gzipped plain SQL");
    }
    return {};
}

PlainSqlReader::PlainSqlReader(const QString &path, bool gzip)
    : m_path(path), m_gzip(gzip), d(std::make_unique<Private>())
{
}

PlainSqlReader::~PlainSqlReader()
{
    if (d->inflating)
        inflateEnd(&d->stream);
}

bool PlainSqlReader::open()
{
    d->file.setFileName(m_path);
    if (!d->file.open(QIODevice::ReadOnly))
        return false;
    if (m_gzip)
        d->inflating = inflateInit2(&d->stream, 16 + MAX_WBITS) == Z_OK;
    return !m_gzip || d->inflating;
}

QByteArray PlainSqlReader::nextRaw()
{
    if (!m_gzip)
        return d->file.read(1 << 20);
    QByteArray out;
    char buffer[1 << 16];
    while (out.isEmpty()) {
        if (d->stream.avail_in == 0) {
            d->input = d->file.read(1 << 16);
            if (d->input.isEmpty())
                return {};
            d->stream.next_in = reinterpret_cast<Bytef *>(d->input.data());
            d->stream.avail_in = static_cast<uInt>(d->input.size());
        }
        d->stream.next_out = reinterpret_cast<Bytef *>(buffer);
        d->stream.avail_out = sizeof buffer;
        const int status = inflate(&d->stream, Z_NO_FLUSH);
        out.append(buffer, static_cast<int>(sizeof buffer - d->stream.avail_out));
        if (status == Z_STREAM_END || (status != Z_OK && status != Z_BUF_ERROR))
            break;
    }
    return out;
}

qint64 PlainSqlReader::position() const
{
    return d->file.pos();
}

qint64 PlainSqlReader::size() const
{
    return d->file.size();
}

QByteArray PlainSqlReader::nextLines()
{
    while (!m_done) {
        const QByteArray raw = nextRaw();
        if (raw.isEmpty()) {
            m_done = true;
            break;
        }
        m_carry += raw;
        const qsizetype end = m_carry.lastIndexOf('\n');
        if (end >= 0) {
            QByteArray lines = m_carry.left(end + 1);
            m_carry.remove(0, end + 1);
            return lines;
        }
    }
    QByteArray rest = m_carry;
    m_carry.clear();
    return rest;
}

Result<SourceKind> BackupSource::kindOf(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::notFound(QStringLiteral("%1 does not exist").arg(path));
    if (info.isDir()) {
        if (!QFileInfo::exists(path + QStringLiteral("/toc.dat")))
            return Error::usage(
                QStringLiteral("%1 is a directory without toc.dat: not a pg_dump directory archive").arg(path));
        return SourceKind::Directory;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(QStringLiteral("Cannot read %1").arg(path));
    const QByteArray head = file.read(8192);
    if (head.isEmpty())
        return Error::usage(QStringLiteral("%1 is empty: not a backup").arg(path));
    if (head.startsWith("PGDMP"))
        return SourceKind::Custom;
    if (head.startsWith("\x1f\x8b"))
        return SourceKind::PlainGzip;
    if (head.contains("PostgreSQL database dump"))
        return SourceKind::PlainSql;
    return Error::usage(
        QStringLiteral("%1 is not a PostgreSQL backup: neither a pg_dump archive nor SQL written by pg_dump")
            .arg(path));
}

Result<BackupSource> BackupSource::inspect(const QString &path, const ClientTools &tools)
{
    BackupSource source;
    source.path = path;
    const Result<SourceKind> kind = kindOf(path);
    if (!kind)
        return kind.error();
    source.kind = kind.value();

    static const QRegularExpression ownerClause(
        QStringLiteral(R"re(OWNER TO ("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*);)re"));
    QSet<QString> owners;
    if (source.kind == SourceKind::Custom || source.kind == SourceKind::Directory) {
        Result<QStringList> entries = archivecheck::listedAndWhole(tools, path, false);
        if (!entries)
            return entries.error();
        source.entries = std::move(entries).value();
        for (const QString &entry : std::as_const(source.entries)) {
            const QString owner = entry.section(QLatin1Char(' '), -1);
            if (!owner.isEmpty() && owner != QLatin1String("-"))
                owners.insert(owner);
        }
    } else {
        if (source.kind == SourceKind::PlainGzip) {
            if (Status checked = archivecheck::plainGzip(path); !checked)
                return checked.error();
        }
        PlainSqlReader reader(path, source.kind == SourceKind::PlainGzip);
        if (!reader.open())
            return Error::io(QStringLiteral("Cannot read %1").arg(path));
        QByteArray tail;
        for (QByteArray chunk = reader.nextLines(); !chunk.isEmpty(); chunk = reader.nextLines()) {
            auto matches = ownerClause.globalMatch(QString::fromUtf8(chunk));
            while (matches.hasNext()) {
                QString owner = matches.next().captured(1);
                if (owner.startsWith(QLatin1Char('"')))
                    owner = owner.mid(1, owner.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
                owners.insert(owner);
            }
            tail = QByteArray(tail + chunk).right(4096);
        }
        if (!tail.contains("-- PostgreSQL database dump complete"))
            return Error::usage(
                QStringLiteral("%1 does not end with pg_dump's completion line: the dump was cut short").arg(path));
    }
    source.owners = QStringList(owners.cbegin(), owners.cend());
    source.owners.sort();
    return source;
}

} // namespace nrdb
