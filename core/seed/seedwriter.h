#pragma once

#include "seed/seedplan.h"
#include "util/result.h"

#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace nrdb {

struct SeedTableResult {
    QString table;
    int inserted = 0;
    int present = 0; // there already, left alone
    int updated = 0; // reset to the pack's values (only when asked)
    QString skipped; // why the table was left out (a secret it needs was not given); empty when seeded
};

// The seed's secrets: given by the caller, read from the variable the pack names, generated, or
// the pack's default, in that order. Generated ones are kept for the report, shown once. Every
// secret it holds is registered with the log's redactor. Thread: the seed's.
class SeedSecrets {
public:
    // log: where to say that a secret was generated (never the secret itself).
    SeedSecrets(const SeedPlan &plan, QMap<QString, QString> given, std::function<void(const QString &)> log);

    bool available(const QString &name) const;
    Result<QString> value(const QString &name);
    const QMap<QString, QString> &generated() const { return m_generated; }

private:
    const SeedPlan &m_plan;
    QMap<QString, QString> m_given;
    QMap<QString, QString> m_generated;
    std::function<void(const QString &)> m_log;
};

// One table of the plan, on db in the caller's transaction: its missing rows inserted (and, with
// reset, the resettable columns of those present put back to the pack's values); or, when a
// secret it needs was not given, its rows counted and the table skipped.
Result<SeedTableResult> seedTable(const QSqlDatabase &db, const QString &schema, const SeedTable &table,
                                  SeedSecrets &secrets, bool reset);

} // namespace nrdb
