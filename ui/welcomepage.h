#pragma once

#include "connection/connectionprofile.h"

#include <QList>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace nrdb {

// The empty state shown while no database is connected: says what to do next, and lists the saved
// profiles (recent first) to connect to with a double-click. GUI thread only.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // Shown under the buttons while a server starts, or after it failed.
    void setStatusText(const QString &text);
    void setBusy(bool busy);
    // The saved profiles, those in recent (names, most recent first) before the others.
    void showProfiles(const QList<ConnectionProfile> &profiles, const QStringList &recent);

signals:
    void connectRequested();
    void sandboxRequested();
    void profileChosen(const QString &name);

private:
    QPushButton *m_connectButton = nullptr;
    QPushButton *m_sandboxButton = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_profilesTitle = nullptr;
    QListWidget *m_profiles = nullptr;
};

} // namespace nrdb
