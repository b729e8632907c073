#include "mainwindow.h"

#include "actionicon.h"
#include "activeconnection.h"
#include "appearance.h"
#include "backupcontroller.h"
#include "backupspanel.h"
#include "comparedialog.h"
#include "connectionbanner.h"
#include "connectioncontroller.h"
#include "connectiondialog.h"
#include "diagrampage.h"
#include "environmentspage.h"
#include "jobspanel.h"
#include "leftovercontroller.h"
#include "lifecyclecontroller.h"
#include "logdock.h"
#include "packcontroller.h"
#include "sandboxcontroller.h"
#include "schemabrowser.h"
#include "serversummarypage.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "verifyreportview.h"
#include "welcomepage.h"

#include "connection/profilestore.h"
#include "diagram/verifymarks.h"
#include "jobs/jobrunner.h"
#include "log/logfile.h"
#include "log/logmodel.h"
#include "model/schemacompare.h"
#include "nrdb/version.h"
#include "util/counting.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <utility>

namespace nrdb {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kOverviewPlaceKey = QStringLiteral("diagram/overviewPlace");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_runner(new JobRunner(4, this)), m_connection(new ActiveConnection(this)),
      m_logModel(new LogModel(100000, this)), m_logFile(new LogFile(LogFile::defaultPath(), 5 * 1024 * 1024, 5, this)),
      m_pages(new QStackedWidget(this)), m_welcomePage(new WelcomePage(this)), m_connectedPage(new QWidget(this)),
      m_banner(new ConnectionBanner(m_connection, m_connectedPage)), m_connectedTabs(new QTabWidget(m_connectedPage)),
      m_summaryPage(new ServerSummaryPage(m_runner, this)), m_browser(new SchemaBrowser(m_runner, m_connection, this)),
      m_diagram(new DiagramPage(m_runner, this)), m_verifyView(new VerifyReportView(this)),
      m_backupsPanel(new BackupsPanel(m_runner, m_connection, this)),
      m_environments(new EnvironmentsPage(m_runner, this)), m_logDock(new LogDock(m_logModel, this)),
      m_jobsPanel(new JobsPanel(m_runner, this)), m_connectionLabel(new QLabel(tr("Not connected"), this)),
      m_tierBadge(new QLabel(this)), m_sandbox(new SandboxController(m_runner, this)),
      m_connections(new ConnectionController(m_runner, m_connection, this)),
      m_lifecycle(new LifecycleController(m_runner, m_connection, this)),
      m_backups(new BackupController(m_runner, m_connection, this)),
      m_packs(new PackController(m_runner, m_connection, this)), m_leftovers(new LeftoverController(m_runner, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral(NRDB_PRODUCT_NAME));
    m_pages->setObjectName(QStringLiteral("centralPages"));
    m_connectedPage->setObjectName(QStringLiteral("connectedPage"));
    m_connectedTabs->setObjectName(QStringLiteral("connectedTabs"));
    m_connectedTabs->addTab(m_summaryPage, tr("Overview"));
    m_connectedTabs->addTab(m_browser, tr("Schema"));
    m_connectedTabs->addTab(m_diagram, tr("Diagram"));
    m_connectedTabs->addTab(m_verifyView, tr("Verify"));
    m_connectedTabs->addTab(m_backupsPanel, tr("Backups"));
    auto *connectedLayout = new QVBoxLayout(m_connectedPage);
    connectedLayout->setContentsMargins(0, 0, 0, 0);
    connectedLayout->addWidget(m_banner);
    connectedLayout->addWidget(m_connectedTabs, 1);
    m_welcomePage->holdEnvironments(m_environments);
    m_pages->addWidget(m_welcomePage);
    m_pages->addWidget(m_connectedPage);
    setCentralWidget(m_pages);

    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsPanel);
    splitDockWidget(m_logDock, m_jobsPanel, Qt::Horizontal);
    resizeDocks({m_logDock, m_jobsPanel}, {600, 500}, Qt::Horizontal);
    resizeDocks({m_logDock}, {240}, Qt::Vertical);
    m_connectionLabel->setObjectName(QStringLiteral("connectionStatus"));
    m_tierBadge->setObjectName(QStringLiteral("tierBadge"));
    m_tierBadge->setVisible(false);
    statusBar()->addPermanentWidget(m_tierBadge);
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->showMessage(tr("Ready"));

