#include "backup/toolsettings.h"

#include "util/windowsettings.h"

#include <QDir>

namespace nrdb {

namespace {
const QString kToolsDirectoryKey = QStringLiteral("tools/directory");
const QString kBackupDirectoryKey = QStringLiteral("backups/lastDirectory");
} // namespace

QString configuredToolsDirectory()
{
    return windowSettings().value(kToolsDirectoryKey).toString();
}

void setConfiguredToolsDirectory(const QString &directory)
{
    windowSettings().setValue(kToolsDirectoryKey, directory.trimmed());
}

QString configuredBackupDirectory()
{
    return windowSettings()
        .value(kBackupDirectoryKey, QDir::home().filePath(QStringLiteral("netraven-backups")))
        .toString();
}

void setConfiguredBackupDirectory(const QString &directory)
{
    windowSettings().setValue(kBackupDirectoryKey, directory);
}

} // namespace nrdb
