#include "log/logfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace nrdb {

LogFile::LogFile(QString path, qint64 maxBytes, int keep, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_maxBytes(maxBytes), m_keep(keep)
{
}

QString LogFile::defaultPath()
{
    const QDir dir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation));
    return dir.filePath(QStringLiteral("logs/%1.log").arg(QCoreApplication::applicationName()));
}

bool LogFile::ensureOpen()
{
    if (m_file.isOpen())
        return true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return false;
    // The log names databases and users; keep it the owner's.
    m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void LogFile::rotate()
{
    m_file.close();
    QFile::remove(QStringLiteral("%1.%2").arg(m_path).arg(m_keep));
    for (int i = m_keep - 1; i >= 1; --i)
        QFile::rename(QStringLiteral("%1.%2").arg(m_path).arg(i), QStringLiteral("%1.%2").arg(m_path).arg(i + 1));
    QFile::rename(m_path, m_path + QStringLiteral(".1"));
}

void LogFile::write(const LogRecord &record)
{
    if (!ensureOpen())
        return; // a log that cannot be written must not stop the job it records
    m_file.write(record.toLine().toUtf8() + '\n');
    m_file.flush();
    if (m_file.size() >= m_maxBytes)
        rotate();
}

} // namespace nrdb
