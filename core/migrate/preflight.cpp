#include "migrate/preflight.h"

#include "connection/databasesession.h"
#include "migrate/schemahistory.h"
#include "util/sqlidentifier.h"
#include "util/sqlresource.h"

#include <QSqlQuery>
#include <QVariant>

namespace nrdb {

namespace {

constexpr int kOldestServer = 120000;

// A text[] literal for binding: {"a","b"}.
QString textArray(const QStringList &values)
{
    QStringList quoted;
    for (QString value : values)
        quoted << QLatin1Char('"') +
                      value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                          .replace(QLatin1Char('"'), QStringLiteral("\\\"")) +
                      QLatin1Char('"');
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace

QString PreflightReport::explanation() const
{
    QString text = problems.join(QLatin1Char('\n'));
    if (!superuserStatements.isEmpty())
        text += QStringLiteral("\nA superuser can clear this by running:\n    ") +
                superuserStatements.join(QStringLiteral("\n    "));
    return text;
}

Result<PreflightReport> runPreflight(const QSqlDatabase &db, const ModelPack &pack)
{
    PreflightReport report;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sqlResource(QStringLiteral("preflight_server"))) || !query.next())
        return sqlError(query.lastError(), QStringLiteral("Preflight could not read the server"));
    report.serverVersionNumber = query.value(0).toInt();
    report.serverVersion = query.value(1).toString();
    report.user = query.value(2).toString();
    report.superuser = query.value(3).toBool();
    const bool mayCreateSchemas = report.superuser || query.value(4).toBool();
    if (report.serverVersionNumber < kOldestServer)
        report.problems << QStringLiteral("PostgreSQL %1 is too old: NetRaven DB Admin needs 12 or newer.")
                               .arg(report.serverVersion);

    QStringList extensionNames;
    for (const PackExtension &extension : pack.extensions)
        extensionNames << extension.name;
    if (!execPrepared(query, sqlResource(QStringLiteral("preflight_extensions")), {textArray(extensionNames)}))
        return sqlError(query.lastError(), QStringLiteral("Preflight could not list the extensions"));
    while (query.next()) {
        const QString name = query.value(0).toString();
        QString schema = QStringLiteral("public");
        for (const PackExtension &extension : pack.extensions) {
            if (extension.name == name)
                schema = extension.schema;
        }
        if (query.value(2).toBool())
            continue; // installed already: nothing to do, nothing to ask
        if (!query.value(1).toBool()) {
            report.problems << QStringLiteral("The server has no extension \"%1\": install it (on Debian, the "
                                              "postgresql-contrib package).")
                                   .arg(name);
        } else if (report.superuser || (query.value(3).toBool() && mayCreateSchemas)) {
            report.extensionsToCreate << name;
        } else {
            report.problems << QStringLiteral("User %1 may not create extension \"%2\".").arg(report.user, name);
            report.superuserStatements << QStringLiteral("CREATE EXTENSION IF NOT EXISTS %1 WITH SCHEMA %2;")
                                              .arg(quoteIdentifier(name), quoteIdentifier(schema));
        }
    }

    if (!execPrepared(query, sqlResource(QStringLiteral("preflight_schemas")),
                      {textArray({pack.schema, schemahistory::kSchema})}))
        return sqlError(query.lastError(), QStringLiteral("Preflight could not look at the schemas"));
    while (query.next()) {
        const QString name = query.value(0).toString();
        const bool present = query.value(1).toBool();
        if (present && (report.superuser || query.value(2).toBool()))
            continue;
        if (!present && mayCreateSchemas) {
            report.schemasToCreate << name;
        } else if (!present) {
            report.problems << QStringLiteral("User %1 may not create schema %2.").arg(report.user, name);
            report.superuserStatements << QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1 AUTHORIZATION %2;")
                                              .arg(quoteIdentifier(name), quoteIdentifier(report.user));
        } else {
            report.problems << QStringLiteral("User %1 may not create tables in schema %2.").arg(report.user, name);
            report.superuserStatements << QStringLiteral("GRANT CREATE ON SCHEMA %1 TO %2;")
                                              .arg(quoteIdentifier(name), quoteIdentifier(report.user));
        }
    }
    return report;
}

} // namespace nrdb
