#include "codegen/pythontypes.h"

#include "codegen/pythonnames.h"

#include <QRegularExpression>

namespace nrdb {

namespace {

struct Simple {
    const char *sql;
    const char *sqlalchemy;
    const char *python;
};

// Types written exactly as format_type() does, without a modifier.
constexpr Simple kSimple[] = {
    {"integer", "postgresql.INTEGER", "int"},
    {"bigint", "postgresql.BIGINT", "int"},
    {"smallint", "postgresql.SMALLINT", "int"},
    {"text", "postgresql.TEXT", "str"},
    {"character varying", "postgresql.VARCHAR", "str"},
    {"boolean", "postgresql.BOOLEAN", "bool"},
    {"numeric", "postgresql.NUMERIC", "decimal.Decimal"},
    {"real", "postgresql.REAL", "float"},
    {"double precision", "postgresql.DOUBLE_PRECISION", "float"},
    {"date", "postgresql.DATE", "datetime.date"},
    {"interval", "postgresql.INTERVAL", "datetime.timedelta"},
    {"uuid", "postgresql.UUID(as_uuid=True)", "uuid.UUID"},
    {"json", "postgresql.JSON", "Any"},
    {"jsonb", "postgresql.JSONB", "Any"},
    {"bytea", "postgresql.BYTEA", "bytes"},
    {"inet", "postgresql.INET", "str"},
    {"cidr", "postgresql.CIDR", "str"},
    {"macaddr", "postgresql.MACADDR", "str"},
    {"tsvector", "postgresql.TSVECTOR", "str"},
    {"oid", "postgresql.OID", "int"},
};

std::optional<MappedType> withModifier(const QString &type)
{
    static const QRegularExpression varchar(QStringLiteral(R"(^character varying\((\d+)\)$)"));
    static const QRegularExpression character(QStringLiteral(R"(^character\((\d+)\)$)"));
    static const QRegularExpression numeric(QStringLiteral(R"(^numeric\((\d+),(\d+)\)$)"));
    static const QRegularExpression timestamp(
        QStringLiteral(R"(^(timestamp|time)(?:\((\d)\))? (with|without) time zone$)"));
    if (const auto m = varchar.match(type); m.hasMatch())
        return MappedType{QStringLiteral("postgresql.VARCHAR(%1)").arg(m.captured(1)), QStringLiteral("str")};
    if (const auto m = character.match(type); m.hasMatch())
        return MappedType{QStringLiteral("postgresql.CHAR(%1)").arg(m.captured(1)), QStringLiteral("str")};
    if (const auto m = numeric.match(type); m.hasMatch())
        return MappedType{QStringLiteral("postgresql.NUMERIC(%1, %2)").arg(m.captured(1), m.captured(2)),
                          QStringLiteral("decimal.Decimal")};
    if (const auto m = timestamp.match(type); m.hasMatch()) {
        const bool isTimestamp = m.captured(1) == QLatin1String("timestamp");
        QStringList arguments{
            QStringLiteral("timezone=%1")
                .arg(m.captured(3) == QLatin1String("with") ? QStringLiteral("True") : QStringLiteral("False"))};
        if (!m.captured(2).isEmpty())
            arguments << QStringLiteral("precision=%1").arg(m.captured(2));
        return MappedType{QStringLiteral("postgresql.%1(%2)")
                              .arg(isTimestamp ? QStringLiteral("TIMESTAMP") : QStringLiteral("TIME"),
                                   arguments.join(QStringLiteral(", "))),
                          isTimestamp ? QStringLiteral("datetime.datetime") : QStringLiteral("datetime.time")};
    }
    if (type == QLatin1String("character"))
        return MappedType{QStringLiteral("postgresql.CHAR(1)"), QStringLiteral("str")};
    return std::nullopt;
}

const EnumInfo *enumNamed(const QString &type, const SchemaSnapshot &snapshot, const QString &tableSchema)
{
    // format_type() qualifies a type outside the search path: "netraven.device_source".
    const QString unquoted = QString(type).remove(QLatin1Char('"'));
    for (const EnumInfo &info : snapshot.enums) {
        if (unquoted == info.schema + QLatin1Char('.') + info.name ||
            (unquoted == info.name && (info.schema == tableSchema || info.schema == QLatin1String("public"))))
            return &info;
    }
    return nullptr;
}

} // namespace

MappedType mapColumnType(const QString &formatType, const SchemaSnapshot &snapshot, const QString &tableSchema,
                         const std::function<QString(const EnumInfo &)> &enumVariable)
{
    if (formatType.endsWith(QLatin1String("[]"))) {
        const MappedType element = mapColumnType(formatType.chopped(2), snapshot, tableSchema, enumVariable);
        return MappedType{QStringLiteral("postgresql.ARRAY(%1)").arg(element.sqlalchemy),
                          QStringLiteral("List[%1]").arg(element.python), element.exact};
    }
    for (const Simple &simple : kSimple)
        if (formatType == QLatin1String(simple.sql))
            return MappedType{QLatin1String(simple.sqlalchemy), QLatin1String(simple.python)};
    if (std::optional<MappedType> modified = withModifier(formatType))
        return *modified;
    if (const EnumInfo *info = enumNamed(formatType, snapshot, tableSchema)) {
        QStringList labels;
        for (const QString &label : info->labels)
            labels << pythonnames::literal(label);
        return MappedType{enumVariable(*info), QStringLiteral("Literal[%1]").arg(labels.join(QStringLiteral(", ")))};
    }
    return MappedType{QStringLiteral("_SqlType(%1)").arg(pythonnames::literal(formatType)), QStringLiteral("Any"),
                      false};
}

} // namespace nrdb
