#include "comparedialog.h"

#include "activeconnection.h"
#include "jobslot.h"
#include "packcontroller.h"
#include "productionconfirm.h"

#include "connection/profilestore.h"
#include "diagram/verifymarks.h"
#include "jobs/comparejob.h"
#include "util/counting.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nrdb {

namespace {

const QString kPackPrefix = QStringLiteral("pack ");

QTreeWidget *newTree(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(name);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(true);
    tree->setUniformRowHeights(true);
    tree->header()->setStretchLastSection(true);
    return tree;
}

QString firstLine(const QString &text)
{
    return text.section(QLatin1Char('\n'), 0, 0);
}

} // namespace

CompareDialog::CompareDialog(JobRunner *runner, ActiveConnection *connection, QWidget *parent)
    : QDialog(parent), m_reads(new JobSlot(runner, JobSlot::Policy::Exclusive, this)),
      m_writes(new JobSlot(runner, JobSlot::Policy::Exclusive, this)),
      m_packs(new PackController(runner, connection, this)), m_connection(connection), m_source(new QComboBox(this)),
      m_allowDrop(new QCheckBox(tr("Drop what the source lacks"), this)),
      m_compare(new QPushButton(tr("Compare"), this)), m_status(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_differences(
          newTree({tr("Difference"), tr("Source"), tr("Target")}, QStringLiteral("compareDifferences"), this)),
      m_script(new QPlainTextEdit(this)),
      m_runs(newTree({tr("Statement"), tr("Time"), tr("Locks held")}, QStringLiteral("compareRehearsal"), this)),
      m_save(new QPushButton(tr("Save Script…"), this)),
      m_saveMigration(new QPushButton(tr("Save as Migration…"), this)),
      m_rehearse(new QPushButton(tr("Rehearse"), this)),
      m_rehearseOnBackup(new QPushButton(tr("Rehearse on a Backup…"), this)),
      m_apply(new QPushButton(tr("Apply…"), this))
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare %1").arg(connection->profile().database));
    connection->addWriter(m_writes);
    m_source->setObjectName(QStringLiteral("compareSource"));
    m_allowDrop->setObjectName(QStringLiteral("compareAllowDrop"));
    m_allowDrop->setToolTip(tr("Also drop the tables, columns, indexes and other objects only the target has: "
                               "what they hold is lost"));
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_status->setWordWrap(true);
    m_script->setObjectName(QStringLiteral("compareScript"));
    m_script->setReadOnly(true);
    m_script->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_script->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_differences, tr("Differences"));
    m_tabs->addTab(m_script, tr("Script"));
    m_tabs->addTab(m_runs, tr("Rehearsal"));
    m_apply->setObjectName(QStringLiteral("compareApplyButton"));
    m_apply->setAutoDefault(false); // Enter must not change a database
    m_rehearse->setToolTip(tr("Runs the script on a copy of this database's schema in a throwaway sandbox server"));
    m_rehearseOnBackup->setObjectName(QStringLiteral("compareRehearseOnBackupButton"));
    m_rehearseOnBackup->setToolTip(tr("Runs the script on a restore of a backup of this database, rows and all, "
                                      "in a throwaway sandbox server: each statement takes as long as it will here, "
                                      "and what the rows break shows"));
    m_apply->setToolTip(tr("Runs the script on this database, once a rehearsal went clean"));
    m_saveMigration->setObjectName(QStringLiteral("compareSaveMigrationButton"));
    m_saveMigration->setToolTip(tr("Writes the source database's schema as the next migration of a model pack on "
                                   "disk: what takes the pack's newest version there"));
    fillSources();

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Make %1 like:").arg(connection->profile().database), this));
    top->addWidget(m_source, 1);
    top->addWidget(m_allowDrop);
    top->addWidget(m_compare);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    buttons->addButton(m_saveMigration, QDialogButtonBox::ActionRole);
    buttons->addButton(m_rehearse, QDialogButtonBox::ActionRole);
    buttons->addButton(m_rehearseOnBackup, QDialogButtonBox::ActionRole);
    buttons->addButton(m_apply, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    connect(m_compare, &QPushButton::clicked, this, &CompareDialog::compare);
    connect(m_rehearse, &QPushButton::clicked, this, &CompareDialog::rehearse);
    connect(m_rehearseOnBackup, &QPushButton::clicked, this, &CompareDialog::chooseBackupToRehearseOn);
    connect(m_apply, &QPushButton::clicked, this, &CompareDialog::apply);
    connect(m_save, &QPushButton::clicked, this, &CompareDialog::saveScript);
    connect(m_saveMigration, &QPushButton::clicked, this, [this] {
        if (m_sourceDatabase)
            m_packs->captureMigrationOf(*m_sourceDatabase);
    });
    connect(m_packs, &PackController::done, this, [this](const QString &message) {
        setStatus(message);
        emit migrationSaved(message);
    });
    connect(m_packs, &PackController::failed, this, [this](const QString &message) {
        setStatus(message);
        emit failed(message);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_allowDrop, &QCheckBox::toggled, this, [this] {
        if (m_report)
            compare(); // the script is another one
    });
    connect(m_reads, &JobSlot::busyChanged, this, &CompareDialog::updateButtons);
    connect(connection, &ActiveConnection::busyChanged, this, &CompareDialog::updateButtons);
    setStatus(tr("Choose what this database should be like, then Compare."));
    updateButtons();
    resize(1000, 650);
}

bool CompareDialog::selectSource(const QString &text)
{
    const int index = m_source->findText(text);
    if (index >= 0)
        m_source->setCurrentIndex(index);
    return index >= 0;
}

QString CompareDialog::status() const
{
    return m_status->text();
}

void CompareDialog::fillSources()
{
    const ConnectionProfile &target = m_connection->profile();
    for (const ConnectionProfile &profile : ProfileStore().profiles()) {
        if (profile.host != target.host || profile.port != target.port || profile.database != target.database)
            m_source->addItem(profile.name, profile.name);
    }
    for (const QString &pack : ModelPack::names())
        m_source->addItem(kPackPrefix + pack, QString());
}

std::optional<CompareSource> CompareDialog::chosenSource()
{
    const QString text = m_source->currentText();
    if (text.startsWith(kPackPrefix)) {
        Result<ModelPack> pack = ModelPack::named(text.mid(kPackPrefix.size()));
        if (!pack) {
            setStatus(pack.error().message);
            return std::nullopt;
        }
        return CompareSource{{}, std::move(pack).value(), 0};
    }
    Result<ConnectionProfile> saved = ProfileStore().profile(m_source->currentData().toString());
    if (!saved) {
        setStatus(saved.error().message);
        return std::nullopt;
    }
    return CompareSource{std::move(saved).value(), std::nullopt, 0}; // the job finds its password
}

void CompareDialog::compare()
{
    std::optional<CompareSource> source = chosenSource();
    if (!source || !m_connection->isOpen())
        return;
    PlanOptions options;
    options.allowDrop = m_allowDrop->isChecked();
    setStatus(tr("Comparing…"));
    std::optional<ConnectionProfile> sourceDatabase;
    if (!source->pack)
        sourceDatabase = source->database;
    m_reads->start(std::make_shared<CompareJob>(std::move(*source), m_connection->profile(), QStringList(), options),
                   [this, sourceDatabase](CompareJob &job, const JobEnd &end) {
                       m_sourceDatabase = end.succeeded() ? sourceDatabase : std::nullopt;
                       if (!end.succeeded()) {
                           setStatus(end.failed() ? end.error.message : tr("The compare was cancelled."));
                           emit failed(end.error.fullText());
                           return;
                       }
                       showReport(job.result());
                       emit compared();
                   });
    updateButtons();
}

void CompareDialog::showReport(const CompareReport &report)
{
    m_report = report;
    m_rehearsal.reset();
    m_runs->clear();
    m_differences->clear();
    DiagramMarks marks;
    for (const SchemaComparison &schema : report.schemas) {
        if (schema.differences.isEmpty() && !schema.missing)
            continue;
        auto *node = new QTreeWidgetItem(m_differences,
                                         {schema.missing ? tr("schema %1 (missing in the target)").arg(schema.schema)
                                                         : tr("schema %1").arg(schema.schema),
                                          {},
                                          counted(schema.differences.size(), tr("difference"), tr("differences"))});
        for (const DriftItem &item : schema.differences) {
            auto *row = new QTreeWidgetItem(node, {item.describe(), firstLine(item.expected), firstLine(item.actual)});
            row->setToolTip(1, item.expected);
            row->setToolTip(2, item.actual);
        }
        node->setExpanded(true);
        addDriftMarks(schema.schema, schema.differences, marks);
    }
    for (const DriftItem &item : report.extensions)
        new QTreeWidgetItem(m_differences, {item.describe(), item.expected, item.actual});
    m_differences->resizeColumnToContents(0);
    m_differences->setColumnWidth(0, qMin(m_differences->columnWidth(0), m_tabs->width() / 2));
    m_tabs->setTabText(0, tr("Differences (%1)").arg(report.differenceCount()));
    m_tabs->setTabText(1, tr("Script (%1)").arg(report.plan.statements.size()));
    m_script->setPlainText(report.plan.toSql(report.scriptTitle()));
    setStatus(report.isEmpty() ? tr("%1 is like %2.").arg(report.target, report.source)
                               : tr("%1; %2 make %3 like %4. Rehearse it before you apply it.")
                                     .arg(counted(report.differenceCount(), tr("difference"), tr("differences")),
                                          counted(report.plan.statements.size(), tr("statement"), tr("statements")),
                                          report.target, report.source));
    emit marksChanged(marks);
    updateButtons();
}

void CompareDialog::rehearse()
{
    rehearseOn({});
}

void CompareDialog::chooseBackupToRehearseOn()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("A Backup of %1").arg(m_connection->profile().database),
                                                      {}, tr("Backups (*.dump *.sql.gz *.sql);;All files (*)"));
    if (!path.isEmpty())
        rehearseOn(path);
}

