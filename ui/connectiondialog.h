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
class JobRunner;
class JobSlot;
struct JobEnd;

// Edits the saved connection profiles (add, duplicate, delete, import from a URI or from the
// PG* environment), tests one, and hands the chosen one back. Profiles are saved on Connect;
// passwords only go to the keychain, and only when the user ticks "Remember". GUI thread only.
class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    ConnectionDialog(JobRunner *runner, QWidget *parent = nullptr);

    // After exec() returned Accepted: the chosen profile, with the password typed (if any).
    ConnectionProfile chosenProfile() const;
    bool rememberPassword() const;
    void selectProfile(const QString &name);

    // The profiles as edited so far (for tests and for saving).
    const QList<ConnectionProfile> &profiles() const { return m_profiles; }
    // Adds a profile read from a URI or keyword string; false with a message if it is not valid.
    bool importConnectionString(const QString &text, QString *message = nullptr);
    void importFromEnvironment();
    void testConnection();

signals:
    void testFinished(bool ok, const QString &summary);

private:
    QWidget *createProfileList();
    QWidget *createForm();
    void addProfile(ConnectionProfile profile);
    void showProfile(int row);
    void storeForm();
    QString uniqueName(const QString &base) const;
    void showTestResult(ConnectJob &job, const JobEnd &end);
    void acceptIfValid();

    JobSlot *m_tests;
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
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;
    int m_shownRow = -1;
};

} // namespace nrdb
