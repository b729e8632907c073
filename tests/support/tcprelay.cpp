#include "tcprelay.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace nrdb::test {

// Lives on the relay's thread: the listener and one pair of sockets per client.
class RelayWorker : public QObject {
    Q_OBJECT
public:
    explicit RelayWorker(quint16 targetPort) : m_targetPort(targetPort) {}

    Q_INVOKABLE quint16 listen(quint16 port)
    {
        if (!m_server) {
            m_server = new QTcpServer(this);
            connect(m_server, &QTcpServer::newConnection, this, &RelayWorker::acceptAll);
        }
        return m_server->listen(QHostAddress::LocalHost, port) ? m_server->serverPort() : 0;
    }

    Q_INVOKABLE void close()
    {
        if (m_server)
            m_server->close();
        for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
            if (socket)
                socket->abort();
        }
        m_sockets.clear();
    }

private:
    void acceptAll()
    {
        while (QTcpSocket *client = m_server->nextPendingConnection()) {
            auto *upstream = new QTcpSocket(this);
            client->setParent(this);
            pipe(client, upstream);
            pipe(upstream, client);
            m_sockets << client << upstream;
            upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
        }
    }

    // What from reads, to writes; when either side ends, both do.
    void pipe(QTcpSocket *from, QTcpSocket *to)
    {
        connect(from, &QTcpSocket::readyRead, to, [from, to] {
            if (to->state() == QAbstractSocket::ConnectedState)
                to->write(from->readAll());
        });
        connect(from, &QTcpSocket::connected, to, [from, to] {
            if (to->bytesAvailable() > 0)
                from->write(to->readAll());
        });
        connect(from, &QTcpSocket::disconnected, to, [from, to] {
            to->disconnectFromHost();
            from->deleteLater();
        });
        connect(from, &QTcpSocket::errorOccurred, to, [to] { to->abort(); });
    }

    quint16 m_targetPort;
    QTcpServer *m_server = nullptr;
    QList<QPointer<QTcpSocket>> m_sockets;
};

TcpRelay::TcpRelay(quint16 targetPort) : m_worker(new RelayWorker(targetPort))
{
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

TcpRelay::~TcpRelay()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

bool TcpRelay::start()
{
    quint16 bound = 0;
    QMetaObject::invokeMethod(m_worker, "listen", Qt::BlockingQueuedConnection, Q_RETURN_ARG(quint16, bound),
                              Q_ARG(quint16, m_port));
    if (bound == 0)
        return false;
    m_port = bound;
    return true;
}

void TcpRelay::stop()
{
    QMetaObject::invokeMethod(m_worker, "close", Qt::BlockingQueuedConnection);
}

} // namespace nrdb::test

#include "tcprelay.moc"
