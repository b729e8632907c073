#pragma once

#include "model/schemamodel.h"

#include <QJsonObject>
#include <QVector>

namespace nrdb {

enum class DriftKind { Missing, Extra, Changed };
QString driftKindName(DriftKind kind); // "missing", "extra", "changed"

// One way a database differs from its expected model.
struct DriftItem {
    DriftKind kind = DriftKind::Missing;
    QString objectType; // table, column, constraint, index, comment, enum, sequence, view
    QString table;      // empty for the schema's own objects (enums, sequences)
    QString object;     // the column, constraint or index; empty for a table
    QString expected;   // definition the model has (empty when extra)
    QString actual;     // definition the database has (empty when missing)

    QString describe() const;   // "missing index ix_devices_hostname on devices"
    QJsonObject toJson() const; // kind, object_type, table, object, expected, actual, describe
};

// Every difference between the expected and the actual model, table by table, in name order.
QVector<DriftItem> compareModels(const SchemaModel &expected, const SchemaModel &actual);

} // namespace nrdb
