#pragma once

#include "sandbox/sandboxstate.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace nrdb {

struct SandboxOptions {
    quint16 port = 0;                 // 0: pick a free loopback port
    QString binDir;                   // empty: ServerInstallation::find() decides
    QString parentDir;                // empty: the system temporary directory
    QStringList extraInitdbArguments; // e.g. --data-checksums, --locale=...
    QString password;                 // the superuser's; empty: a generated one
    int startTimeoutSeconds = 60;
};

// Receives one line per step while a sandbox starts or stops.
using ProgressSink = std::function<void(const QString &)>;

// A throwaway PostgreSQL cluster (initdb + pg_ctl) in a temporary directory, listening on
// 127.0.0.1 only, with a generated superuser password. Stopped and removed on destruction
// unless detached. As root, the server runs as the 'postgres' system user (initdb refuses root).
// Thread: any one thread at a time; start() blocks, so call it from a worker, never the GUI thread.
class SandboxCluster {
public:
    explicit SandboxCluster(SandboxOptions options = {});
    ~SandboxCluster();
    SandboxCluster(const SandboxCluster &) = delete;
    SandboxCluster &operator=(const SandboxCluster &) = delete;

    // Creates, configures and starts the cluster; on any failure removes what it made.
    Status start(const ProgressSink &progress = {});
    Status stop(const ProgressSink &progress = {});
    bool isRunning() const { return m_running; }
    // Leaves the cluster running after destruction; stop it later with stopCluster(state()).
    void detach() { m_detached = true; }
    const SandboxState &state() const { return m_state; }

private:
    Status prepareDirectory(const ProgressSink &say);
    Status runInitdb(const ProgressSink &say);
    Status writeConfiguration();
    Status launch(const ProgressSink &say);
    Status waitUntilAcceptingConnections();
    Status writePassFile();
    void removeDirectory();

    SandboxOptions m_options;
    SandboxState m_state;
    bool m_running = false;
    bool m_detached = false;
};

// Stops the cluster a SandboxState describes (fast, then immediate) and removes its directory.
Status stopCluster(const SandboxState &state, const ProgressSink &progress = {});

} // namespace nrdb
