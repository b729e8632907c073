#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace nrdb {

class JobRunner;
class JobSlot;

// Settings: where the PostgreSQL client tools are. Test shows every pg_dump/pg_restore/psql set
// found (and its version), and which one the connected server would get, found by a job
// (FindToolsJob). GUI thread only.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // serverMajorVersion: of the connected server, or 0 when there is none.
    SettingsDialog(JobRunner *runner, int serverMajorVersion, QWidget *parent = nullptr);

    QString toolsDirectory() const;
    void test();
    QString testResult() const;
    // Keeps the directory in the settings.
    void accept() override;

signals:
    void tested();

private:
    JobSlot *m_tests;
    int m_serverMajorVersion;
    QLineEdit *m_directory;
    QPushButton *m_testButton;
    QLabel *m_result;
};

} // namespace nrdb
