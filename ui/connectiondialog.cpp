#include "connectiondialog.h"

#include "connectioncontroller.h"
#include "errorpresenter.h"
#include "jobslot.h"

#include "connection/libpqenvironment.h"
#include "connection/profilestore.h"
#include "jobs/connectjob.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace nrdb {

namespace {

QLineEdit *lineEdit(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

// A path field with a "…" button that opens a file chooser.
QWidget *withBrowseButton(QLineEdit *edit, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QToolButton(row);
    browse->setText(QStringLiteral("…"));
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    QObject::connect(browse, &QToolButton::clicked, edit, [edit] {
        const QString path = QFileDialog::getOpenFileName(edit, QObject::tr("Choose a File"), edit->text());
        if (!path.isEmpty())
            edit->setText(path);
    });
    return row;
}

} // namespace

ConnectionDialog::ConnectionDialog(JobRunner *runner, ConnectionController *connector, QWidget *parent)
    : QDialog(parent), m_tests(new JobSlot(runner, JobSlot::Policy::Exclusive, this)), m_connector(connector),
      m_profiles(ProfileStore().profiles())
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connect to a Server"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connectButton = buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    m_connectButton->setObjectName(QStringLiteral("dialogConnectButton"));
    m_connectButton->setDefault(true);
    m_message = new MessagePanel(this);

    auto *columns = new QHBoxLayout;
    columns->addWidget(createProfileList(), 1);
    columns->addWidget(createForm(), 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::connectToChosen);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    connect(m_connector, &ConnectionController::progress, this, [this](const QString &phase) {
        if (m_connecting)
            m_message->showText(phase + QStringLiteral("…"));
    });
    connect(m_connector, &ConnectionController::connected, this, [this] {
        if (std::exchange(m_connecting, false))
            accept();
    });
    connect(m_connector, &ConnectionController::failed, this, &ConnectionDialog::showConnectFailure);

    for (const ConnectionProfile &profile : std::as_const(m_profiles))
        m_list->addItem(profile.name);
    if (m_profiles.isEmpty())
        addProfile(ConnectionProfile{});
    m_list->setCurrentRow(0);
    resize(820, 520);
}

QWidget *ConnectionDialog::createProfileList()
{
    auto *panel = new QWidget(this);
    m_list = new QListWidget(panel);
    m_list->setObjectName(QStringLiteral("profileList"));
    auto *add = new QPushButton(tr("Add"), panel);
    add->setObjectName(QStringLiteral("addProfileButton"));
    auto *duplicate = new QPushButton(tr("Duplicate"), panel);
    duplicate->setObjectName(QStringLiteral("duplicateProfileButton"));
    auto *remove = new QPushButton(tr("Delete"), panel);
    remove->setObjectName(QStringLiteral("deleteProfileButton"));
    auto *import = new QPushButton(tr("Import"), panel);
    import->setObjectName(QStringLiteral("importProfileButton"));
    auto *importMenu = new QMenu(import);
    QAction *fromUri = importMenu->addAction(tr("From a Connection URI…"));
    fromUri->setObjectName(QStringLiteral("importUriAction"));
    QAction *fromEnvironment = importMenu->addAction(tr("From the Environment (PG* variables, service file)"));
    fromEnvironment->setObjectName(QStringLiteral("importEnvironmentAction"));
    import->setMenu(importMenu);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {add, duplicate, remove, import})
        buttons->addWidget(button);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionDialog::showProfile);
    connect(add, &QPushButton::clicked, this, [this] { addProfile(ConnectionProfile{}); });
    connect(duplicate, &QPushButton::clicked, this, [this] {
        storeForm();
        if (m_shownRow >= 0)
            addProfile(m_profiles.at(m_shownRow));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row < 0)
            return;
        m_shownRow = -1; // nothing to store from the form of a deleted profile
        m_profiles.removeAt(row);
        delete m_list->takeItem(row);
    });
    connect(fromUri, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Import a Connection"),
                                                   tr("A libpq URI (postgresql://user@host:5432/db) or keyword string "
                                                      "(host=… dbname=…):"),
                                                   QLineEdit::Normal, {}, &ok);
        QString message;
        if (ok && !importConnectionString(text, &message))
            QMessageBox::warning(this, tr("Import a Connection"), message);
    });
    connect(fromEnvironment, &QAction::triggered, this, &ConnectionDialog::importFromEnvironment);
    return panel;
}

