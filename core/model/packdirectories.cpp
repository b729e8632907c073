#include "model/packdirectories.h"

#include "util/windowsettings.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>

namespace nrdb {

namespace {

const QString kPackDirectoriesKey = QStringLiteral("packs/directories");

QMutex &runMutex()
{
    static QMutex mutex;
    return mutex;
}

QStringList &runDirectories()
{
    static QStringList directories;
    return directories;
}

bool isPack(const QString &directory)
{
    return QFileInfo(QDir(directory).filePath(QStringLiteral("pack.json"))).isFile();
}

} // namespace

QStringList packDirectories()
{
    QStringList directories = configuredPackDirectories();
    const QMutexLocker lock(&runMutex());
    for (const QString &directory : std::as_const(runDirectories())) {
        if (!directories.contains(directory))
            directories.prepend(directory); // the run's own come first
    }
    return directories;
}

QStringList configuredPackDirectories()
{
    return windowSettings().value(kPackDirectoriesKey).toStringList();
}

void setConfiguredPackDirectories(const QStringList &directories)
{
    QStringList kept;
    for (const QString &directory : directories) {
        if (!directory.trimmed().isEmpty() && !kept.contains(directory.trimmed()))
            kept << directory.trimmed();
    }
    windowSettings().setValue(kPackDirectoriesKey, kept);
}

void addPackDirectoryForThisRun(const QString &directory)
{
    const QMutexLocker lock(&runMutex());
    runDirectories() << QFileInfo(directory).absoluteFilePath();
}

QStringList packsInDirectories(const QStringList &directories)
{
    QStringList packs;
    for (const QString &directory : directories) {
        if (isPack(directory)) {
            packs << directory;
            continue;
        }
        const QDir parent(directory);
        for (const QString &name : parent.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            if (isPack(parent.filePath(name)))
                packs << parent.filePath(name);
        }
    }
    return packs;
}

} // namespace nrdb
