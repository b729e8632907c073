#include "smallfilesystem.h"

#include "util/childprocess.h"

#include <QDir>
#include <QFile>
#include <QStorageInfo>

#include <unistd.h>

namespace nrdb::test {

namespace {

const QString kFiller = QStringLiteral(".filler");

} // namespace

SmallFilesystem::~SmallFilesystem()
{
    if (m_mounted)
        (void)ChildCommand(QStringLiteral("/bin/umount"), {m_path}).run();
    if (!m_path.isEmpty())
        QDir().rmdir(m_path);
}

QString SmallFilesystem::mount(qint64 bytes)
{
    if (::geteuid() != 0)
        return QStringLiteral("mounting a small tmpfs needs root");
    char pattern[] = "/tmp/nrdb-small-XXXXXX";
    if (!::mkdtemp(pattern))
        return QStringLiteral("no directory to mount on");
    m_path = QString::fromLocal8Bit(pattern);
    const Result<ChildOutcome> mounted =
        ChildCommand(QStringLiteral("/bin/mount"),
                     {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                      QStringLiteral("size=%1,mode=1777").arg(bytes), QStringLiteral("tmpfs"), m_path})
            .run();
    if (!mounted || mounted.value().exitCode != 0)
        return QStringLiteral("no tmpfs could be mounted here");
    m_mounted = true;
    return {};
}

QString SmallFilesystem::filePath(const QString &name) const
{
    return QDir(m_path).filePath(name);
}

bool SmallFilesystem::fillLeaving(qint64 free)
{
    QFile filler(filePath(kFiller));
    if (!filler.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    const QByteArray block(1 << 20, 'x');
    for (;;) {
        const qint64 excess = QStorageInfo(m_path).bytesAvailable() - free;
        const qint64 chunk = qMin<qint64>(block.size(), excess / 4096 * 4096); // in whole pages, a MiB at most
        if (chunk <= 0)
            return true;
        if (filler.write(block.constData(), chunk) != chunk || !filler.flush())
            return true; // full to the last byte
    }
}

void SmallFilesystem::removeFiller()
{
    QFile::remove(filePath(kFiller));
}

} // namespace nrdb::test
