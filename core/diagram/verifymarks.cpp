#include "verifymarks.h"

namespace nrdb {

namespace {

DiagramStatus statusOf(DriftKind kind)
{
    switch (kind) {
    case DriftKind::Missing:
        return DiagramStatus::Missing;
    case DriftKind::Extra:
        return DiagramStatus::Extra;
    case DriftKind::Changed:
        return DiagramStatus::Changed;
    }
    return DiagramStatus::Changed;
}

} // namespace

void addDriftMarks(const QString &schema, const QVector<DriftItem> &drift, DiagramMarks &marks)
{
    for (const DriftItem &item : drift) {
        if (item.table.isEmpty())
            continue; // an enum, a sequence or a view: nothing of it is drawn
        const QString table = schema + QLatin1Char('.') + item.table;
        if (item.objectType == QLatin1String("table")) {
            marks.tables.insert(table, statusOf(item.kind));
        } else if (item.objectType == QLatin1String("column") ||
                   (item.objectType == QLatin1String("comment") && !item.object.isEmpty())) {
            marks.columns.insert(table + QLatin1Char('.') + item.object, statusOf(item.kind));
        } else if (!marks.tables.contains(table)) {
            marks.tables.insert(table, DiagramStatus::Changed);
        }
    }
}

DiagramMarks marksFromVerify(const VerifyReport &report)
{
    DiagramMarks marks;
    for (const QString &table : report.requiredMissing)
        marks.tables.insert(report.schema + QLatin1Char('.') + table, DiagramStatus::Missing);
    addDriftMarks(report.schema, report.drift, marks);
    return marks;
}

} // namespace nrdb
