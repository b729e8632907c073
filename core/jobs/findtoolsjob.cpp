#include "findtoolsjob.h"

#include "backup/clienttools.h"

#include <QDir>

#include <algorithm>

namespace nrdb {

Result<QString> FindToolsJob::execute(JobContext &)
{
    const QVector<ClientTools> found = ClientTools::discover(m_directory);
    QStringList lines;
    for (const ClientTools &tools : found)
        lines << QStringLiteral("• PostgreSQL %1 tools in %2").arg(tools.versionText, tools.binDir);
    if (lines.isEmpty())
        lines << QStringLiteral("No pg_dump, pg_restore and psql were found together. Install postgresql-client.");
    const auto holdsASet = [this](const ClientTools &tools) { return QDir(tools.binDir) == QDir(m_directory); };
    if (!m_directory.isEmpty() && std::none_of(found.cbegin(), found.cend(), holdsASet))
        lines.prepend(QStringLiteral("%1 does not hold all of pg_dump, pg_restore and psql.").arg(m_directory));
    if (m_serverMajorVersion > 0) {
        const Result<ClientTools> chosen = ClientTools::forServer(m_serverMajorVersion, m_directory);
        lines << (chosen ? QStringLiteral("The connected server (PostgreSQL %1) gets the %2 tools in %3.")
                               .arg(m_serverMajorVersion)
                               .arg(chosen.value().versionText, chosen.value().binDir)
                         : chosen.error().message);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace nrdb
