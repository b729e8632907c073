#pragma once

#include "model/modelpack.h"
#include "util/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace nrdb {

// What init found before changing anything: the server, the user, what it will create, and what
// stops it, with the statements a superuser must run first. A plain value type.
struct PreflightReport {
    int serverVersionNumber = 0;
    QString serverVersion;
    QString user;
    bool superuser = false;
    QStringList extensionsToCreate; // not installed, and this user may create them
    QStringList schemasToCreate;
    QStringList problems;            // each a sentence; any problem stops init
    QStringList superuserStatements; // what a superuser can run to clear the problems

    bool canProceed() const { return problems.isEmpty(); }
    QString explanation() const; // problems, then the statements
};

// Checks the server version, the extensions and schemas the pack needs (its own schema and the
// history schema nrdb), and whether the current user may create them. Read-only.
// Thread: the one that owns db.
Result<PreflightReport> runPreflight(const QSqlDatabase &db, const ModelPack &pack);

} // namespace nrdb
