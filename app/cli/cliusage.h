#pragma once

#include <QJsonObject>
#include <QString>

namespace nrdb::cli {

// Writes "netraven-dbctl: <message>", the synopsis of usage (its lines up to the first blank
// one) and a pointer to --help to stderr; returns ExitUsage. command is e.g. "sandbox".
int usageError(const QString &message, const QString &usage, const QString &command = {});
void writeOut(const QString &text);
// An object as indented JSON on stdout, what --json prints.
void printJson(const QJsonObject &object);
void writeErr(const QString &text);

} // namespace nrdb::cli
