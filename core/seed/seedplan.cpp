#include "seed/seedplan.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace nrdb {

namespace {

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    default:
        return value.toString();
    }
}

Result<SeedValue> parseValue(const QString &column, const QJsonValue &json)
{
    SeedValue value;
    if (json.isNull()) {
        value.isNull = true;
        return value;
    }
    if (!json.isObject()) {
        value.text = scalarText(json);
        return value;
    }
    const QJsonObject object = json.toObject();
    if (object.contains(QStringLiteral("json"))) {
        value.kind = SeedValue::Kind::Json;
        // Any JSON value as JSON text: serialised inside an array, without the brackets.
        value.text = QString::fromUtf8(
                         QJsonDocument(QJsonArray{object.value(QStringLiteral("json"))}).toJson(QJsonDocument::Compact))
                         .mid(1)
                         .chopped(1);
    } else if (object.contains(QStringLiteral("sql"))) {
        value.kind = SeedValue::Kind::Sql;
        value.text = object.value(QStringLiteral("sql")).toString();
    } else if (object.contains(QStringLiteral("bcrypt"))) {
        value.kind = SeedValue::Kind::Bcrypt;
        value.text = object.value(QStringLiteral("bcrypt")).toString();
    } else if (object.contains(QStringLiteral("lookup"))) {
        const QJsonObject lookup = object.value(QStringLiteral("lookup")).toObject();
        value.kind = SeedValue::Kind::Lookup;
        value.lookup.table = lookup.value(QStringLiteral("table")).toString();
        value.lookup.column = lookup.value(QStringLiteral("column")).toString(QStringLiteral("id"));
        const QJsonObject key = lookup.value(QStringLiteral("key")).toObject();
        for (auto it = key.begin(); it != key.end(); ++it)
            value.lookup.key.append({it.key(), scalarText(it.value())});
        if (value.lookup.table.isEmpty() || value.lookup.key.isEmpty())
            return Error::usage(QStringLiteral("Seed column %1: a lookup needs \"table\" and \"key\"").arg(column));
    } else if (object.contains(QStringLiteral("fernet"))) {
        value.kind = SeedValue::Kind::Fernet;
        value.text = object.value(QStringLiteral("fernet")).toString();
        value.keySecret = object.value(QStringLiteral("key")).toString();
        value.saltSecret = object.value(QStringLiteral("salt")).toString();
        if (value.keySecret.isEmpty() || value.saltSecret.isEmpty())
            return Error::usage(
                QStringLiteral("Seed column %1: a fernet value needs \"key\" and \"salt\"").arg(column));
    } else {
        return Error::usage(
            QStringLiteral(
                "Seed column %1: an object value needs \"json\", \"sql\", \"bcrypt\", \"lookup\" or \"fernet\"")
                .arg(column));
    }
    return value;
}

QStringList strings(const QJsonValue &array)
{
    QStringList list;
    for (const QJsonValue &item : array.toArray())
        list << item.toString();
    return list;
}

} // namespace

const SeedSecret *SeedPlan::secret(const QString &name) const
{
    for (const SeedSecret &candidate : secrets) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

const SeedValue *SeedRow::value(const QString &column) const
{
    for (const auto &[name, value] : columns) {
        if (name == column)
            return &value;
    }
    return nullptr;
}

Result<SeedPlan> SeedPlan::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(QStringLiteral("Cannot read the seed %1").arg(path));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return Error::usage(QStringLiteral("%1 is not valid JSON: %2").arg(path, parseError.errorString()));
    return fromJson(document.object());
}

Result<SeedPlan> SeedPlan::fromJson(const QJsonObject &json)
{
    SeedPlan plan;
    const QJsonObject secrets = json.value(QStringLiteral("secrets")).toObject();
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        plan.secrets << SeedSecret{it.key(),
                                   it.value()[QStringLiteral("description")].toString(),
                                   it.value()[QStringLiteral("generateLength")].toInt(20),
                                   it.value()[QStringLiteral("generate")].toBool(true),
                                   it.value()[QStringLiteral("environment")].toString(),
                                   it.value()[QStringLiteral("default")].toString()};
    for (const QJsonValue &tableJson : json.value(QStringLiteral("tables")).toArray()) {
        SeedTable table;
        table.table = tableJson[QStringLiteral("table")].toString();
        table.key = strings(tableJson[QStringLiteral("key")]);
        table.resettable = strings(tableJson[QStringLiteral("resettable")]);
        table.touchOnReset = strings(tableJson[QStringLiteral("touchOnReset")]);
        table.needs = strings(tableJson[QStringLiteral("needs")]);
        table.skipNote = tableJson[QStringLiteral("skipNote")].toString();
        const QJsonValue forEach = tableJson[QStringLiteral("forEach")];
        table.forEach = SeedForEach{forEach[QStringLiteral("table")].toString(),
                                    forEach[QStringLiteral("column")].toString(QStringLiteral("id")),
                                    forEach[QStringLiteral("as")].toString()};
        if (!table.forEach.isEmpty() && table.forEach.as.isEmpty())
            return Error::usage(QStringLiteral("Seed table %1: forEach needs \"as\"").arg(table.table));
        if (table.table.isEmpty() || table.key.isEmpty())
            return Error::usage(QStringLiteral("Every seed table needs \"table\" and \"key\""));
        for (const QJsonValue &rowJson : tableJson[QStringLiteral("rows")].toArray()) {
            SeedRow row;
            // QJsonObject sorts its keys; the order of columns does not matter to INSERT.
            const QJsonObject rowObject = rowJson.toObject();
            for (auto it = rowObject.begin(); it != rowObject.end(); ++it) {
                Result<SeedValue> value = parseValue(it.key(), it.value());
                if (!value)
                    return value.error();
                row.columns.append({it.key(), value.value()});
            }
            for (const QString &key : std::as_const(table.key)) {
                const SeedValue *keyValue = row.value(key);
                const bool identifies = keyValue && (keyValue->kind == SeedValue::Kind::Literal ||
                                                     keyValue->kind == SeedValue::Kind::Lookup);
                if (!identifies && key != table.forEach.as)
                    return Error::usage(QStringLiteral("Seed table %1: key column %2 needs a literal or a lookup")
                                            .arg(table.table, key));
            }
            table.rows << row;
        }
        plan.tables << table;
    }
    return plan;
}

} // namespace nrdb
