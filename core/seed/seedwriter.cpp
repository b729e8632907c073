#include "seed/seedwriter.h"

#include "connection/databasesession.h"
#include "log/secretredactor.h"
#include "util/secrethash.h"
#include "util/sqlidentifier.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QVariant>

namespace nrdb {

namespace {

QString generateSecret(int length)
{
    static const QString alphabet = QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_");
    QString secret;
    for (int i = 0; i < length; ++i)
        secret += alphabet.at(QRandomGenerator::system()->bounded(alphabet.size()));
    return secret;
}

QVariant bindable(const SeedValue &value)
{
    return value.isNull ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value.text);
}

// Writes one seed table's rows; counts what it did.
class TableSeeder {
public:
    TableSeeder(const QSqlDatabase &db, QString schema, const SeedTable &table, SeedSecrets &secrets)
        : m_db(db), m_schema(std::move(schema)), m_table(table), m_qualified(qualified(m_table.table)),
          m_secrets(secrets)
    {
    }

    Status seed(bool reset, SeedTableResult &result)
    {
        for (const SeedRow &row : m_table.rows) {
            if (!m_table.forEach.isEmpty()) {
                if (Status written = seedForEach(row, result); !written)
                    return written;
                continue;
            }
            Result<bool> exists = rowExists(row);
            if (!exists)
                return exists.error();
            if (!exists.value()) {
                if (Status inserted = insert(row); !inserted)
                    return inserted;
                ++result.inserted;
            } else if (reset && !m_table.resettable.isEmpty()) {
                Result<bool> changed = resetRow(row);
                if (!changed)
                    return changed.error();
                changed.value() ? ++result.updated : ++result.present;
            } else {
                ++result.present;
            }
        }
        return {};
    }

    // Of the table's rows, how many are there already (for a table that cannot be written now).
    Result<int> countPresent()
    {
        int present = 0;
        for (const SeedRow &row : m_table.rows) {
            const Result<bool> exists = m_table.forEach.isEmpty() ? rowExists(row) : Result<bool>(false);
            if (!exists)
                return exists.error();
            present += exists.value() ? 1 : 0;
        }
        return present;
    }

private:
    QString qualified(const QString &table) const
    {
        return quoteIdentifier(m_schema) + QLatin1Char('.') + quoteIdentifier(table);
    }

    // The SQL for one value, binding what needs binding (in the order the placeholders come).
    Result<QString> expression(const SeedValue &value, QVariantList &binds)
    {
        switch (value.kind) {
        case SeedValue::Kind::Sql:
            return value.text;
        case SeedValue::Kind::Bcrypt: {
            const Result<QString> secret = m_secrets.value(value.text);
            if (!secret)
                return secret.error();
            const Result<QString> hash = secrethash::bcrypt(secret.value());
            if (!hash)
                return hash.error();
            binds << hash.value();
            return QStringLiteral("?");
        }
        case SeedValue::Kind::Fernet: {
            const Result<QString> plaintext = m_secrets.value(value.text);
            const Result<QString> key = m_secrets.value(value.keySecret);
            const Result<QString> salt = m_secrets.value(value.saltSecret);
            for (const Result<QString> *part : {&plaintext, &key, &salt}) {
                if (!*part)
                    return part->error();
            }
            const Result<QString> token =
                secrethash::fernetEncrypt(secrethash::fernetKeyFrom(key.value(), salt.value()), plaintext.value());
            if (!token)
                return token.error();
            binds << token.value();
            return QStringLiteral("?");
        }
        case SeedValue::Kind::Lookup: {
            QStringList conditions;
            for (const auto &[column, literal] : value.lookup.key) {
                conditions << quoteIdentifier(column) + QStringLiteral(" = ?");
                binds << literal;
            }
            const QString column = quoteIdentifier(value.lookup.column);
            return QStringLiteral("(SELECT %1 FROM %2 WHERE %3 ORDER BY %1 LIMIT 1)")
                .arg(column, qualified(value.lookup.table), conditions.join(QStringLiteral(" AND ")));
        }
        default:
            binds << bindable(value);
            return QStringLiteral("?");
        }
    }

