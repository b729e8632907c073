#include "welcomepage.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace nrdb {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent), m_connectButton(new QPushButton(tr("Connect to a server…"), this)),
      m_sandboxButton(new QPushButton(tr("Try it on a local sandbox server"), this)), m_status(new QLabel(this)),
      m_profilesTitle(new QLabel(tr("Saved connections (double-click to connect):"), this)),
      m_profiles(new QListWidget(this))
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
    m_profiles->setObjectName(QStringLiteral("welcomeProfiles"));
    m_profiles->setMaximumHeight(180);

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
    column->addSpacing(18);
    column->addWidget(m_profilesTitle);
    column->addWidget(m_profiles);
    column->addStretch(2);

    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 3);
    outer->addStretch(1);

    connect(m_connectButton, &QPushButton::clicked, this, &WelcomePage::connectRequested);
    connect(m_sandboxButton, &QPushButton::clicked, this, &WelcomePage::sandboxRequested);
    connect(m_profiles, &QListWidget::itemActivated, this,
            [this](const QListWidgetItem *item) { emit profileChosen(item->data(Qt::UserRole).toString()); });
    showProfiles({}, {});
}

void WelcomePage::showProfiles(const QList<ConnectionProfile> &profiles, const QStringList &recent)
{
    QList<ConnectionProfile> ordered = profiles;
    const auto rank = [&recent](const ConnectionProfile &profile) {
        const auto index = recent.indexOf(profile.name);
        return index < 0 ? recent.size() : index;
    };
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&rank](const ConnectionProfile &a, const ConnectionProfile &b) { return rank(a) < rank(b); });
    m_profiles->clear();
    for (const ConnectionProfile &profile : std::as_const(ordered)) {
        auto *item = new QListWidgetItem(
            tr("%1  —  %2 (%3)").arg(profile.name, profile.displayName(), deploymentTierName(profile.tier)),
            m_profiles);
        item->setData(Qt::UserRole, profile.name);
        item->setToolTip(tr("Connect to %1").arg(profile.displayName()));
    }
    m_profilesTitle->setVisible(!ordered.isEmpty());
    m_profiles->setVisible(!ordered.isEmpty());
}

void WelcomePage::setStatusText(const QString &text)
{
    m_status->setText(text);
}

void WelcomePage::setBusy(bool busy)
{
    m_connectButton->setEnabled(!busy);
    m_sandboxButton->setEnabled(!busy);
    m_profiles->setEnabled(!busy);
}

} // namespace nrdb
