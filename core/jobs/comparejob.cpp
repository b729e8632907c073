#include "jobs/comparejob.h"

#include "connection/serverinfo.h"
#include "jobs/jobcontext.h"
#include "jobs/snapshotjob.h"

#include <QElapsedTimer>

namespace nrdb {

namespace {

QString packLabel(const ModelPack &pack, int version)
{
    return QStringLiteral("pack %1 %2").arg(pack.name, pack.describeVersion(version));
}

} // namespace

QString CompareJob::title() const
{
    const QString source = m_source.pack ? m_source.pack->name : m_source.database.displayName();
    return QStringLiteral("Compare %1 with %2").arg(m_target.displayName(), source);
}

Result<CompareJob::ReadSide> CompareJob::readSide(JobContext &context, const QString &label)
{
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    Result<SchemaSnapshot> snapshot =
        SnapshotJob::readOn(context, db.value(), QStringLiteral("Reading the schema of %1").arg(label));
    if (!snapshot)
        return snapshot.error();
    const Result<ServerInfo> info = ServerInfo::read(db.value());
    if (!info)
        return info.error();
    return ReadSide{std::move(snapshot).value(), info.value().serverVersion};
}

Result<CompareReport> CompareJob::execute(JobContext &context)
{
    QElapsedTimer clock;
    clock.start();
    const Result<ReadSide> target = readSide(context, m_target.displayName());
    if (!target)
        return target.error();
    QStringList schemas = m_schemas;
    SchemaSet source;
    if (m_source.pack) {
        const ModelPack &pack = *m_source.pack;
        const int version = m_source.packVersion > 0 ? m_source.packVersion : pack.headVersion();
        if (version != pack.headVersion() && !pack.migration(version))
            return Error::usage(QStringLiteral("Pack %1 has no version %2").arg(pack.name).arg(version));
        source = SchemaSet::fromModel(pack.modelAt(version));
        source.label = packLabel(pack, version);
        if (schemas.isEmpty())
            schemas = QStringList{pack.schema};
    } else {
        const Result<std::unique_ptr<JobContext>> sourceContext = context.forResolvedTarget(m_source.database);
        if (!sourceContext)
            return sourceContext.error();
        const Result<ReadSide> read = readSide(*sourceContext.value(), m_source.database.displayName());
        if (!read)
            return read.error();
        if (schemas.isEmpty()) {
            schemas = SchemaSet::schemasIn(read.value().snapshot) + SchemaSet::schemasIn(target.value().snapshot);
            schemas.removeDuplicates();
        }
        source = SchemaSet::fromSnapshot(read.value().snapshot, schemas);
        source.label = m_source.database.displayName();
        source.serverVersion = read.value().serverVersion;
    }
    if (context.isCancelled())
        return JobContext::cancelledError();
    context.setPhase(QStringLiteral("Comparing"));
    SchemaSet current = SchemaSet::fromSnapshot(target.value().snapshot, schemas);
    current.label = m_target.displayName();
    current.serverVersion = target.value().serverVersion;
    CompareReport report = compareSchemaSets(source, current, m_options);
    report.durationMs = clock.elapsed();
    context.info(QStringLiteral("%1 difference(s) between %2 and %3; %4 statement(s) make %3 like %2")
                     .arg(report.differenceCount())
                     .arg(report.source, report.target)
                     .arg(report.plan.statements.size()));
    return report;
}

} // namespace nrdb
