#pragma once

#include "catalog/schemalint.h"
#include "migrate/foreignhistory.h"
#include "migrate/migrationstatus.h"
#include "model/drift.h"
#include "model/packdetection.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>

#include <optional>

namespace nrdb {

// What verify found: which pack the database is and why, the pack's required tables, the migration
// history against the pack, another tool's history beside it, drift against the pack's expected
// model at the version the database is at, and the lint findings of the pack's schema. A plain
// value type.
struct VerifyReport {
    QString pack;
    QString packTitle;
    QString packReason;      // "named", or why the catalog says this pack
    bool packNamed = true;   // the user named the pack (or a caller that knew it)
    PackDetection detection; // what the catalog showed
    QString schema;
    int modelVersion = 0;     // the version whose expected model the drift is against
    QString modelVersionText; // "version 1 (NetRaven main 2f641cc, 2025-05-20)"
    QString database;
    QString server; // user@host:port/database
    QString serverVersion;
    QDateTime checkedAt;
    qint64 durationMs = 0;

    QStringList requiredPresent;
    QStringList requiredMissing;
    QMap<QString, QString> requiredElsewhere; // a missing required table found in another schema -> that schema
    bool historyExists = false;
    MigrationStatus migrations;
    std::optional<ForeignHistoryCheck> foreignHistory; // for a pack that keeps one
    QVector<DriftItem> drift;
    QVector<LintFinding> findings;

    // The database is not this pack's, nor close to it: the detection's line is the verdict.
    bool isForeign() const { return !packNamed && !detection.recognised(); }

    // Anything that makes the database differ from the pack (lint findings do not count: they are
    // defects of the pack itself, present in every NetRaven database).
    bool hasDifferences() const;
    int differenceCount() const;
    QString verdict() const; // one line
    // Every difference, one line each ("missing index ix_devices_hostname on devices", "pending
    // migration 0002_job_runs", ...), to compare two reports by.
    QStringList differenceLines() const;

    QJsonObject toJson() const;
    QString toHtml() const;
};

} // namespace nrdb
