#include "queries.h"

#include "connection/databasesession.h"

#include <QSqlQuery>
#include <QVariant>

namespace nrdb::test {

QStringList queryValues(const ConnectionProfile &profile, const QString &sql)
{
    DatabaseSession session;
    if (Status opened = session.open(profile); !opened)
        return {opened.error().message};
    QSqlQuery query(session.database());
    if (!query.exec(sql))
        return {query.lastError().text()};
    QStringList values;
    while (query.next())
        values << query.value(0).toString();
    return values;
}

QString queryValue(const ConnectionProfile &profile, const QString &sql)
{
    return queryValues(profile, sql).value(0);
}

} // namespace nrdb::test