QWidget *ConnectionDialog::createForm()
{
    auto *panel = new QWidget(this);
    m_name = lineEdit(QStringLiteral("nameEdit"), tr("e.g. NetRaven production"), panel);
    m_tier = new QComboBox(panel);
    m_tier->setObjectName(QStringLiteral("tierCombo"));
    m_tier->addItem(tr("Development"), static_cast<int>(DeploymentTier::Development));
    m_tier->addItem(tr("Staging"), static_cast<int>(DeploymentTier::Staging));
    m_tier->addItem(tr("Production (marked in red)"), static_cast<int>(DeploymentTier::Production));
    // Empty fields fall back as in psql: show what they would fall back to here, now.
    const Result<ConnectionProfile> fallback = resolveProfile(ConnectionProfile{});
    const auto defaultText = [&fallback](const QString ConnectionProfile::*field, const QString &otherwise) {
        const QString value = fallback ? fallback.value().*field : QString();
        return value.isEmpty() ? otherwise : tr("default: %1").arg(value);
    };
    m_host = lineEdit(QStringLiteral("hostEdit"),
                      defaultText(&ConnectionProfile::host, tr("default: the local socket")), panel);
    m_port = lineEdit(QStringLiteral("portEdit"), defaultText(&ConnectionProfile::port, QStringLiteral("5432")), panel);
    m_database = lineEdit(QStringLiteral("databaseEdit"),
                          defaultText(&ConnectionProfile::database, tr("default: the user name")), panel);
    m_user = lineEdit(QStringLiteral("userEdit"),
                      defaultText(&ConnectionProfile::user, tr("default: your system user")), panel);
    m_password = lineEdit(QStringLiteral("passwordEdit"), tr("empty: keychain, PGPASSWORD or ~/.pgpass"), panel);
    m_password->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(tr("Remember in the system keychain"), panel);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setToolTip(tr("Stored only in the system keychain, never in a settings file. Without a keychain "
                              "nothing is stored and you are asked when needed."));
    m_sslMode = new QComboBox(panel);
    m_sslMode->setObjectName(QStringLiteral("sslModeCombo"));
    m_sslMode->addItem(tr("libpq default (prefer)"), QString());
    for (const char *mode : {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
        m_sslMode->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));
    m_sslRootCert = lineEdit(QStringLiteral("sslRootCertEdit"), tr("CA certificate"), panel);
    m_sslCert = lineEdit(QStringLiteral("sslCertEdit"), tr("client certificate"), panel);
    m_sslKey = lineEdit(QStringLiteral("sslKeyEdit"), tr("client key"), panel);
    m_applicationName = lineEdit(QStringLiteral("applicationNameEdit"), QStringLiteral("netraven-dbadmin"), panel);
    m_sshHost = lineEdit(QStringLiteral("sshHostEdit"), tr("empty: direct, else user@host:port or alias"), panel);
    m_sshHost->setToolTip(tr("Reach the server through this SSH host, with OpenSSH's own client: your ~/.ssh/config, "
                             "agent and known_hosts. Host and port above are then as the SSH host sees them. "
                             "It never asks: accept a new host key with ssh at a terminal first."));
    m_sshIdentity =
        lineEdit(QStringLiteral("sshIdentityEdit"), tr("empty: the agent's and ~/.ssh/config's keys"), panel);
    m_testButton = new QPushButton(tr("Test Connection"), panel);
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_testButton->setToolTip(tr("Connects once and says what the server and the database are, without leaving "
                                "this dialog"));

    auto *form = new QFormLayout(panel);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Environment:"), m_tier);
    form->addRow(tr("Host:"), m_host);
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("Database:"), m_database);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(tr("TLS mode:"), m_sslMode);
    form->addRow(tr("Root certificate:"), withBrowseButton(m_sslRootCert, panel));
    form->addRow(tr("Client certificate:"), withBrowseButton(m_sslCert, panel));
    form->addRow(tr("Client key:"), withBrowseButton(m_sslKey, panel));
    form->addRow(tr("Application name:"), m_applicationName);
    form->addRow(tr("Through SSH host:"), m_sshHost);
    form->addRow(tr("SSH key:"), withBrowseButton(m_sshIdentity, panel));
    form->addRow(QString(), m_testButton);

    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (QListWidgetItem *item = m_list->currentItem())
            item->setText(text);
    });
    return panel;
}

