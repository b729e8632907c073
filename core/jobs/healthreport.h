#pragma once

#include "jobs/environmentstatus.h"

#include <QDateTime>
#include <QList>

namespace nrdb {

// Every environment's status at one moment, to hand over: per environment the server, the pack
// and how far it drifted, lint, and the last backup and proof. Made by Verify All and Back Up
// Selected in the window and by `environments --report`. A plain value type; any thread.
struct HealthReport {
    QDateTime madeAt;
    QList<EnvironmentStatus> environments;

    int concernCount() const; // environments that need attention
    QString summary() const;  // "4 environments, 1 needs attention"
    QJsonObject toJson() const;
    QString toHtml() const;
    // Writes <directory>/netraven-health-<yyyyMMdd-HHmmss>.html and .json, each atomically;
    // returns the HTML file's path.
    Result<QString> saveIn(const QString &directory) const;
};

} // namespace nrdb
