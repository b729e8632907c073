#pragma once

#include "connection/connectionprofile.h"
#include "connection/serverinfo.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QStackedWidget;

namespace nrdb {

class LogDock;
class SandboxController;
class ServerSummaryPage;
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

public slots:
    void startSandbox();

signals:
    // A connection is established and its summary is on screen.
    void connected();
    // Starting or reaching a server failed; the reason is on screen and in the log.
    void connectionFailed();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void restoreLayout();
    void saveLayout() const;
    void showConnected(const ConnectionProfile &profile, const ServerInfo &info);
    void showFailure(const QString &message);

    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcomePage = nullptr;
    ServerSummaryPage *m_summaryPage = nullptr;
    LogDock *m_logDock = nullptr;
    QLabel *m_connectionLabel = nullptr;
    SandboxController *m_sandbox = nullptr;
    QAction *m_sandboxAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace nrdb