QString ConnectionDialog::uniqueName(const QString &base) const
{
    const auto taken = [this](const QString &name) {
        return std::any_of(m_profiles.cbegin(), m_profiles.cend(),
                           [&name](const ConnectionProfile &profile) { return profile.name == name; });
    };
    QString name = base.isEmpty() ? tr("New connection") : base;
    for (int i = 2; taken(name); ++i)
        name = QStringLiteral("%1 (%2)").arg(base.isEmpty() ? tr("New connection") : base).arg(i);
    return name;
}

void ConnectionDialog::addProfile(ConnectionProfile profile)
{
    storeForm();
    profile.name = uniqueName(profile.name);
    m_profiles.append(profile);
    m_list->addItem(profile.name);
    m_list->setCurrentRow(m_list->count() - 1);
}

bool ConnectionDialog::importConnectionString(const QString &text, QString *message)
{
    Result<ConnectionProfile> parsed = ConnectionProfile::parse(text);
    if (!parsed) {
        if (message)
            *message = parsed.error().message;
        return false;
    }
    ConnectionProfile profile = std::move(parsed).value();
    profile.name = profile.database.isEmpty() ? profile.host : profile.database + QStringLiteral(" on ") + profile.host;
    addProfile(profile);
    if (!profile.password.isEmpty())
        m_password->setText(profile.password);
    return true;
}

void ConnectionDialog::importFromEnvironment()
{
    const Result<ConnectionProfile> resolved = resolveProfile(ConnectionProfile{});
    if (!resolved) {
        QMessageBox::warning(this, tr("Import from the Environment"), resolved.error().message);
        return;
    }
    ConnectionProfile profile = resolved.value();
    const QString service = qEnvironmentVariable("PGSERVICE");
    profile.name = service.isEmpty() ? tr("From the environment") : service;
    addProfile(profile);
}

void ConnectionDialog::showProfile(int row)
{
    if (m_shownRow >= 0 && m_shownRow != row)
        storeForm();
    m_shownRow = row;
    if (row < 0 || row >= m_profiles.size())
        return;
    const ConnectionProfile &profile = m_profiles.at(row);
    m_name->setText(profile.name);
    m_tier->setCurrentIndex(m_tier->findData(static_cast<int>(profile.tier)));
    m_host->setText(profile.host);
    m_port->setText(profile.port);
    m_database->setText(profile.database);
    m_user->setText(profile.user);
    m_password->setText(profile.password);
    m_sslMode->setCurrentIndex(qMax(0, m_sslMode->findData(profile.sslMode)));
    m_sslRootCert->setText(profile.sslRootCert);
    m_sslCert->setText(profile.sslCert);
    m_sslKey->setText(profile.sslKey);
    m_applicationName->setText(profile.applicationName);
    m_sshHost->setText(profile.ssh.displayName());
    m_sshIdentity->setText(profile.ssh.identityFile);
    if (!m_connecting)
        m_message->clear();
}

namespace {

// The hop the form's fields say; text that is no [user@]host[:port] is kept as the host, so that
// connecting says what ssh makes of it rather than dropping it unseen.
SshHop sshHopOf(const QString &text, const QString &identityFile, const QString &configFile)
{
    if (text.trimmed().isEmpty())
        return {};
    Result<SshHop> parsed = SshHop::parse(text);
    SshHop hop = parsed ? std::move(parsed).value() : SshHop{text.trimmed(), {}, {}, {}, {}};
    hop.identityFile = identityFile;
    hop.configFile = configFile;
    return hop;
}

} // namespace

