#pragma once

#include <QThread>

namespace nrdb::test {

class RelayWorker;

// A loopback TCP port that passes every byte to and from another loopback port, and that can be
// stopped and started again on the same port: a server that goes away and comes back, for the
// clients of this port only (the real server goes on serving everyone else). The piping runs on a
// thread of its own, so a test that blocks its own thread does not stall the clients.
class TcpRelay {
public:
    explicit TcpRelay(quint16 targetPort);
    ~TcpRelay();
    TcpRelay(const TcpRelay &) = delete;
    TcpRelay &operator=(const TcpRelay &) = delete;

    // Listens on port() (chosen free the first time); false when the port cannot be bound.
    bool start();
    // Refuses new connections and cuts the open ones, as a stopped server would.
    void stop();
    quint16 port() const { return m_port; }

private:
    QThread m_thread;
    RelayWorker *m_worker;
    quint16 m_port = 0;
};

} // namespace nrdb::test
