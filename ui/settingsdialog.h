#pragma once

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QLineEdit;
class QPushButton;

namespace nrdb {

// Settings: where the PostgreSQL client tools are. Test shows every pg_dump/pg_restore/psql set
// found (and its version), and which one the connected server would get. GUI thread only.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // serverMajorVersion: of the connected server, or 0 when there is none.
    explicit SettingsDialog(int serverMajorVersion, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    QString toolsDirectory() const;
    void test();
    QString testResult() const;
    // Keeps the directory in the settings.
    void accept() override;

signals:
    void tested();

private:
    void showFound();

    int m_serverMajorVersion;
    QLineEdit *m_directory;
    QPushButton *m_testButton;
    QLabel *m_result;
    QFutureWatcher<QString> m_watcher;
};

} // namespace nrdb
