#include "repairdialog.h"

#include "util/counting.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace nrdb {

namespace {

QString describePlan(const RepairReport &report)
{
    const MigrationPlan &plan = report.plan;
    QString text = plan.isEmpty()
                       ? QObject::tr("No statement can repair what differs.")
                       : QObject::tr("This script of %1 brings %2 back to %3 %4.")
                             .arg(counted(plan.statements.size(), QObject::tr("statement"), QObject::tr("statements")),
                                  report.before.database, report.before.pack, report.before.modelVersionText);
    if (!plan.refused.isEmpty())
        text += QLatin1Char(' ') +
                QObject::tr("%1 not repaired (see the script's head).")
                    .arg(counted(plan.refused.size(), QObject::tr("difference is"), QObject::tr("differences are")));
    if (!plan.keptExtras.isEmpty())
        text += QLatin1Char(' ') + QObject::tr("%1 kept.")
                                       .arg(counted(plan.keptExtras.size(), QObject::tr("extra object is"),
                                                    QObject::tr("extra objects are")));
    return text;
}

} // namespace

RepairDialog::RepairDialog(const RepairReport &report, bool allowDrop, QWidget *parent)
    : QDialog(parent),
      m_script(report.plan.toSql(
          tr("Repair of %1 to %2 %3").arg(report.before.server, report.before.pack, report.before.modelVersionText))),
      m_database(report.before.database), m_canApply(!report.plan.isEmpty()),
      m_summary(new QLabel(describePlan(report), this)), m_text(new QPlainTextEdit(m_script, this)),
      m_allowDrop(new QCheckBox(this)), m_apply(new QPushButton(tr("Apply"), this))
{
    setObjectName(QStringLiteral("repairDialog"));
    setWindowTitle(tr("Repair %1").arg(m_database));
    m_summary->setObjectName(QStringLiteral("repairSummary"));
    m_summary->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("repairScript"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const int extras =
        int(report.plan.keptExtras.size() +
            std::count_if(report.plan.statements.cbegin(), report.plan.statements.cend(),
                          [](const PlannedStatement &statement) { return statement.item.kind == DriftKind::Extra; }));
    m_allowDrop->setObjectName(QStringLiteral("repairAllowDrop"));
    m_allowDrop->setText(tr("Drop the extra objects too (what they hold is lost)"));
    m_allowDrop->setChecked(allowDrop);
    m_allowDrop->setVisible(extras > 0);
    m_apply->setObjectName(QStringLiteral("repairApplyButton"));
    m_apply->setEnabled(canApply());
    m_apply->setAutoDefault(false); // Enter must not change a database
    m_apply->setToolTip(tr("Runs the statements one after another, each with its own lock and statement timeout, "
                           "then verifies again"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    buttons->addButton(m_apply, QDialogButtonBox::AcceptRole);
    QPushButton *save = buttons->addButton(tr("Save Script…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("repairSaveButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save, &QPushButton::clicked, this, &RepairDialog::saveScript);
    connect(m_allowDrop, &QCheckBox::toggled, this, [this] { done(Replan); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_allowDrop);
    layout->addWidget(buttons);
    resize(900, 600);
}

QString RepairDialog::script() const
{
    return m_script;
}

QString RepairDialog::summary() const
{
    return m_summary->text();
}

bool RepairDialog::canApply() const
{
    return m_canApply;
}

void RepairDialog::saveScript()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Repair Script"), QStringLiteral("repair-%1.sql").arg(m_database), tr("SQL (*.sql)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_script.toUtf8()) < 0 || !file.commit())
        QMessageBox::warning(this, tr("Save Repair Script"),
                             tr("%1 could not be written: %2").arg(path, file.errorString()));
}

} // namespace nrdb
