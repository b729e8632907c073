#pragma once

#include "model/drift.h"
#include "model/schemamodel.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

namespace nrdb {

// What a statement costs a live server while it runs.
enum class StatementCost {
    Catalog, // changes the catalog only: brief, once its lock is had
    Scans,   // reads the table (builds an index, validates a constraint), writes go on or wait
    Rewrites // rewrites the table and its indexes under ACCESS EXCLUSIVE
};

// One statement of a migration script, with what it repairs and what it risks.
struct PlannedStatement {
    QString sql;    // one statement, no trailing semicolon
    QString schema; // the schema of what it changes
    DriftItem item; // the difference it takes away
    QString lock;   // the strongest lock it takes, e.g. "SHARE UPDATE EXCLUSIVE on devices"
    QString hazard; // what can go wrong or be lost; empty when nothing
    StatementCost cost = StatementCost::Catalog;
    bool inTransaction = true; // false: must run on its own (CREATE INDEX CONCURRENTLY)
    bool dropsData = false;    // drops a table, a column or a sequence
    int phase = 0;             // where it goes in a script of one schema or several (plan::Phase)
};

// A difference the plan leaves as it is, and why.
struct PlanRefusal {
    DriftItem item;
    QString reason;
};

struct PlanOptions {
    bool allowDrop = false;         // drop what the wanted model does not have (data loss)
    int lockTimeoutMs = 5000;       // a statement waiting longer for its lock gives up
    int statementTimeoutMs = 60000; // for catalog-only statements; scans and rewrites get none
};

// The statements that make a database's schema (current) like the wanted model, in an order
// that works: types and sequences before the tables that use them, tables and columns before
// their keys, keys before the foreign keys that need them, validations after the NOT VALID adds,
// comments, then views after the tables and the views they read; drops after everything, but
// extra views first (a view before those it reads). Plans of several schemas merge in the same
// order (plan::orderStatements). What it cannot do safely is refused with a reason; extra
// objects are dropped only with allowDrop; likely renames are only hints. A plain value type;
// any thread.
struct MigrationPlan {
    QString schema;
    PlanOptions options;
    QVector<PlannedStatement> statements;
    QVector<PlanRefusal> refused;
    QVector<DriftItem> keptExtras; // extra objects left in place (no allowDrop)
    QStringList hints;             // "table devices_old may be devices renamed: …"

    bool isEmpty() const { return statements.isEmpty(); }
    // The script for psql (-v ON_ERROR_STOP=1): a header, then per statement its label
    // (difference, lock, hazard), its SET lock_timeout and statement_timeout, and itself.
    QString toSql(const QString &title) const;
    // The same as a pack's migration, which runs in one transaction: settings SET LOCAL, indexes
    // built and dropped without CONCURRENTLY.
    QString toMigration(const QString &title) const;
    QJsonObject toJson() const;
    // The SET statements to run before statement (lock_timeout, statement_timeout).
    QStringList settingsFor(const PlannedStatement &statement) const;

private:
    QString script(const QString &title, bool migration) const;
};

MigrationPlan planMigration(const SchemaModel &wanted, const SchemaModel &current, const PlanOptions &options = {});

} // namespace nrdb