void ConnectionDialog::storeForm()
{
    if (m_shownRow < 0 || m_shownRow >= m_profiles.size())
        return;
    ConnectionProfile &profile = m_profiles[m_shownRow];
    profile.name = m_name->text().trimmed();
    profile.tier = static_cast<DeploymentTier>(m_tier->currentData().toInt());
    profile.host = m_host->text().trimmed();
    profile.port = m_port->text().trimmed();
    profile.database = m_database->text().trimmed();
    profile.user = m_user->text().trimmed();
    profile.password = m_password->text();
    profile.sslMode = m_sslMode->currentData().toString();
    profile.sslRootCert = m_sslRootCert->text().trimmed();
    profile.sslCert = m_sslCert->text().trimmed();
    profile.sslKey = m_sslKey->text().trimmed();
    profile.applicationName = m_applicationName->text().trimmed();
    profile.ssh = sshHopOf(m_sshHost->text(), m_sshIdentity->text().trimmed(), profile.ssh.configFile);
}

void ConnectionDialog::selectProfile(const QString &name)
{
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (m_profiles.at(row).name == name)
            m_list->setCurrentRow(row);
    }
}

ConnectionProfile ConnectionDialog::chosenProfile() const
{
    return m_shownRow >= 0 && m_shownRow < m_profiles.size() ? m_profiles.at(m_shownRow) : ConnectionProfile{};
}

bool ConnectionDialog::rememberPassword() const
{
    return m_remember->isChecked();
}

void ConnectionDialog::testConnection()
{
    storeForm();
    if (m_tests->isBusy() || m_shownRow < 0)
        return;
    m_testButton->setEnabled(false);
    m_message->showText(tr("Connecting…"));
    m_tests->start(std::make_shared<ConnectJob>(m_profiles.at(m_shownRow), RetryPolicy::once()),
                   [this](ConnectJob &job, const JobEnd &end) { showTestResult(job, end); });
}

void ConnectionDialog::showTestResult(ConnectJob &job, const JobEnd &end)
{
    m_testButton->setEnabled(!m_connecting);
    const bool ok = end.succeeded();
    if (ok) {
        const ServerInfo &info = job.result().info;
        m_message->showText(tr("Connected: PostgreSQL %1, user %2, %3. %4")
                                .arg(info.serverVersion, info.currentUser,
                                     info.superuser ? tr("superuser") : tr("not a superuser"),
                                     job.result().pack.describe()));
    } else if (end.state == JobState::Cancelled) {
        m_message->showText(tr("The test was cancelled."));
    } else {
        m_message->showError(end.error);
    }
    emit testFinished(ok, m_message->text());
}

void ConnectionDialog::connectToChosen()
{
    storeForm();
    if (m_connecting || m_connector->isConnecting() || m_shownRow < 0)
        return;
    const Status saved = ProfileStore().saveAll(m_profiles);
    if (!saved) {
        m_message->showError(saved.error());
        return;
    }
    setConnecting(true);
    m_message->showText(tr("Connecting to %1…").arg(chosenProfile().displayName()));
    m_connector->connectTo(chosenProfile(), RetryPolicy::interactive(), rememberPassword());
}

void ConnectionDialog::showConnectFailure(const Error &error)
{
    if (!m_connecting)
        return;
    setConnecting(false);
    if (error.kind == ErrorKind::Cancelled)
        m_message->showText(tr("Connecting was cancelled."));
    else
        m_message->showError(error);
    emit connectFailed(error);
}

void ConnectionDialog::setConnecting(bool connecting)
{
    m_connecting = connecting;
    m_connectButton->setEnabled(!connecting);
    m_testButton->setEnabled(!connecting && !m_tests->isBusy());
    m_list->setEnabled(!connecting);
}

void ConnectionDialog::reject()
{
    if (m_connecting) {
        m_message->showText(tr("Cancelling…"));
        m_connector->cancel();
        return;
    }
    m_tests->cancel();
    QDialog::reject();
}

} // namespace nrdb
