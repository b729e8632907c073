#pragma once

#include <QString>

namespace nrdb {

// "850 ms", "12 s", "3 min 05 s", "1 h 02 min".
QString formatDuration(qint64 ms);

} // namespace nrdb
