#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace nrdb {

// The empty state shown while no database is connected: says what to do next. GUI thread only.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // Shown under the buttons while a server starts, or after it failed.
    void setStatusText(const QString &text);
    void setBusy(bool busy);

signals:
    void connectRequested();
    void sandboxRequested();

private:
    QPushButton *m_connectButton = nullptr;
    QPushButton *m_sandboxButton = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace nrdb
