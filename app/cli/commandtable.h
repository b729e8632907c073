#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace nrdb::cli {

// One command of netraven-dbctl: its name, what the global usage says of it, and what runs it
// (with the arguments after its name; returns the exit code). A command with actions
// ("sandbox start") lists each action with its own line instead of a summary.
struct CommandEntry {
    struct Action {
        QString name;
        QString summary;
    };
    QString name;
    QString summary;
    int (*run)(const QStringList &arguments) = nullptr;
    QList<Action> actions;
};

// Every command, in the order the usage lists them: the one place a command is added.
const QList<CommandEntry> &commandTable();
const CommandEntry *findCommand(const QString &name);
// The global usage, its command list made from the table.
QString globalUsage();

} // namespace nrdb::cli
