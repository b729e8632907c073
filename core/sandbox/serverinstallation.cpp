#include "sandbox/serverinstallation.h"

#include "util/childprocess.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

namespace nrdb {

namespace {

const QStringList kRequiredTools{QStringLiteral("initdb"), QStringLiteral("pg_ctl"), QStringLiteral("postgres")};

bool hasServerTools(const QString &dir)
{
    return std::all_of(kRequiredTools.begin(), kRequiredTools.end(), [&dir](const QString &tool) {
        const QFileInfo info(QDir(dir).filePath(tool));
        return info.isFile() && info.isExecutable();
    });
}

QStringList debianServerDirectories()
{
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList majors = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(majors.begin(), majors.end(),
              [](const QString &a, const QString &b) { return a.toDouble() > b.toDouble(); });
    QStringList dirs;
    for (const QString &major : majors)
        dirs << root.filePath(major + QStringLiteral("/bin"));
    return dirs;
}

} // namespace

QString ServerInstallation::tool(const QString &name) const
{
    return QDir(binDir).filePath(name);
}

QStringList ServerInstallation::searchDirectories(const QString &binDir)
{
    if (!binDir.isEmpty())
        return {binDir};
    const QString fromEnvironment = qEnvironmentVariable("NRDB_PG_BINDIR");
    if (!fromEnvironment.isEmpty())
        return {fromEnvironment};
    QStringList dirs = debianServerDirectories();
    const QString initdbOnPath = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    if (!initdbOnPath.isEmpty())
        dirs << QFileInfo(initdbOnPath).canonicalPath();
    dirs.removeDuplicates();
    return dirs;
}

Result<ServerInstallation> ServerInstallation::find(const QString &binDir)
{
    const QStringList dirs = searchDirectories(binDir);
    for (const QString &dir : dirs) {
        if (!hasServerTools(dir))
            continue;
        ChildCommand versionCommand{QDir(dir).filePath(QStringLiteral("initdb")), {QStringLiteral("--version")}};
        versionCommand.timeoutMs = 10000;
        const Result<ChildOutcome> outcome = versionCommand.run();
        if (!outcome || outcome.value().exitCode != 0)
            continue;
        // "initdb (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
        static const QRegularExpression versionPattern(QStringLiteral(R"(\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?)"));
        const QRegularExpressionMatch match = versionPattern.match(outcome.value().standardOutput);
        if (!match.hasMatch())
            continue;
        ServerInstallation installation;
        installation.binDir = dir;
        installation.majorVersion = match.captured(1).toInt();
        installation.versionText =
            match.captured(2).isEmpty() ? match.captured(1) : match.captured(1) + QLatin1Char('.') + match.captured(2);
        return installation;
    }
    return Error::notFound(
        QStringLiteral("No PostgreSQL server binaries (initdb, pg_ctl and postgres, version 10 or "
                       "newer) were found. Install the server (on Debian: apt-get install postgresql) or set "
                       "NRDB_PG_BINDIR to the directory that holds them."),
        QStringLiteral("Looked in: ") +
            (dirs.isEmpty() ? QStringLiteral("/usr/lib/postgresql/*/bin and PATH") : dirs.join(QStringLiteral(", "))));
}

} // namespace nrdb
