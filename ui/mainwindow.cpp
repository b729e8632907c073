#include "mainwindow.h"

#include "logdock.h"
#include "sandboxcontroller.h"
#include "serversummarypage.h"
#include "welcomepage.h"

#include "nrdb/version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>

namespace nrdb {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_pages(new QStackedWidget(this)), m_welcomePage(new WelcomePage(this)),
      m_summaryPage(new ServerSummaryPage(this)), m_logDock(new LogDock(this)),
      m_connectionLabel(new QLabel(tr("Not connected"), this)), m_sandbox(new SandboxController(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral(NRDB_PRODUCT_NAME));
    m_pages->setObjectName(QStringLiteral("centralPages"));
    m_pages->addWidget(m_welcomePage);
    m_pages->addWidget(m_summaryPage);
    setCentralWidget(m_pages);

    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    m_connectionLabel->setObjectName(QStringLiteral("connectionStatus"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->showMessage(tr("Ready"));

    createActions();
    createMenus();
    createToolBar();

    connect(m_welcomePage, &WelcomePage::sandboxRequested, this, &MainWindow::startSandbox);
    connect(m_sandbox, &SandboxController::messageLogged, m_logDock, &LogDock::appendLine);
    connect(m_sandbox, &SandboxController::ready, this, &MainWindow::showConnected);
    connect(m_sandbox, &SandboxController::failed, this, &MainWindow::showFailure);

    resize(1100, 720);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_sandboxAction = new QAction(style()->standardIcon(QStyle::SP_ComputerIcon), tr("Start &Sandbox Server"), this);
    m_sandboxAction->setObjectName(QStringLiteral("startSandboxAction"));
    m_sandboxAction->setStatusTip(tr("Start a throwaway local PostgreSQL server and connect to it"));
    connect(m_sandboxAction, &QAction::triggered, this, &MainWindow::startSandbox);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction = new QAction(tr("&About %1").arg(QStringLiteral(NRDB_PRODUCT_NAME)), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About %1").arg(QStringLiteral(NRDB_PRODUCT_NAME)),
                           tr("<b>%1</b> %2<br>Administration for NetRaven's PostgreSQL database.")
                               .arg(QStringLiteral(NRDB_PRODUCT_NAME), QStringLiteral(NRDB_VERSION_STRING)));
    });
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    fileMenu->addAction(m_sandboxAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    QAction *toggleLog = m_logDock->toggleViewAction();
    toggleLog->setObjectName(QStringLiteral("toggleLogDockAction"));
    viewMenu->addAction(toggleLog);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->toggleViewAction()->setObjectName(QStringLiteral("toggleMainToolBarAction"));
    toolBar->addAction(m_sandboxAction);
}

void MainWindow::startSandbox()
{
    if (m_sandbox->isStarting())
        return;
    m_sandboxAction->setEnabled(false);
    m_welcomePage->setBusy(true);
    m_welcomePage->setStatusText(tr("Starting a sandbox server… (progress in the Log dock)"));
    statusBar()->showMessage(tr("Starting a sandbox server…"));
    m_sandbox->start();
}

void MainWindow::showConnected(const ConnectionProfile &profile, const ServerInfo &info)
{
    m_summaryPage->showSummary(profile, info);
    m_pages->setCurrentWidget(m_summaryPage);
    m_connectionLabel->setText(tr("Connected: %1").arg(profile.displayName()));
    setWindowTitle(tr("%1 — %2").arg(profile.displayName(), QStringLiteral(NRDB_PRODUCT_NAME)));
    statusBar()->showMessage(tr("Connected to PostgreSQL %1").arg(info.serverVersion), 10000);
    m_logDock->appendLine(tr("Connected to %1, PostgreSQL %2").arg(profile.displayName(), info.serverVersion));
    emit connected();
}

void MainWindow::showFailure(const QString &message)
{
    m_sandboxAction->setEnabled(true);
    m_welcomePage->setBusy(false);
    m_welcomePage->setStatusText(tr("The sandbox server could not be started: %1").arg(message));
    statusBar()->showMessage(tr("Sandbox server failed to start"), 10000);
    m_logDock->appendLine(tr("Error: %1").arg(message));
    emit connectionFailed();
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

} // namespace nrdb
