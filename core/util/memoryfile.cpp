#include "util/memoryfile.h"

#include <QRegularExpression>

#include <cerrno>
#include <cstring>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nrdb {

namespace {
const QString kFdPrefix = QStringLiteral("/proc/self/fd/");
} // namespace

Result<std::shared_ptr<MemoryFile>> MemoryFile::create(const QString &name, const QByteArray &content)
{
    // Close-on-exec: only the child that is meant to read it gets the descriptor (see ChildCommand).
    const int fd = ::memfd_create(name.toUtf8().constData(), MFD_CLOEXEC);
    if (fd < 0)
        return Error::io(
            QStringLiteral("Cannot create a file in memory: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    std::shared_ptr<MemoryFile> file(new MemoryFile(fd));
    qint64 written = 0;
    while (written < content.size()) {
        const ssize_t step = ::write(fd, content.constData() + written, static_cast<size_t>(content.size() - written));
        if (step < 0 && errno == EINTR)
            continue;
        if (step <= 0)
            return Error::io(QStringLiteral("Cannot write a file in memory"));
        written += step;
    }
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0)
        return Error::io(QStringLiteral("Cannot restrict a file in memory to its owner"));
    return file;
}

MemoryFile::~MemoryFile()
{
    ::close(m_fd);
}

QString MemoryFile::path() const
{
    return kFdPrefix + QString::number(m_fd);
}

int MemoryFile::descriptorOf(const QString &path)
{
    if (!path.startsWith(kFdPrefix))
        return -1;
    bool ok = false;
    const int fd = path.mid(kFdPrefix.size()).toInt(&ok);
    return ok && fd > 2 ? fd : -1;
}

} // namespace nrdb
