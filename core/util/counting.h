#pragma once

#include <QString>

namespace nrdb {

// "1 table", "2,000 tables": a count with its noun, singular or plural, digits grouped.
QString counted(qint64 count, const QString &singular, const QString &plural);

} // namespace nrdb