    // "key1 = ? AND key2 = (SELECT ...)", the row's key columns but skip.
    Result<QString> whereKey(const SeedRow &row, QVariantList &binds, const QString &skip = {})
    {
        QStringList conditions;
        for (const QString &key : m_table.key) {
            if (key == skip)
                continue;
            const Result<QString> sql = expression(*row.value(key), binds);
            if (!sql)
                return sql.error();
            conditions << quoteIdentifier(key) + QStringLiteral(" = ") + sql.value();
        }
        return conditions.join(QStringLiteral(" AND "));
    }

    Result<bool> rowExists(const SeedRow &row)
    {
        QVariantList binds;
        const Result<QString> where = whereKey(row, binds);
        if (!where)
            return where.error();
        QSqlQuery query(m_db);
        if (!execPrepared(query, QStringLiteral("SELECT 1 FROM %1 WHERE %2").arg(m_qualified, where.value()), binds))
            return sqlError(query.lastError(),
                            QStringLiteral("Could not look for a seed row in %1").arg(m_table.table));
        return query.next();
    }

    // The row's columns and the SQL of their values, appended to columns and values.
    Status columnsAndValues(const SeedRow &row, QStringList &columns, QStringList &values, QVariantList &binds)
    {
        for (const auto &[column, value] : row.columns) {
            const Result<QString> sql = expression(value, binds);
            if (!sql)
                return sql.error();
            columns << quoteIdentifier(column);
            values << sql.value();
        }
        return {};
    }

    Status insert(const SeedRow &row)
    {
        QStringList columns;
        QStringList values;
        QVariantList binds;
        if (Status listed = columnsAndValues(row, columns, values, binds); !listed)
            return listed;
        return exec(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                        .arg(m_qualified, columns.join(QStringLiteral(", ")), values.join(QStringLiteral(", "))),
                    binds, QStringLiteral("Could not insert a seed row into %1"));
    }

    // The row once for every row of the forEach table that lacks it.
    Status seedForEach(const SeedRow &row, SeedTableResult &result)
    {
        const SeedForEach &each = m_table.forEach;
        QStringList columns{quoteIdentifier(each.as)};
        QStringList values{QStringLiteral("source.") + quoteIdentifier(each.column)};
        QVariantList binds;
        if (Status listed = columnsAndValues(row, columns, values, binds); !listed)
            return listed;
        const Result<QString> where = whereKey(row, binds, each.as);
        if (!where)
            return where.error();
        const QString lacking = QStringLiteral("NOT EXISTS (SELECT 1 FROM %1 WHERE %2 = source.%3%4)")
                                    .arg(m_qualified, quoteIdentifier(each.as), quoteIdentifier(each.column),
                                         where.value().isEmpty() ? QString() : QStringLiteral(" AND ") + where.value());
        QSqlQuery query(m_db);
        const QString sql =
            QStringLiteral("WITH inserted AS (INSERT INTO %1 (%2) SELECT %3 FROM %4 source WHERE %5 RETURNING 1) "
                           "SELECT (SELECT count(*) FROM inserted), (SELECT count(*) FROM %4)")
                .arg(m_qualified, columns.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")),
                     qualified(each.table), lacking);
        if (!execPrepared(query, sql, binds) || !query.next())
            return sqlError(query.lastError(),
                            QStringLiteral("Could not seed %1 for every row of %2").arg(m_table.table, each.table));
        result.inserted += query.value(0).toInt();
        result.present += query.value(1).toInt() - query.value(0).toInt();
        return {};
    }

    // Puts the pack's values back into the resettable columns; true if anything differed.
    Result<bool> resetRow(const SeedRow &row)
    {
        QStringList assignments;
        QStringList current;
        QStringList wanted;
        QVariantList setBinds;
        QVariantList compareBinds;
        for (const QString &column : m_table.resettable) {
            const SeedValue *value = row.value(column);
            if (!value)
                continue;
            assignments << quoteIdentifier(column) + QStringLiteral(" = ?");
            setBinds << bindable(*value);
            current << quoteIdentifier(column) + QStringLiteral("::text");
            wanted << QStringLiteral("?::text");
            compareBinds << bindable(*value);
        }
        for (const QString &column : m_table.touchOnReset) {
            const SeedValue *value = row.value(column);
            if (value && value->kind == SeedValue::Kind::Sql)
                assignments << quoteIdentifier(column) + QStringLiteral(" = ") + value->text;
        }
        QVariantList keyBinds;
        const Result<QString> where = whereKey(row, keyBinds);
        if (!where)
            return where.error();
        QSqlQuery query(m_db);
        const QString sql = QStringLiteral("UPDATE %1 SET %2 WHERE %3 AND ROW(%4) IS DISTINCT FROM ROW(%5)")
                                .arg(m_qualified, assignments.join(QStringLiteral(", ")), where.value(),
                                     current.join(QStringLiteral(", ")), wanted.join(QStringLiteral(", ")));
        if (!execPrepared(query, sql, setBinds + keyBinds + compareBinds))
            return sqlError(query.lastError(), QStringLiteral("Could not reset a seed row of %1").arg(m_table.table));
        return query.numRowsAffected() > 0;
    }

