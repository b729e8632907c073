#include "util/windowsettings.h"

#include <QCoreApplication>

namespace nrdb {

QSettings windowSettings()
{
    return QSettings(QSettings::NativeFormat, QSettings::UserScope, QCoreApplication::organizationName(),
                     QStringLiteral("netraven-dbadmin"));
}

} // namespace nrdb
