// Sandbox start+stop against the raw tools doing the same: initdb, pg_ctl start -w, pg_ctl stop.
#include "benchfigure.h"

#include "sandbox/loopbackport.h"
#include "sandbox/sandboxcluster.h"
#include "sandbox/serverinstallation.h"
#include "util/childprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

#include <cstdio>
#include <unistd.h>

using namespace nrdb;

namespace {

constexpr int kRuns = 3;

void rawLifecycle(const ServerInstallation &installation, const QString &parent)
{
    const QString user = ::geteuid() == 0 ? QStringLiteral("postgres") : QString();
    const QString dataDir = QDir(parent).filePath(QStringLiteral("raw-data"));
    const QString port = QString::number(loopbackport::pickFree().value());
    const auto run = [&](const QString &tool, const QStringList &arguments) {
        const Result<ChildOutcome> outcome =
            ChildCommand{installation.tool(tool), arguments, user, environmentWithoutLibpqVariables()}.run();
        if (!outcome || outcome.value().exitCode != 0)
            qFatal("raw %s failed", qPrintable(tool));
    };
    run(QStringLiteral("initdb"),
        {QStringLiteral("--pgdata=") + dataDir, QStringLiteral("--username=postgres"), QStringLiteral("--auth=trust"),
         QStringLiteral("--encoding=UTF8"), QStringLiteral("--no-locale"), QStringLiteral("--no-sync")});
    run(QStringLiteral("pg_ctl"),
        {QStringLiteral("--pgdata=") + dataDir, QStringLiteral("--log=") + dataDir + QStringLiteral(".log"),
         // the same settings the sandbox writes to postgresql.conf
         QStringLiteral("--options=-p ") + port +
             QStringLiteral(" -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                            " -c full_page_writes=off -c unix_socket_directories=") +
             parent,
         QStringLiteral("--wait"), QStringLiteral("start")});
    run(QStringLiteral("pg_ctl"), {QStringLiteral("--pgdata=") + dataDir, QStringLiteral("--mode=fast"),
                                   QStringLiteral("--wait"), QStringLiteral("stop")});
    QDir(dataDir).removeRecursively();
    QFile::remove(dataDir + QStringLiteral(".log"));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Result<ServerInstallation> installation = ServerInstallation::find();
    if (!installation) {
        std::fprintf(stderr, "bench_sandbox: %s\n", qPrintable(installation.error().fullText()));
        return 1;
    }
    QTemporaryDir parent;
    QFile::setPermissions(parent.path(), QFile::permissions(parent.path()) | QFileDevice::ExeOther |
                                             QFileDevice::WriteOther | QFileDevice::ReadOther);
    SandboxOptions options;
    options.parentDir = parent.path();
    const double ours = bench::medianMilliseconds(kRuns, [&] {
        SandboxCluster cluster(options);
        if (!cluster.start())
            qFatal("sandbox start failed");
        if (!cluster.stop())
            qFatal("sandbox stop failed");
    });
    const double raw = bench::medianMilliseconds(kRuns, [&] { rawLifecycle(installation.value(), parent.path()); });
    bench::printFigure(QStringLiteral("sandbox start+stop (vs initdb + pg_ctl start/stop)"), ours, raw,
                       QStringLiteral("ms"), QStringLiteral("<= 1.2x"));
    return 0;
}
