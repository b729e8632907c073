#pragma once

#include "catalog/schemasnapshot.h"
#include "model/migrationplan.h"
#include "model/schemamodel.h"

#include <QMap>
#include <optional>

namespace nrdb {

// The schemas of one side of a compare, each as the model drift is judged on, and the extensions
// it has (none known for a pack's model). A plain value type; any thread.
struct SchemaSet {
    QString label;                                    // "postgres@host:5432/db", "pack netraven-v2 version 1 (…)"
    QString serverVersion;                            // empty for a pack
    QMap<QString, SchemaModel> models;                // by schema
    std::optional<QMap<QString, QString>> extensions; // name -> the schema it is in; nullopt: not known

    // Every schema that holds a table, view, enum type or sequence, but nrdb (this tool's own
    // history, which differs by what ran, not by what the application needs).
    static QStringList schemasIn(const SchemaSnapshot &snapshot);
    static SchemaSet fromSnapshot(const SchemaSnapshot &snapshot, const QStringList &schemas);
    static SchemaSet fromModel(const SchemaModel &model);
};

// One schema compared: every difference, the target's side as "actual".
struct SchemaComparison {
    QString schema;
    bool missing = false; // the target has no such schema (it is created)
    QVector<DriftItem> differences;
};

// What a compare found, and the script that makes the target like the source.
struct CompareReport {
    QString source;
    QString target;
    QString sourceServerVersion;
    QString targetServerVersion;
    QVector<SchemaComparison> schemas;
    QVector<DriftItem> extensions; // database-wide; object: the extension's name
    MigrationPlan plan;            // every schema's statements, in the order they run
    SchemaSet wanted;              // what the target should be once the plan ran: every schema compared, as the
                                   // source has it (empty when only the target has it)
    qint64 durationMs = 0;

    int differenceCount() const;
    bool isEmpty() const { return differenceCount() == 0; }
    QString scriptTitle() const; // "Make <target> like <source>"
    QJsonObject toJson() const;
};

// Compares source and target schema by schema (those in either set) and plans one script: the
// schemas and extensions the target lacks first, then each schema's planMigration. Extensions the
// target has and the source lacks are listed only: dropping one drops what uses it.
CompareReport compareSchemaSets(const SchemaSet &source, const SchemaSet &target, const PlanOptions &options);

// A database's snapshot (labelled label) against the schemas wanted, once a plan made from them
// ran: those schemas only, and extensions when wanted knows them.
CompareReport compareWithWanted(const SchemaSet &wanted, const SchemaSnapshot &snapshot, const QString &label,
                                const PlanOptions &options);

} // namespace nrdb
