#pragma once

#include "model/schemamodel.h"
#include "util/result.h"

#include <QMap>
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

// The migration history of another tool that lives beside ours in the pack's schema (NetRaven v2's
// Alembic): a one-column table holding the revision that tool believes the database is at. Init
// writes it in the same transaction as the migration that brings the schema to a version, so the
// other tool finds nothing to do; adopt leaves it as it is; verify reports it.
struct ForeignHistory {
    QString tool;                 // "Alembic"
    QString table;                // "alembic_version", in the pack's schema, made by the pack's own migrations
    QString column;               // "version_num"
    QMap<int, QString> revisions; // pack version -> the revision the other tool has at it

    bool isEmpty() const { return table.isEmpty(); }
    // The revision for a pack version: that of the version itself or the newest one before it.
    QString revisionAt(int version) const;
};

// Everything application-specific the engine knows: a pack directory holding pack.json (name,
// title, schema, extensions, required tables, version titles, a foreign history), migrations/
// NNNN_name.sql, expected-model.json, the schema its migrations produce at the head version, and
// expected-model.NNNN.json for earlier versions a real database may be at (a test proves each
// agrees with its migrations). Loaded from the resources (":/nrdb/models/<name>") or any
// directory; resources/models/README.md is the format. A plain value type; any thread.
struct ModelPack {
    QString name;
    QString title;
    QString schema;
    QVector<PackExtension> extensions;
    QStringList requiredTables;
    QStringList secretTables;             // whose rows a shareable backup leaves out
    QStringList secretColumns;            // "table.column" or "table.*", masked where rows are shown
    QVector<Migration> migrations;        // ascending by version
    SchemaModel expectedModel;            // at the head version; empty tables when the pack has none
    QMap<int, SchemaModel> earlierModels; // expected models of earlier versions, by version
    QMap<int, QString> versionTitles;     // what a version is, e.g. "NetRaven main 2f641cc"
    ForeignHistory foreignHistory;
    QString directory;

    static Result<ModelPack> load(const QString &directory);
    // The packs built into the program, by name.
    static QStringList builtIn();
    // The pack the GUI works with and the CLI takes unless told otherwise: NetRaven's.
    static QString defaultName() { return QStringLiteral("netraven-v2"); }
    static Result<ModelPack> builtIn(const QString &name);
    // Every pack known: the built-in ones, then those in the pack directories (packDirectories()),
    // loaded. A pack that does not load, or two of one name, are an error that says where.
    static Result<QVector<ModelPack>> all();
    // Their names (the built-in ones when a pack directory holds a pack that does not load).
    static QStringList names();
    // A known pack by its name, or the pack in a directory (a name with a '/').
    static Result<ModelPack> named(const QString &nameOrDirectory);

    // The columns of a table of the pack's schema that are secret (secretColumns).
    QStringList secretColumnsOf(const RelationInfo &relation) const;
    int headVersion() const { return migrations.isEmpty() ? 0 : migrations.last().version; }
    const Migration *migration(int version) const;
    // The versions that have an expected model, newest first, and the model of one of them (the
    // head's for a version without one of its own).
    QVector<int> modelVersions() const;
    const SchemaModel &modelAt(int version) const;
    // "version 1 (NetRaven main 2f641cc)", or "version 1".
    QString describeVersion(int version) const;
};

// SHA-256 (hex) of SQL with line endings made \n, trailing blanks removed from every line and
// trailing empty lines dropped, so re-saving a file on another system does not change it.
QString normalizedChecksum(const QString &sql);

} // namespace nrdb
