#include "actionicon.h"

namespace nrdb {

QIcon actionIcon(const QString &name)
{
    return QIcon(QStringLiteral(":/nrdb/icons/actions/%1.svg").arg(name));
}

} // namespace nrdb
