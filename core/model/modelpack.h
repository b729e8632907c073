#pragma once

#include "model/schemamodel.h"
#include "util/result.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace nrdb {

// One ordered migration of a pack: migrations/<NNNN>_<name>.sql.
struct Migration {
    int version = 0;
    QString name;
    QString sql;
    QString checksum; // of the normalised text, see normalizedChecksum()

    QString label() const { return QStringLiteral("%1_%2").arg(version, 4, 10, QLatin1Char('0')).arg(name); }
};

struct PackExtension {
    QString name;
    QString schema;
};

// Everything application-specific the engine knows: a pack directory holding pack.json (name,
// title, schema, extensions, required tables), migrations/NNNN_name.sql, and expected-model.json,
// the schema its migrations produce at the head version (a test proves they agree). Loaded from the
// resources (":/nrdb/models/<name>") or any directory. A plain value type; any thread.
struct ModelPack {
    QString name;
    QString title;
    QString schema;
    QVector<PackExtension> extensions;
    QStringList requiredTables;
    QStringList secretTables;      // whose rows a shareable backup leaves out
    QVector<Migration> migrations; // ascending by version
    SchemaModel expectedModel;     // empty tables when the pack has none
    QString directory;

    static Result<ModelPack> load(const QString &directory);
    // The packs built into the program, by name.
    static QStringList builtIn();
    // The pack the GUI works with and the CLI takes unless told otherwise: NetRaven's.
    static QString defaultName() { return QStringLiteral("netraven-v1"); }
    static Result<ModelPack> builtIn(const QString &name);

    int headVersion() const { return migrations.isEmpty() ? 0 : migrations.last().version; }
    const Migration *migration(int version) const;
};

// SHA-256 (hex) of SQL with line endings made \n, trailing blanks removed from every line and
// trailing empty lines dropped, so re-saving a file on another system does not change it.
QString normalizedChecksum(const QString &sql);

} // namespace nrdb
