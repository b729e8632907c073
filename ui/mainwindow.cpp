#include "mainwindow.h"

#include "jobspanel.h"
#include "logdock.h"
#include "sandboxcontroller.h"
#include "serversummarypage.h"
#include "welcomepage.h"

#include "jobs/jobrunner.h"
#include "jobs/serversummaryjob.h"
#include "log/logfile.h"
#include "log/logmodel.h"
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
    : QMainWindow(parent), m_runner(new JobRunner(4, this)), m_logModel(new LogModel(100000, this)),
      m_logFile(new LogFile(LogFile::defaultPath(), 5 * 1024 * 1024, 5, this)), m_pages(new QStackedWidget(this)),
      m_welcomePage(new WelcomePage(this)), m_summaryPage(new ServerSummaryPage(this)),
      m_logDock(new LogDock(m_logModel, this)), m_jobsPanel(new JobsPanel(m_runner, this)),
      m_connectionLabel(new QLabel(tr("Not connected"), this)), m_sandbox(new SandboxController(m_runner, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral(NRDB_PRODUCT_NAME));
    m_pages->setObjectName(QStringLiteral("centralPages"));
    m_pages->addWidget(m_welcomePage);
    m_pages->addWidget(m_summaryPage);
    setCentralWidget(m_pages);

    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsPanel);
    splitDockWidget(m_logDock, m_jobsPanel, Qt::Horizontal);
    resizeDocks({m_logDock, m_jobsPanel}, {600, 500}, Qt::Horizontal);
    resizeDocks({m_logDock}, {240}, Qt::Vertical);
    m_connectionLabel->setObjectName(QStringLiteral("connectionStatus"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->showMessage(tr("Ready"));

    createActions();
    createMenus();
    createToolBar();

    connect(m_welcomePage, &WelcomePage::sandboxRequested, this, &MainWindow::startSandbox);
    connect(m_runner, &JobRunner::messageLogged, this, &MainWindow::record);
    connect(m_runner, &JobRunner::finished, this, &MainWindow::onJobFinished);
    connect(m_sandbox, &SandboxController::ready, this, &MainWindow::readSummary);
    connect(m_sandbox, &SandboxController::failed, this, &MainWindow::showFailure);

    resize(1100, 720);
    restoreLayout();
}

MainWindow::~MainWindow()
{
    // Jobs may still use the sandbox; end them before the sandbox goes.
    delete m_runner;
    m_runner = nullptr;
}

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
    QAction *toggleJobs = m_jobsPanel->toggleViewAction();
    toggleJobs->setObjectName(QStringLiteral("toggleJobsDockAction"));
    viewMenu->addAction(toggleJobs);

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
    toolBar->addSeparator();
    toolBar->addAction(m_jobsPanel->cancelAction());
}

void MainWindow::startSandbox()
{
    if (m_sandbox->isStarting())
        return;
    m_sandboxAction->setEnabled(false);
    m_welcomePage->setBusy(true);
    m_welcomePage->setStatusText(tr("Starting a sandbox server… (progress in the Jobs and Log docks)"));
    statusBar()->showMessage(tr("Starting a sandbox server…"));
    m_sandbox->start();
}

void MainWindow::record(const LogRecord &record)
{
    m_logModel->append(record);
    m_logFile->write(record);
}

void MainWindow::readSummary(const ConnectionProfile &profile)
{
    m_summaryJob = std::make_shared<ServerSummaryJob>(profile);
    m_summaryJobId = m_runner->submit(m_summaryJob);
}

void MainWindow::onJobFinished(JobId id, JobState state, const Error &error)
{
    if (id != m_summaryJobId)
        return;
    m_summaryJobId = 0;
    if (state == JobState::Succeeded)
        showConnected(m_summaryJob->target(), m_summaryJob->result());
    else
        showFailure(state == JobState::Cancelled ? tr("cancelled") : error.fullText());
}

void MainWindow::showConnected(const ConnectionProfile &profile, const ServerInfo &info)
{
    m_summaryPage->showSummary(profile, info);
    m_pages->setCurrentWidget(m_summaryPage);
    m_connectionLabel->setText(tr("Connected: %1").arg(profile.displayName()));
    setWindowTitle(tr("%1 — %2").arg(profile.displayName(), QStringLiteral(NRDB_PRODUCT_NAME)));
    statusBar()->showMessage(tr("Connected to PostgreSQL %1").arg(info.serverVersion), 10000);
    record(LogRecord(LogLevel::Info, tr("Connected to %1").arg(profile.displayName())));
    emit connected();
}

void MainWindow::showFailure(const QString &message)
{
    m_sandboxAction->setEnabled(true);
    m_welcomePage->setBusy(false);
    m_welcomePage->setStatusText(tr("Could not connect: %1").arg(message));
    statusBar()->showMessage(tr("Could not connect"), 10000);
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
