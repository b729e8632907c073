#pragma once

#include "util/result.h"

#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace nrdb {

// One value of a seed row: a literal (JSON scalar or null), a JSON document for a json/jsonb
// column, a SQL expression of the pack's own (trusted, like its migrations), or the bcrypt hash of
// a secret.
struct SeedValue {
    enum class Kind { Literal, Json, Sql, Bcrypt };
    Kind kind = Kind::Literal;
    QString text;   // literal as text, JSON text, SQL, or the secret's name
    bool isNull = false;
};

struct SeedRow {
    QVector<QPair<QString, SeedValue>> columns; // in the order the pack lists them
    const SeedValue *value(const QString &column) const;
};

struct SeedTable {
    QString table;
    QStringList key;        // columns that identify a row (literals)
    QStringList resettable; // columns "reset to defaults" may overwrite
    QStringList touchOnReset; // columns set again whenever a reset changes a row (e.g. updated_at)
    QVector<SeedRow> rows;
};

struct SeedSecret {
    QString name;
    QString description;
    int generateLength = 20;
};

// A pack's seed.json. A plain value type; any thread.
struct SeedPlan {
    QVector<SeedSecret> secrets;
    QVector<SeedTable> tables;

    static Result<SeedPlan> load(const QString &path);
    static Result<SeedPlan> fromJson(const QJsonObject &json);
};

} // namespace nrdb
