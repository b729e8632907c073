#pragma once

#include <QIcon>
#include <QString>

namespace nrdb {

// The toolbar's own icon set (resources/icons/actions/<name>.svg), drawn for this application.
QIcon actionIcon(const QString &name);

} // namespace nrdb
