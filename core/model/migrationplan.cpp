#include "model/migrationplan.h"

#include "model/planstatements.h"
#include "model/renamehints.h"
#include "model/statementorder.h"
#include "util/sqlidentifier.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace nrdb {

namespace {

using namespace plan;

// One schema's differences, each planned into the phase its statements belong to; the phases,
// in order, are the script (orderStatements).
class Planner {
public:
    Planner(const SchemaModel &wanted, const SchemaModel &current, const PlanOptions &options);
    MigrationPlan plan();

private:
    void plan(const DriftItem &item);
    QString qualified(const QString &name) const { return qualifiedIn(m_wanted.schema, name); }
    void add(Phase phase, PlannedStatement statement);
    void add(Phase phase, const DriftItem &item, const QString &sql, const QString &lock, const QString &hazard = {},
             StatementCost cost = StatementCost::Catalog);
    void refuse(const DriftItem &item, const QString &reason) { m_plan.refused << PlanRefusal{item, reason}; }

    // --- tables and columns ---
    QString columnDefinition(const SchemaModel::Column &column) const;
    void createTable(const DriftItem &item);

    // A serial column's sequence is not reported apart from its table (see compareModels).
    void createOwnedSequences(const QString &table, const DriftItem &item);
    void addColumn(const DriftItem &item);
    // An added column lands last: said when the wanted model has it before a column the table has.
    void hintColumnOrder(const QString &table, const QString &added);
    void changeColumn(const DriftItem &item);

    // Without a long ACCESS EXCLUSIVE scan: a NOT VALID check, validated under a weaker lock,
    // lets SET NOT NULL skip its own scan (PostgreSQL 12 and later).
    void setNotNull(const DriftItem &item, const QString &alter);

    // --- constraints and indexes ---
    void planConstraint(const DriftItem &item);

    // A foreign key or check: added NOT VALID (brief), then validated under a lock that lets
    // reads and writes go on. On a new table there is nothing to check, so it is added whole.
    void addValidated(Phase phase, const DriftItem &item);

    // A primary key or unique constraint: its index built CONCURRENTLY, then attached.
    void addKey(const DriftItem &item);
    void planIndex(const DriftItem &item);
    void dropConstraint(const DriftItem &item, Phase phase, const QString &hazard);
    void dropIndex(const DriftItem &item, Phase phase, const QString &hazard);

    // --- comments, types, sequences ---
    void setComment(const DriftItem &item);
    void planEnum(const DriftItem &item);

    // Labels can be added in their place but never removed or reordered.
    void addEnumLabels(const DriftItem &item, const QStringList &wanted, const QStringList &current);
    void createSequence(const QString &name, const QString &description, const DriftItem &item);
    void planSequence(const DriftItem &item);
    void planView(const DriftItem &item);

    // --- extras ---
    void planExtra(const DriftItem &item);
    // Before an extra table goes, its foreign keys: the tables they reference may go first, in
    // this schema or another.
    void dropForeignKeysOf(const QString &table);

