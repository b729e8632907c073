#pragma once

#include "util/result.h"

#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace nrdb {

// A value read from a row the seed wrote before: {"lookup": {"table": "tags", "key": {"name":
// "default"}, "column": "id"}} is the id of the tag named default (the lowest, if several).
struct SeedLookup {
    QString table;
    QVector<QPair<QString, QString>> key; // column -> literal
    QString column;
};

// One value of a seed row: a literal (JSON scalar or null), a JSON document for a json/jsonb
// column, a SQL expression of the pack's own (trusted, like its migrations), the bcrypt hash of
// a secret, a value looked up in another seeded table, or the Fernet token of a secret under a
// key derived from two other secrets.
struct SeedValue {
    enum class Kind { Literal, Json, Sql, Bcrypt, Lookup, Fernet };
    Kind kind = Kind::Literal;
    QString text; // literal as text, JSON text, SQL, or the secret's name
    bool isNull = false;
    SeedLookup lookup; // Lookup only
    QString keySecret; // Fernet only: the secrets its key is derived from
    QString saltSecret;
};

struct SeedRow {
    QVector<QPair<QString, SeedValue>> columns; // in the order the pack lists them
    const SeedValue *value(const QString &column) const;
};

// "forEach": {"table": "devices", "column": "id", "as": "device_id"}: the table's rows are
// written once for every row of another table, its column going into the column "as".
struct SeedForEach {
    QString table;
    QString column;
    QString as;

    bool isEmpty() const { return table.isEmpty(); }
};

struct SeedTable {
    QString table;
    QStringList key;          // columns that identify a row (literals or lookups)
    QStringList resettable;   // columns "reset to defaults" may overwrite
    QStringList touchOnReset; // columns set again whenever a reset changes a row (e.g. updated_at)
    SeedForEach forEach;
    QStringList needs; // secrets without which the table is skipped (told with skipNote)
    QString skipNote;
    QVector<SeedRow> rows;
};

struct SeedSecret {
    QString name;
    QString description;
    int generateLength = 20;
    bool generate = true; // false: only ever given (a key of the application's own)
    QString environment;  // a variable the secret may be read from
    QString defaultValue; // used when it is neither given nor generated
};

// A pack's seed.json. A plain value type; any thread.
struct SeedPlan {
    QVector<SeedSecret> secrets;
    QVector<SeedTable> tables;

    const SeedSecret *secret(const QString &name) const;

    static Result<SeedPlan> load(const QString &path);
    static Result<SeedPlan> fromJson(const QJsonObject &json);
};

} // namespace nrdb
