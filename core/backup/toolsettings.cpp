#include "backup/toolsettings.h"

#include <QCoreApplication>
#include <QSettings>

namespace nrdb {

namespace {
const QString kToolsDirectoryKey = QStringLiteral("tools/directory");

// The window's own settings file, whichever program asks.
QSettings windowSettings()
{
    return QSettings(QSettings::NativeFormat, QSettings::UserScope, QCoreApplication::organizationName(),
                     QStringLiteral("netraven-dbadmin"));
}
} // namespace

QString configuredToolsDirectory()
{
    return windowSettings().value(kToolsDirectoryKey).toString();
}

void setConfiguredToolsDirectory(const QString &directory)
{
    windowSettings().setValue(kToolsDirectoryKey, directory.trimmed());
}

} // namespace nrdb
