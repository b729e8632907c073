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
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(value.toDouble(), 'g', 17);
    default: return value.toString();
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
        value.text = QString::fromUtf8(QJsonDocument(QJsonArray{object.value(QStringLiteral("json"))})
                                           .toJson(QJsonDocument::Compact))
                         .mid(1)
                         .chopped(1);
    } else if (object.contains(QStringLiteral("sql"))) {
        value.kind = SeedValue::Kind::Sql;
        value.text = object.value(QStringLiteral("sql")).toString();
    } else if (object.contains(QStringLiteral("bcrypt"))) {
        value.kind = SeedValue::Kind::Bcrypt;
        value.text = object.value(QStringLiteral("bcrypt")).toString();
    } else {
        return Error{ErrorKind::Usage, QStringLiteral("Seed column %1: an object value needs \"json\", \"sql\" or \"bcrypt\"").arg(column), {}, {}};
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
        return Error{ErrorKind::NotFound, QStringLiteral("Cannot read the seed %1").arg(path), {}, {}};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return Error{ErrorKind::Usage, QStringLiteral("%1 is not valid JSON: %2").arg(path, parseError.errorString()), {}, {}};
    return fromJson(document.object());
}

Result<SeedPlan> SeedPlan::fromJson(const QJsonObject &json)
{
    SeedPlan plan;
    const QJsonObject secrets = json.value(QStringLiteral("secrets")).toObject();
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        plan.secrets << SeedSecret{it.key(), it.value()[QStringLiteral("description")].toString(),
                                   it.value()[QStringLiteral("generateLength")].toInt(20)};
    for (const QJsonValue &tableJson : json.value(QStringLiteral("tables")).toArray()) {
        SeedTable table;
        table.table = tableJson[QStringLiteral("table")].toString();
        table.key = strings(tableJson[QStringLiteral("key")]);
        table.resettable = strings(tableJson[QStringLiteral("resettable")]);
        table.touchOnReset = strings(tableJson[QStringLiteral("touchOnReset")]);
        if (table.table.isEmpty() || table.key.isEmpty())
            return Error{ErrorKind::Usage, QStringLiteral("Every seed table needs \"table\" and \"key\""), {}, {}};
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
                if (!keyValue || keyValue->kind != SeedValue::Kind::Literal)
                    return Error{ErrorKind::Usage, QStringLiteral("Seed table %1: key column %2 needs a literal value").arg(table.table, key), {}, {}};
            }
            table.rows << row;
        }
        plan.tables << table;
    }
    return plan;
}

} // namespace nrdb
