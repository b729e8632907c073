#include "util/durablefile.h"

#include "util/processidentity.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace nrdb::durablefile {

namespace {

Error ioError(const QString &what, int error)
{
    return Error::io(QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(error))));
}

Status syncOne(const QString &path, bool directory)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0)
        return ioError(QStringLiteral("Cannot open %1 to sync it").arg(path), errno);
    const int synced = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (synced != 0)
        return ioError(QStringLiteral("Cannot sync %1 to disk").arg(path), error);
    return {};
}

Status writeAll(const QString &path, const QByteArray &bytes)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return ioError(QStringLiteral("Cannot create %1").arg(path), errno);
    qint64 written = 0;
    while (written < bytes.size()) {
        const ssize_t step = ::write(fd, bytes.constData() + written, static_cast<size_t>(bytes.size() - written));
        if (step < 0 && errno == EINTR)
            continue;
        if (step <= 0) {
            const int error = step < 0 ? errno : ENOSPC;
            ::close(fd);
            return ioError(QStringLiteral("Cannot write %1").arg(path), error);
        }
        written += step;
    }
    const int synced = ::fsync(fd);
    const int syncError = errno;
    if (::close(fd) != 0 || synced != 0)
        return ioError(QStringLiteral("Cannot write %1 to disk").arg(path), synced != 0 ? syncError : errno);
    return {};
}

} // namespace

QString partialPathFor(const QString &finalPath)
{
    const QFileInfo info(finalPath);
    const ProcessIdentity self = ProcessIdentity::ofThisProcess();
    return info.dir().filePath(QStringLiteral(".%1.%2.%3-%4-%5.partial")
                                   .arg(info.fileName())
                                   .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'))
                                   .arg(self.pid)
                                   .arg(self.start)
                                   .arg(self.host));
}

QStringList removeStalePartials(const QString &directory)
{
    static const QRegularExpression partial(QStringLiteral(R"(^\..+\.[0-9a-f]{16}\.(\d+)-(\d+)-(.+)\.partial$)"));
    QStringList removed;
    const QDir dir(directory);
    for (const QString &name : dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)) {
        const QRegularExpressionMatch match = partial.match(name);
        if (!match.hasMatch())
            continue;
        const ProcessIdentity writer{match.captured(3), match.captured(1).toLongLong(), match.captured(2).toLongLong()};
        if (!writer.onThisMachine() || writer.runs())
            continue;
        const QString path = dir.filePath(name);
        if (QFileInfo(path).isDir() ? QDir(path).removeRecursively() : QFile::remove(path))
            removed << name;
    }
    return removed;
}

Status sync(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return syncOne(path, false);
    QDirIterator it(path, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString entry = it.next();
        if (Status synced = syncOne(entry, it.fileInfo().isDir()); !synced)
            return synced;
    }
    return syncOne(path, true);
}

Status renameNoReplace(const QString &from, const QString &to)
{
    if (::renameat2(AT_FDCWD, QFile::encodeName(from).constData(), AT_FDCWD, QFile::encodeName(to).constData(),
                    RENAME_NOREPLACE) != 0) {
        const int error = errno;
        if (error == EEXIST)
            return Error::io(QStringLiteral("%1 exists already; nothing is ever overwritten").arg(to));
        return ioError(QStringLiteral("Cannot rename %1 to %2").arg(from, to), error);
    }
    return syncOne(QFileInfo(to).absolutePath(), true);
}

Status exchange(const QString &a, const QString &b)
{
    if (::renameat2(AT_FDCWD, QFile::encodeName(a).constData(), AT_FDCWD, QFile::encodeName(b).constData(),
                    RENAME_EXCHANGE) != 0)
        return ioError(QStringLiteral("Cannot swap %1 and %2").arg(a, b), errno);
    return syncOne(QFileInfo(b).absolutePath(), true);
}

Status copyTree(const QString &from, const QString &to)
{
    if (QFileInfo::exists(to))
        return Error::io(QStringLiteral("%1 exists already; nothing is ever overwritten").arg(to));
    if (!QDir().mkpath(to))
        return Error::io(QStringLiteral("Cannot make %1").arg(to));
    QDirIterator entries(from, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (entries.hasNext()) {
        const QString source = entries.next();
        const QString copy = QDir(to).filePath(QDir(from).relativeFilePath(source));
        const bool copied = entries.fileInfo().isDir() ? QDir().mkpath(copy) : QFile::copy(source, copy);
        if (!copied)
            return Error::io(QStringLiteral("Cannot copy %1 to %2").arg(source, copy));
    }
    return sync(to);
}

Status writeNew(const QString &path, const QByteArray &bytes)
{
    if (Status written = writeAll(path, bytes); !written)
        return written;
    QFile back(path);
    if (!back.open(QIODevice::ReadOnly) || back.readAll() != bytes)
        return Error::io(QStringLiteral("%1 did not read back as written").arg(path));
    return {};
}

Status write(const QString &path, const QByteArray &bytes, bool replace)
{
    const QString partial = partialPathFor(path);
    Status done = writeNew(partial, bytes);
    if (done && replace) {
        if (::rename(QFile::encodeName(partial).constData(), QFile::encodeName(path).constData()) != 0)
            done = ioError(QStringLiteral("Cannot rename %1 to %2").arg(partial, path), errno);
        else
            done = syncOne(QFileInfo(path).absolutePath(), true);
    } else if (done) {
        done = renameNoReplace(partial, path);
    }
    if (!done)
        QFile::remove(partial);
    return done;
}

} // namespace nrdb::durablefile
