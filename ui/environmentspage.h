#pragma once

#include "connection/connectionprofile.h"

#include <QHash>
#include <QWidget>

class QAction;
class QLabel;
class QTreeView;

namespace nrdb {

class EnvironmentListModel;
class JobRunner;
class JobSlot;
class PlaceholderStack;

// The Environments view: every saved profile, grouped by tier, with its status read in the
// background (EnvironmentStatusJob), a bounded number at once on a runner of its own, so that a
// dead server never holds up the others nor the window's own jobs. Refresh one or all; a
// double-click connects; Back Up Selected backs each selected environment up as a job of the
// window's runner. Verify All and Back Up Selected end in a health report (HTML and JSON) written
// beside the backups, in health/. GUI thread only.
class EnvironmentsPage : public QWidget {
    Q_OBJECT
public:
    // Statuses read at once.
    static constexpr int kParallelStatuses = 8;

    // writer: the window's runner, on which backups run beside the window's other jobs.
    explicit EnvironmentsPage(JobRunner *writer, QWidget *parent = nullptr);

    void setProfiles(const QList<ConnectionProfile> &profiles);
    void refreshAll();
    void refresh(const QString &name);
    void backUp(const QStringList &names);
    // Reads every status again, then writes the health report.
    void verifyAll();
    QStringList selectedNames() const;
    // Schedule Backups… of the environment: its dialog, open beside the view.
    void openSchedule(const QString &name);

    EnvironmentListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    bool isReading() const;
    bool isBackingUp() const;

signals:
    void connectRequested(const QString &name);
    // Compare the window's database with this environment's (the source).
    void compareRequested(const QString &name);
    // Every status asked for has come back.
    void allRead();
    // A backup of an environment ended: its path, or the error.
    void backedUp(const QString &name, const QString &path);
    void backUpFailed(const QString &name, const QString &message);
    // The health report of a Verify All or Back Up Selected was written (path: its HTML), or not.
    void healthReported(const QString &path);
    void healthReportFailed(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createToolBar();
    void showContextMenu(const QPoint &where);
    JobSlot *slotFor(QHash<QString, JobSlot *> &table, JobRunner *runner, const QString &name);
    void updateActions();
    void reportWhenDone();

    JobRunner *m_writer;
    JobRunner *m_statusRunner;
    EnvironmentListModel *m_model;
    QTreeView *m_view;
    PlaceholderStack *m_stack;
    QHash<QString, JobSlot *> m_statusSlots;
    QHash<QString, JobSlot *> m_backupSlots;
    QAction *m_refreshAllAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_scheduleAction = nullptr;
    QAction *m_backUpAction = nullptr;
    QAction *m_verifyAllAction = nullptr;
    QLabel *m_reportLabel = nullptr;
    bool m_everRead = false;
    bool m_reportWhenDone = false;
};

} // namespace nrdb
