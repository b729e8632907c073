#pragma once

#include "diagram/diagrammodel.h"
#include "jobs/applyplanjob.h"
#include "jobs/comparejob.h"
#include "jobs/rehearsejob.h"
#include "model/schemacompare.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace nrdb {

class ActiveConnection;
class JobRunner;
class JobSlot;
class PackController;

// Compare the connected database (the target) with a saved profile's database or a pack's model
// (the source): the differences as a tree, schema by schema, the script that makes the target
// like the source, a rehearsal of it on a copy of the target's schema in a throwaway sandbox, or
// on a restore of one of its backups (each statement's time and the locks it held; on a backup,
// what the rows make of it), and Apply once the rehearsal went clean, after
// the production confirmation; Save as Migration of a source database into a pack on disk. Its apply is a writer of the
// ActiveConnection. GUI thread only.
class CompareDialog : public QDialog {
    Q_OBJECT
public:
    CompareDialog(JobRunner *runner, ActiveConnection *connection, QWidget *parent = nullptr);

    // Chooses the source by what the list shows ("pack netraven-v2", a profile's name); false
    // when there is none such.
    bool selectSource(const QString &text);
    const std::optional<CompareReport> &report() const { return m_report; }
    const std::optional<RehearsalReport> &rehearsal() const { return m_rehearsal; }
    QString status() const;

public slots:
    void compare();
    void rehearse();
    // The rehearsal on a restore of backup (a backup of the target) instead of its schema alone.
    void rehearseOn(const QString &backup);
    void apply();
    // Save as Migration: the source database's schema as the next migration of the pack in
    // packDirectory (what takes the pack's head there; the script shown when the target is at
    // that head). Only when the source is a database.
    void saveAsMigration(const QString &packDirectory, const QString &name);
    // Esc or Close: cancels a compare or rehearsal under way (the dialog stays, saying so), else
    // closes; not while the script is being applied.
    void reject() override;
    // The connection closed: closes, dropping a compare or rehearsal (not an apply under way).
    void closeWithConnection();

signals:
    void compared();  // report() holds the newest compare
    void rehearsed(); // rehearsal() holds it
    void applied();   // the target changed; report() is the compare after
    void failed(const QString &message);
    void migrationSaved(const QString &message);
    // What the diagram should mark: the target's tables and columns that differ.
    void marksChanged(const nrdb::DiagramMarks &marks);

private:
    std::optional<CompareSource> chosenSource();
    void fillSources();
    void showReport(const CompareReport &report);
    void showRun(const MigrationPlan &plan, const PlanRun &run);
    void setStatus(const QString &text);
    void updateButtons();
    void saveScript();
    void chooseBackupToRehearseOn();

    JobSlot *m_reads;
    JobSlot *m_writes;
    PackController *m_packs;
    ActiveConnection *m_connection;
    QComboBox *m_source;
    QCheckBox *m_allowDrop;
    QPushButton *m_compare;
    QLabel *m_status;
    QTabWidget *m_tabs;
    QTreeWidget *m_differences;
    QPlainTextEdit *m_script;
    QTreeWidget *m_runs;
    QPushButton *m_save;
    QPushButton *m_saveMigration;
    QPushButton *m_rehearse;
    QPushButton *m_rehearseOnBackup;
    QPushButton *m_apply;
    std::optional<CompareReport> m_report;
    std::optional<ConnectionProfile> m_sourceDatabase; // m_report's source, when it is a database
    std::optional<RehearsalReport> m_rehearsal;        // of m_report's plan
};

} // namespace nrdb
