#include "syntheticschema.h"

#include "connection/databaseadmin.h"
#include "connection/databasesession.h"

#include <QSqlQuery>

namespace nrdb::bench {

namespace {

constexpr int kBatch = 250;

QString tableName(int number)
{
    return QStringLiteral("bench.t%1").arg(number, 5, 10, QLatin1Char('0'));
}

QString createTable(int number)
{
    const QString references =
        number == 1 ? QString()
                    : QStringLiteral(", parent_id bigint REFERENCES %1 (id), other_id bigint REFERENCES %2 (id)")
                          .arg(tableName(number - 1), tableName(qMax(1, number / 2)));
    QString sql = QStringLiteral("CREATE TABLE %1 (id bigint PRIMARY KEY, name text NOT NULL, code varchar(32), "
                                 "created_at timestamptz NOT NULL DEFAULT now(), amount numeric(12,2), "
                                 "active boolean NOT NULL DEFAULT true, note text, payload jsonb%2);\n")
                      .arg(tableName(number), references);
    if (number > 1)
        sql += QStringLiteral("CREATE INDEX ON %1 (parent_id);\n").arg(tableName(number));
    return sql;
}

} // namespace

Status createSyntheticSchema(const QSqlDatabase &db, int tables)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench")))
        return sqlError(query.lastError(), QStringLiteral("Could not create schema bench"));
    for (int first = 1; first <= tables; first += kBatch) {
        QString batch = QStringLiteral("BEGIN;\n");
        for (int number = first; number < first + kBatch && number <= tables; ++number)
            batch += createTable(number);
        batch += QStringLiteral("COMMIT;");
        if (!query.exec(batch))
            return sqlError(query.lastError(), QStringLiteral("Could not create tables %1…").arg(first));
    }
    if (!query.exec(QStringLiteral("ANALYZE")))
        return sqlError(query.lastError(), QStringLiteral("ANALYZE failed"));
    return {};
}

Status createSyntheticDatabase(const SandboxState &server, const QString &database, int tables)
{
    {
        DatabaseSession maintenance;
        if (Status opened = maintenance.open(server.profile()); !opened)
            return opened;
        if (Status created = databaseadmin::create(maintenance.database(), database); !created)
            return created;
    }
    DatabaseSession session;
    if (Status opened = session.open(server.profile(database)); !opened)
        return opened;
    return createSyntheticSchema(session.database(), tables);
}

} // namespace nrdb::bench
