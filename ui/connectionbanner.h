#pragma once

#include "util/result.h"

#include <QFrame>

class QPushButton;

namespace nrdb {

class ActiveConnection;
class MessagePanel;

// Across the top of the connected pages while the connection is lost: why, in a sentence (the
// server's own words behind Details), that jobs wait, and Reconnect. Shown when connection says
// it is lost, hidden when it opens again or closes. GUI thread only.
class ConnectionBanner : public QFrame {
    Q_OBJECT
public:
    ConnectionBanner(ActiveConnection *connection, QWidget *parent);

    void showReconnecting();
    void showReconnectFailed(const Error &error);
    const MessagePanel *message() const { return m_message; }

signals:
    void reconnectRequested();

private:
    void showLost(const Error &reason);

    MessagePanel *m_message;
    QPushButton *m_reconnect;
};

} // namespace nrdb
