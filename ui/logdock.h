#pragma once

#include <QDockWidget>

class QPlainTextEdit;

namespace nrdb {

// The "Log" dock: timestamped lines from whatever runs in the background. GUI thread only.
class LogDock : public QDockWidget {
    Q_OBJECT
public:
    explicit LogDock(QWidget *parent = nullptr);

    void appendLine(const QString &text);

private:
    QPlainTextEdit *m_view = nullptr;
};

} // namespace nrdb
