#include "welcomepage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace nrdb {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent), m_connectButton(new QPushButton(tr("Connect to a server…"), this)),
      m_sandboxButton(new QPushButton(tr("Try it on a local sandbox server"), this)), m_status(new QLabel(this)),
      m_environmentsArea(new QVBoxLayout)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *title = new QLabel(tr("No database connected"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *explanation = new QLabel(
        tr("NetRaven DB Admin inspects, initialises, verifies, seeds, backs up and restores NetRaven's PostgreSQL "
           "database.\n\nConnect to a server with a saved profile, a connection URI, or your PG* environment and "
           "~/.pgpass, just as psql would. To look around without touching a real server, start a throwaway local "
           "sandbox: a private PostgreSQL cluster on a free loopback port, removed again when you quit."),
        this);
    explanation->setWordWrap(true);
    explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_connectButton->setDefault(true);
    m_sandboxButton->setObjectName(QStringLiteral("startSandboxButton"));
    m_status->setObjectName(QStringLiteral("welcomeStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *column = new QVBoxLayout;
    column->addStretch(1);
    column->addWidget(title);
    column->addSpacing(12);
    column->addWidget(explanation);
    column->addSpacing(18);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_connectButton);
    buttons->addWidget(m_sandboxButton);
    buttons->addStretch(1);
    column->addLayout(buttons);
    column->addWidget(m_status);
    column->addStretch(1);

    auto *centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addLayout(column, 3);
    centred->addStretch(1);
    auto *environmentsTitle = new QLabel(tr("Environments: every saved connection (double-click to connect)"), this);
    environmentsTitle->setObjectName(QStringLiteral("environmentsTitle"));
    m_environmentsArea->addWidget(environmentsTitle);
    auto *outer = new QVBoxLayout(this);
    outer->addLayout(centred, 2);
    outer->addSpacing(12);
    outer->addLayout(m_environmentsArea, 3);

    connect(m_connectButton, &QPushButton::clicked, this, &WelcomePage::connectRequested);
    connect(m_sandboxButton, &QPushButton::clicked, this, &WelcomePage::sandboxRequested);
}

void WelcomePage::holdEnvironments(QWidget *environments)
{
    m_environmentsArea->addWidget(environments, 1);
    environments->show();
}

void WelcomePage::setStatusText(const QString &text)
{
    m_status->setText(text);
}

void WelcomePage::setBusy(bool busy)
{
    m_connectButton->setEnabled(!busy);
    m_sandboxButton->setEnabled(!busy);
}

} // namespace nrdb
