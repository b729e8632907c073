#include "scratchdatabase.h"

#include "connection/databaseadmin.h"
#include "connection/databasesession.h"

#include <QCoreApplication>

namespace nrdb::test {

Result<SandboxState> fixtureServer()
{
    const QString path = qEnvironmentVariable("NRDB_TEST_SANDBOX_STATE");
    if (path.isEmpty())
        return Error::notFound(
            QStringLiteral("NRDB_TEST_SANDBOX_STATE is not set; run the tests through ctest, which starts "
                           "the sandbox server fixture"));
    return SandboxState::load(path);
}

ScratchDatabase::ScratchDatabase(const QString &purpose)
{
    QString base = QCoreApplication::applicationName();
    if (!purpose.isEmpty())
        base += QLatin1Char('_') + purpose;
    m_name = QStringLiteral("nrdb_%1_%2").arg(base.toLower()).arg(QCoreApplication::applicationPid());
}

ScratchDatabase::~ScratchDatabase()
{
    if (!m_created)
        return;
    DatabaseSession maintenance;
    Status status = maintenance.open(m_server.profile());
    if (status)
        status = databaseadmin::dropIfExists(maintenance.database(), m_name);
    if (!status)
        qWarning("Could not drop %s: %s", qPrintable(m_name), qPrintable(status.error().fullText()));
}

Status ScratchDatabase::create()
{
    const Result<SandboxState> server = fixtureServer();
    if (!server)
        return server.error();
    m_server = server.value();
    DatabaseSession maintenance;
    if (Status opened = maintenance.open(m_server.profile(), 5); !opened)
        return opened;
    if (Status dropped = databaseadmin::dropIfExists(maintenance.database(), m_name); !dropped)
        return dropped;
    if (Status created = databaseadmin::create(maintenance.database(), m_name); !created)
        return created;
    m_created = true;
    return {};
}

ConnectionProfile ScratchDatabase::profile() const
{
    return m_server.profile(m_name);
}

} // namespace nrdb::test
