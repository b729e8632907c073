#pragma once

#include <QStringList>

namespace nrdb::cli {

// Reading a database's schema: arguments after the command name; each returns an exit code.
int runInspectCommand(const QStringList &arguments);
int runLintCommand(const QStringList &arguments);
int runExportSchemaCommand(const QStringList &arguments);
int runExportModelsCommand(const QStringList &arguments);

} // namespace nrdb::cli
