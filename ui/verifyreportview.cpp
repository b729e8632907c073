#include "verifyreportview.h"

#include "appearance.h"
#include "placeholderstack.h"

#include "util/counting.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nrdb {

namespace {

QTreeWidgetItem *addItem(QTreeWidgetItem *parent, const QStringList &columns, const QIcon &icon = {})
{
    auto *item = new QTreeWidgetItem(parent, columns);
    if (!icon.isNull())
        item->setIcon(0, icon);
    for (int column = 0; column < columns.size(); ++column)
        item->setToolTip(column, columns.at(column));
    return item;
}

// The report as a tree: the model, the required tables, the migrations, the drift, the lint.
class ReportTree {
    Q_DECLARE_TR_FUNCTIONS(VerifyReportView)

public:
    ReportTree(QTreeWidget *tree, const VerifyReport &report)
        : m_root(tree->invisibleRootItem()), m_report(report),
          m_ok(tree->style()->standardIcon(QStyle::SP_DialogApplyButton)),
          m_bad(tree->style()->standardIcon(QStyle::SP_MessageBoxCritical)),
          m_warning(tree->style()->standardIcon(QStyle::SP_MessageBoxWarning))
    {
    }

    void addModel()
    {
        addItem(m_root, {tr("Model: %1 (%2)").arg(m_report.pack, m_report.packReason), m_report.modelVersionText},
                m_ok);
        if (m_report.foreignHistory)
            addItem(m_root, {m_report.foreignHistory->describe()}, m_report.foreignHistory->agrees() ? m_ok : m_bad);
    }

    void addRequiredTables()
    {
        const int present = int(m_report.requiredPresent.size());
        QTreeWidgetItem *required = addItem(
            m_root,
            {tr("Required tables: %1 of %2 present").arg(present).arg(present + m_report.requiredMissing.size())},
            m_report.requiredMissing.isEmpty() ? m_ok : m_bad);
        for (const QString &table : m_report.requiredMissing)
            addItem(
                required,
                {tr("missing: %1").arg(table), m_report.schema, m_report.requiredElsewhere.value(table, tr("nowhere"))},
                m_bad);
        required->setExpanded(!m_report.requiredMissing.isEmpty());
    }

    void addMigrations()
    {
        const MigrationStatus &status = m_report.migrations;
        QTreeWidgetItem *migrations =
            addItem(m_root,
                    {tr("Migrations: version %1 of %2%3")
                         .arg(status.currentVersion)
                         .arg(status.headVersion)
                         .arg(m_report.historyExists ? QString() : tr(", no history (adopt)"))},
                    status.pending.isEmpty() && status.mismatches.isEmpty() ? m_ok : m_bad);
        for (const AppliedMigration &applied : status.applied)
            addItem(migrations,
                    {QStringLiteral("%1_%2").arg(applied.version, 4, 10, QLatin1Char('0')).arg(applied.name),
                     applied.how, tr("%1 by %2").arg(applied.appliedAt, applied.appliedBy)});
        for (const Migration &pending : status.pending)
            addItem(migrations, {tr("pending: %1").arg(pending.label())}, m_warning);
        for (const ChecksumMismatch &mismatch : status.mismatches)
            addItem(migrations,
                    {tr("changed since applied: %1").arg(mismatch.version), mismatch.inPack.left(16),
                     mismatch.recorded.left(16)},
                    m_bad);
        migrations->setExpanded(true);
    }

    // Grouped by table, each table open.
    void addDrift()
    {
        QTreeWidgetItem *drift = addItem(
            m_root,
            {tr("Drift from the model: %1").arg(counted(m_report.drift.size(), tr("difference"), tr("differences")))},
            m_report.drift.isEmpty() ? m_ok : m_bad);
        QMap<QString, QTreeWidgetItem *> tables;
        for (const DriftItem &item : m_report.drift) {
            QTreeWidgetItem *&table = tables[item.table];
            if (!table)
                table = addItem(drift, {item.table.isEmpty() ? tr("types and sequences") : item.table});
            addItem(table,
                    {QStringLiteral("%1 %2 %3").arg(driftKindName(item.kind), item.objectType, item.object).trimmed(),
                     item.expected, item.actual},
                    m_bad);
        }
        drift->setExpanded(true);
        for (QTreeWidgetItem *table : std::as_const(tables))
            table->setExpanded(true);
    }

