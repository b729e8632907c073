#include "processes.h"

#include <QDir>
#include <QFile>

namespace nrdb::test {

QList<qint64> processesNaming(const QString &word, const QString &program)
{
    QList<qint64> pids;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        const qint64 pid = entry.toLongLong();
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (pid <= 0 || !cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = cmdline.readAll();
        if (text.contains(word.toUtf8()) && text.contains(program.toUtf8()))
            pids << pid;
    }
    return pids;
}

} // namespace nrdb::test