    Status exec(const QString &sql, const QVariantList &binds, const QString &failure)
    {
        QSqlQuery query(m_db);
        if (!execPrepared(query, sql, binds))
            return sqlError(query.lastError(), failure.arg(m_table.table));
        return {};
    }

    QSqlDatabase m_db;
    QString m_schema;
    const SeedTable &m_table;
    QString m_qualified;
    SeedSecrets &m_secrets;
};

// The first secret a table needs that nobody gave; empty when it has all it needs.
QString missingNeed(const SeedTable &table, const SeedSecrets &secrets)
{
    for (const QString &need : table.needs) {
        if (!secrets.available(need))
            return need;
    }
    return {};
}

} // namespace

SeedSecrets::SeedSecrets(const SeedPlan &plan, QMap<QString, QString> given, std::function<void(const QString &)> log)
    : m_plan(plan), m_given(std::move(given)), m_log(std::move(log))
{
    for (const QString &secret : std::as_const(m_given))
        registerSecret(secret); // whatever echoes one will show *****
}

bool SeedSecrets::available(const QString &name) const
{
    const SeedSecret *declared = m_plan.secret(name);
    return m_given.contains(name) || m_generated.contains(name) ||
           (declared &&
            (declared->generate || !declared->defaultValue.isEmpty() ||
             (!declared->environment.isEmpty() && qEnvironmentVariableIsSet(qPrintable(declared->environment)))));
}

Result<QString> SeedSecrets::value(const QString &name)
{
    if (m_given.contains(name))
        return m_given.value(name);
    if (m_generated.contains(name))
        return m_generated.value(name);
    const SeedSecret *declared = m_plan.secret(name);
    if (!declared)
        return Error::usage(QStringLiteral("The seed uses secret %1, which the pack does not declare").arg(name));
    if (!declared->environment.isEmpty() && qEnvironmentVariableIsSet(qPrintable(declared->environment))) {
        const QString fromEnvironment = qEnvironmentVariable(qPrintable(declared->environment));
        registerSecret(fromEnvironment);
        m_given.insert(name, fromEnvironment);
        return fromEnvironment;
    }
    if (declared->generate) {
        const QString generated = generateSecret(declared->generateLength);
        registerSecret(generated); // whatever echoes it will show *****
        m_generated.insert(name, generated);
        m_log(QStringLiteral("Generated %1 (%2); it is shown once, in the result, and not logged")
                  .arg(name, declared->description));
        return generated;
    }
    if (!declared->defaultValue.isEmpty())
        return declared->defaultValue;
    return Error::usage(QStringLiteral("The seed needs %1 (%2)").arg(name, declared->description));
}

Result<SeedTableResult> seedTable(const QSqlDatabase &db, const QString &schema, const SeedTable &table,
                                  SeedSecrets &secrets, bool reset)
{
    SeedTableResult result;
    result.table = table.table;
    TableSeeder seeder(db, schema, table, secrets);
    const QString need = missingNeed(table, secrets);
    if (need.isEmpty()) {
        if (Status seeded = seeder.seed(reset, result); !seeded)
            return seeded.error();
        return result;
    }
    const Result<int> present = seeder.countPresent();
    if (!present)
        return present.error();
    result.present = present.value();
    if (result.present < table.rows.size())
        result.skipped =
            table.skipNote.isEmpty() ? QStringLiteral("skipped: no %1 was given").arg(need) : table.skipNote;
    return result;
}

} // namespace nrdb