void CompareDialog::rehearseOn(const QString &backup)
{
    if (!m_report || m_report->plan.isEmpty())
        return;
    setStatus(backup.isEmpty() ? tr("Rehearsing on a copy of the schema in a sandbox server…")
                               : tr("Rehearsing on a restore of %1 in a sandbox server…").arg(backup));
    const CompareReport report = *m_report;
    auto rehearsal = std::make_shared<RehearseJob>(m_connection->profile(), report.plan, report.wanted);
    if (!backup.isEmpty())
        rehearsal->rehearseOnBackup(backup);
    m_reads->start(rehearsal, [this](RehearseJob &job, const JobEnd &end) {
        if (!end.succeeded()) {
            setStatus(end.failed() ? end.error.message : tr("The rehearsal was cancelled."));
            emit failed(end.error.fullText());
            return;
        }
        m_rehearsal = job.result();
        showRun(m_report->plan, m_rehearsal->run);
        m_tabs->setCurrentWidget(m_runs);
        setStatus(m_rehearsal->ok()
                      ? tr("The rehearsal on a copy of %1 ran all %2 and left nothing to do (PostgreSQL %3). "
                           "Apply runs them on %4.")
                            .arg(m_rehearsal->loadedFrom,
                                 counted(m_rehearsal->run.statements.size(), tr("statement"), tr("statements")),
                                 m_rehearsal->server, m_connection->profile().database)
                      : tr("The rehearsal did not end clean: %1")
                            .arg(m_rehearsal->run.failure ? m_rehearsal->run.failure->message
                                                          : tr("differences remain after it")));
        updateButtons();
        emit rehearsed();
    });
    updateButtons();
}

