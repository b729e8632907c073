#include "toolsettings.h"

#include <QSettings>

namespace nrdb {

namespace {
const QString kToolsDirectoryKey = QStringLiteral("tools/directory");
} // namespace

QString configuredToolsDirectory()
{
    return QSettings().value(kToolsDirectoryKey).toString();
}

void setConfiguredToolsDirectory(const QString &directory)
{
    QSettings().setValue(kToolsDirectoryKey, directory.trimmed());
}

} // namespace nrdb
