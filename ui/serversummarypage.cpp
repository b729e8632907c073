#include "serversummarypage.h"

#include "util/counting.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace nrdb {

ServerSummaryPage::ServerSummaryPage(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_hint(new QLabel(this)), m_form(new QFormLayout)
{
    setObjectName(QStringLiteral("serverSummaryPage"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("summaryTitle"));
    m_hint->setWordWrap(true);
    m_hint->setObjectName(QStringLiteral("summaryHint"));
    m_form->setLabelAlignment(Qt::AlignRight);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addWidget(m_title);
    layout->addSpacing(12);
    layout->addLayout(m_form);
    layout->addSpacing(12);
    layout->addWidget(m_hint);
    layout->addStretch(1);
}

void ServerSummaryPage::showSummary(const Connected &connection)
{
    const ConnectionProfile &profile = connection.profile;
    const ServerInfo &info = connection.info;
    m_title->setText(tr("Connected to %1").arg(info.currentDatabase));
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    const QLocale locale;
    const auto addRow = [this](const QString &label, const QString &value) {
        auto *valueLabel = new QLabel(value, this);
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_form->addRow(label, valueLabel);
    };
    if (!profile.name.isEmpty())
        addRow(tr("Profile:"), tr("%1 (%2)").arg(profile.name, deploymentTierName(profile.tier)));
    addRow(tr("Server:"), tr("%1:%2").arg(profile.host.isEmpty() ? tr("local socket") : profile.host, profile.port));
    addRow(tr("PostgreSQL:"), info.serverVersion);
    addRow(tr("User:"), info.superuser ? tr("%1 (superuser)").arg(info.currentUser) : info.currentUser);
    addRow(tr("Password from:"), passwordOriginName(connection.passwordOrigin));
    addRow(tr("Database size:"), locale.formattedDataSize(info.databaseSizeBytes));
    addRow(tr("Schemas:"), info.schemas.join(QStringLiteral(", ")));
    addRow(tr("Tables:"), locale.toString(info.userTableCount));
    m_hint->setText(info.userTableCount == 0 ? tr("This database has no tables yet.")
                                             : tr("%1 in %2.")
                                                   .arg(counted(info.userTableCount, tr("table"), tr("tables")),
                                                        counted(info.schemas.size(), tr("schema"), tr("schemas"))));
}

} // namespace nrdb