void CompareDialog::apply()
{
    if (!m_report || !m_rehearsal || !m_rehearsal->ok() || m_connection->isBusy() ||
        !confirmProductionWrite(this, m_connection->profile(), tr("Apply")))
        return;
    setStatus(tr("Applying to %1…").arg(m_connection->profile().database));
    const CompareReport report = *m_report;
    m_writes->start(std::make_shared<ApplyPlanJob>(m_connection->profile(), report.plan, report.wanted),
                    [this, report](ApplyPlanJob &job, const JobEnd &end) {
                        showRun(report.plan, job.statementsRun());
                        if (!end.succeeded()) {
                            setStatus(end.failed() ? end.error.message : tr("The apply was cancelled."));
                            emit failed(end.error.fullText());
                            emit applied(); // the statements before the failure stay applied
                            return;
                        }
                        CompareReport after = *job.result().after;
                        after.source = report.source;
                        showReport(after);
                        setStatus(
                            tr("Applied %1 to %2. %3")
                                .arg(counted(job.statementsRun().statements.size(), tr("statement"), tr("statements")),
                                     report.target, status()));
                        emit applied();
                    });
    updateButtons();
}

void CompareDialog::saveAsMigration(const QString &packDirectory, const QString &name)
{
    if (m_sourceDatabase)
        m_packs->addMigration(*m_sourceDatabase, packDirectory, name);
}

