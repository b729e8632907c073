#include "codegen/modelcode.h"

#include "codegen/pydanticcode.h"
#include "codegen/pythonnames.h"
#include "codegen/pythontypes.h"
#include "model/schemacompare.h"

#include "nrdb/version.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace nrdb {

namespace {

using pythonnames::identifier;
using pythonnames::literal;

QString quotedList(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names)
        quoted << literal(name);
    return quoted.join(QStringLiteral(", "));
}

// pg_get_constraintdef's "CHECK ((port > 0))" -> "(port > 0)"; NOT VALID dropped.
QString checkExpression(const ConstraintInfo &check)
{
    QString text = check.definition;
    if (text.endsWith(QLatin1String(" NOT VALID")))
        text.chop(10);
    if (text.startsWith(QLatin1String("CHECK ")))
        text = text.mid(6);
    return text.trimmed();
}

// What an index's definition says after "USING method (": the key part (balanced), then
// INCLUDE (...) and WHERE ... as they stand.
struct IndexParts {
    QString method;
    QString keys;
    QString include;
    QString where;
    bool understood = false;
};

IndexParts indexParts(const QString &definition)
{
    IndexParts parts;
    static const QRegularExpression using_(QStringLiteral(R"( USING (\w+) \()"));
    const QRegularExpressionMatch m = using_.match(definition);
    if (!m.hasMatch())
        return parts;
    parts.method = m.captured(1);
    int depth = 1;
    int at = int(m.capturedEnd());
    const int start = at;
    for (; at < definition.size() && depth > 0; ++at) {
        if (definition.at(at) == QLatin1Char('('))
            ++depth;
        else if (definition.at(at) == QLatin1Char(')'))
            --depth;
    }
    if (depth != 0)
        return parts;
    parts.keys = definition.mid(start, at - start - 1);
    QString rest = definition.mid(at).trimmed();
    static const QRegularExpression include(QStringLiteral(R"(^INCLUDE \(([^)]*)\)\s*)"));
    if (const QRegularExpressionMatch i = include.match(rest); i.hasMatch()) {
        parts.include = i.captured(1);
        rest = rest.mid(i.capturedEnd());
    }
    if (rest.startsWith(QLatin1String("WHERE ")))
        parts.where = rest.mid(6);
    else if (!rest.isEmpty())
        return parts; // WITH (...) or TABLESPACE: not understood
    parts.understood = true;
    return parts;
}

