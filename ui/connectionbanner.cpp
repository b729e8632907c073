#include "connectionbanner.h"

#include "activeconnection.h"
#include "errorpresenter.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace nrdb {

ConnectionBanner::ConnectionBanner(ActiveConnection *connection, QWidget *parent)
    : QFrame(parent), m_message(new MessagePanel(this)), m_reconnect(new QPushButton(tr("Reconnect"), this))
{
    setObjectName(QStringLiteral("connectionBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_reconnect->setObjectName(QStringLiteral("reconnectButton"));
    m_reconnect->setToolTip(tr("Connect to the same database again (F5); asks for the password if the server no "
                               "longer takes it"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_reconnect, 0, Qt::AlignTop);
    setVisible(false);

    connect(m_reconnect, &QPushButton::clicked, this, &ConnectionBanner::reconnectRequested);
    connect(connection, &ActiveConnection::lost, this, &ConnectionBanner::showLost);
    connect(connection, &ActiveConnection::opened, this, &QWidget::hide);
    connect(connection, &ActiveConnection::closed, this, &QWidget::hide);
}

void ConnectionBanner::showLost(const Error &reason)
{
    Error said = reason;
    said.message =
        tr("The connection was lost. Reconnect to read the schema and run jobs again.\n%1").arg(reason.message);
    m_message->showError(said);
    m_reconnect->setEnabled(true);
    setVisible(true);
}

void ConnectionBanner::showReconnecting()
{
    m_message->showText(tr("Reconnecting…"));
    m_reconnect->setEnabled(false);
}

void ConnectionBanner::showReconnectFailed(const Error &error)
{
    if (!isVisible())
        return;
    Error said = error;
    said.message = tr("Reconnecting failed: %1").arg(error.message);
    m_message->showError(said);
    m_reconnect->setEnabled(true);
}

} // namespace nrdb
