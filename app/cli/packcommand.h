#pragma once

#include <QStringList>

namespace nrdb::cli {

// pack new: a model pack made from a database; arguments after the command name; returns an exit
// code.
int runPackCommand(const QStringList &arguments);

} // namespace nrdb::cli
