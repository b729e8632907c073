#include "diagrammodel.h"

#include <QSet>

namespace nrdb {

QString diagramStatusName(DiagramStatus status)
{
    switch (status) {
    case DiagramStatus::Normal:
        return {};
    case DiagramStatus::Missing:
        return QStringLiteral("missing");
    case DiagramStatus::Changed:
        return QStringLiteral("changed");
    case DiagramStatus::Extra:
        return QStringLiteral("extra");
    }
    return {};
}

QString DiagramRelation::describe(const QString &fromTable, const QString &toTable) const
{
    QString text =
        QStringLiteral("%1 (%2) → %3 (%4): %5")
            .arg(fromTable, columns.join(QStringLiteral(", ")), toTable, referencedColumns.join(QStringLiteral(", ")),
                 oneToOne ? QStringLiteral("one-to-one") : QStringLiteral("many-to-one"));
    if (cascadeDelete)
        text += QStringLiteral(", ON DELETE CASCADE");
    return text + QStringLiteral("\n") + name;
}

namespace {

bool columnsAreUnique(const RelationInfo &relation, const QStringList &columns)
{
    const QSet<QString> wanted(columns.cbegin(), columns.cend());
    for (const ConstraintInfo &constraint : relation.constraints) {
        if (constraint.type != ConstraintType::PrimaryKey && constraint.type != ConstraintType::Unique)
            continue;
        if (QSet<QString>(constraint.columns.cbegin(), constraint.columns.cend()) == wanted)
            return true;
    }
    for (const IndexInfo &index : relation.indexes) {
        if (index.unique && index.valid && !index.partial &&
            QSet<QString>(index.columns.cbegin(), index.columns.cend()) == wanted)
            return true;
    }
    return false;
}

DiagramTable tableOf(const RelationInfo &relation)
{
    DiagramTable table;
    table.oid = relation.oid;
    table.schema = relation.schema;
    table.name = relation.name;
    QSet<QString> keyColumns;
    if (const ConstraintInfo *primaryKey = relation.primaryKey())
        keyColumns = QSet<QString>(primaryKey->columns.cbegin(), primaryKey->columns.cend());
    QSet<QString> foreignColumns;
    for (const ConstraintInfo *foreignKey : relation.foreignKeys())
        for (const QString &column : foreignKey->columns)
            foreignColumns.insert(column);
    for (const ColumnInfo &info : relation.columns) {
        DiagramColumn column;
        column.name = info.name;
        column.type = info.type;
        column.primaryKey = keyColumns.contains(info.name);
        column.foreignKey = foreignColumns.contains(info.name);
        table.columns << column;
    }
    return table;
}

} // namespace

DiagramModel DiagramModel::fromSnapshot(const SchemaSnapshot &snapshot, const QStringList &schemas)
{
    DiagramModel model;
    QHash<quint32, int> indexByOid;
    QVector<const RelationInfo *> drawn;
    for (const RelationInfo &relation : snapshot.relations) {
        if (!relation.isTable() || relation.partitionParentOid != 0)
            continue;
        if (!schemas.isEmpty() && !schemas.contains(relation.schema))
            continue;
        indexByOid.insert(relation.oid, int(model.tables.size()));
        model.tables << tableOf(relation);
        drawn << &relation;
    }
    for (int from = 0; from < drawn.size(); ++from) {
        const RelationInfo &relation = *drawn.at(from);
        for (const ConstraintInfo *foreignKey : relation.foreignKeys()) {
            const auto target = indexByOid.constFind(foreignKey->referencedOid);
            if (target == indexByOid.constEnd())
                continue;
            DiagramRelation edge;
            edge.from = from;
            edge.to = target.value();
            edge.name = foreignKey->name;
            edge.columns = foreignKey->columns;
            edge.referencedColumns = foreignKey->referencedColumns;
            edge.oneToOne = columnsAreUnique(relation, foreignKey->columns);
            edge.cascadeDelete = foreignKey->onDelete == QLatin1String("CASCADE");
            model.relations << edge;
        }
    }
    return model;
}

int DiagramModel::indexOf(const QString &qualifiedName) const
{
    for (int i = 0; i < tables.size(); ++i)
        if (tables.at(i).qualifiedName() == qualifiedName)
            return i;
    return -1;
}

QVector<int> DiagramModel::neighbourhood(int table, int depth) const
{
    QVector<QVector<int>> adjacent(tables.size());
    for (const DiagramRelation &relation : relations) {
        adjacent[relation.from] << relation.to;
        adjacent[relation.to] << relation.from;
    }
    QVector<int> reached{table};
    QSet<int> seen{table};
    QVector<int> frontier{table};
    for (int step = 0; step < depth && !frontier.isEmpty(); ++step) {
        QVector<int> next;
        for (int current : std::as_const(frontier))
            for (int neighbour : adjacent.at(current))
                if (!seen.contains(neighbour)) {
                    seen.insert(neighbour);
                    next << neighbour;
                    reached << neighbour;
                }
        frontier = next;
    }
    return reached;
}

void DiagramModel::applyMarks(const DiagramMarks &marks)
{
    for (auto mark = marks.tables.cbegin(); mark != marks.tables.cend(); ++mark) {
        int index = indexOf(mark.key());
        if (index < 0) {
            if (mark.value() != DiagramStatus::Missing)
                continue;
            const auto dot = mark.key().indexOf(QLatin1Char('.'));
            DiagramTable ghost;
            ghost.schema = mark.key().left(dot);
            ghost.name = mark.key().mid(dot + 1);
            tables << ghost;
            index = int(tables.size()) - 1;
        }
        tables[index].status = mark.value();
    }
    for (auto mark = marks.columns.cbegin(); mark != marks.columns.cend(); ++mark) {
        const auto dot = mark.key().lastIndexOf(QLatin1Char('.'));
        const int index = indexOf(mark.key().left(dot));
        if (index < 0)
            continue;
        const QString name = mark.key().mid(dot + 1);
        DiagramTable &table = tables[index];
        auto column = std::find_if(table.columns.begin(), table.columns.end(),
                                   [&name](const DiagramColumn &candidate) { return candidate.name == name; });
        if (column == table.columns.end()) {
            if (mark.value() != DiagramStatus::Missing)
                continue;
            table.columns << DiagramColumn{name, QString(), false, false, DiagramStatus::Missing};
            column = table.columns.end() - 1;
        }
        column->status = mark.value();
        if (table.status == DiagramStatus::Normal)
            table.status = DiagramStatus::Changed;
    }
}

} // namespace nrdb
