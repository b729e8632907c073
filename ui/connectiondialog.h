#pragma once

#include "connection/connectionprofile.h"
#include "jobs/jobtypes.h"

#include <QDialog>
#include <QList>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace nrdb {

class ConnectJob;
class ConnectionController;
class JobRunner;
class JobSlot;
class MessagePanel;
struct JobEnd;

// Edits the saved connection profiles (add, duplicate, delete, import from a URI or from the
// PG* environment), tests one, and connects to the chosen one through connector. Profiles are
// saved on Connect; passwords only go to the keychain, and only when the user ticks "Remember".
// The dialog stays open until the connection works: a failure is said in it, a server that is
// there but not ready is tried again with a countdown, and Cancel (or Esc) stops the attempt
// before it closes the dialog. GUI thread only.
class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    ConnectionDialog(JobRunner *runner, ConnectionController *connector, QWidget *parent = nullptr);

    // The profile shown, with the password typed (if any).
    ConnectionProfile chosenProfile() const;
    bool rememberPassword() const;
    void selectProfile(const QString &name);

    // The profiles as edited so far (for tests and for saving).
    const QList<ConnectionProfile> &profiles() const { return m_profiles; }
    // Adds a profile read from a URI or keyword string; false with a message if it is not valid.
    bool importConnectionString(const QString &text, QString *message = nullptr);
    void importFromEnvironment();
    void testConnection();
    // Saves the profiles and connects to the one shown; accepts the dialog once connected.
    void connectToChosen();
    bool isConnecting() const { return m_connecting; }
    const MessagePanel *messagePanel() const { return m_message; }

    // While connecting, stops the attempt and stays open; else closes.
    void reject() override;

signals:
    void testFinished(bool ok, const QString &summary);
    void connectFailed(const nrdb::Error &error);

private:
    QWidget *createProfileList();
    QWidget *createForm();
    void addProfile(ConnectionProfile profile);
    void showProfile(int row);
    void storeForm();
    QString uniqueName(const QString &base) const;
    void showTestResult(ConnectJob &job, const JobEnd &end);
    void showConnectFailure(const Error &error);
    void setConnecting(bool connecting);

    JobSlot *m_tests;
    ConnectionController *m_connector;
    bool m_connecting = false;
    QList<ConnectionProfile> m_profiles;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_tier = nullptr;
    QLineEdit *m_host = nullptr;
    QLineEdit *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QComboBox *m_sslMode = nullptr;
    QLineEdit *m_sslRootCert = nullptr;
    QLineEdit *m_sslCert = nullptr;
    QLineEdit *m_sslKey = nullptr;
    QLineEdit *m_applicationName = nullptr;
    QLineEdit *m_sshHost = nullptr;
    QLineEdit *m_sshIdentity = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_connectButton = nullptr;
    MessagePanel *m_message = nullptr;
    int m_shownRow = -1;
};

} // namespace nrdb
