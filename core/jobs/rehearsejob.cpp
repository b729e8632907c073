#include "jobs/rehearsejob.h"

#include "connection/databaseadmin.h"
#include "connection/libpqconnection.h"
#include "connection/serverinfo.h"
#include "jobs/exportschemajob.h"
#include "jobs/jobcontext.h"
#include "jobs/restorejob.h"
#include "jobs/snapshotjob.h"
#include "sandbox/sandboxcluster.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

namespace nrdb {

namespace {

const QString kCopy = QStringLiteral("rehearsal");

} // namespace

QJsonObject RehearsalReport::toJson() const
{
    QJsonObject json{{QStringLiteral("server"), server},
                     {QStringLiteral("loadedFrom"), loadedFrom},
                     {QStringLiteral("loadMs"), loadMs},
                     {QStringLiteral("run"), run.toJson()},
                     {QStringLiteral("ok"), ok()}};
    if (after)
        json.insert(QStringLiteral("remainingDifferences"), after->differenceCount());
    return json;
}

QString RehearseJob::title() const
{
    return QStringLiteral("Rehearse the script for %1").arg(m_target.displayName());
}

Result<QString> RehearseJob::dumpSchema(JobContext &context) const
{
    QTemporaryDir directory;
    if (!directory.isValid())
        return Error::io(QStringLiteral("Cannot make a temporary directory"), directory.errorString());
    SchemaExportOptions options;
    options.outputPath = directory.filePath(QStringLiteral("schema.sql"));
    options.toolsDirectory = m_toolsDirectory;
    options.privileges = false; // the sandbox has none of the target's roles
    ExportSchemaJob dump(m_target, options);
    if (Status dumped = dump.run(context); !dumped)
        return dumped.error();
    QFile file(options.outputPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(QStringLiteral("Cannot read %1").arg(options.outputPath), file.errorString());
    return QString::fromUtf8(file.readAll());
}

Status RehearseJob::compareAfter(JobContext &copy, const QSqlDatabase &db, RehearsalReport &report) const
{
    if (!m_wanted)
        return {};
    const Result<SchemaSnapshot> snapshot =
        SnapshotJob::readOn(copy, db, QStringLiteral("Comparing the copy with the wanted schema"));
    if (!snapshot)
        return snapshot.error();
    report.after = compareWithWanted(*m_wanted, snapshot.value(), QStringLiteral("the rehearsal copy"), m_plan.options);
    return {};
}

Status RehearseJob::makeCopy(JobContext &context, const SandboxState &sandbox,
                             const std::optional<QString> &schema) const
{
    const std::unique_ptr<JobContext> server = context.forTarget(sandbox.profile());
    if (!schema) {
        server->setPhase(QStringLiteral("Restoring %1 into the copy").arg(m_backupPath));
        RestoreOptions options;
        options.source = m_backupPath;
        options.targetDatabase = kCopy;
        options.toolsDirectory = m_toolsDirectory;
        RestoreJob restore(sandbox.profile(), options);
        return restore.run(*server);
    }
    const Result<QSqlDatabase> maintenance = server->database();
    if (!maintenance)
        return maintenance.error();
    if (Status created = databaseadmin::create(maintenance.value(), kCopy); !created)
        return created.error();
    const std::unique_ptr<JobContext> copy = context.forTarget(sandbox.profile(kCopy));
    const Result<QSqlDatabase> db = copy->database();
    if (!db)
        return db.error();
    copy->setPhase(QStringLiteral("Loading the schema of %1 into the copy").arg(m_target.displayName()));
    return execScript(db.value(), *schema, QStringLiteral("the copy of the schema"));
}

Result<RehearsalReport> RehearseJob::execute(JobContext &context)
{
    std::optional<QString> schema;
    if (m_backupPath.isEmpty()) {
        context.setPhase(QStringLiteral("Dumping the schema of %1").arg(m_target.displayName()));
        Result<QString> dumped = dumpSchema(context);
        if (!dumped)
            return dumped.error();
        schema = std::move(dumped).value();
    }
    context.setPhase(QStringLiteral("Starting a sandbox server"));
    SandboxCluster sandbox; // stopped and removed with everything in it when the job ends
    if (Status started = sandbox.start([&context](const QString &line) { context.info(line); }); !started)
        return started.error();
    if (context.isCancelled())
        return JobContext::cancelledError();
    RehearsalReport report;
    report.loadedFrom = schema ? QStringLiteral("the schema of %1").arg(m_target.displayName()) : m_backupPath;
    QElapsedTimer clock;
    clock.start();
    if (Status made = makeCopy(context, sandbox.state(), schema); !made)
        return made.error();
    report.loadMs = clock.elapsed();
    // A new connection: pg_dump's script emptied the search path of the one that loaded it, and
    // the script runs with the server's default, as on the target.
    const std::unique_ptr<JobContext> copy = context.forTarget(sandbox.state().profile(kCopy));
    const Result<QSqlDatabase> db = copy->database();
    if (!db)
        return db.error();
    if (const Result<ServerInfo> info = ServerInfo::read(db.value()); info)
        report.server = info.value().serverVersion;
    report.run = runPlan(*copy, db.value(), m_plan, true);
    if (report.run.failure && report.run.failure->kind == ErrorKind::Cancelled)
        return *report.run.failure;
    if (report.run.complete) {
        if (Status compared = compareAfter(*copy, db.value(), report); !compared)
            return compared.error();
    }
    context.info(report.ok() ? QStringLiteral("The rehearsal ran every statement and left nothing to do")
                             : QStringLiteral("The rehearsal did not end clean: %1")
                                   .arg(report.run.failure ? report.run.failure->message
                                                           : QStringLiteral("differences remain")));
    return report;
}

} // namespace nrdb
