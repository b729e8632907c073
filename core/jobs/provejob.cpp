#include "jobs/provejob.h"

#include "connection/databaseadmin.h"
#include "connection/databasesession.h"
#include "connection/resolvedconnection.h"
#include "jobs/jobcontext.h"
#include "jobs/restorejob.h"
#include "jobs/verifyjob.h"
#include "sandbox/sandboxcluster.h"
#include "util/counting.h"
#include "util/sqlidentifier.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QScopeGuard>
#include <QSqlQuery>

namespace nrdb {

namespace {

// The restored schema against the source's as the manifest recorded it at backup time: the
// differences it had then are the backup's to keep, not a failed proof; new ones are.
void judgeSchema(ProofReport &report, const VerifyReport &restored, const BackupManifest &manifest)
{
    QStringList added;
    for (const QString &line : restored.differenceLines()) {
        if (!manifest.modelDifferences.contains(line))
            added << line;
    }
    report.verifyOk = added.isEmpty();
    if (!restored.hasDifferences())
        report.verifyVerdict = restored.verdict();
    else if (added.isEmpty())
        report.verifyVerdict =
            QStringLiteral("the schema as it was when backed up (%1 from %2, recorded in the manifest)")
                .arg(counted(restored.differenceCount(), QStringLiteral("difference"), QStringLiteral("differences")),
                     restored.pack);
    else
        report.verifyVerdict =
            QStringLiteral("%1 from %2 that the source did not have: %3")
                .arg(counted(added.size(), QStringLiteral("difference"), QStringLiteral("differences")), restored.pack,
                     added.join(QStringLiteral("; ")));
}

// Each table whose rows in the restored database differ in number from the manifest's count.
Result<QStringList> countMismatches(const ConnectionProfile &restored, const QMap<QString, qint64> &rowCounts)
{
    DatabaseSession session;
    if (Status opened = session.open(restored); !opened)
        return opened.error();
    QSqlQuery query(session.database());
    QStringList mismatches;
    for (auto it = rowCounts.cbegin(); it != rowCounts.cend(); ++it) {
        const QString table = quoteIdentifier(it.key().section(QLatin1Char('.'), 0, 0)) + QLatin1Char('.') +
                              quoteIdentifier(it.key().section(QLatin1Char('.'), 1));
        const qint64 rows = query.exec(QStringLiteral("SELECT count(*) FROM ") + table) && query.next()
                                ? query.value(0).toLongLong()
                                : -1;
        if (rows != it.value())
            mismatches << QStringLiteral("%1: manifest %2, restored %3").arg(it.key()).arg(it.value()).arg(rows);
    }
    return mismatches;
}

} // namespace

QString ProofReport::summary() const
{
    if (ok)
        return QStringLiteral("Restorable: restored %1, row counts equal the manifest%2")
            .arg(inSandbox ? QStringLiteral("in a sandbox") : QStringLiteral("on the server"),
                 verifyVerdict.isEmpty() ? QString() : QStringLiteral(", ") + verifyVerdict);
    if (!checksumMatches)
        return QStringLiteral("Not proven: the file's SHA-256 differs from its manifest");
    QStringList problems = countMismatches;
    if (!verifyOk)
        problems << verifyVerdict;
    return QStringLiteral("Not proven: %1").arg(problems.join(QStringLiteral("; ")));
}

ProveRestorableJob::ProveRestorableJob(ConnectionProfile server, QString backupPath, bool inSandbox,
                                       QString toolsDirectory)
    : m_server(std::move(server)), m_backupPath(std::move(backupPath)), m_inSandbox(inSandbox),
      m_toolsDirectory(std::move(toolsDirectory))
{
}

ConnectionProfile ProveRestorableJob::target() const
{
    if (m_inSandbox)
        return {}; // its own server, started inside the job
    return databaseadmin::maintenanceOf(m_server);
}

Status ProveRestorableJob::proveInScratch(JobContext &context, const ConnectionProfile &server,
                                          const BackupManifest &manifest, ProofReport &report) const
{
    const QString scratch = QStringLiteral("nrdb_prove_%1")
                                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd_HHmmss_zzz")));
    const ConnectionProfile maintenance = databaseadmin::maintenanceOf(server);
    ConnectionProfile restored = server;
    restored.database = scratch;
    context.setPhase(QStringLiteral("Restoring into %1").arg(scratch));
    RestoreOptions options;
    options.source = m_backupPath;
    options.targetDatabase = scratch;
    options.temporaryPurpose = QStringLiteral("proof scratch");
    options.toolsDirectory = m_toolsDirectory;
    RestoreJob restore(server, options);
    const std::unique_ptr<JobContext> onServer = context.forTarget(maintenance);
    if (Status done = restore.run(*onServer); !done)
        return done; // what the restore made was dropped by it
    // Whatever ends the proof from here (a cancel, an error, the verdict), the scratch copy goes,
    // on a connection of its own that no cancel of the job reaches.
    const auto dropScratch = qScopeGuard([&] {
        if (Status dropped = databaseadmin::dropOnItsOwnConnection(maintenance, scratch); !dropped)
            context.warning(
                QStringLiteral("The scratch database %1 could not be dropped (%2); it is marked as this "
                               "tool's, and once this program has ended \"netraven-dbctl cleanup\" drops it")
                    .arg(scratch, dropped.error().message));
    });

    context.setPhase(QStringLiteral("Comparing row counts"));
    const Result<QStringList> mismatches = countMismatches(restored, manifest.rowCounts);
    if (!mismatches)
        return mismatches.error();
    report.countMismatches = mismatches.value();
    // The pack the manifest names, or, for a backup made before packs were detected, the one the
    // restored catalog shows; a database of no known pack is not verified.
    const Result<ModelPack> named = ModelPack::named(manifest.modelPack);
    context.setPhase(QStringLiteral("Verifying"));
    VerifyJob verify(restored, named ? PackChoice(named.value()) : PackChoice::fromCatalog());
    const std::unique_ptr<JobContext> onRestored = context.forTarget(restored);
    if (Status verified = verify.run(*onRestored); verified && !verify.result().isForeign())
        judgeSchema(report, verify.result(), manifest);
    return {};
}

Result<ProofReport> ProveRestorableJob::execute(JobContext &context)
{
    QElapsedTimer clock;
    clock.start();
    ProofReport report;
    report.inSandbox = m_inSandbox;
    const QString manifestPath = BackupManifest::pathFor(m_backupPath);
    Result<BackupManifest> manifest = BackupManifest::load(manifestPath);
    if (!manifest)
        return Error::notFound(
            QStringLiteral("%1 has no manifest beside it: nothing to prove against").arg(m_backupPath));
    context.setPhase(QStringLiteral("Checking the SHA-256"));
    const Result<QString> digest = sha256Of(m_backupPath);
    if (!digest)
        return digest.error();
    report.checksumMatches = digest.value() == manifest.value().sha256;

    std::unique_ptr<SandboxCluster> sandbox; // outlives the scratch database in it
    ConnectionProfile server = m_server;
    if (report.checksumMatches && m_inSandbox) {
        context.setPhase(QStringLiteral("Starting a sandbox server"));
        sandbox = std::make_unique<SandboxCluster>();
        if (Status started = sandbox->start([&context](const QString &line) { context.info(line); }); !started)
            return started.error();
        server = sandbox->state().profile();
    }
    if (report.checksumMatches && !m_inSandbox && (server.password.isEmpty() || server.needsTunnel())) {
        // A saved environment's profile holds no password: it is found here (keychain, pgpass,
        // environment), for pg_restore as much as for the proof's own connections.
        const Result<ResolvedConnection> resolved = resolveConnection(server);
        if (!resolved)
            return resolved.error();
        for (const QString &warning : resolved.value().warnings)
            context.warning(warning);
        server = resolved.value().profile;
    }
    if (report.checksumMatches) {
        if (Status proved = proveInScratch(context, server, manifest.value(), report); !proved)
            return proved.error();
    }
    report.ok = report.checksumMatches && report.countMismatches.isEmpty() && report.verifyOk;
    report.durationMs = clock.elapsed();
    BackupManifest updated = manifest.value();
    updated.proof =
        QJsonObject{{QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                    {QStringLiteral("ok"), report.ok},
                    {QStringLiteral("where"), m_inSandbox ? QStringLiteral("sandbox") : server.displayName()},
                    {QStringLiteral("summary"), report.summary()},
                    {QStringLiteral("duration_ms"), report.durationMs}};
    if (Status saved = updated.save(manifestPath); !saved)
        return saved.error();
    context.info(report.summary());
    return report;
}

QJsonObject ProofReport::toJson() const
{
    return QJsonObject{{QStringLiteral("ok"), ok},
                       {QStringLiteral("summary"), summary()},
                       {QStringLiteral("count_mismatches"), QJsonArray::fromStringList(countMismatches)},
                       {QStringLiteral("duration_ms"), durationMs}};
}

} // namespace nrdb
