#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace nrdb {

class JobRunner;
class JobSlot;

// Settings: the appearance (Light, Dark, System), where the PostgreSQL client tools are, and the
// directories of model packs besides the built-in ones. Test shows every pg_dump/pg_restore/psql set found (and its
// version), and which one the connected server would get, found by a job (FindToolsJob); the packs the directories hold
// are listed as they change. GUI thread only.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // serverMajorVersion: of the connected server, or 0 when there is none.
    SettingsDialog(JobRunner *runner, int serverMajorVersion, QWidget *parent = nullptr);

    QString toolsDirectory() const;
    void test();
    QString testResult() const;
    QStringList packDirectories() const;
    void addPackDirectory(const QString &directory);
    // The packs known with the directories as listed: "built in: …", then one line a pack.
    QString knownPacks() const;
    // Keeps the directories in the settings.
    void accept() override;

signals:
    void tested();

private:
    QLayout *createPackDirectories();
    void showKnownPacks();

    JobSlot *m_tests;
    QComboBox *m_appearance;
    int m_serverMajorVersion;
    QLineEdit *m_directory;
    QPushButton *m_testButton;
    QLabel *m_result;
    QListWidget *m_packDirectories;
    QLabel *m_knownPacks;
};

} // namespace nrdb
