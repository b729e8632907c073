#include "sandboxcontrol.h"

#include "util/childprocess.h"

#include <QDir>

namespace nrdb::test {

namespace {

bool pgCtl(const SandboxState &state, const QStringList &arguments)
{
    ChildCommand command(QDir(state.binDir).filePath(QStringLiteral("pg_ctl")), arguments, state.runAsUser,
                         environmentWithoutLibpqVariables());
    const Result<ChildOutcome> outcome = command.run();
    return outcome && outcome.value().exitCode == 0;
}

} // namespace

bool stopServerNow(const SandboxState &state)
{
    return pgCtl(state, {QStringLiteral("--pgdata=") + state.dataDir, QStringLiteral("--mode=immediate"),
                         QStringLiteral("stop")});
}

bool startServerAgain(const SandboxState &state)
{
    return pgCtl(state, {QStringLiteral("--pgdata=") + state.dataDir, QStringLiteral("--log=") + state.logFile,
                         QStringLiteral("--options=-p %1").arg(state.port), QStringLiteral("--wait"),
                         QStringLiteral("start")});
}

} // namespace nrdb::test
