#include "serversummarypage.h"

#include "jobslot.h"

#include "backup/backuplistmodel.h"
#include "model/verifyreport.h"
#include "util/counting.h"

#include <QDir>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace nrdb {

ServerSummaryPage::ServerSummaryPage(JobRunner *runner, QWidget *parent)
    : QWidget(parent), m_reads(new JobSlot(runner, JobSlot::Policy::NewestWins, this)), m_title(new QLabel(this)),
      m_hint(new QLabel(this)), m_form(new QFormLayout)
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
    m_connection = connection;
    m_overview = {};
    m_lastVerify.clear();
    rebuild();
}

void ServerSummaryPage::refresh(const std::shared_ptr<const SchemaSnapshot> &snapshot, const QString &backupDirectory)
{
    if (m_connection.profile.database.isEmpty())
        return;
    m_reads->start(std::make_shared<OverviewJob>(m_connection.profile, snapshot, backupDirectory),
                   [this](OverviewJob &job, const JobEnd &end) {
                       if (end.succeeded()) {
                           showOverview(job.result());
                           emit overviewShown();
                       }
                   });
}

void ServerSummaryPage::showOverview(const DatabaseOverview &overview)
{
    m_connection.info = overview.info;
    m_connection.pack = overview.pack;
    m_overview = overview;
    rebuild();
}

void ServerSummaryPage::showLastVerify(const VerifyReport &report)
{
    m_lastVerify =
        tr("%1, %2").arg(report.verdict(), QLocale().toString(report.checkedAt.toLocalTime(), QLocale::ShortFormat));
    rebuild();
}

QString ServerSummaryPage::lastBackupText() const
{
    if (m_overview.backupDirectory.isEmpty())
        return tr("not looked for yet");
    if (!m_overview.lastBackup)
        return tr("none in %1").arg(QDir::toNativeSeparators(m_overview.backupDirectory));
    const BackupEntry &backup = *m_overview.lastBackup;
    const QLocale locale;
    return tr("%1, %2, %3; %4")
        .arg(backup.name, locale.toString(backup.createdAt.toLocalTime(), QLocale::ShortFormat),
             locale.formattedDataSize(backup.sizeBytes), BackupListModel::stateText(backup));
}

QString ServerSummaryPage::lastProofText() const
{
    if (!m_overview.lastProof)
        return m_overview.backupDirectory.isEmpty() ? tr("not looked for yet")
                                                    : tr("none: no backup of it has been restored as a test");
    const QJsonObject &proof = m_overview.lastProof->manifest.proof;
    const QString when = QLocale().toString(
        QDateTime::fromString(proof.value(QStringLiteral("at")).toString(), Qt::ISODate).toLocalTime(),
        QLocale::ShortFormat);
    return proof.value(QStringLiteral("ok")).toBool()
               ? tr("%1 restored and checked, %2").arg(m_overview.lastProof->name, when)
               : tr("%1 FAILED, %2: %3")
                     .arg(m_overview.lastProof->name, when, proof.value(QStringLiteral("summary")).toString());
}

void ServerSummaryPage::rebuild()
{
    const ConnectionProfile &profile = m_connection.profile;
    const ServerInfo &info = m_connection.info;
    m_title->setText(tr("Connected to %1").arg(info.currentDatabase));
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    const QLocale locale;
    const auto addRow = [this](const QString &label, const QString &value) {
        auto *valueLabel = new QLabel(value, this);
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        valueLabel->setObjectName(QStringLiteral("summaryValue"));
        m_form->addRow(label, valueLabel);
    };
    if (!profile.name.isEmpty())
        addRow(tr("Profile:"), tr("%1 (%2)").arg(profile.name, deploymentTierName(profile.tier)));
    addRow(tr("Server:"), tr("%1:%2").arg(profile.host.isEmpty() ? tr("local socket") : profile.host, profile.port));
    addRow(tr("PostgreSQL:"), info.serverVersion);
    addRow(tr("User:"), info.superuser ? tr("%1 (superuser)").arg(info.currentUser) : info.currentUser);
    addRow(tr("Password from:"), passwordOriginName(m_connection.passwordOrigin));
    addRow(tr("Model:"), m_overview.packVersion.isEmpty()
                             ? m_connection.pack.describe()
                             : tr("%1 at %2").arg(m_connection.pack.pack, m_overview.packVersion));
    addRow(tr("Last verify:"), m_lastVerify.isEmpty() ? tr("not run since connecting") : m_lastVerify);
    addRow(tr("Last backup:"), lastBackupText());
    addRow(tr("Last proof of restore:"), lastProofText());
    addRow(tr("Database size:"), locale.formattedDataSize(info.databaseSizeBytes));
    addRow(tr("Connections:"),
           tr("%1 to this database; %2 free on the server")
               .arg(locale.toString(info.databaseConnections), locale.toString(info.freeConnections)));
    addRow(tr("Schemas:"), info.schemas.join(QStringLiteral(", ")));
    addRow(tr("Tables:"), locale.toString(info.userTableCount));
    m_hint->setText(info.userTableCount == 0 ? tr("This database has no tables yet.")
                                             : tr("%1 in %2.")
                                                   .arg(counted(info.userTableCount, tr("table"), tr("tables")),
                                                        counted(info.schemas.size(), tr("schema"), tr("schemas"))));
}

} // namespace nrdb
