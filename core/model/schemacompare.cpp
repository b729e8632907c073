#include "model/schemacompare.h"

#include "model/planstatements.h"
#include "model/statementorder.h"
#include "util/sqlidentifier.h"

#include <QJsonArray>
#include <QSet>

namespace nrdb {

namespace {

const QString kOwnSchema = QStringLiteral("nrdb");

QJsonArray itemsToJson(const QVector<DriftItem> &items)
{
    QJsonArray array;
    for (const DriftItem &item : items)
        array << item.toJson();
    return array;
}

PlannedStatement createSchema(const QString &schema)
{
    PlannedStatement statement;
    statement.sql = QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(quoteIdentifier(schema));
    statement.schema = schema;
    statement.phase = plan::Schemas;
    statement.item = DriftItem{DriftKind::Missing, QStringLiteral("schema"), {}, schema, schema, {}};
    statement.lock = QStringLiteral("none (a new schema)");
    return statement;
}

PlannedStatement createExtension(const DriftItem &item)
{
    PlannedStatement statement;
    statement.sql = QStringLiteral("CREATE EXTENSION IF NOT EXISTS %1 WITH SCHEMA %2")
                        .arg(quoteIdentifier(item.object), quoteIdentifier(item.expected));
    statement.item = item;
    statement.schema = item.expected;
    statement.phase = plan::Extensions;
    statement.lock = QStringLiteral("none (a new extension)");
    statement.hazard = QStringLiteral("needs the extension installed on the server and the right to create it");
    return statement;
}

// Extensions by name: missing ones are created (in the source's schema), extra ones kept.
QVector<DriftItem> compareExtensions(const QMap<QString, QString> &source, const QMap<QString, QString> &target)
{
    QVector<DriftItem> items;
    for (auto it = source.cbegin(); it != source.cend(); ++it) {
        if (!target.contains(it.key()))
            items << DriftItem{DriftKind::Missing, QStringLiteral("extension"), {}, it.key(), it.value(), {}};
    }
    for (auto it = target.cbegin(); it != target.cend(); ++it) {
        if (!source.contains(it.key()))
            items << DriftItem{DriftKind::Extra, QStringLiteral("extension"), {}, it.key(), {}, it.value()};
    }
    return items;
}

void append(MigrationPlan &into, const MigrationPlan &plan)
{
    into.statements += plan.statements;
    into.refused += plan.refused;
    into.keptExtras += plan.keptExtras;
    into.hints += plan.hints;
}

} // namespace

QStringList SchemaSet::schemasIn(const SchemaSnapshot &snapshot)
{
    QSet<QString> schemas;
    for (const RelationInfo &relation : snapshot.relations) {
        if (relation.isTable() || relation.kind == RelationKind::View)
            schemas.insert(relation.schema);
    }
    for (const EnumInfo &type : snapshot.enums)
        schemas.insert(type.schema);
    for (const SequenceInfo &sequence : snapshot.sequences)
        schemas.insert(sequence.schema);
    schemas.remove(kOwnSchema);
    QStringList sorted(schemas.cbegin(), schemas.cend());
    sorted.sort();
    return sorted;
}

SchemaSet SchemaSet::fromSnapshot(const SchemaSnapshot &snapshot, const QStringList &schemas)
{
    SchemaSet set;
    for (const SchemaInfo &schema : snapshot.schemas) {
        if (schemas.contains(schema.name))
            set.models.insert(schema.name, SchemaModel::fromSnapshot(snapshot, schema.name));
    }
    QMap<QString, QString> extensions;
    for (const ExtensionInfo &extension : snapshot.extensions) {
        if (extension.name != QLatin1String("plpgsql")) // in every database
            extensions.insert(extension.name, extension.schema);
    }
    set.extensions = extensions;
    return set;
}

SchemaSet SchemaSet::fromModel(const SchemaModel &model)
{
    SchemaSet set;
    set.models.insert(model.schema, model);
    return set;
}

int CompareReport::differenceCount() const
{
    qsizetype count = extensions.size();
    for (const SchemaComparison &schema : schemas)
        count += schema.differences.size() + (schema.missing ? 1 : 0);
    return int(count);
}

QString CompareReport::scriptTitle() const
{
    return QStringLiteral("Make %1 like %2").arg(target, source);
}

QJsonObject CompareReport::toJson() const
{
    QJsonArray schemasJson;
    for (const SchemaComparison &schema : schemas)
        schemasJson << QJsonObject{{QStringLiteral("schema"), schema.schema},
                                   {QStringLiteral("missing"), schema.missing},
                                   {QStringLiteral("differences"), itemsToJson(schema.differences)}};
    return QJsonObject{{QStringLiteral("source"), source},
                       {QStringLiteral("target"), target},
                       {QStringLiteral("sourceServerVersion"), sourceServerVersion},
                       {QStringLiteral("targetServerVersion"), targetServerVersion},
                       {QStringLiteral("differenceCount"), differenceCount()},
                       {QStringLiteral("schemas"), schemasJson},
                       {QStringLiteral("extensions"), itemsToJson(extensions)},
                       {QStringLiteral("plan"), plan.toJson()},
                       {QStringLiteral("durationMs"), durationMs}};
}

CompareReport compareSchemaSets(const SchemaSet &source, const SchemaSet &target, const PlanOptions &options)
{
    CompareReport report;
    report.source = source.label;
    report.target = target.label;
    report.sourceServerVersion = source.serverVersion;
    report.targetServerVersion = target.serverVersion;
    report.plan.options = options;
    report.wanted = source;
    QStringList names = source.models.keys() + target.models.keys();
    names.removeDuplicates();
    names.sort();
    QVector<MigrationPlan> plans;
    for (const QString &name : std::as_const(names)) {
        SchemaModel wanted = source.models.value(name);
        wanted.schema = name;
        SchemaModel current = target.models.value(name);
        current.schema = name;
        report.wanted.models.insert(name, wanted); // empty for a schema only the target has
        const bool missing = !target.models.contains(name);
        report.schemas << SchemaComparison{name, missing, compareModels(wanted, current)};
        if (missing)
            report.plan.statements << createSchema(name);
        plans << planMigration(wanted, current, options);
    }
    if (source.extensions && target.extensions) {
        report.extensions = compareExtensions(*source.extensions, *target.extensions);
        for (const DriftItem &item : std::as_const(report.extensions)) {
            if (item.kind == DriftKind::Missing)
                report.plan.statements << createExtension(item);
            else
                report.plan.keptExtras << item;
        }
    }
    for (const MigrationPlan &plan : std::as_const(plans))
        append(report.plan, plan);
    plan::orderStatements(report.plan.statements); // a schema's statements may need another's
    return report;
}

CompareReport compareWithWanted(const SchemaSet &wanted, const SchemaSnapshot &snapshot, const QString &label,
                                const PlanOptions &options)
{
    SchemaSet current = SchemaSet::fromSnapshot(snapshot, wanted.models.keys());
    current.label = label;
    if (!wanted.extensions)
        current.extensions.reset(); // nothing to compare them with
    return compareSchemaSets(wanted, current, options);
}

} // namespace nrdb
