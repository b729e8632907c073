#pragma once

#include "backup/backupcatalog.h"
#include "jobs/jobtypes.h"

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QTableView;

namespace nrdb {

class ActiveConnection;
class BackupListModel;
class Job;
class JobRunner;
class JobSlot;
class PlaceholderStack;
struct JobEnd;

// The Backups tab: the backups of a directory with their date, size, format and checked state;
// verify them (checksum and archive), prove one restorable, restore one, and prune by retention
// (the only verified backup is never removed). Verify and prove run as jobs. GUI thread only.
class BackupsPanel : public QWidget {
    Q_OBJECT
public:
    // Proving and restoring need the connection open: the server they run on.
    BackupsPanel(JobRunner *runner, const ActiveConnection *connection, QWidget *parent = nullptr);

    void setDirectory(const QString &directory);
    QString directory() const { return m_directory; }
    BackupListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    void refresh();
    void selectRow(int row);
    void verifySelected();
    void proveSelected();
    // Removes what the rule lets go; returns their names.
    QStringList pruneWith(const RetentionRule &rule);

signals:
    void restoreRequested(const QString &path);
    void checked(); // a verify or proof ended and the list shows its result

private:
    QWidget *createButtons();
    QStringList selectedPaths() const;
    void chooseDirectory();
    void pruneInteractively();
    // Backups of a saved production database are let go only once its name is typed.
    bool confirmPruneOfProduction(const QVector<BackupEntry> &doomed);
    void updateButtons();
    // Shows the list with what the job just checked, still selected.
    void showChecked(const Job &job, const JobEnd &end);

    JobSlot *m_slot;
    const ActiveConnection *m_connection;
    BackupListModel *m_model;
    QTableView *m_view;
    PlaceholderStack *m_stack;
    QLabel *m_directoryLabel = nullptr;
    QAction *m_verifyAction = nullptr;
    QAction *m_proveAction = nullptr;
    QAction *m_restoreAction = nullptr;
    QAction *m_pruneAction = nullptr;
    QString m_directory;
};

} // namespace nrdb