    createActions();
    createNavigationActions();
    createLifecycleActions();
    createMenus();
    createToolBar();
    for (QAction *action : findChildren<QAction *>())
        showShortcutInToolTip(action);
    updateLifecycleActions(); // after the tooltips are whole: it keeps them

    connectSignals();
    resize(1100, 720);
    restoreLayout();
}

void MainWindow::connectSignals()
{
    connect(m_welcomePage, &WelcomePage::sandboxRequested, this, &MainWindow::startSandbox);
    connect(m_welcomePage, &WelcomePage::connectRequested, this, &MainWindow::showConnectionDialog);
    connect(m_environments, &EnvironmentsPage::connectRequested, this, [this](const QString &name) {
        const Result<ConnectionProfile> profile = ProfileStore().profile(name);
        if (profile)
            connectTo(profile.value(), RetryPolicy::interactive());
        else
            showFailure(profile.error().message);
    });
    connect(m_environments, &EnvironmentsPage::compareRequested, this, &MainWindow::compareWithEnvironment);
    showSavedProfiles();
    connect(m_runner, &JobRunner::messageLogged, this, &MainWindow::record);
    connect(m_sandbox, &SandboxController::ready, this,
            [this](const ConnectionProfile &profile) { connectTo(profile, RetryPolicy::once()); });
    connect(m_sandbox, &SandboxController::failed, this, &MainWindow::showFailure);
    connect(m_connections, &ConnectionController::connectionStarted, this, &MainWindow::showConnecting);
    connect(m_connection, &ActiveConnection::opened, this, &MainWindow::showConnected);
    connect(m_connections, &ConnectionController::failed, this, [this](const Error &error) {
        m_banner->showReconnectFailed(error);
        showFailure(error.message);
    });
    m_connection->watch(m_runner);
    connect(m_connection, &ActiveConnection::lost, this, &MainWindow::showLost);
    connect(m_banner, &ConnectionBanner::reconnectRequested, this, &MainWindow::refreshOrReconnect);
    connect(m_connection, &ActiveConnection::closed, this, &MainWindow::showDisconnected);
    connect(m_connection, &ActiveConnection::busyChanged, this, &MainWindow::updateLifecycleActions);
    connect(m_leftovers, &LeftoverController::dropped, this,
            [this](const QStringList &dropped, const QStringList &failures) {
                statusBar()->showMessage(
                    failures.isEmpty()
                        ? tr("Dropped the left-over temporary databases: %1").arg(dropped.join(QStringLiteral(", ")))
                        : tr("Could not drop %1").arg(failures.join(QStringLiteral("; "))),
                    10000);
            });
    connect(m_browser, &SchemaBrowser::snapshotLoaded, this, [this] {
        m_diagram->showSnapshot(m_browser->snapshot());
        refreshOverview();
    });
    connect(m_browser, &SchemaBrowser::showInDiagramRequested, this, [this](const QString &qualifiedName) {
        m_connectedTabs->setCurrentWidget(m_diagram);
        m_diagram->findTable(qualifiedName);
    });
    connect(m_diagram, &DiagramPage::openInBrowser, this, [this](quint32 oid) {
        m_connectedTabs->setCurrentWidget(m_browser);
        m_browser->showRelation(oid);
    });
    connect(m_lifecycle, &LifecycleController::verifyReported, this, [this](const VerifyReport &report) {
        m_diagram->setMarks(marksFromVerify(report));
        m_verifyView->showReport(report);
        m_summaryPage->showLastVerify(report);
        m_connectedTabs->setCurrentWidget(m_verifyView);
    });
    connect(m_lifecycle, &LifecycleController::verifyFailed, m_verifyView, &VerifyReportView::showFailure);
    connect(m_lifecycle, &LifecycleController::schemaChanged, m_browser, &SchemaBrowser::refresh);
    connect(m_connection, &ActiveConnection::busyChanged, this, [this](bool busy) {
        if (!busy && m_connection->isOpen()) // a job that writes ended: rows and size may have changed
            refreshOverview();
    });
    connect(m_backupsPanel, &BackupsPanel::checked, this, &MainWindow::refreshOverview);
    connect(m_verifyView, &VerifyReportView::repairRequested, m_lifecycle, &LifecycleController::repair);
    connect(m_backupsPanel, &BackupsPanel::restoreRequested, m_backups, &BackupController::restoreAsking);
    connect(m_backups, &BackupController::backedUp, this, [this](const QString &path) {
        m_backupsPanel->setDirectory(QFileInfo(path).absolutePath());
        refreshOverview();
        statusBar()->showMessage(tr("Backed up to %1").arg(path), 15000);
    });
    connect(m_backups, &BackupController::modelsExported, this, [this](const ModelExportResult &result) {
        statusBar()->showMessage(
            result.notExpressed.isEmpty()
                ? tr("Wrote %1 and schemas.py (%2)")
                      .arg(result.modelsPath, counted(result.tableCount, tr("table"), tr("tables")))
                : tr("Wrote %1 and schemas.py (%2); %3 not expressed, listed in their headers")
                      .arg(result.modelsPath, counted(result.tableCount, tr("table"), tr("tables")),
                           counted(result.notExpressed.size(), tr("thing"), tr("things"))),
            15000);
    });
    connect(m_backups, &BackupController::schemaExported, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Exported the schema to %1").arg(path), 15000);
    });
    connect(m_backups, &BackupController::restored, this,
            [this](const QString &database) { statusBar()->showMessage(tr("Restored into %1").arg(database), 15000); });
    connect(m_backups, &BackupController::openRestored, this,
            [this](const ConnectionProfile &database) { connectTo(database, RetryPolicy::interactive()); });
}

