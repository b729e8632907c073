#include "codegen/pydanticcode.h"

#include "codegen/pythonnames.h"
#include "codegen/pythontypes.h"

namespace nrdb {

namespace {

using pythonnames::literal;

bool serverFills(const ColumnInfo &column)
{
    return !column.defaultExpression.isEmpty() || !column.identity.isEmpty() || column.generated;
}

QString schemaClass(const TableCode &table, const SchemaSnapshot &snapshot, const QStringList &secretColumns,
                    const QString &suffix, bool creating)
{
    static const QSet<QString> reserved{QStringLiteral("json"),         QStringLiteral("dict"),
                                        QStringLiteral("copy"),         QStringLiteral("schema"),
                                        QStringLiteral("schema_json"),  QStringLiteral("fields"),
                                        QStringLiteral("validate"),     QStringLiteral("construct"),
                                        QStringLiteral("parse_obj"),    QStringLiteral("parse_raw"),
                                        QStringLiteral("parse_file"),   QStringLiteral("from_orm"),
                                        QStringLiteral("Config"),       QStringLiteral("model_config"),
                                        QStringLiteral("model_fields"), QStringLiteral("update_forward_refs")};
    QString code = QStringLiteral("\n\nclass %1%2(_Schema):\n").arg(table.className, suffix);
    QSet<QString> taken;
    int fields = 0;
    for (const ColumnInfo &column : table.relation->columns) {
        const bool secret = secretColumns.contains(table.relation->qualifiedName() + QLatin1Char('.') + column.name);
        if ((creating && serverFills(column)) || (!creating && secret))
            continue;
        QString field = table.attribute.value(column.name);
        if (field.startsWith(QLatin1Char('_')))
            field.prepend(QStringLiteral("field")); // Pydantic ignores a name that starts with _
        if (reserved.contains(field))
            field += QLatin1Char('_');
        field = pythonnames::unique(field, taken);
        const MappedType type = mapColumnType(column.type, snapshot, table.relation->schema,
                                              [](const EnumInfo &) { return QString(); }); // its Python type only
        const bool optional = !column.notNull || (creating && serverFills(column));
        const QString annotation = optional ? QStringLiteral("Optional[%1]").arg(type.python) : type.python;
        const QString value = optional ? QStringLiteral("None") : QStringLiteral("...");
        code += field == column.name ? QStringLiteral("    %1: %2%3\n")
                                           .arg(field, annotation, optional ? QStringLiteral(" = None") : QString())
                                     : QStringLiteral("    %1: %2 = Field(%3, alias=%4)\n")
                                           .arg(field, annotation, value, literal(column.name));
        ++fields;
    }
    if (fields == 0)
        code += QStringLiteral("    pass\n");
    return code;
}

} // namespace

QString pydanticModule(const QVector<TableCode> &tables, const SchemaSnapshot &snapshot,
                       const QStringList &secretColumns)
{
    QString code = QStringLiteral("import datetime\n"
                                  "import decimal\n"
                                  "import uuid\n"
                                  "from typing import Any, List, Literal, Optional\n"
                                  "\n"
                                  "from pydantic import BaseModel, Field\n"
                                  "\n"
                                  "\n"
                                  "class _Schema(BaseModel):\n"
                                  "    class Config:\n"
                                  "        orm_mode = True  # Pydantic 2 reads it as from_attributes\n"
                                  "        allow_population_by_field_name = True\n"
                                  "\n");
    QStringList byTable;
    for (const TableCode &table : tables) {
        code += schemaClass(table, snapshot, secretColumns, QStringLiteral("Read"), false);
        code += schemaClass(table, snapshot, secretColumns, QStringLiteral("Create"), true);
        const RelationInfo &relation = *table.relation;
        byTable << QStringLiteral("    %1: %2Read,")
                       .arg(literal(relation.schema == QLatin1String("public") ? relation.name
                                                                               : relation.qualifiedName()),
                            table.className);
    }
    // Which schema reads which table, by the name SQLAlchemy gives it (Table.fullname).
    return code + QStringLiteral("\n\nREAD_SCHEMAS = {\n%1\n}\n").arg(byTable.join(QLatin1Char('\n')));
}

} // namespace nrdb
