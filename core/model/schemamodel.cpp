#include "model/schemamodel.h"

#include "util/jsonfile.h"

#include <QJsonArray>

namespace nrdb {

namespace {

QJsonObject mapToJson(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QMap<QString, QString> mapFromJson(const QJsonObject &object)
{
    QMap<QString, QString> map;
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

// "integer owned by devices.id": what identifies a sequence apart from its name.
QString describeSequence(const SchemaSnapshot &snapshot, const SequenceInfo &sequence)
{
    const RelationInfo *owner = snapshot.relation(sequence.ownerRelationOid);
    if (!owner || sequence.ownerColumn.isEmpty())
        return sequence.dataType;
    return QStringLiteral("%1 owned by %2.%3").arg(sequence.dataType, owner->name, sequence.ownerColumn);
}

// pg_get_viewdef()'s " SELECT …;" as the body of a CREATE VIEW.
QString viewQuery(const QString &definition)
{
    QString query = definition.trimmed();
    if (query.endsWith(QLatin1Char(';')))
        query.chop(1);
    return query;
}

} // namespace

QString SchemaModel::Column::describe() const
{
    QString text = type;
    if (notNull)
        text += QStringLiteral(" NOT NULL");
    if (!defaultExpression.isEmpty())
        text += QStringLiteral(" DEFAULT ") + defaultExpression;
    return text;
}

const SchemaModel::Column *SchemaModel::Table::column(const QString &columnName) const
{
    for (const Column &candidate : columns) {
        if (candidate.name == columnName)
            return &candidate;
    }
    return nullptr;
}

const QString SchemaModel::kInvalidIndex = QStringLiteral(" (INVALID: its build failed)");

SchemaModel SchemaModel::fromSnapshot(const SchemaSnapshot &snapshot, const QString &schema)
{
    SchemaModel model;
    model.schema = schema;
    for (const RelationInfo &relation : snapshot.relations) {
        if (relation.schema == schema && relation.kind == RelationKind::View)
            model.views.insert(relation.name, viewQuery(relation.viewDefinition));
        if (relation.schema != schema || !relation.isTable())
            continue;
        Table table;
        table.name = relation.name;
        table.comment = relation.comment;
        for (const ColumnInfo &column : relation.columns)
            table.columns << Column{column.name, column.type, column.notNull, column.defaultExpression, column.comment};
        for (const ConstraintInfo &constraint : relation.constraints)
            table.constraints.insert(constraint.name, constraint.definition);
        for (const IndexInfo &index : relation.indexes) {
            if (index.constraintName.isEmpty())
                table.indexes.insert(index.name, index.definition + (index.valid ? QString() : kInvalidIndex));
        }
        model.tables.insert(table.name, table);
    }
    for (const EnumInfo &type : snapshot.enums) {
        if (type.schema == schema)
            model.enums.insert(type.name, type.labels);
    }
    for (const SequenceInfo &sequence : snapshot.sequences) {
        if (sequence.schema == schema)
            model.sequences.insert(sequence.name, describeSequence(snapshot, sequence));
    }
    return model;
}

QJsonObject SchemaModel::toJson() const
{
    QJsonObject tablesJson;
    for (const Table &table : tables) {
        QJsonArray columns;
        for (const Column &column : table.columns) {
            QJsonObject columnJson{{QStringLiteral("name"), column.name},
                                   {QStringLiteral("type"), column.type},
                                   {QStringLiteral("notNull"), column.notNull}};
            if (!column.defaultExpression.isEmpty())
                columnJson.insert(QStringLiteral("default"), column.defaultExpression);
            if (!column.comment.isEmpty())
                columnJson.insert(QStringLiteral("comment"), column.comment);
            columns << columnJson;
        }
        QJsonObject tableJson{{QStringLiteral("columns"), columns},
                              {QStringLiteral("constraints"), mapToJson(table.constraints)},
                              {QStringLiteral("indexes"), mapToJson(table.indexes)}};
        if (!table.comment.isEmpty())
            tableJson.insert(QStringLiteral("comment"), table.comment);
        tablesJson.insert(table.name, tableJson);
    }
    QJsonObject json{{QStringLiteral("schema"), schema}, {QStringLiteral("tables"), tablesJson}};
    QJsonObject enumsJson;
    for (auto it = enums.cbegin(); it != enums.cend(); ++it)
        enumsJson.insert(it.key(), QJsonArray::fromStringList(it.value()));
    if (!enumsJson.isEmpty())
        json.insert(QStringLiteral("enums"), enumsJson);
    if (!sequences.isEmpty())
        json.insert(QStringLiteral("sequences"), mapToJson(sequences));
    if (!views.isEmpty())
        json.insert(QStringLiteral("views"), mapToJson(views));
    return json;
}

Result<SchemaModel> SchemaModel::fromJson(const QJsonObject &json)
{
    SchemaModel model;
    model.schema = json.value(QStringLiteral("schema")).toString();
    if (model.schema.isEmpty())
        return Error::usage(QStringLiteral("An expected model needs a \"schema\""));
    const QJsonObject tables = json.value(QStringLiteral("tables")).toObject();
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        const QJsonObject tableJson = it.value().toObject();
        Table table;
        table.name = it.key();
        table.comment = tableJson.value(QStringLiteral("comment")).toString();
        for (const QJsonValue &columnJson : tableJson.value(QStringLiteral("columns")).toArray())
            table.columns << Column{
                columnJson[QStringLiteral("name")].toString(), columnJson[QStringLiteral("type")].toString(),
                columnJson[QStringLiteral("notNull")].toBool(), columnJson[QStringLiteral("default")].toString(),
                columnJson[QStringLiteral("comment")].toString()};
        table.constraints = mapFromJson(tableJson.value(QStringLiteral("constraints")).toObject());
        table.indexes = mapFromJson(tableJson.value(QStringLiteral("indexes")).toObject());
        model.tables.insert(table.name, table);
    }
    const QJsonObject enums = json.value(QStringLiteral("enums")).toObject();
    for (auto it = enums.begin(); it != enums.end(); ++it) {
        QStringList labels;
        for (const QJsonValue &label : it.value().toArray())
            labels << label.toString();
        model.enums.insert(it.key(), labels);
    }
    model.sequences = mapFromJson(json.value(QStringLiteral("sequences")).toObject());
    model.views = mapFromJson(json.value(QStringLiteral("views")).toObject());
    return model;
}

Result<SchemaModel> SchemaModel::load(const QString &path)
{
    const Result<QJsonObject> json = readJsonObject(path, QStringLiteral("the expected model"));
    if (!json)
        return json.error();
    return fromJson(json.value());
}

} // namespace nrdb
