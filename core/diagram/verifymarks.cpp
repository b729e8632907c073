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

DiagramMarks marksFromVerify(const VerifyReport &report)
{
    DiagramMarks marks;
    const auto qualified = [&report](const QString &table) -> QString {
        return report.schema + QLatin1Char('.') + table;
    };
    for (const QString &table : report.requiredMissing)
        marks.tables.insert(qualified(table), DiagramStatus::Missing);
    for (const DriftItem &item : report.drift) {
        if (item.table.isEmpty())
            continue; // an enum or a sequence: nothing of it is drawn
        const QString table = qualified(item.table);
        if (item.objectType == QLatin1String("table")) {
            marks.tables.insert(table, statusOf(item.kind));
        } else if (item.objectType == QLatin1String("column") ||
                   (item.objectType == QLatin1String("comment") && !item.object.isEmpty())) {
            marks.columns.insert(table + QLatin1Char('.') + item.object, statusOf(item.kind));
        } else if (!marks.tables.contains(table)) {
            marks.tables.insert(table, DiagramStatus::Changed);
        }
    }
    return marks;
}

} // namespace nrdb