QString unquoted(QString name)
{
    if (name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
        name = name.mid(1, name.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
    return name;
}

class ModelWriter {
public:
    ModelWriter(const SchemaSnapshot &snapshot, const ModelCodeOptions &options)
        : m_snapshot(snapshot), m_options(options)
    {
    }

    ModelCode write()
    {
        collectTables();
        nameTables();
        findAssociations();
        for (TableCode &table : m_tables)
            nameColumns(table);
        addRelationships();
        ModelCode code;
        code.tableCount = int(m_tables.size());
        const QString body = moduleBody();
        code.notExpressed = m_notExpressed;
        code.models = header(QStringLiteral("SQLAlchemy models")) + modelImports() + body;
        code.schemas =
            header(QStringLiteral("Pydantic schemas")) + pydanticModule(m_tables, m_snapshot, m_options.secretColumns);
        return code;
    }

private:
    // ---- what is generated -------------------------------------------------------------------

    bool chosen(const RelationInfo &relation, const QStringList &schemas) const
    {
        if (!schemas.contains(relation.schema))
            return false;
        return m_options.tables.isEmpty() || m_options.tables.contains(relation.name) ||
               m_options.tables.contains(relation.qualifiedName());
    }

    void collectTables()
    {
        const QStringList schemas = m_options.schemas.isEmpty() ? SchemaSet::schemasIn(m_snapshot) : m_options.schemas;
        for (const RelationInfo &relation : m_snapshot.relations) {
            if (!chosen(relation, schemas))
                continue;
            if (relation.partitionParentOid != 0) {
                m_partitions << &relation; // created with its parent (after_create)
            } else if (relation.isTable()) {
                m_tables.append(TableCode{&relation, {}, {}, {}, {}, {}, false});
            } else {
                m_notExpressed << QStringLiteral("%1 %2").arg(relationKindName(relation.kind),
                                                              relation.qualifiedName());
            }
        }
        std::sort(m_tables.begin(), m_tables.end(), [](const TableCode &a, const TableCode &b) {
            return a.relation->qualifiedName() < b.relation->qualifiedName();
        });
        for (const TableCode &table : std::as_const(m_tables))
            m_byOid.insert(table.relation->oid, int(&table - m_tables.data()));
    }

    void nameTables()
    {
        QHash<QString, int> byName;
        for (const TableCode &table : std::as_const(m_tables))
            ++byName[table.relation->name];
        for (TableCode &table : m_tables) {
            const RelationInfo &relation = *table.relation;
            const bool clash = byName.value(relation.name) > 1 && relation.schema != QLatin1String("public");
            table.className = pythonnames::unique(
                pythonnames::className(clash ? relation.schema + QLatin1Char('_') + relation.name : relation.name),
                m_moduleNames);
            if (!relation.primaryKey())
                table.tableVariable = pythonnames::unique(
                    QStringLiteral("t_") +
                        identifier(clash ? relation.schema + QLatin1Char('_') + relation.name : relation.name),
                    m_moduleNames);
        }
    }

    void findAssociations()
    {
        for (TableCode &table : m_tables) {
            const RelationInfo &relation = *table.relation;
            const ConstraintInfo *key = relation.primaryKey();
            const QVector<const ConstraintInfo *> foreign = relation.foreignKeys();
            if (!key || foreign.size() != 2 || relation.columns.size() != key->columns.size())
                continue;
            QStringList covered = foreign.at(0)->columns + foreign.at(1)->columns;
            covered.sort();
            QStringList keyColumns = key->columns;
            keyColumns.sort();
            const bool bothMapped = mapped(foreign.at(0)->referencedOid) && mapped(foreign.at(1)->referencedOid);
            if (covered == keyColumns && bothMapped && foreign.at(0)->referencedOid != foreign.at(1)->referencedOid) {
                table.association = true;
                table.tableVariable =
                    pythonnames::unique(QStringLiteral("t_") + identifier(relation.name), m_moduleNames);
            }
        }
    }

    void nameColumns(TableCode &table)
    {
        for (const ColumnInfo &column : table.relation->columns)
            table.attribute.insert(column.name, pythonnames::unique(identifier(column.name), table.taken));
    }

    // A class that relationships can name: a table with a primary key, not an association.
    bool mapped(quint32 oid) const
    {
        const int index = m_byOid.value(oid, -1);
        return index >= 0 && m_tables.at(index).relation->primaryKey() && m_tables.at(index).tableVariable.isEmpty();
    }

    TableCode *tableOf(quint32 oid)
    {
        const int index = m_byOid.value(oid, -1);
        return index < 0 ? nullptr : &m_tables[index];
    }

    // ---- relationships -----------------------------------------------------------------------

    void addRelationships()
    {
        for (TableCode &table : m_tables) {
            if (table.association) {
                addSecondary(table);
                continue;
            }
            if (!mapped(table.relation->oid))
                continue;
            QHash<quint32, int> keysTo;
            for (const ConstraintInfo *key : table.relation->foreignKeys())
                ++keysTo[key->referencedOid];
            for (const ConstraintInfo *key : table.relation->foreignKeys())
                if (mapped(key->referencedOid))
                    addForeignKey(table, *key, keysTo.value(key->referencedOid) > 1);
        }
    }

    void addForeignKey(TableCode &from, const ConstraintInfo &key, bool oneOfSeveral)
    {
        TableCode &to = *tableOf(key.referencedOid);
        QStringList fromAttributes;
        for (const QString &column : key.columns)
            fromAttributes << from.attribute.value(column);
        QString forward = identifier(to.relation->name);
        if (key.columns.size() == 1 && key.columns.first().endsWith(QLatin1String("_id")) &&
            key.columns.first().size() > 3)
            forward = identifier(key.columns.first().chopped(3));
        forward = pythonnames::unique(forward, from.taken);
        QString backward = identifier(from.relation->name);
        if (oneOfSeveral || &from == &to)
            backward += QStringLiteral("_by_") + identifier(key.columns.join(QLatin1Char('_')));
        backward = pythonnames::unique(backward, to.taken);
        QString remoteSide;
        if (&from == &to) {
            QStringList referenced;
            for (const QString &column : key.referencedColumns)
                referenced << to.attribute.value(column);
            remoteSide = QStringLiteral(", remote_side=[%1]").arg(referenced.join(QStringLiteral(", ")));
        }
        from.relationships << QStringLiteral("    %1 = relationship(%2, foreign_keys=[%3], back_populates=%4%5)")
                                  .arg(forward, literal(to.className), fromAttributes.join(QStringLiteral(", ")),
                                       literal(backward), remoteSide);
        QStringList qualified;
        for (const QString &attribute : std::as_const(fromAttributes))
            qualified << from.className + QLatin1Char('.') + attribute;
        to.relationships << QStringLiteral("    %1 = relationship(%2, foreign_keys=%3, back_populates=%4)")
                                .arg(
                                    backward, literal(from.className),
                                    literal(QLatin1Char('[') + qualified.join(QStringLiteral(", ")) + QLatin1Char(']')),
                                    literal(forward));
    }

    void addSecondary(const TableCode &association)
    {
        const QVector<const ConstraintInfo *> keys = association.relation->foreignKeys();
        TableCode &left = *tableOf(keys.at(0)->referencedOid);
        TableCode &right = *tableOf(keys.at(1)->referencedOid);
        const QString toRight = pythonnames::unique(identifier(right.relation->name), left.taken);
        const QString toLeft = pythonnames::unique(identifier(left.relation->name), right.taken);
        left.relationships << QStringLiteral("    %1 = relationship(%2, secondary=%3, back_populates=%4)")
                                  .arg(toRight, literal(right.className), association.tableVariable, literal(toLeft));
        right.relationships << QStringLiteral("    %1 = relationship(%2, secondary=%3, back_populates=%4)")
                                   .arg(toLeft, literal(left.className), association.tableVariable, literal(toRight));
    }

    // ---- the module --------------------------------------------------------------------------

    QString header(const QString &what) const
    {
        QString text =
            QStringLiteral("# %1 of %2, generated by %3 %4 on %5.\n")
                .arg(what, m_options.source, QStringLiteral(NRDB_PRODUCT_NAME), QStringLiteral(NRDB_VERSION_STRING),
                     m_options.generatedAt.toUTC().toString(Qt::ISODate));
        text += QStringLiteral("# Generated code: change the database (or the pack), then generate it again.\n");
        if (!m_notExpressed.isEmpty()) {
            text += QStringLiteral("# Not expressed here (SQLAlchemy cannot say it, or this generator does not):\n");
            for (const QString &line : m_notExpressed)
                text += QStringLiteral("#   - %1\n").arg(line);
        }
        return text + QLatin1Char('\n');
    }

    static QString modelImports()
    {
        return QStringLiteral(
            "from sqlalchemy import (DDL, CheckConstraint, Column, Computed, ForeignKeyConstraint, Identity, Index,\n"
            "                        MetaData, PrimaryKeyConstraint, Sequence, Table, UniqueConstraint, event, text)\n"
            "from sqlalchemy.dialects import postgresql\n"
            "from sqlalchemy.orm import declarative_base, relationship\n"
            "from sqlalchemy.types import UserDefinedType\n"
            "\n"
            "Base = declarative_base(metadata=MetaData())\n"
            "metadata = Base.metadata\n"
            "\n"
            "\n"
            "class _SqlType(UserDefinedType):\n"
            "    \"\"\"A type written by its SQL name (a domain, an extension's type).\"\"\"\n"
            "\n"
            "    cache_ok = True\n"
            "\n"
            "    def __init__(self, name):\n"
            "        self.name = name\n"
            "\n"
            "    def get_col_spec(self, **kw):\n"
            "        return self.name\n"
            "\n"
            "\n"
            "def _type_missing(name):\n"
            "    \"\"\"For DDL.execute_if: the database has no type of this name yet.\"\"\"\n"
            "\n"
            "    def missing(ddl, target, bind, **kw):\n"
            "        return bind.execute(text(\"SELECT to_regtype(:name) IS NULL\"), {\"name\": name}).scalar()\n"
            "\n"
            "    return missing\n"
            "\n");
    }

    QString moduleBody()
    {
        QString types;
        QString tables;
        QString classes;
        for (const TableCode &table : std::as_const(m_tables)) {
            if (table.tableVariable.isEmpty())
                classes += classCode(table);
            else
                tables += tableCode(table);
        }
        // Schemas and extensions, then the enums and sequences named while the tables were
        // written, go first.
        QStringList schemas;
        for (const TableCode &table : std::as_const(m_tables))
            if (table.relation->schema != QLatin1String("public") && !schemas.contains(table.relation->schema))
                schemas << table.relation->schema;
        for (const QString &schema : std::as_const(schemas))
            types += QStringLiteral("event.listen(metadata, \"before_create\", DDL(%1))\n")
                         .arg(literal(QStringLiteral("CREATE SCHEMA IF NOT EXISTS \"%1\"").arg(schema)));
        for (const ExtensionInfo &extension : m_snapshot.extensions) {
            if (extension.name == QLatin1String("plpgsql"))
                continue;
            types += QStringLiteral("event.listen(metadata, \"before_create\", DDL(%1))\n")
                         .arg(literal(QStringLiteral("CREATE EXTENSION IF NOT EXISTS \"%1\" WITH SCHEMA \"%2\"")
                                          .arg(extension.name, extension.schema)));
        }
        for (const QString &line : std::as_const(m_typeLines))
            types += line + QLatin1Char('\n');
        return (types.isEmpty() ? QString() : QStringLiteral("\n") + types) + tables + classes + partitionCode();
    }

    QString enumVariable(const EnumInfo &info)
    {
        const QString key = info.schema + QLatin1Char('.') + info.name;
        if (!m_enumVariables.contains(key)) {
            const QString variable =
                pythonnames::unique(QStringLiteral("enum_") + identifier(info.name), m_moduleNames);
            m_enumVariables.insert(key, variable);
            QStringList labels;
            for (const QString &label : info.labels)
                labels << literal(label);
            m_typeLines << QStringLiteral("%1 = postgresql.ENUM(%2, name=%3%4, metadata=metadata)")
                               .arg(variable, labels.join(QStringLiteral(", ")), literal(info.name),
                                    schemaArgument(info.schema));
        }
        return m_enumVariables.value(key);
    }

    static QString schemaArgument(const QString &schema)
    {
        return schema == QLatin1String("public") ? QString() : QStringLiteral(", schema=%1").arg(literal(schema));
    }

    const SequenceInfo *sequenceOf(const QString &nextval, const QString &tableSchema) const
    {
        static const QRegularExpression pattern(QStringLiteral(R"(^nextval\('([^']+)'::regclass\)$)"));
        const QRegularExpressionMatch m = pattern.match(nextval);
        if (!m.hasMatch())
            return nullptr;
        const QString name = m.captured(1);
        const QString schema =
            name.contains(QLatin1Char('.')) ? unquoted(name.section(QLatin1Char('.'), 0, 0)) : tableSchema;
        const QString bare = unquoted(name.section(QLatin1Char('.'), -1));
        for (const SequenceInfo &sequence : m_snapshot.sequences)
            if (sequence.schema == schema && sequence.name == bare)
                return &sequence;
        return nullptr;
    }

    // SERIAL as SQLAlchemy makes it: the one integer column of the primary key, drawing from the
    // sequence PostgreSQL names <table>_<column>_seq and owned by that column.
    bool isSerial(const RelationInfo &relation, const ColumnInfo &column) const
    {
        const ConstraintInfo *key = relation.primaryKey();
        if (!key || key->columns != QStringList{column.name} || !column.identity.isEmpty())
            return false;
        const SequenceInfo *sequence = sequenceOf(column.defaultExpression, relation.schema);
        return sequence && sequence->ownerRelationOid == relation.oid && sequence->ownerColumn == column.name &&
               sequence->name == relation.name + QLatin1Char('_') + column.name + QStringLiteral("_seq");
    }

    QString identityArgument(const RelationInfo &relation, const ColumnInfo &column) const
    {
        QStringList arguments{
            QStringLiteral("always=%1")
                .arg(column.identity == QLatin1String("always") ? QStringLiteral("True") : QStringLiteral("False"))};
        for (const SequenceInfo &sequence : m_snapshot.sequences) {
            if (sequence.ownerRelationOid != relation.oid || sequence.ownerColumn != column.name)
                continue;
            if (sequence.start != 1)
                arguments << QStringLiteral("start=%1").arg(sequence.start);
            if (sequence.increment != 1)
                arguments << QStringLiteral("increment=%1").arg(sequence.increment);
        }
        return QStringLiteral("Identity(%1)").arg(arguments.join(QStringLiteral(", ")));
    }

    // A nextval() default on a sequence that is not the column's serial: the sequence, declared.
    void declareSequence(const SequenceInfo &sequence)
    {
        const QString key = sequence.schema + QLatin1Char('.') + sequence.name;
        if (m_sequences.contains(key))
            return;
        m_sequences.insert(key);
        QStringList arguments{literal(sequence.name)};
        if (sequence.start != 1)
            arguments << QStringLiteral("start=%1").arg(sequence.start);
        if (sequence.increment != 1)
            arguments << QStringLiteral("increment=%1").arg(sequence.increment);
        m_typeLines << QStringLiteral("%1 = Sequence(%2%3, metadata=metadata)")
                           .arg(pythonnames::unique(QStringLiteral("seq_") + identifier(sequence.name), m_moduleNames),
                                arguments.join(QStringLiteral(", ")), schemaArgument(sequence.schema));
    }

    const DomainInfo *domainNamed(const QString &type, const QString &tableSchema) const
    {
        const QString bare = QString(type).remove(QLatin1Char('"'));
        for (const DomainInfo &domain : m_snapshot.domains)
            if (bare == domain.schema + QLatin1Char('.') + domain.name ||
                (bare == domain.name && (domain.schema == tableSchema || domain.schema == QLatin1String("public"))))
                return &domain;
        return nullptr;
    }

    // A domain a column uses: created before the tables when the database lacks it (SQLAlchemy
    // has no domain object; the columns name it by _SqlType).
    void declareDomain(const DomainInfo &domain)
    {
        const QString key = domain.schema + QLatin1Char('.') + domain.name;
        if (m_domains.contains(key))
            return;
        m_domains.insert(key);
        QString ddl =
            QStringLiteral("CREATE DOMAIN \"%1\".\"%2\" AS %3").arg(domain.schema, domain.name, domain.baseType);
        if (!domain.defaultValue.isEmpty())
            ddl += QStringLiteral(" DEFAULT ") + domain.defaultValue;
        if (domain.notNull)
            ddl += QStringLiteral(" NOT NULL");
        for (const QString &check : domain.checks)
            ddl += QLatin1Char(' ') + check;
        m_typeLines << QStringLiteral(
                           "event.listen(metadata, \"before_create\", DDL(%1).execute_if(callable_=_type_missing(%2)))")
                           .arg(literal(ddl), literal(QStringLiteral("\"%1\".\"%2\"").arg(domain.schema, domain.name)));
    }

    bool isSecret(const RelationInfo &relation, const ColumnInfo &column) const
    {
        return m_options.secretColumns.contains(relation.qualifiedName() + QLatin1Char('.') + column.name);
    }

    QString columnCode(const TableCode &table, const ColumnInfo &column)
    {
        const RelationInfo &relation = *table.relation;
        const MappedType type = mapColumnType(column.type, m_snapshot, relation.schema,
                                              [this](const EnumInfo &info) { return enumVariable(info); });
        QStringList arguments{literal(column.name), type.sqlalchemy};
        const bool serial = isSerial(relation, column);
        if (!column.identity.isEmpty()) {
            arguments << identityArgument(relation, column);
        } else if (column.generated) {
            arguments << QStringLiteral("Computed(%1, persisted=True)").arg(literal(column.defaultExpression));
        } else if (!column.defaultExpression.isEmpty() && !serial) {
            if (const SequenceInfo *sequence = sequenceOf(column.defaultExpression, relation.schema))
                declareSequence(*sequence);
            arguments << QStringLiteral("server_default=text(%1)").arg(literal(column.defaultExpression));
        }
        if (column.notNull && column.identity.isEmpty())
            arguments << QStringLiteral("nullable=False");
        const ConstraintInfo *key = relation.primaryKey();
        if (key && key->columns.contains(column.name) && column.identity.isEmpty())
            arguments << (serial ? QStringLiteral("autoincrement=True") : QStringLiteral("autoincrement=False"));
        if (!column.comment.isEmpty())
            arguments << QStringLiteral("comment=%1").arg(literal(column.comment));
        QString code;
        if (isSecret(relation, column))
            code += QStringLiteral("    # secret (the pack masks it): left out of %1Read\n").arg(table.className);
        if (const DomainInfo *domain = domainNamed(column.type, relation.schema))
            declareDomain(*domain);
        else if (!type.exact)
            m_notExpressed << QStringLiteral("%1.%2: type %3 is written by its name only")
                                  .arg(relation.qualifiedName(), column.name, column.type);
        return code + QStringLiteral("Column(%1)").arg(arguments.join(QStringLiteral(", ")));
    }

    QString foreignTarget(const ConstraintInfo &key, const QString &column) const
    {
        const RelationInfo *referenced = m_snapshot.relation(key.referencedOid);
        if (!referenced)
            return column;
        const QString table = referenced->schema == QLatin1String("public")
                                  ? referenced->name
                                  : referenced->schema + QLatin1Char('.') + referenced->name;
        return table + QLatin1Char('.') + column;
    }

    QStringList constraintCode(const RelationInfo &relation)
    {
        QStringList lines;
        for (const ConstraintInfo &constraint : relation.constraints) {
            const QString name = literal(constraint.name);
            switch (constraint.type) {
            case ConstraintType::PrimaryKey:
                lines << QStringLiteral("PrimaryKeyConstraint(%1, name=%2)").arg(quotedList(constraint.columns), name);
                break;
            case ConstraintType::Unique:
                lines << QStringLiteral("UniqueConstraint(%1, name=%2)").arg(quotedList(constraint.columns), name);
                break;
            case ConstraintType::Check:
                lines << QStringLiteral("CheckConstraint(%1, name=%2)").arg(literal(checkExpression(constraint)), name);
                break;
            case ConstraintType::ForeignKey:
                lines << foreignKeyCode(constraint);
                if (!m_byOid.contains(constraint.referencedOid))
                    if (const RelationInfo *referenced = m_snapshot.relation(constraint.referencedOid))
                        m_notExpressed << QStringLiteral("foreign key %1 of %2 refers to %3, which is not generated "
                                                         "here: metadata.create_all() needs it too")
                                              .arg(constraint.name, relation.qualifiedName(),
                                                   referenced->qualifiedName());
                break;
            case ConstraintType::Exclusion:
                m_notExpressed << QStringLiteral("exclusion constraint %1 on %2: %3")
                                      .arg(constraint.name, relation.qualifiedName(), constraint.definition);
                break;
            }
        }
        return lines;
    }

    QString foreignKeyCode(const ConstraintInfo &key) const
    {
        QStringList targets;
        for (const QString &column : key.referencedColumns)
            targets << foreignTarget(key, column);
        QString code = QStringLiteral("ForeignKeyConstraint([%1], [%2], name=%3")
                           .arg(quotedList(key.columns), quotedList(targets), literal(key.name));
        if (!key.onDelete.isEmpty() && key.onDelete != QLatin1String("NO ACTION"))
            code += QStringLiteral(", ondelete=%1").arg(literal(key.onDelete));
        if (!key.onUpdate.isEmpty() && key.onUpdate != QLatin1String("NO ACTION"))
            code += QStringLiteral(", onupdate=%1").arg(literal(key.onUpdate));
        if (key.definition.contains(QLatin1String("MATCH FULL")))
            code += QStringLiteral(", match=\"FULL\"");
        if (key.deferrable)
            code += key.definition.contains(QLatin1String("INITIALLY DEFERRED"))
                        ? QStringLiteral(", deferrable=True, initially=\"DEFERRED\"")
                        : QStringLiteral(", deferrable=True");
        return code + QLatin1Char(')');
    }

    QStringList indexCode(const RelationInfo &relation)
    {
        QStringList lines;
        for (const IndexInfo &index : relation.indexes) {
            if (index.primary || !index.constraintName.isEmpty())
                continue; // written with its constraint
            const IndexParts parts = indexParts(index.definition);
            if (!parts.understood) {
                m_notExpressed << QStringLiteral("index %1: %2").arg(index.name, index.definition);
                continue;
            }
            QStringList plain;
            for (const QString &column : index.columns)
                plain << QStringLiteral("\"%1\"").arg(column);
            QStringList arguments{literal(index.name)};
            const bool byName = !index.columns.isEmpty() && (parts.keys == index.columns.join(QStringLiteral(", ")) ||
                                                             parts.keys == plain.join(QStringLiteral(", ")));
            arguments << (byName ? quotedList(index.columns) : QStringLiteral("text(%1)").arg(literal(parts.keys)));
            if (index.unique)
                arguments << QStringLiteral("unique=True");
            if (parts.method != QLatin1String("btree"))
                arguments << QStringLiteral("postgresql_using=%1").arg(literal(parts.method));
            if (!parts.include.isEmpty())
                arguments << QStringLiteral("postgresql_include=[%1]")
                                 .arg(quotedList(parts.include.split(QStringLiteral(", "))));
            if (!parts.where.isEmpty())
                arguments << QStringLiteral("postgresql_where=text(%1)").arg(literal(parts.where));
            lines << QStringLiteral("Index(%1)").arg(arguments.join(QStringLiteral(", ")));
        }
        return lines;
    }

    QString tableOptions(const RelationInfo &relation) const
    {
        QStringList options;
        if (relation.schema != QLatin1String("public"))
            options << QStringLiteral("\"schema\": %1").arg(literal(relation.schema));
        if (!relation.comment.isEmpty())
            options << QStringLiteral("\"comment\": %1").arg(literal(relation.comment));
        if (!relation.partitionKey.isEmpty())
            options << QStringLiteral("\"postgresql_partition_by\": %1").arg(literal(relation.partitionKey));
        return options.join(QStringLiteral(", "));
    }

    static QString quotedName(const RelationInfo &relation)
    {
        const auto quote = [](QString name) -> QString {
            return QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        };
        return quote(relation.schema) + QLatin1Char('.') + quote(relation.name);
    }

    // Each partition, created right after its parent table (SQLAlchemy has no partition object).
    QString partitionCode() const
    {
        QString code;
        for (const RelationInfo *partition : m_partitions) {
            const int parent = m_byOid.value(partition->partitionParentOid, -1);
            if (parent < 0)
                continue;
            const TableCode &table = m_tables.at(parent);
            const QString target =
                table.tableVariable.isEmpty() ? table.className + QStringLiteral(".__table__") : table.tableVariable;
            code += QStringLiteral("event.listen(%1, \"after_create\", DDL(%2))\n")
                        .arg(target, literal(QStringLiteral("CREATE TABLE %1 PARTITION OF %2 %3")
                                                 .arg(quotedName(*partition), quotedName(*table.relation),
                                                      partition->partitionBound)));
        }
        return code.isEmpty() ? code : QLatin1Char('\n') + code;
    }

    QString classCode(const TableCode &table)
    {
        const RelationInfo &relation = *table.relation;
        QString code = QStringLiteral("\n\nclass %1(Base):\n    __tablename__ = %2\n")
                           .arg(table.className, literal(relation.name));
        QStringList arguments = constraintCode(relation) + indexCode(relation);
        const QString options = tableOptions(relation);
        if (!options.isEmpty() || !arguments.isEmpty()) {
            arguments << QStringLiteral("{%1}").arg(options);
            code += QStringLiteral("    __table_args__ = (\n");
            for (const QString &argument : std::as_const(arguments))
                code += QStringLiteral("        %1,\n").arg(argument);
            code += QStringLiteral("    )\n");
        }
        code += QLatin1Char('\n');
        for (const ColumnInfo &column : relation.columns) {
            const QString column_ = columnCode(table, column);
            const int split = int(column_.lastIndexOf(QLatin1Char('\n')));
            code += column_.left(split + 1) +
                    QStringLiteral("    %1 = %2\n").arg(table.attribute.value(column.name), column_.mid(split + 1));
        }
        if (!table.relationships.isEmpty())
            code += QLatin1Char('\n') + table.relationships.join(QLatin1Char('\n')) + QLatin1Char('\n');
        return code;
    }

    QString tableCode(const TableCode &table)
    {
        const RelationInfo &relation = *table.relation;
        QStringList arguments{literal(relation.name), QStringLiteral("metadata")};
        for (const ColumnInfo &column : relation.columns) {
            QString column_ = columnCode(table, column);
            column_.replace(QLatin1Char('\n'), QStringLiteral("\n    ")); // a secret's comment stays above it
            arguments << column_.trimmed();
        }
        arguments += constraintCode(relation) + indexCode(relation);
        if (relation.schema != QLatin1String("public"))
            arguments << QStringLiteral("schema=%1").arg(literal(relation.schema));
        if (!relation.comment.isEmpty())
            arguments << QStringLiteral("comment=%1").arg(literal(relation.comment));
        if (!relation.partitionKey.isEmpty())
            arguments << QStringLiteral("postgresql_partition_by=%1").arg(literal(relation.partitionKey));
        QString code = QStringLiteral("\n\n%1 = Table(\n").arg(table.tableVariable);
        for (const QString &argument : std::as_const(arguments))
            code += QStringLiteral("    %1,\n").arg(argument);
        return code + QStringLiteral(")\n");
    }

    const SchemaSnapshot &m_snapshot;
    const ModelCodeOptions &m_options;
    QVector<TableCode> m_tables;
    QVector<const RelationInfo *> m_partitions;
    QHash<quint32, int> m_byOid;
    QSet<QString> m_moduleNames{QStringLiteral("Base"), QStringLiteral("metadata")};
    QHash<QString, QString> m_enumVariables;
    QSet<QString> m_sequences;
    QSet<QString> m_domains;
    QStringList m_typeLines;
    QStringList m_notExpressed;
};

} // namespace

ModelCode generateModelCode(const SchemaSnapshot &snapshot, const ModelCodeOptions &options)
{
    return ModelWriter(snapshot, options).write();
}

} // namespace nrdb