void CompareDialog::showRun(const MigrationPlan &plan, const PlanRun &run)
{
    m_runs->clear();
    for (int i = 0; i < plan.statements.size(); ++i) {
        const QString sql = QStringLiteral("%1. %2").arg(i + 1).arg(firstLine(plan.statements.at(i).sql));
        if (i < run.statements.size()) {
            const StatementRun &done = run.statements.at(i);
            auto *item =
                new QTreeWidgetItem(m_runs, {sql, tr("%1 ms").arg(done.ms), done.locks.join(QStringLiteral(", "))});
            item->setToolTip(0, plan.statements.at(i).sql);
            item->setToolTip(2, done.locks.join(QLatin1Char('\n')));
        } else {
            auto *item = new QTreeWidgetItem(
                m_runs, {sql, {}, i == run.statements.size() && run.failure ? run.failure->message : tr("not run")});
            item->setForeground(2, palette().color(QPalette::PlaceholderText));
        }
    }
    m_runs->resizeColumnToContents(0);
    m_runs->resizeColumnToContents(1);
    m_runs->setColumnWidth(0, qMin(m_runs->columnWidth(0), m_tabs->width() * 6 / 10)); // the locks need room too
}

// An apply is not stopped from here: it is cancelled in the Jobs dock, where that is deliberate.
void CompareDialog::reject()
{
    if (m_writes->isBusy()) {
        setStatus(tr("The script is being applied: cancel it in the Jobs dock, or wait for it to end."));
        return;
    }
    if (m_reads->isBusy()) {
        m_reads->cancel();
        return;
    }
    QDialog::reject();
}

void CompareDialog::closeWithConnection()
{
    if (!m_writes->isBusy())
        done(QDialog::Rejected);
}

void CompareDialog::setStatus(const QString &text)
{
    m_status->setText(text);
}

void CompareDialog::updateButtons()
{
    const bool idle = !m_reads->isBusy() && !m_writes->isBusy();
    const bool hasScript = m_report && !m_report->plan.isEmpty();
    m_compare->setEnabled(idle);
    m_save->setEnabled(hasScript);
    m_saveMigration->setEnabled(idle && hasScript && m_sourceDatabase.has_value());
    m_rehearse->setEnabled(idle && hasScript);
    m_rehearseOnBackup->setEnabled(idle && hasScript);
    m_apply->setEnabled(idle && hasScript && m_rehearsal && m_rehearsal->ok() && !m_connection->isBusy());
}

void CompareDialog::saveScript()
{
    if (!m_report)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Script"), QStringLiteral("compare-%1.sql").arg(m_connection->profile().database),
        tr("SQL (*.sql)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_script->toPlainText().toUtf8()) < 0 || !file.commit())
        QMessageBox::warning(this, tr("Save Script"), tr("%1 could not be written: %2").arg(path, file.errorString()));
}

} // namespace nrdb
