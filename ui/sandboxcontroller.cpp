#include "sandboxcontroller.h"

#include "connection/databaseadmin.h"
#include "connection/databasesession.h"
#include "sandbox/sandboxcluster.h"

#include <QtConcurrent/QtConcurrentRun>

namespace nrdb {

namespace {
const QString kDatabaseName = QStringLiteral("netraven");
}

SandboxController::SandboxController(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &SandboxController::onFinished);
}

SandboxController::~SandboxController()
{
    m_watcher.waitForFinished();
    if (m_cluster && m_cluster->isRunning())
        (void)m_cluster->stop();
}

void SandboxController::start()
{
    if (isStarting() || (m_cluster && m_cluster->isRunning()))
        return;
    m_cluster = std::make_unique<SandboxCluster>();
    m_watcher.setFuture(QtConcurrent::run([this] { return startOnWorker(); }));
}

SandboxController::Outcome SandboxController::startOnWorker()
{
    const ProgressSink progress = [this](const QString &line) {
        QMetaObject::invokeMethod(this, [this, line] { emit messageLogged(line); }, Qt::QueuedConnection);
    };
    Outcome outcome;
    if (Status started = m_cluster->start(progress); !started) {
        outcome.errorText = started.error().fullText();
        return outcome;
    }
    {
        DatabaseSession maintenance;
        Status status = maintenance.open(m_cluster->state().profile());
        if (status)
            status = databaseadmin::create(maintenance.database(), kDatabaseName);
        if (!status) {
            outcome.errorText = status.error().fullText();
            return outcome;
        }
    }
    progress(QStringLiteral("Created database %1").arg(kDatabaseName));
    outcome.profile = m_cluster->state().profile(kDatabaseName);
    DatabaseSession session;
    if (Status opened = session.open(outcome.profile); !opened) {
        outcome.errorText = opened.error().fullText();
        return outcome;
    }
    const Result<ServerInfo> info = ServerInfo::read(session.database());
    if (!info) {
        outcome.errorText = info.error().fullText();
        return outcome;
    }
    outcome.info = info.value();
    return outcome;
}

void SandboxController::onFinished()
{
    const Outcome outcome = m_watcher.result();
    if (outcome.errorText.isEmpty())
        emit ready(outcome.profile, outcome.info);
    else
        emit failed(outcome.errorText);
}

} // namespace nrdb
