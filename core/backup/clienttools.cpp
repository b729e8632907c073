#include "backup/clienttools.h"

#include "util/childprocess.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

namespace nrdb {

namespace {

bool hasTools(const QString &dir)
{
    for (const char *tool : {"pg_dump", "pg_restore", "psql"}) {
        const QFileInfo info(QDir(dir).filePath(QLatin1String(tool)));
        if (!info.isFile() || !info.isExecutable())
            return false;
    }
    return true;
}

QStringList candidateDirectories(const QString &userDir)
{
    QStringList dirs;
    if (!userDir.isEmpty())
        dirs << userDir;
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList majors = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(majors.begin(), majors.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &major : majors)
        dirs << root.filePath(major + QStringLiteral("/bin"));
    // Debian's PATH entry is postgresql-common's pg_wrapper, which only dispatches to one of the
    // directories above (and costs a Perl start each time it is asked its version).
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("pg_dump"));
    if (!onPath.isEmpty() &&
        QFileInfo(onPath).canonicalFilePath().section(QLatin1Char('/'), -1) != QLatin1String("pg_wrapper"))
        dirs << QFileInfo(onPath).absolutePath();
    dirs.removeDuplicates();
    return dirs;
}

} // namespace

QString ClientTools::pgDump() const
{
    return QDir(binDir).filePath(QStringLiteral("pg_dump"));
}

QString ClientTools::pgRestore() const
{
    return QDir(binDir).filePath(QStringLiteral("pg_restore"));
}

QString ClientTools::psql() const
{
    return QDir(binDir).filePath(QStringLiteral("psql"));
}

QVector<ClientTools> ClientTools::discover(const QString &userDir)
{
    QVector<ClientTools> found;
    for (const QString &dir : candidateDirectories(userDir)) {
        if (!hasTools(dir))
            continue;
        ChildCommand version(QDir(dir).filePath(QStringLiteral("pg_dump")), {QStringLiteral("--version")});
        version.timeoutMs = 10000;
        const Result<ChildOutcome> outcome = version.run();
        static const QRegularExpression pattern(QStringLiteral(R"(\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?)"));
        const QRegularExpressionMatch match =
            outcome ? pattern.match(outcome.value().standardOutput) : QRegularExpressionMatch();
        if (!match.hasMatch())
            continue;
        ClientTools tools;
        tools.binDir = dir;
        tools.majorVersion = match.captured(1).toInt();
        tools.versionText = match.captured(0).section(QLatin1Char(' '), -1);
        found << tools;
    }
    return found;
}

Result<ClientTools> ClientTools::forServer(int serverMajorVersion, const QString &userDir)
{
    const QVector<ClientTools> found = discover(userDir);
    const ClientTools *best = nullptr;
    for (const ClientTools &tools : found) {
        if (tools.majorVersion >= serverMajorVersion && (!best || tools.majorVersion > best->majorVersion))
            best = &tools;
    }
    if (best)
        return *best;
    QStringList seen;
    for (const ClientTools &tools : found)
        seen << QStringLiteral("%1 in %2").arg(tools.versionText, tools.binDir);
    return Error::notFound(
        QStringLiteral("The server runs PostgreSQL %1, which needs pg_dump, pg_restore and psql %1 or newer; "
                       "%2. Install postgresql-client-%1, or set the directory of newer tools in Settings.")
            .arg(serverMajorVersion)
            .arg(seen.isEmpty() ? QStringLiteral("none were found")
                                : QStringLiteral("found only ") + seen.join(QStringLiteral(", "))));
}

} // namespace nrdb
