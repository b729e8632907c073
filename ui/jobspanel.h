#pragma once

#include <QDockWidget>

class QAction;
class QTimer;
class QTreeView;

namespace nrdb {

class JobRunner;
class JobTableModel;
class PlaceholderStack;

// The "Jobs" dock: running and finished jobs with progress, phase, elapsed time, the time left
// where it can be estimated, and Cancel. GUI thread only.
class JobsPanel : public QDockWidget {
    Q_OBJECT
public:
    JobsPanel(JobRunner *runner, QWidget *parent = nullptr);

    JobTableModel *model() const { return m_model; }
    QAction *cancelAction() const { return m_cancelAction; }

private:
    void cancelSelected();
    void updateActions();
    void updateClock();

    JobRunner *m_runner;
    JobTableModel *m_model;
    QTreeView *m_view;
    PlaceholderStack *m_stack;
    QAction *m_cancelAction;
    QAction *m_clearAction;
    QTimer *m_clock;
};

} // namespace nrdb
