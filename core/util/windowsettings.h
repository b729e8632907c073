#pragma once

#include <QSettings>

namespace nrdb {

// The window's own settings file, whichever program asks: the command line honours what the
// window's settings say (client tools, model pack directories). Any thread; each call opens it.
QSettings windowSettings();

} // namespace nrdb