    // Grouped by rule, each with its count.
    void addLint()
    {
        QTreeWidgetItem *lint = addItem(m_root, {tr("Known defects (lint): %1").arg(m_report.findings.size())},
                                        m_report.findings.isEmpty() ? m_ok : m_warning);
        QMap<QString, QTreeWidgetItem *> rules;
        for (const LintFinding &finding : m_report.findings) {
            QTreeWidgetItem *&rule = rules[finding.rule];
            if (!rule)
                rule = addItem(lint, {finding.rule});
            addItem(rule, {finding.message, finding.fixSql});
        }
        for (QTreeWidgetItem *rule : std::as_const(rules))
            rule->setText(0, QStringLiteral("%1 (%2)").arg(rule->text(0)).arg(rule->childCount()));
    }

private:
    QTreeWidgetItem *m_root;
    const VerifyReport &m_report;
    QIcon m_ok;
    QIcon m_bad;
    QIcon m_warning;
};

} // namespace

VerifyReportView::VerifyReportView(QWidget *parent)
    : QWidget(parent), m_verdict(new QLabel(this)), m_tree(new QTreeWidget), m_stack(new PlaceholderStack(m_tree)),
      m_save(new QPushButton(tr("Save HTML Report…"), this)), m_repair(new QPushButton(tr("Repair…"), this))
{
    setObjectName(QStringLiteral("verifyReport"));
    m_verdict->setObjectName(QStringLiteral("verifyVerdict"));
    m_verdict->setWordWrap(true);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_verdict->setFont(bold);
    m_tree->setObjectName(QStringLiteral("verifyTree"));
    m_tree->setHeaderLabels({tr("Item"), tr("Expected"), tr("Actual")});
    m_tree->header()->resizeSection(0, 360);
    m_tree->header()->resizeSection(1, 300);
    m_save->setObjectName(QStringLiteral("saveVerifyReportButton"));
    m_repair->setObjectName(QStringLiteral("repairButton"));
    m_repair->setToolTip(tr("The script that brings the database back to its model, to read, save or apply"));
    connect(m_repair, &QPushButton::clicked, this, &VerifyReportView::repairRequested);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_verdict, 1);
    bar->addWidget(m_repair);
    bar->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save Verify Report"),
                                         QStringLiteral("verify-%1.html").arg(m_report.database), tr("HTML (*.html)"));
        if (!path.isEmpty() && !saveHtml(path))
            QMessageBox::warning(this, tr("Save Verify Report"),
                                 tr("The report could not be written to %1.").arg(path));
    });
    clear();
}

void VerifyReportView::clear()
{
    m_hasReport = false;
    m_failed = false;
    m_tree->clear();
    m_verdict->clear();
    m_save->setEnabled(false);
    m_repair->setEnabled(false);
    m_stack->setPlaceholder(tr("No verify has run yet. Verify (toolbar) finds which NetRaven this database is and "
                               "compares it with that model: required tables, migrations, drift, and known defects."));
}

bool VerifyReportView::saveHtml(const QString &path) const
{
    if (!m_hasReport)
        return false;
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(m_report.toHtml().toUtf8()) >= 0 && file.commit();
}

void VerifyReportView::showReport(const VerifyReport &report)
{
    m_report = report;
    m_hasReport = true;
    m_failed = false;
    m_save->setEnabled(true);
    m_repair->setEnabled(!report.isForeign() && !report.drift.isEmpty());
    m_stack->setPlaceholder({});
    m_verdict->setText(report.verdict());
    colourVerdict();
    fillTree();
}

void VerifyReportView::showFailure(const Error &error)
{
    m_failed = true;
    const QString when = QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat);
    if (!m_hasReport) {
        m_stack->setPlaceholder(tr("Verify could not run (%1): %2").arg(when, error.message));
        return;
    }
    m_verdict->setText(tr("Verify could not run (%1): %2\nThe report below is from %3: %4")
                           .arg(when, error.message,
                                QLocale().toString(m_report.checkedAt.toLocalTime(), QLocale::ShortFormat),
                                m_report.verdict()));
    colourVerdict();
}

void VerifyReportView::colourVerdict()
{
    QPalette verdictPalette = palette();
    if (m_hasReport)
        verdictPalette.setColor(QPalette::WindowText,
                                toneColor(m_failed || m_report.hasDifferences() ? Tone::Bad : Tone::Good, palette()));
    m_verdict->setPalette(verdictPalette);
}

void VerifyReportView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        colourVerdict(); // legible on the new palette too
}

void VerifyReportView::fillTree()
{
    m_tree->clear();
    if (m_report.isForeign())
        return; // the verdict says it all: which pack is closest, and how much of it is there
    ReportTree tree(m_tree, m_report);
    tree.addModel();
    tree.addRequiredTables();
    tree.addMigrations();
    tree.addDrift();
    tree.addLint();
}

} // namespace nrdb
