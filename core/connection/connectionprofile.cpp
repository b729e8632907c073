#include "connection/connectionprofile.h"

namespace nrdb {

QString ConnectionProfile::displayName() const
{
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

} // namespace nrdb
