#pragma once

#include "jobs/restorejob.h"
#include "jobs/restorepreviewjob.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace nrdb {

class JobRunner;
class JobSlot;

// Restore…: what the backup is (its manifest's summary and its tables, read by a job), where it
// goes (a new database, its name checked against the server's databases as it is typed, or one
// that exists, replaced only once its name is typed again), parallel jobs, owners and grants kept
// or not, all its tables or some, and whether to connect to the result. Esc while the backup is
// read stops the read and closes. GUI thread only.
class RestoreDialog : public QDialog {
    Q_OBJECT
public:
    RestoreDialog(JobRunner *runner, const ConnectionProfile &server, const QString &backupPath,
                  QWidget *parent = nullptr);

    // As filled in: source, target, replacing and its typed name, jobs, ownership, tables.
    RestoreOptions options() const;
    bool connectAfterwards() const;
    const std::optional<RestorePreview> &preview() const { return m_preview; }
    // Why Restore cannot run yet, or what it will do: the line under the target.
    QString targetCheck() const;

signals:
    void previewShown(); // the backup was read (or could not be: the summary says why)

private:
    QLayout *createTargetChoice();
    QLayout *createTableChoice();
    void showPreview(const RestorePreview &preview);
    QString summaryText(const RestorePreview &preview) const;
    QString freeName(const QString &base) const;
    // Why Restore cannot run (empty when it can).
    QString targetProblem() const;
    void updateState();

    JobSlot *m_reads;
    QString m_backupPath;
    std::optional<RestorePreview> m_preview;
    QLabel *m_summary;
    QRadioButton *m_intoNew;
    QLineEdit *m_newName;
    QRadioButton *m_replace;
    QComboBox *m_replaced;
    QLineEdit *m_confirm;
    QLabel *m_targetCheck;
    QSpinBox *m_jobs;
    QCheckBox *m_keepOwnership;
    QRadioButton *m_allTables;
    QRadioButton *m_someTables;
    QListWidget *m_tables;
    QCheckBox *m_connectAfter;
    QPushButton *m_restore;
};

} // namespace nrdb
