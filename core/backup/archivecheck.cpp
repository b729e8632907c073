#include "backup/archivecheck.h"

#include "backup/dumparchive.h"
#include "util/childprocess.h"

#include <QFile>
#include <QFileInfo>

#include <zlib.h>

namespace nrdb::archivecheck {

namespace {
const QByteArray kCompletionLine = "-- PostgreSQL database dump complete";
} // namespace

Status plainGzip(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(QStringLiteral("Cannot read %1").arg(path));
    if (file.size() == 0)
        return Error::usage(QStringLiteral("%1 is empty: not a backup").arg(path));
    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) // 16: expect a gzip header
        return Error::io(QStringLiteral("zlib could not start"));
    QByteArray tail;
    qint64 total = 0;
    int status = Z_OK;
    char out[65536];
    while (status != Z_STREAM_END) {
        const QByteArray in = file.read(65536);
        if (in.isEmpty())
            break;
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
        stream.avail_in = static_cast<uInt>(in.size());
        do {
            stream.next_out = reinterpret_cast<Bytef *>(out);
            stream.avail_out = sizeof out;
            status = inflate(&stream, Z_NO_FLUSH);
            if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
                inflateEnd(&stream);
                return Error::usage(QStringLiteral("%1 is not a valid gzip stream (%2)")
                                        .arg(path, QString::fromLatin1(stream.msg ? stream.msg : "corrupt")));
            }
            const qint64 produced = static_cast<qint64>(sizeof out - stream.avail_out);
            total += produced;
            tail = QByteArray(tail + QByteArray(out, static_cast<int>(produced))).right(4096);
        } while (stream.avail_out == 0 && status != Z_STREAM_END);
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END)
        return Error::usage(QStringLiteral("%1 is truncated: the gzip stream ends early").arg(path));
    if (total == 0)
        return Error::usage(QStringLiteral("%1 holds an empty SQL stream: the dump that made it failed").arg(path));
    if (!tail.contains(kCompletionLine))
        return Error::usage(
            QStringLiteral("%1 does not end with pg_dump's completion line: the dump was cut short").arg(path));
    return {};
}

Result<QStringList> pgRestoreList(const ClientTools &tools, const QString &path)
{
    if (QFileInfo(path).isFile() && QFileInfo(path).size() == 0)
        return Error::usage(QStringLiteral("%1 is empty: not a backup").arg(path));
    ChildCommand list(tools.pgRestore(), {QStringLiteral("--list"), path}, {}, environmentWithoutLibpqVariables());
    const Result<ChildOutcome> outcome = list.run();
    if (!outcome)
        return outcome.error();
    if (outcome.value().exitCode != 0 || outcome.value().crashed)
        return Error::usage(QStringLiteral("%1 is not a readable pg_dump archive").arg(path),
                            outcome.value().standardError.trimmed());
    QStringList entries;
    for (const QString &line : outcome.value().standardOutput.split(QLatin1Char('\n'))) {
        if (!line.isEmpty() && !line.startsWith(QLatin1Char(';')))
            entries << line;
    }
    return entries; // none, for a database with nothing in it yet: the walk of its blocks proves it whole
}

Status pgRestoreWhole(const ClientTools &tools, const QString &path)
{
    ChildCommand read(tools.pgRestore(), {QStringLiteral("--file=/dev/null"), path}, {},
                      environmentWithoutLibpqVariables());
    read.timeoutMs = -1;
    const Result<ChildOutcome> outcome = read.run();
    if (!outcome)
        return outcome.error();
    if (outcome.value().exitCode != 0 || outcome.value().crashed)
        return Error::usage(
            QStringLiteral("%1 is not a whole pg_dump archive: pg_restore cannot read it through").arg(path),
            outcome.value().standardError.trimmed());
    return {};
}

Status provenWhole(const ClientTools &tools, const QString &path, bool decompress)
{
    const dumparchive::Proof proof = dumparchive::prove(path);
    if (proof.verdict == dumparchive::Proof::Verdict::Broken)
        return Error::usage(QStringLiteral("%1 is not a whole pg_dump archive").arg(path), proof.reason);
    if (decompress || proof.verdict == dumparchive::Proof::Verdict::UnknownVersion)
        return pgRestoreWhole(tools, path);
    return {};
}

Result<QStringList> listedAndWhole(const ClientTools &tools, const QString &path, bool decompress)
{
    Result<QStringList> entries = pgRestoreList(tools, path);
    if (!entries)
        return entries;
    if (Status whole = provenWhole(tools, path, decompress); !whole)
        return whole.error();
    return entries;
}

} // namespace nrdb::archivecheck
