#pragma once

#include <QDockWidget>

class QComboBox;
class QLineEdit;
class QToolButton;
class QTreeView;

namespace nrdb {

class LogFilterProxy;
class LogModel;
class PlaceholderStack;

// The "Log" dock: records as they arrive, with level icons, a level and a text filter,
// auto-scroll that pauses while the user reads further up, copy, clear and "Save log…".
// GUI thread only.
class LogDock : public QDockWidget {
    Q_OBJECT
public:
    explicit LogDock(LogModel *model, QWidget *parent = nullptr);

    bool isFollowing() const;
    // The selected records' lines, or all shown ones when nothing is selected.
    QString shownText() const;
    bool saveTo(const QString &path) const;

private:
    QWidget *createFilterBar();
    void copyToClipboard();
    void saveWithDialog();
    void onRowsInserted();
    void onScrolled(int value);
    void updatePlaceholder();

    LogModel *m_model;
    LogFilterProxy *m_proxy;
    QTreeView *m_view;
    PlaceholderStack *m_stack;
    QComboBox *m_levelFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QToolButton *m_followButton = nullptr;
};

} // namespace nrdb
