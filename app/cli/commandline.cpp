#include "commandline.h"

#include "cliusage.h"
#include "commandtarget.h"
#include "exitcode.h"

namespace nrdb::cli {

CommandLine::CommandLine(QString name, QString usage) : m_name(std::move(name)), m_usage(std::move(usage))
{
}

std::optional<int> CommandLine::parse(const QStringList &arguments, const QList<QCommandLineOption> &options)
{
    m_parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    m_parser.addOptions(options);
    if (!m_parser.parse(QStringList{m_name} + arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        writeOut(m_usage);
        return ExitOk;
    }
    return std::nullopt;
}

int CommandLine::usageError(const QString &message) const
{
    return cli::usageError(message, m_usage, m_name);
}

int CommandLine::failed(const Error &error) const
{
    return error.kind == ErrorKind::Usage ? usageError(error.message) : jobFailed(error);
}

} // namespace nrdb::cli
