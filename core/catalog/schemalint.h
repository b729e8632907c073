#pragma once

#include "catalog/schemasnapshot.h"

#include <QString>
#include <QVector>

namespace nrdb {

enum class LintSeverity { Info, Warning };
QString lintSeverityName(LintSeverity severity);

// One defect found in a snapshot.
struct LintFinding {
    QString rule; // stable id: fk-without-index, no-primary-key, redundant-index, nullable-boolean, isolated-table
    LintSeverity severity = LintSeverity::Info;
    QString schema;
    QString table;
    QString object;      // the constraint, index or column concerned; empty for the table itself
    QString message;     // one line
    QString explanation; // why it matters
    QString fixSql;      // SQL that fixes it, only where that is safe to run as is
};

// Runs every rule over the tables of a snapshot (partitions follow their parent and are skipped).
// Any thread.
QVector<LintFinding> lintSnapshot(const SchemaSnapshot &snapshot);

} // namespace nrdb
