#pragma once

#include "connection/connectionprofile.h"
#include "util/result.h"

#include <QCommandLineParser>

namespace nrdb::cli {

// --profile; the connection string is the command's positional argument.
QList<QCommandLineOption> connectionOptions();
QString connectionUsage();

// The profile a command should connect with: the saved profile named by --profile, else the
// URI or keyword string given, else an empty profile that the PG* environment and the service
// file fill in (as psql would). A password in the arguments is refused: any user can read a
// process's arguments.
Result<ConnectionProfile> connectionTarget(const QCommandLineParser &parser);

// One connection given as an argument: "profile:NAME" (a saved profile), or a URI or keyword
// string, which must hold no password. Bad ones give an Error of kind Usage.
Result<ConnectionProfile> connectionArgument(const QString &argument);

} // namespace nrdb::cli