    const SchemaModel &m_wanted;
    const SchemaModel &m_current;
    MigrationPlan m_plan;
    QSet<QString> m_newTables;
};

Planner::Planner(const SchemaModel &wanted, const SchemaModel &current, const PlanOptions &options)
    : m_wanted(wanted), m_current(current)
{
    m_plan.schema = wanted.schema;
    m_plan.options = options;
}

MigrationPlan Planner::plan()
{
    const QVector<DriftItem> drift = compareModels(m_wanted, m_current);
    for (const DriftItem &item : drift)
        plan(item);
    m_plan.hints = renameHints(m_wanted, m_current, drift) + m_plan.hints;
    orderStatements(m_plan.statements);
    return std::move(m_plan);
}

void Planner::plan(const DriftItem &item)
{
    const QString &type = item.objectType;
    if (item.kind == DriftKind::Extra)
        planExtra(item);
    else if (type == QLatin1String("table"))
        createTable(item);
    else if (type == QLatin1String("column"))
        item.kind == DriftKind::Missing ? addColumn(item) : changeColumn(item);
    else if (type == QLatin1String("constraint"))
        planConstraint(item);
    else if (type == QLatin1String("index"))
        planIndex(item);
    else if (type == QLatin1String("comment"))
        setComment(item);
    else if (type == QLatin1String("enum"))
        planEnum(item);
    else if (type == QLatin1String("sequence"))
        planSequence(item);
    else if (type == QLatin1String("view"))
        planView(item);
    else
        refuse(item, QStringLiteral("no statement repairs a difference of this kind"));
}

void Planner::add(Phase phase, PlannedStatement statement)
{
    statement.phase = phase;
    statement.schema = m_wanted.schema;
    m_plan.statements << std::move(statement);
}

void Planner::add(Phase phase, const DriftItem &item, const QString &sql, const QString &lock, const QString &hazard,
                  StatementCost cost)
{
    PlannedStatement statement;
    statement.sql = sql;
    statement.item = item;
    statement.lock = lock;
    statement.hazard = hazard;
    statement.cost = cost;
    add(phase, std::move(statement));
}

QString Planner::columnDefinition(const SchemaModel::Column &column) const
{
    QString text = quoteIdentifier(column.name) + QLatin1Char(' ') + column.type;
    if (!column.defaultExpression.isEmpty())
        text += QStringLiteral(" DEFAULT ") + column.defaultExpression;
    if (column.notNull)
        text += QStringLiteral(" NOT NULL");
    return text;
}

void Planner::createTable(const DriftItem &item)
{
    const SchemaModel::Table &table = m_wanted.tables.value(item.table);
    m_newTables.insert(table.name);
    createOwnedSequences(table.name, item);
    QStringList columns;
    for (const SchemaModel::Column &column : table.columns)
        columns << QStringLiteral("    ") + columnDefinition(column);
    add(Tables, item,
        QStringLiteral("CREATE TABLE %1 (\n%2\n)").arg(qualified(table.name), columns.join(QStringLiteral(",\n"))),
        QStringLiteral("none (a new table)"));
    for (auto it = table.constraints.cbegin(); it != table.constraints.cend(); ++it)
        planConstraint(
            DriftItem{DriftKind::Missing, QStringLiteral("constraint"), table.name, it.key(), it.value(), {}});
    for (auto it = table.indexes.cbegin(); it != table.indexes.cend(); ++it)
        planIndex(DriftItem{DriftKind::Missing, QStringLiteral("index"), table.name, it.key(), it.value(), {}});
    if (!table.comment.isEmpty())
        setComment(DriftItem{DriftKind::Missing, QStringLiteral("comment"), table.name, {}, table.comment, {}});
    for (const SchemaModel::Column &column : table.columns) {
        if (!column.comment.isEmpty())
            setComment(
                DriftItem{DriftKind::Missing, QStringLiteral("comment"), table.name, column.name, column.comment, {}});
    }
}

void Planner::createOwnedSequences(const QString &table, const DriftItem &item)
{
    for (auto it = m_wanted.sequences.cbegin(); it != m_wanted.sequences.cend(); ++it) {
        if (sequenceOwner(it.value()).section(QLatin1Char('.'), 0, 0) == table &&
            !m_current.sequences.contains(it.key()))
            createSequence(it.key(), it.value(), item);
    }
}

void Planner::addColumn(const DriftItem &item)
{
    const SchemaModel::Column *column = m_wanted.tables.value(item.table).column(item.object);
    Q_ASSERT(column);
    if (column->notNull && column->defaultExpression.isEmpty()) {
        refuse(item, QStringLiteral("a NOT NULL column with no default cannot be added to a table that has rows: "
                                    "add it as nullable, fill it, then set it NOT NULL"));
        return;
    }
    hintColumnOrder(item.table, item.object);
    const bool rewrites = isVolatileDefault(column->defaultExpression);
    add(Columns, item,
        QStringLiteral("ALTER TABLE %1 ADD COLUMN %2").arg(qualified(item.table), columnDefinition(*column)),
        lockOn(kAccessExclusive, item.table),
        rewrites ? QStringLiteral("its default is computed per row: the table is rewritten") : QString(),
        rewrites ? StatementCost::Rewrites : StatementCost::Catalog);
}

void Planner::hintColumnOrder(const QString &table, const QString &added)
{
    const QVector<SchemaModel::Column> &wanted = m_wanted.tables.value(table).columns;
    const auto at = std::find_if(wanted.cbegin(), wanted.cend(),
                                 [&added](const SchemaModel::Column &column) { return column.name == added; });
    const SchemaModel::Table &current = m_current.tables.value(table);
    const auto after =
        std::find_if(at == wanted.cend() ? at : at + 1, wanted.cend(),
                     [&current](const SchemaModel::Column &column) { return current.column(column.name) != nullptr; });
    if (after != wanted.cend())
        m_plan.hints << QStringLiteral("column %1.%2 goes at the end of the table, not before %3: PostgreSQL adds "
                                       "columns last (SELECT * and COPY without a column list see another order; "
                                       "only a rebuilt table could match)")
                            .arg(table, added, after->name);
}

void Planner::changeColumn(const DriftItem &item)
{
    const SchemaModel::Column *wanted = m_wanted.tables.value(item.table).column(item.object);
    const SchemaModel::Column *current = m_current.tables.value(item.table).column(item.object);
    Q_ASSERT(wanted && current);
    const QString alter =
        QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 ").arg(qualified(item.table), quoteIdentifier(item.object));
    const QString lock = lockOn(kAccessExclusive, item.table);
    if (wanted->type != current->type) {
        const bool widening = isVarcharWidening(current->type, wanted->type);
        add(ColumnChanges, item,
            alter + QStringLiteral("TYPE %1 USING %2::%1").arg(wanted->type, quoteIdentifier(item.object)), lock,
            widening ? QString()
                     : QStringLiteral("the table and its indexes are rewritten; fails if a value does not convert"),
            widening ? StatementCost::Catalog : StatementCost::Rewrites);
    }
    if (wanted->defaultExpression != current->defaultExpression)
        add(ColumnChanges, item,
            alter + (wanted->defaultExpression.isEmpty() ? QStringLiteral("DROP DEFAULT")
                                                         : QStringLiteral("SET DEFAULT ") + wanted->defaultExpression),
            lock);
    if (wanted->notNull && !current->notNull)
        setNotNull(item, alter);
    else if (!wanted->notNull && current->notNull)
        add(ColumnChanges, item, alter + QStringLiteral("DROP NOT NULL"), lock);
}

void Planner::setNotNull(const DriftItem &item, const QString &alter)
{
    const QString check = quoteIdentifier(item.object.left(40) + QStringLiteral("_not_null_nrdb"));
    const QString table = qualified(item.table);
    add(ColumnChanges, item,
        QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 CHECK (%3 IS NOT NULL) NOT VALID")
            .arg(table, check, quoteIdentifier(item.object)),
        lockOn(kAccessExclusive, item.table));
    add(ColumnChanges, item, QStringLiteral("ALTER TABLE %1 VALIDATE CONSTRAINT %2").arg(table, check),
        lockOn(QStringLiteral("SHARE UPDATE EXCLUSIVE"), item.table),
        QStringLiteral("fails if a row has no value in %1").arg(item.object), StatementCost::Scans);
    add(ColumnChanges, item, alter + QStringLiteral("SET NOT NULL"), lockOn(kAccessExclusive, item.table));
    add(ColumnChanges, item, QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2").arg(table, check),
        lockOn(kAccessExclusive, item.table));
}

void Planner::planConstraint(const DriftItem &item)
{
    if (item.kind == DriftKind::Changed)
        dropConstraint(item, DropChanged,
                       QStringLiteral("the table is without this constraint until it is added again"));
    const QString &definition = item.expected;
    if (definition.startsWith(QLatin1String("FOREIGN KEY")))
        addValidated(ForeignKeys, item);
    else if (definition.startsWith(QLatin1String("CHECK")))
        addValidated(Keys, item);
    else if (definition.startsWith(QLatin1String("PRIMARY KEY")) || definition.startsWith(QLatin1String("UNIQUE")))
        addKey(item);
    else
        add(Keys, item,
            QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3")
                .arg(qualified(item.table), quoteIdentifier(item.object), definition),
            lockOn(kAccessExclusive, item.table), QStringLiteral("builds its index while holding the lock"),
            StatementCost::Scans);
}

void Planner::addValidated(Phase phase, const DriftItem &item)
{
    const QString table = qualified(item.table);
    const QString name = quoteIdentifier(item.object);
    const bool alreadyNotValid = item.expected.endsWith(QLatin1String(" NOT VALID"));
    // A foreign key takes SHARE ROW EXCLUSIVE on both tables; a check, ACCESS EXCLUSIVE (briefly).
    const QString lock =
        item.expected.startsWith(QLatin1String("FOREIGN KEY"))
            ? lockOn(QStringLiteral("SHARE ROW EXCLUSIVE"), item.table + referencedTable(item.expected))
            : lockOn(kAccessExclusive, item.table);
    if (m_newTables.contains(item.table) || alreadyNotValid) {
        add(phase, item, QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3").arg(table, name, item.expected), lock);
        return;
    }
    add(phase, item, QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3 NOT VALID").arg(table, name, item.expected),
        lock);
    add(Validations, item, QStringLiteral("ALTER TABLE %1 VALIDATE CONSTRAINT %2").arg(table, name),
        lockOn(QStringLiteral("SHARE UPDATE EXCLUSIVE"), item.table),
        QStringLiteral("fails if a row breaks it; the constraint then stays NOT VALID"), StatementCost::Scans);
}

void Planner::addKey(const DriftItem &item)
{
    const bool primary = item.expected.startsWith(QLatin1String("PRIMARY KEY"));
    const QString keyword = primary ? QStringLiteral("PRIMARY KEY") : QStringLiteral("UNIQUE");
    const QString rest = item.expected.mid(keyword.size()).trimmed();
    const QString table = qualified(item.table);
    const QString name = quoteIdentifier(item.object);
    if (!rest.startsWith(QLatin1Char('(')) || rest.contains(QLatin1String("DEFERRABLE")) ||
        m_newTables.contains(item.table)) {
        add(Keys, item, QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3").arg(table, name, item.expected),
            lockOn(kAccessExclusive, item.table),
            m_newTables.contains(item.table) ? QString() : QStringLiteral("builds its index while holding the lock"),
            m_newTables.contains(item.table) ? StatementCost::Catalog : StatementCost::Scans);
        return;
    }
    PlannedStatement build;
    build.sql = QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY %1 ON %2 %3").arg(name, table, rest);
    build.item = item;
    build.lock = lockOn(QStringLiteral("SHARE UPDATE EXCLUSIVE"), item.table);
    build.hazard = QStringLiteral("fails on duplicate values, leaving an invalid index to drop");
    build.cost = StatementCost::Scans;
    build.inTransaction = false;
    add(Keys, build);
    add(Keys, item, QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3 USING INDEX %2").arg(table, name, keyword),
        lockOn(kAccessExclusive, item.table),
        primary ? QStringLiteral("scans for NULLs unless the columns are NOT NULL already") : QString());
}

void Planner::planIndex(const DriftItem &item)
{
    if (item.expected.endsWith(SchemaModel::kInvalidIndex)) {
        refuse(item, QStringLiteral("the wanted side's index is invalid (its build failed): it is not copied"));
        return;
    }
    if (item.kind == DriftKind::Changed)
        dropIndex(item, DropChanged, QStringLiteral("queries go without this index until it is built again"));
    PlannedStatement statement;
    statement.item = item;
    if (m_newTables.contains(item.table)) {
        statement.sql = item.expected;
        statement.lock = lockOn(QStringLiteral("SHARE"), item.table);
    } else {
        static const QRegularExpression createIndex(QStringLiteral("^CREATE (UNIQUE )?INDEX "));
        statement.sql = QString(item.expected).replace(createIndex, QStringLiteral("CREATE \\1INDEX CONCURRENTLY "));
        statement.lock = lockOn(QStringLiteral("SHARE UPDATE EXCLUSIVE"), item.table);
        statement.hazard = QStringLiteral("if it fails, an invalid index is left to drop");
        statement.cost = StatementCost::Scans;
        statement.inTransaction = false;
    }
    add(Indexes, std::move(statement));
}

void Planner::dropConstraint(const DriftItem &item, Phase phase, const QString &hazard)
{
    // Foreign keys go first: a key they need cannot be dropped before them.
    if (item.actual.startsWith(QLatin1String("FOREIGN KEY")))
        phase = phase == DropChanged ? DropChangedForeignKeys : DropForeignKeys;
    add(phase, dropConstraintStatement(m_wanted.schema, item, hazard));
}

void Planner::dropIndex(const DriftItem &item, Phase phase, const QString &hazard)
{
    add(phase, dropIndexStatement(m_wanted.schema, item, hazard));
}

void Planner::setComment(const DriftItem &item)
{
    const QString text = item.expected.isEmpty() ? QStringLiteral("NULL") : quoteLiteral(item.expected);
    const QString target =
        item.object.isEmpty() ? QStringLiteral("TABLE %1").arg(qualified(item.table))
                              : QStringLiteral("COLUMN %1.%2").arg(qualified(item.table), quoteIdentifier(item.object));
    add(Comments, item, QStringLiteral("COMMENT ON %1 IS %2").arg(target, text),
        lockOn(QStringLiteral("SHARE UPDATE EXCLUSIVE"), item.table));
}

void Planner::planEnum(const DriftItem &item)
{
    const QStringList wanted = m_wanted.enums.value(item.object);
    if (item.kind == DriftKind::Missing) {
        QStringList labels;
        for (const QString &label : wanted)
            labels << quoteLiteral(label);
        add(Types, item,
            QStringLiteral("CREATE TYPE %1 AS ENUM (%2)")
                .arg(qualified(item.object), labels.join(QStringLiteral(", "))),
            QStringLiteral("none (a new type)"));
        return;
    }
    addEnumLabels(item, wanted, m_current.enums.value(item.object));
}

void Planner::addEnumLabels(const DriftItem &item, const QStringList &wanted, const QStringList &current)
{
    QStringList kept;
    for (const QString &label : wanted) {
        if (current.contains(label))
            kept << label;
    }
    QStringList currentKept;
    for (const QString &label : current) {
        if (wanted.contains(label))
            currentKept << label;
    }
    if (kept != currentKept || currentKept.size() != current.size()) {
        refuse(item, QStringLiteral("its labels differ other than by labels to add (a label cannot be removed or "
                                    "moved without recreating the type)"));
        return;
    }
    for (int i = 0; i < wanted.size(); ++i) {
        if (current.contains(wanted.at(i)))
            continue;
        // After the label before it (there already, or added just now); the first before the
        // first label there is.
        QString place;
        if (i > 0)
            place = QStringLiteral(" AFTER %1").arg(quoteLiteral(wanted.at(i - 1)));
        else if (!kept.isEmpty())
            place = QStringLiteral(" BEFORE %1").arg(quoteLiteral(kept.first()));
        add(Types, item,
            QStringLiteral("ALTER TYPE %1 ADD VALUE IF NOT EXISTS %2%3")
                .arg(qualified(item.object), quoteLiteral(wanted.at(i)), place),
            lockOn(QStringLiteral("EXCLUSIVE"), item.object)); // on the type: its tables go on
    }
}

void Planner::createSequence(const QString &name, const QString &description, const DriftItem &item)
{
    add(Sequences, item,
        QStringLiteral("CREATE SEQUENCE IF NOT EXISTS %1 AS %2").arg(qualified(name), sequenceType(description)),
        QStringLiteral("none (a new sequence)"));
    const QString owner = sequenceOwner(description);
    if (!owner.isEmpty())
        add(SequenceOwners, item,
            QStringLiteral("ALTER SEQUENCE %1 OWNED BY %2.%3")
                .arg(qualified(name), qualified(owner.section(QLatin1Char('.'), 0, 0)),
                     quoteIdentifier(owner.section(QLatin1Char('.'), 1))),
            lockOn(kSequenceLock, name));
}

void Planner::planSequence(const DriftItem &item)
{
    if (item.kind == DriftKind::Missing) {
        createSequence(item.object, item.expected, item);
        return;
    }
    if (sequenceType(item.expected) != sequenceType(item.actual))
        add(Sequences, item,
            QStringLiteral("ALTER SEQUENCE %1 AS %2").arg(qualified(item.object), sequenceType(item.expected)),
            lockOn(kSequenceLock, item.object));
    if (sequenceOwner(item.expected) != sequenceOwner(item.actual)) {
        const QString owner = sequenceOwner(item.expected);
        add(SequenceOwners, item,
            QStringLiteral("ALTER SEQUENCE %1 OWNED BY %2")
                .arg(qualified(item.object), owner.isEmpty()
                                                 ? QStringLiteral("NONE")
                                                 : qualified(owner.section(QLatin1Char('.'), 0, 0)) + QLatin1Char('.') +
                                                       quoteIdentifier(owner.section(QLatin1Char('.'), 1))),
            lockOn(kSequenceLock, item.object));
    }
}

void Planner::planView(const DriftItem &item)
{
    add(Views, item, QStringLiteral("CREATE OR REPLACE VIEW %1 AS\n%2").arg(qualified(item.object), item.expected),
        item.kind == DriftKind::Changed ? lockOn(kAccessExclusive, item.object) : QStringLiteral("none (a new view)"),
        item.kind == DriftKind::Changed
            ? QStringLiteral("fails if the view loses or retypes a column: then drop it and create it again")
            : QString());
}

void Planner::planExtra(const DriftItem &item)
{
    const QString &type = item.objectType;
    if (type == QLatin1String("comment"))
        return; // a comment the model lacks is Changed, not Extra
    if (!m_plan.options.allowDrop) {
        m_plan.keptExtras << item;
        return;
    }
    if (type == QLatin1String("constraint"))
        dropConstraint(item, DropConstraints, QStringLiteral("what it guarded is no longer checked"));
    else if (type == QLatin1String("index"))
        dropIndex(item, DropIndexes, QStringLiteral("queries that used it get slower"));
    else {
        if (type == QLatin1String("table"))
            dropForeignKeysOf(item.table);
        Phase phase = DropTypes;
        PlannedStatement statement = dropObjectStatement(m_wanted.schema, item, phase);
        add(phase, std::move(statement));
    }
}

void Planner::dropForeignKeysOf(const QString &table)
{
    const SchemaModel::Table &dropped = m_current.tables.value(table);
    for (auto it = dropped.constraints.cbegin(); it != dropped.constraints.cend(); ++it) {
        if (it.value().startsWith(QLatin1String("FOREIGN KEY")))
            dropConstraint(DriftItem{DriftKind::Extra, QStringLiteral("constraint"), table, it.key(), {}, it.value()},
                           DropConstraints, {});
    }
}

} // namespace

MigrationPlan planMigration(const SchemaModel &wanted, const SchemaModel &current, const PlanOptions &options)
{
    return Planner(wanted, current, options).plan();
}

} // namespace nrdb
