#include "backup/toolsettings.h"

#include "util/windowsettings.h"

namespace nrdb {

namespace {
const QString kToolsDirectoryKey = QStringLiteral("tools/directory");
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
