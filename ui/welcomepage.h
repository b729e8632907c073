#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace nrdb {

// The empty state shown while no database is connected: says what to do next, over the
// Environments view (every saved profile with its status; a double-click connects), which it
// holds while no database is connected. GUI thread only.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // Shown under the buttons while a server starts, or after it failed.
    void setStatusText(const QString &text);
    void setBusy(bool busy);
    // Takes environments into its lower part; it stays there until another parent takes it.
    void holdEnvironments(QWidget *environments);

signals:
    void connectRequested();
    void sandboxRequested();

private:
    QPushButton *m_connectButton = nullptr;
    QPushButton *m_sandboxButton = nullptr;
    QLabel *m_status = nullptr;
    QVBoxLayout *m_environmentsArea = nullptr;
};

} // namespace nrdb
