#pragma once

#include "commandline.h"

#include "model/migrationplan.h"

#include <QCommandLineOption>

namespace nrdb::cli {

// The options of a command that plans a migration script (repair, compare): --allow-drop, --sql
// FILE, --lock-timeout MS.
QList<QCommandLineOption> planOptions();
// Their values; a bad one is an Error of kind Usage.
Result<PlanOptions> planOptionsFrom(const CommandLine &command);
// Writes the script to --sql FILE when given (durably; a failure is the error).
Status writeScriptIfAsked(const CommandLine &command, const QString &script);

// What a plan leaves undone, one line each on stdout: refusals ("  <refusedLabel>: … : why"),
// extras kept, and rename hints.
void printPlanNotes(const MigrationPlan &plan, const QString &refusedLabel);

} // namespace nrdb::cli
