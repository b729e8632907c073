#pragma once

#include "catalog/schemalint.h"
#include "migrate/migrationstatus.h"
#include "model/drift.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>

namespace nrdb {

// What verify found: NetRaven's required tables, the migration history against the pack, drift
// against the pack's expected model, and the lint findings of the pack's schema. A plain value type.
struct VerifyReport {
    QString pack;
    QString packTitle;
    QString schema;
    QString database;
    QString server;        // user@host:port/database
    QString serverVersion;
    QDateTime checkedAt;
    qint64 durationMs = 0;

    QStringList requiredPresent;
    QStringList requiredMissing;
    QMap<QString, QString> requiredElsewhere; // a missing required table found in another schema -> that schema
    bool historyExists = false;
    MigrationStatus migrations;
    QVector<DriftItem> drift;
    QVector<LintFinding> findings;

    // Anything that makes the database differ from the pack (lint findings do not count: they are
    // defects of the pack itself, present in every NetRaven database).
    bool hasDifferences() const;
    int differenceCount() const;
    QString verdict() const; // one line

    QJsonObject toJson() const;
    QString toHtml() const;
};

} // namespace nrdb
