#pragma once

#include "connection/connectionprofile.h"

#include <QObject>

#include <memory>

namespace nrdb {

class JobRunner;
class JobSlot;
class SandboxCluster;

// Starts a sandbox cluster with a "netraven" database as a job, and owns the cluster until it is
// destroyed, when the cluster is stopped and removed. GUI thread only.
class SandboxController : public QObject {
    Q_OBJECT
public:
    explicit SandboxController(JobRunner *runner, QObject *parent = nullptr);
    ~SandboxController() override;

    void start();
    bool isStarting() const;

signals:
    void ready(const nrdb::ConnectionProfile &profile);
    void failed(const QString &message);

private:
    JobSlot *m_slot;
    std::shared_ptr<SandboxCluster> m_cluster;
};

} // namespace nrdb
