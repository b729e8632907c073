#pragma once

#include "connection/connector.h"
#include "jobs/connectjob.h"
#include "log/logrecord.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace nrdb {

class ActiveConnection;
class BackupController;
class BackupsPanel;
class EnvironmentsPage;
class CompareDialog;
class ConnectionBanner;
class ConnectionController;
class DiagramPage;
class JobRunner;
class JobsPanel;
class LeftoverController;
class LifecycleController;
class PackController;
class LogDock;
class LogFile;
class LogModel;
class SandboxController;
class SchemaBrowser;
class ServerSummaryPage;
class VerifyReportView;
class WelcomePage;

// The main window: menus, toolbar, central pages, status bar and the Log dock. Saves its
// geometry and dock layout in QSettings on close and restores them on construction.
// GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    LogDock *logDock() const { return m_logDock; }
    JobsPanel *jobsPanel() const { return m_jobsPanel; }
    JobRunner *jobRunner() const { return m_runner; }
    SchemaBrowser *schemaBrowser() const { return m_browser; }
    DiagramPage *diagram() const { return m_diagram; }
    void showDiagram();
    void showBackups();
    LifecycleController *lifecycle() const { return m_lifecycle; }
    // Opens Compare… for the connected database (a window of its own, closed with the connection).
    CompareDialog *openCompare();
    // Compare the connected database with a saved environment's (Environments ▸ Compare with Connected).
    void compareWithEnvironment(const QString &name);
    BackupController *backups() const { return m_backups; }
    PackController *packs() const { return m_packs; }
    BackupsPanel *backupsPanel() const { return m_backupsPanel; }
    EnvironmentsPage *environmentsPage() const { return m_environments; }

public slots:
    void startSandbox();
    // Opens the connection dialog, which connects to the profile chosen there.
    void showConnectionDialog();
    void connectTo(const nrdb::ConnectionProfile &profile, const nrdb::RetryPolicy &retry = nrdb::RetryPolicy{},
                   bool rememberPassword = false);

signals:
    // A connection is established and its summary is on screen.
    void connected();
    // Starting or reaching a server failed; the reason is on screen and in the log.
    void connectionFailed();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void connectSignals();
    void createActions();
    void createMenus();
    void createToolBar();
    void createLifecycleActions();
    void createNavigationActions();
    void find(); // the Diagram's find when it shows, else the Schema tab's search
    void updateLifecycleActions();
    void newPack(); // with the schemas the connected database holds tables in
    void restoreLayout();
    void saveLayout() const;
    void record(const LogRecord &record);
    void fillRecentMenu();
    void showConnecting(const QString &what);
    void showConnected(const Connected &connection);
    void showFailure(const QString &message);
    void showDisconnected();
    void showLost();
    void showSavedProfiles(); // on the empty page
    void refreshOverview();   // with the backups of the Backups tab's directory
    void refreshOrReconnect();
    void showTier(const ConnectionProfile &profile);
    // Production's window is tinted red (m_tinted), on whichever appearance is applied.
    void applyTint();

    JobRunner *m_runner = nullptr; // first: it is destroyed last, after the jobs it ran were waited for
    ActiveConnection *m_connection = nullptr;
    LogModel *m_logModel = nullptr;
    LogFile *m_logFile = nullptr;
    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcomePage = nullptr;
    QWidget *m_connectedPage = nullptr; // the banner over the tabs
    ConnectionBanner *m_banner = nullptr;
    QTabWidget *m_connectedTabs = nullptr;
    ServerSummaryPage *m_summaryPage = nullptr;
    SchemaBrowser *m_browser = nullptr;
    DiagramPage *m_diagram = nullptr;
    VerifyReportView *m_verifyView = nullptr;
    BackupsPanel *m_backupsPanel = nullptr;
    EnvironmentsPage *m_environments = nullptr;
    LogDock *m_logDock = nullptr;
    JobsPanel *m_jobsPanel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_tierBadge = nullptr;
    SandboxController *m_sandbox = nullptr;
    ConnectionController *m_connections = nullptr;
    LifecycleController *m_lifecycle = nullptr;
    BackupController *m_backups = nullptr;
    PackController *m_packs = nullptr;
    LeftoverController *m_leftovers = nullptr;
    QList<QAction *> m_lifecycleActions;
    QList<QAction *> m_toolBarLifecycleActions;
    bool m_tinted = false;
    bool m_bootstrapWhenConnected = false; // the sandbox just started: make it a NetRaven database
    QMenu *m_recentMenu = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_sandboxAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_nextTabAction = nullptr;
    QAction *m_previousTabAction = nullptr;
};

} // namespace nrdb