MainWindow::~MainWindow()
{
    // Jobs may still use the sandbox; end them before the sandbox goes.
    delete m_runner;
    m_runner = nullptr;
}

void MainWindow::createActions()
{
    m_connectAction = new QAction(actionIcon(QStringLiteral("connect")), tr("&Connect…"), this);
    m_connectAction->setObjectName(QStringLiteral("connectAction"));
    m_connectAction->setShortcut(QKeySequence::Open);
    m_connectAction->setStatusTip(tr("Connect to a server with a saved profile, a URI or the PG* environment"));
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::showConnectionDialog);

    m_refreshAction = new QAction(actionIcon(QStringLiteral("refresh")), tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setStatusTip(tr("Read the schema again"));
    m_refreshAction->setEnabled(false);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshOrReconnect);

    m_disconnectAction = new QAction(tr("&Disconnect"), this);
    m_disconnectAction->setObjectName(QStringLiteral("disconnectAction"));
    m_disconnectAction->setEnabled(false);
    connect(m_disconnectAction, &QAction::triggered, m_connections, &ConnectionController::disconnectFromDatabase);

    m_sandboxAction = new QAction(actionIcon(QStringLiteral("sandbox")), tr("Start &Sandbox Server"), this);
    m_sandboxAction->setObjectName(QStringLiteral("startSandboxAction"));
    m_sandboxAction->setStatusTip(tr("Start a throwaway local PostgreSQL server and connect to it"));
    connect(m_sandboxAction, &QAction::triggered, this, &MainWindow::startSandbox);

    m_settingsAction = new QAction(tr("Se&ttings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_settingsAction->setStatusTip(tr("Where the PostgreSQL client tools are, with a test"));
    connect(m_settingsAction, &QAction::triggered, this, [this] {
        SettingsDialog dialog(m_runner, m_connection->current() ? m_connection->current()->info.majorVersion() : 0,
                              this);
        dialog.exec();
    });

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    // Where the platform names no Quit key (X11 without a desktop's theme), Ctrl+Q as everywhere else.
    m_quitAction->setShortcut(
        QKeySequence::keyBindings(QKeySequence::Quit).value(0, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_shortcutsAction = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    connect(m_shortcutsAction, &QAction::triggered, this, [this] {
        ShortcutsDialog dialog(findChildren<QAction *>(), this);
        dialog.exec();
    });

    m_aboutAction = new QAction(tr("&About %1").arg(QStringLiteral(NRDB_PRODUCT_NAME)), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About %1").arg(QStringLiteral(NRDB_PRODUCT_NAME)),
                           tr("<b>%1</b> %2<br>Administration for NetRaven's PostgreSQL database.")
                               .arg(QStringLiteral(NRDB_PRODUCT_NAME), QStringLiteral(NRDB_VERSION_STRING)));
    });
}

void MainWindow::createNavigationActions()
{
    m_findAction = new QAction(tr("&Find…"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setStatusTip(tr("Find a table, view or column (in the Diagram: a table)"));
    connect(m_findAction, &QAction::triggered, this, &MainWindow::find);

    m_nextTabAction = new QAction(tr("&Next Tab"), this);
    m_nextTabAction->setObjectName(QStringLiteral("nextTabAction"));
    m_nextTabAction->setShortcut(QKeySequence::NextChild);
    connect(m_nextTabAction, &QAction::triggered, this, [this] {
        m_connectedTabs->setCurrentIndex((m_connectedTabs->currentIndex() + 1) % m_connectedTabs->count());
    });
    m_previousTabAction = new QAction(tr("&Previous Tab"), this);
    m_previousTabAction->setObjectName(QStringLiteral("previousTabAction"));
    m_previousTabAction->setShortcut(QKeySequence::PreviousChild);
    connect(m_previousTabAction, &QAction::triggered, this, [this] {
        const int count = m_connectedTabs->count();
        m_connectedTabs->setCurrentIndex((m_connectedTabs->currentIndex() + count - 1) % count);
    });
    for (QAction *action : {m_findAction, m_nextTabAction, m_previousTabAction})
        action->setEnabled(false);
}

void MainWindow::find()
{
    if (m_connectedTabs->currentWidget() == m_diagram)
        return m_diagram->focusFind();
    m_connectedTabs->setCurrentWidget(m_browser);
    m_browser->focusFind();
}

void MainWindow::createLifecycleActions()
{
    // The frequent ones also go on the toolbar; the rarer ones stay in the Database menu.
    const auto add = [this](auto *receiver, const QString &objectName, const QIcon &icon, const QString &text,
                            const QString &tip, auto slot, bool onToolBar) {
        auto *action = new QAction(icon, text, this);
        action->setObjectName(objectName);
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, receiver, slot);
        m_lifecycleActions << action;
        if (onToolBar)
            m_toolBarLifecycleActions << action;
        return action;
    };
    add(m_lifecycle, QStringLiteral("bootstrapAction"), actionIcon(QStringLiteral("bootstrap")), tr("&Bootstrap"),
        tr("Create the database if missing, initialise, seed and verify it, in one go"),
        &LifecycleController::bootstrap, true);
    add(m_lifecycle, QStringLiteral("initAction"), actionIcon(QStringLiteral("init")), tr("&Init"),
        tr("Extensions, schema and pending migrations, each step in its own transaction"), &LifecycleController::init,
        true);
    add(m_lifecycle, QStringLiteral("seedAction"), actionIcon(QStringLiteral("seed")), tr("&Seed"),
        tr("Insert NetRaven's default rows that are missing"), &LifecycleController::seed, true);
    add(m_lifecycle, QStringLiteral("adoptAction"), QIcon(), tr("&Adopt…"),
        tr("Take over a NetRaven database its own code built: stamp the migration history without DDL"),
        &LifecycleController::adopt, false);
    add(m_lifecycle, QStringLiteral("resetSettingsAction"), QIcon(), tr("&Reset Settings to Defaults…"),
        tr("Put NetRaven's default values back into admin settings that were changed"),
        &LifecycleController::resetSettings, false);
    add(m_backups, QStringLiteral("backupAction"), actionIcon(QStringLiteral("backup")), tr("Back &Up…"),
        tr("Back the database up with pg_dump: a checked archive with a manifest beside it"), &BackupController::backUp,
        true)
        ->setShortcut(Qt::CTRL | Qt::Key_B);
    add(m_backups, QStringLiteral("restoreAction"), actionIcon(QStringLiteral("restore")), tr("Res&tore…"),
        tr("Restore a backup into a new database, or replace one by name"), &BackupController::restore, false);
    add(m_backups, QStringLiteral("exportModelsAction"), QIcon(), tr("Export &Model Code…"),
        tr("SQLAlchemy models and Pydantic schemas of the tables (models.py, schemas.py), as the database is now"),
        &BackupController::exportModels, false);
    add(m_backups, QStringLiteral("exportSchemaAction"), QIcon(), tr("&Export Schema as Init Script…"),
        tr("pg_dump --schema-only, tidied into a script that loads into an empty database"),
        &BackupController::exportSchema, false);
    add(m_lifecycle, QStringLiteral("verifyAction"), actionIcon(QStringLiteral("verify")), tr("&Verify"),
        tr("Compare the database with NetRaven's model: tables, migrations, drift, known defects"),
        &LifecycleController::verify, true);
    add(m_lifecycle, QStringLiteral("repairAction"), QIcon(), tr("Re&pair…"),
        tr("The script that brings the database back to its model, each statement with its lock and hazard; apply it"),
        &LifecycleController::repair, false);
    add(this, QStringLiteral("compareAction"), QIcon(), tr("Co&mpare…"),
        tr("The differences between this database and another (or a pack's model), and the script that aligns "
           "them: rehearse it on a copy, then apply it"),
        &MainWindow::openCompare, false);
    add(this, QStringLiteral("newPackAction"), QIcon(), tr("&New Pack from This Database…"),
        tr("A model pack of this database's schema, so that init, verify, repair and compare work for it"),
        &MainWindow::newPack, false);
    add(m_packs, QStringLiteral("captureMigrationAction"), QIcon(), tr("&Capture as Migration…"),
        tr("What this database has beyond its pack's head, written as the pack's next migration"),
        &PackController::captureMigration, false);
}

void MainWindow::compareWithEnvironment(const QString &name)
{
    if (!m_connection->isOpen()) {
        showFailure(tr("Connect to a database first: %1 is compared with the connected one").arg(name));
        return;
    }
    CompareDialog *dialog = openCompare();
    if (dialog->selectSource(name))
        dialog->compare();
}

CompareDialog *MainWindow::openCompare()
{
    auto *dialog = new CompareDialog(m_runner, m_connection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CompareDialog::marksChanged, m_diagram, &DiagramPage::setMarks);
    connect(dialog, &CompareDialog::applied, m_browser, &SchemaBrowser::refresh);
    connect(m_connection, &ActiveConnection::closed, dialog, &CompareDialog::closeWithConnection);
    dialog->show();
    return dialog;
}

void MainWindow::newPack()
{
    const std::shared_ptr<const SchemaSnapshot> &snapshot = m_browser->snapshot();
    m_packs->newPack(snapshot ? SchemaSet::schemasIn(*snapshot) : QStringList());
}

// Each job's action is on only when it can run; its tooltip says why not when it cannot.
void MainWindow::updateLifecycleActions()
{
    const QString notNow = !m_connection->isOpen()  ? tr("Connect to a database first.")
                           : m_connection->isLost() ? tr("Not now: the connection was lost. Reconnect (F5) first.")
                           : m_connection->isBusy()
                               ? tr("Not now: another job is changing this database (see the Jobs dock).")
                               : QString();
    const char *const kToolTip = "nrdbToolTip"; // the tooltip of its own, kept while a reason is shown
    for (QAction *action : std::as_const(m_lifecycleActions)) {
        if (!action->property(kToolTip).isValid())
            action->setProperty(kToolTip, action->toolTip());
        const QString own = action->property(kToolTip).toString();
        action->setEnabled(notNow.isEmpty());
        action->setToolTip(notNow.isEmpty() ? own : own + QLatin1Char('\n') + notNow);
    }
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    fileMenu->addAction(m_connectAction);
    m_recentMenu = fileMenu->addMenu(tr("&Recent Connections"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fileMenu->addAction(m_disconnectAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_sandboxAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_settingsAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu *databaseMenu = menuBar()->addMenu(tr("&Database"));
    databaseMenu->setObjectName(QStringLiteral("databaseMenu"));
    databaseMenu->addActions(m_lifecycleActions);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    viewMenu->addAction(m_refreshAction);
    viewMenu->addAction(m_findAction);
    viewMenu->addAction(m_nextTabAction);
    viewMenu->addAction(m_previousTabAction);
    viewMenu->addSeparator();
    QAction *toggleLog = m_logDock->toggleViewAction();
    toggleLog->setObjectName(QStringLiteral("toggleLogDockAction"));
    viewMenu->addAction(toggleLog);
    QAction *toggleJobs = m_jobsPanel->toggleViewAction();
    toggleJobs->setObjectName(QStringLiteral("toggleJobsDockAction"));
    viewMenu->addAction(toggleJobs);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->addAction(m_shortcutsAction);
    helpMenu->addSeparator();
    helpMenu->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->toggleViewAction()->setObjectName(QStringLiteral("toggleMainToolBarAction"));
    toolBar->addAction(m_connectAction);
    toolBar->addAction(m_sandboxAction);
    toolBar->addAction(m_refreshAction);
    toolBar->addSeparator();
    toolBar->addActions(m_toolBarLifecycleActions);
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
    m_bootstrapWhenConnected = true; // a sandbox is for trying NetRaven: it gets a NetRaven database
    m_sandbox->start();
}

void MainWindow::record(const LogRecord &record)
{
    m_logModel->append(record);
    m_logFile->write(record);
}

void MainWindow::showConnectionDialog()
{
    ConnectionDialog dialog(m_runner, m_connections, this);
    if (!m_connection->profile().name.isEmpty())
        dialog.selectProfile(m_connection->profile().name);
    dialog.exec();       // connects, and closes once connected
    showSavedProfiles(); // the dialog may have saved, renamed or removed some
}

void MainWindow::showSavedProfiles()
{
    const ProfileStore store;
    m_environments->setProfiles(store.profiles());
}

void MainWindow::connectTo(const ConnectionProfile &profile, const RetryPolicy &retry, bool rememberPassword)
{
    m_connections->connectTo(profile, retry, rememberPassword);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const ProfileStore store;
    const QStringList entries = store.recent();
    for (const QString &entry : entries) {
        const Result<ConnectionProfile> read = store.recentProfile(entry);
        QAction *action =
            m_recentMenu->addAction(ProfileStore::isUriEntry(entry) && read ? read.value().displayName() : entry);
        action->setObjectName(QStringLiteral("recentConnection:") + entry);
        connect(action, &QAction::triggered, this, [this, entry] {
            const Result<ConnectionProfile> profile = ProfileStore().recentProfile(entry);
            if (profile)
                connectTo(profile.value());
            else
                showFailure(profile.error().message);
        });
    }
    if (entries.isEmpty())
        m_recentMenu->addAction(tr("No recent connections"))->setEnabled(false);
}

void MainWindow::showConnecting(const QString &what)
{
    m_connectAction->setEnabled(false);
    m_welcomePage->setBusy(true);
    m_welcomePage->setStatusText(tr("Connecting to %1… (progress in the Jobs and Log docks)").arg(what));
    statusBar()->showMessage(tr("Connecting to %1…").arg(what));
}

void MainWindow::showConnected(const Connected &connection)
{
    const ConnectionProfile &profile = connection.profile;
    m_summaryPage->showSummary(connection);
    m_diagram->clear();
    m_diagram->clearMarks();
    m_diagram->setDatabaseKey(profile.displayName());
    m_leftovers->check(profile);
    m_verifyView->clear();
    m_pages->setCurrentWidget(m_connectedPage);
    m_connectedTabs->addTab(m_environments, tr("Environments"));
    m_connectedTabs->setCurrentWidget(m_browser);
    m_refreshAction->setStatusTip(tr("Read the schema again"));
    m_refreshAction->setEnabled(true);
    for (QAction *action : {m_findAction, m_nextTabAction, m_previousTabAction})
        action->setEnabled(true);
    updateLifecycleActions();
    m_connectAction->setEnabled(true);
    m_disconnectAction->setEnabled(true);
    m_connectionLabel->setText(tr("Connected: %1").arg(profile.displayName()));
    showTier(profile);
    statusBar()->showMessage(tr("Connected to PostgreSQL %1").arg(connection.info.serverVersion), 10000);
    emit connected();
    if (std::exchange(m_bootstrapWhenConnected, false))
        m_lifecycle->bootstrapDefault();
}

void MainWindow::showDiagram()
{
    m_connectedTabs->setCurrentWidget(m_diagram);
}

void MainWindow::showBackups()
{
    m_connectedTabs->setCurrentWidget(m_backupsPanel);
}

void MainWindow::showTier(const ConnectionProfile &profile)
{
    const QString where = profile.name.isEmpty() ? profile.displayName() : profile.name;
    QString title = tr("%1 — %2").arg(where, QStringLiteral(NRDB_PRODUCT_NAME));
    m_tierBadge->setVisible(profile.tier != DeploymentTier::Development);
    m_tinted = profile.isProduction();
    applyTint();
    if (profile.tier == DeploymentTier::Production) {
        title = tr("[PRODUCTION] %1").arg(title);
        m_tierBadge->setText(tr(" PRODUCTION "));
        m_tierBadge->setStyleSheet(QStringLiteral("QLabel { background: #c62828; color: white; font-weight: bold; }"));
    } else if (profile.tier == DeploymentTier::Staging) {
        m_tierBadge->setText(tr(" STAGING "));
        m_tierBadge->setStyleSheet(QStringLiteral("QLabel { background: #f9a825; color: black; font-weight: bold; }"));
    }
    setWindowTitle(title);
}

void MainWindow::applyTint()
{
    setPalette(m_tinted ? productionTinted(QApplication::palette()) : QApplication::palette());
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyTint(); // a new appearance: tint that one
}

void MainWindow::showDisconnected()
{
    m_pages->setCurrentWidget(m_welcomePage);
    m_welcomePage->holdEnvironments(m_environments);
    showSavedProfiles();
    m_disconnectAction->setEnabled(false);
    m_refreshAction->setEnabled(false);
    for (QAction *action : {m_findAction, m_nextTabAction, m_previousTabAction})
        action->setEnabled(false);
    m_leftovers->forgetServer();
    m_diagram->clear();
    updateLifecycleActions();
    m_welcomePage->setBusy(false);
    m_welcomePage->setStatusText({});
    m_connectionLabel->setText(tr("Not connected"));
    m_tierBadge->setVisible(false);
    m_tinted = false;
    applyTint();
    setWindowTitle(QStringLiteral(NRDB_PRODUCT_NAME));
}

void MainWindow::refreshOverview()
{
    m_summaryPage->refresh(m_browser->snapshot(), m_backupsPanel->directory());
}

void MainWindow::showLost()
{
    updateLifecycleActions();
    m_connectionLabel->setText(tr("Connection lost: %1").arg(m_connection->profile().displayName()));
    statusBar()->showMessage(tr("The connection was lost; Reconnect (F5) to go on"));
    m_refreshAction->setStatusTip(tr("Connect to the database again"));
}

void MainWindow::refreshOrReconnect()
{
    if (!m_connection->isLost()) {
        m_browser->refresh();
        return;
    }
    m_banner->showReconnecting();
    m_connections->reconnect();
}

void MainWindow::showFailure(const QString &message)
{
    m_bootstrapWhenConnected = false;
    m_sandboxAction->setEnabled(true);
    m_connectAction->setEnabled(true);
    m_welcomePage->setBusy(false);
    m_welcomePage->setStatusText(tr("Could not connect: %1").arg(message));
    statusBar()->showMessage(tr("Could not connect"), 10000);
    emit connectionFailed();
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    if (!restoreState(settings.value(kStateKey).toByteArray()))          // the first run: the docks start low,
        resizeDocks({m_logDock, m_jobsPanel}, {150, 150}, Qt::Vertical); // the pages have the room
    const int place = settings.value(kOverviewPlaceKey, int(OverviewPlace::BottomRight)).toInt();
    if (place >= int(OverviewPlace::Hidden) && place <= int(OverviewPlace::BottomRight))
        m_diagram->view()->setOverviewPlace(OverviewPlace(place));
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kOverviewPlaceKey, int(m_diagram->view()->overviewPlace()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

} // namespace nrdb
