#pragma once

#include "connection/connectionprofile.h"
#include "connection/serverinfo.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace nrdb {

class SandboxCluster;

// Starts a sandbox cluster with a "netraven" database on a worker thread and owns it until
// destroyed, when the cluster is stopped and removed. GUI thread only.
class SandboxController : public QObject {
    Q_OBJECT
public:
    explicit SandboxController(QObject *parent = nullptr);
    ~SandboxController() override;

    void start();
    bool isStarting() const { return m_watcher.isRunning(); }

signals:
    void messageLogged(const QString &text);
    void ready(const nrdb::ConnectionProfile &profile, const nrdb::ServerInfo &info);
    void failed(const QString &message);

private:
    struct Outcome {
        QString errorText; // empty on success
        ConnectionProfile profile;
        ServerInfo info;
    };
    Outcome startOnWorker();
    void onFinished();

    std::unique_ptr<SandboxCluster> m_cluster;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace nrdb
