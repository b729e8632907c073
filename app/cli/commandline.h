#pragma once

#include "util/result.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace nrdb::cli {

// A command's arguments, parsed the one way every command parses them: --help prints the usage
// to stdout; a bad argument prints the complaint, the usage's synopsis and a pointer to --help to
// stderr. Each ends the command with the exit code it returns. Main thread.
class CommandLine {
public:
    // name: as typed ("backup", "sandbox"); usage: the whole --help text, synopsis first.
    CommandLine(QString name, QString usage);

    // Parses arguments with --help and options. nullopt: go on; otherwise the exit code to end
    // with (ExitOk after --help, ExitUsage for bad arguments).
    std::optional<int> parse(const QStringList &arguments, const QList<QCommandLineOption> &options = {});
    // Says what is wrong with the arguments; returns ExitUsage.
    int usageError(const QString &message) const;
    // Ends on an error met before the job: a Usage one is a usage error, any other fails the job.
    int failed(const Error &error) const;

    bool isSet(const QString &option) const { return m_parser.isSet(option); }
    QString value(const QString &option) const { return m_parser.value(option); }
    QStringList values(const QString &option) const { return m_parser.values(option); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    bool json() const { return isSet(QStringLiteral("json")); }
    const QCommandLineParser &parser() const { return m_parser; }
    const QString &usage() const { return m_usage; }

private:
    QString m_name;
    QString m_usage;
    QCommandLineParser m_parser;
};

} // namespace nrdb::cli
