#include "verifyreportview.h"

#include "placeholderstack.h"

#include "util/counting.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
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
    m_save->setEnabled(true);
    m_repair->setEnabled(!report.isForeign() && !report.drift.isEmpty());
    m_stack->setPlaceholder({});
    m_verdict->setText(report.verdict());
    QPalette palette = m_verdict->palette();
    palette.setColor(QPalette::WindowText,
                     report.hasDifferences() ? QColor(0xc6, 0x28, 0x28) : QColor(0x2e, 0x7d, 0x32));
    m_verdict->setPalette(palette);
    fillTree();
}

void VerifyReportView::fillTree()
{
    const VerifyReport &report = m_report;
    const QIcon ok = style()->standardIcon(QStyle::SP_DialogApplyButton);
    const QIcon bad = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    m_tree->clear();
    QTreeWidgetItem *root = m_tree->invisibleRootItem();
    if (report.isForeign())
        return; // the verdict says it all: which pack is closest, and how much of it is there

    addItem(root, {tr("Model: %1 (%2)").arg(report.pack, report.packReason), report.modelVersionText}, ok);
    if (report.foreignHistory)
        addItem(root, {report.foreignHistory->describe()}, report.foreignHistory->agrees() ? ok : bad);

    QTreeWidgetItem *required = addItem(root,
                                        {tr("Required tables: %1 of %2 present")
                                             .arg(report.requiredPresent.size())
                                             .arg(report.requiredPresent.size() + report.requiredMissing.size())},
                                        report.requiredMissing.isEmpty() ? ok : bad);
    for (const QString &table : report.requiredMissing)
        addItem(required,
                {tr("missing: %1").arg(table), report.schema, report.requiredElsewhere.value(table, tr("nowhere"))},
                bad);

    QTreeWidgetItem *migrations =
        addItem(root,
                {tr("Migrations: version %1 of %2%3")
                     .arg(report.migrations.currentVersion)
                     .arg(report.migrations.headVersion)
                     .arg(report.historyExists ? QString() : tr(", no history (adopt)"))},
                report.migrations.pending.isEmpty() && report.migrations.mismatches.isEmpty() ? ok : bad);
    for (const AppliedMigration &applied : report.migrations.applied)
        addItem(migrations, {QStringLiteral("%1_%2").arg(applied.version, 4, 10, QLatin1Char('0')).arg(applied.name),
                             applied.how, tr("%1 by %2").arg(applied.appliedAt, applied.appliedBy)});
    for (const Migration &pending : report.migrations.pending)
        addItem(migrations, {tr("pending: %1").arg(pending.label())}, warning);
    for (const ChecksumMismatch &mismatch : report.migrations.mismatches)
        addItem(migrations,
                {tr("changed since applied: %1").arg(mismatch.version), mismatch.inPack.left(16),
                 mismatch.recorded.left(16)},
                bad);

    QTreeWidgetItem *drift = addItem(
        root, {tr("Drift from the model: %1").arg(counted(report.drift.size(), tr("difference"), tr("differences")))},
        report.drift.isEmpty() ? ok : bad);
    QMap<QString, QTreeWidgetItem *> driftTables;
    for (const DriftItem &item : report.drift) {
        QTreeWidgetItem *&table = driftTables[item.table];
        if (!table)
            table = addItem(drift, {item.table.isEmpty() ? tr("types and sequences") : item.table});
        addItem(table,
                {QStringLiteral("%1 %2 %3").arg(driftKindName(item.kind), item.objectType, item.object).trimmed(),
                 item.expected, item.actual},
                bad);
    }

    QTreeWidgetItem *lint = addItem(root, {tr("Known defects (lint): %1").arg(report.findings.size())},
                                    report.findings.isEmpty() ? ok : warning);
    QMap<QString, QTreeWidgetItem *> rules;
    for (const LintFinding &finding : report.findings) {
        QTreeWidgetItem *&rule = rules[finding.rule];
        if (!rule)
            rule = addItem(lint, {finding.rule});
        addItem(rule, {finding.message, finding.fixSql});
    }
    for (QTreeWidgetItem *rule : std::as_const(rules))
        rule->setText(0, QStringLiteral("%1 (%2)").arg(rule->text(0)).arg(rule->childCount()));
    required->setExpanded(!report.requiredMissing.isEmpty());
    migrations->setExpanded(true);
    drift->setExpanded(true);
    for (QTreeWidgetItem *table : std::as_const(driftTables))
        table->setExpanded(true);
}

} // namespace nrdb
