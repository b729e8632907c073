#pragma once

#include <QList>
#include <QString>

namespace nrdb::test {

// The pids of the running processes whose command line holds both words (program may be empty).
QList<qint64> processesNaming(const QString &word, const QString &program = {});

} // namespace nrdb::test
