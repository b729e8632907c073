#include "jobs/seedjob.h"

#include "connection/databasesession.h"
#include "jobs/jobcontext.h"
#include "log/secretredactor.h"
#include "jobs/packlock.h"
#include "seed/seedplan.h"
#include "util/sqlidentifier.h"

#include <QDir>
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
    TableSeeder(const QSqlDatabase &db, QString qualifiedTable, QString cryptSchema,
                std::function<Result<QString>(const QString &)> secret)
        : m_db(db), m_table(std::move(qualifiedTable)), m_cryptSchema(std::move(cryptSchema)), m_secret(std::move(secret))
    {
    }

    Status seed(const SeedTable &table, bool reset, SeedTableResult &result)
    {
        for (const SeedRow &row : table.rows) {
            Result<bool> exists = rowExists(table, row);
            if (!exists)
                return exists.error();
            if (!exists.value()) {
                if (Status inserted = insert(row); !inserted)
                    return inserted;
                ++result.inserted;
            } else if (reset && !table.resettable.isEmpty()) {
                Result<bool> changed = resetRow(table, row);
                if (!changed)
                    return changed.error();
                changed.value() ? ++result.updated : ++result.present;
            } else {
                ++result.present;
            }
        }
        return {};
    }

private:
    QString whereKey(const SeedTable &table) const
    {
        QStringList conditions;
        for (const QString &key : table.key)
            conditions << quoteIdentifier(key) + QStringLiteral(" = ?");
        return conditions.join(QStringLiteral(" AND "));
    }

    Result<bool> rowExists(const SeedTable &table, const SeedRow &row)
    {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE %2").arg(m_table, whereKey(table)));
        for (const QString &key : table.key)
            query.addBindValue(bindable(*row.value(key)));
        if (!query.exec())
            return sqlError(query.lastError(), QStringLiteral("Could not look for a seed row in %1").arg(m_table));
        return query.next();
    }

    // The SQL for one value, binding what needs binding.
    Result<QString> expression(const SeedValue &value, QVariantList &binds)
    {
        switch (value.kind) {
        case SeedValue::Kind::Sql: return value.text;
        case SeedValue::Kind::Bcrypt: {
            const Result<QString> secret = m_secret(value.text);
            if (!secret)
                return secret.error();
            binds << secret.value();
            // pgcrypto writes the $2a$ prefix; the hash is the same, NetRaven's passlib writes $2b$.
            return QStringLiteral("overlay(%1.crypt(?, %1.gen_salt('bf', 12)) placing '2b' from 2 for 2)")
                .arg(quoteIdentifier(m_cryptSchema));
        }
        default: binds << bindable(value); return QStringLiteral("?");
        }
    }

    Status insert(const SeedRow &row)
    {
        QStringList columns;
        QStringList values;
        QVariantList binds;
        for (const auto &[column, value] : row.columns) {
            const Result<QString> sql = expression(value, binds);
            if (!sql)
                return sql.error();
            columns << quoteIdentifier(column);
            values << sql.value();
        }
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                          .arg(m_table, columns.join(QStringLiteral(", ")), values.join(QStringLiteral(", "))));
        for (const QVariant &bind : std::as_const(binds))
            query.addBindValue(bind);
        if (!query.exec())
            return sqlError(query.lastError(), QStringLiteral("Could not insert a seed row into %1").arg(m_table));
        return {};
    }

    // Puts the pack's values back into the resettable columns; true if anything differed.
    Result<bool> resetRow(const SeedTable &table, const SeedRow &row)
    {
        QStringList assignments;
        QStringList current;
        QStringList wanted;
        QVariantList setBinds;
        QVariantList compareBinds;
        for (const QString &column : table.resettable) {
            const SeedValue *value = row.value(column);
            if (!value)
                continue;
            assignments << quoteIdentifier(column) + QStringLiteral(" = ?");
            setBinds << bindable(*value);
            current << quoteIdentifier(column) + QStringLiteral("::text");
            wanted << QStringLiteral("?::text");
            compareBinds << bindable(*value);
        }
        for (const QString &column : table.touchOnReset) {
            const SeedValue *value = row.value(column);
            if (value && value->kind == SeedValue::Kind::Sql)
                assignments << quoteIdentifier(column) + QStringLiteral(" = ") + value->text;
        }
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE %3 AND ROW(%4) IS DISTINCT FROM ROW(%5)")
                          .arg(m_table, assignments.join(QStringLiteral(", ")), whereKey(table),
                               current.join(QStringLiteral(", ")), wanted.join(QStringLiteral(", "))));
        for (const QVariant &bind : std::as_const(setBinds))
            query.addBindValue(bind);
        for (const QString &key : table.key)
            query.addBindValue(bindable(*row.value(key)));
        for (const QVariant &bind : std::as_const(compareBinds))
            query.addBindValue(bind);
        if (!query.exec())
            return sqlError(query.lastError(), QStringLiteral("Could not reset a seed row of %1").arg(m_table));
        return query.numRowsAffected() > 0;
    }

    QSqlDatabase m_db;
    QString m_table;
    QString m_cryptSchema;
    std::function<Result<QString>(const QString &)> m_secret;
};

} // namespace

bool SeedReport::changedNothing() const
{
    return std::all_of(tables.cbegin(), tables.cend(),
                       [](const SeedTableResult &table) { return table.inserted == 0 && table.updated == 0; });
}

SeedJob::SeedJob(ConnectionProfile target, ModelPack pack, QMap<QString, QString> secrets, bool resetToDefaults)
    : m_target(std::move(target)), m_pack(std::move(pack)), m_secrets(std::move(secrets)),
      m_resetToDefaults(resetToDefaults)
{
}

Result<SeedReport> SeedJob::execute(JobContext &context)
{
    const Result<SeedPlan> plan = SeedPlan::load(QDir(m_pack.directory).filePath(QStringLiteral("seed.json")));
    if (!plan)
        return plan.error();
    const Result<QSqlDatabase> connected = context.database();
    if (!connected)
        return connected.error();
    QSqlDatabase db = connected.value();
    const Result<std::unique_ptr<AdvisoryLock>> lock = lockPack(context, db, m_pack, 60000);
    if (!lock)
        return lock.error();

    QString cryptSchema = QStringLiteral("public");
    for (const PackExtension &extension : m_pack.extensions) {
        if (extension.name == QLatin1String("pgcrypto"))
            cryptSchema = extension.schema;
    }
    SeedReport report;
    const auto secret = [this, &plan, &report, &context](const QString &name) -> Result<QString> {
        if (m_secrets.contains(name))
            return m_secrets.value(name);
        if (report.generatedSecrets.contains(name))
            return report.generatedSecrets.value(name);
        for (const SeedSecret &declared : plan.value().secrets) {
            if (declared.name != name)
                continue;
            const QString generated = generateSecret(declared.generateLength);
            registerSecret(generated); // whatever echoes it will show *****
            report.generatedSecrets.insert(name, generated);
            context.info(QStringLiteral("Generated %1 (%2); it is shown once, in the result, and not logged")
                             .arg(name, declared.description));
            return generated;
        }
        return Error{ErrorKind::Usage, QStringLiteral("The seed uses secret %1, which the pack does not declare").arg(name), {}, {}};
    };

    context.setPhase(QStringLiteral("Seeding"), plan.value().tables.size());
    if (!db.transaction())
        return sqlError(db.lastError(), QStringLiteral("Could not begin seeding"));
    for (int i = 0; i < plan.value().tables.size(); ++i) {
        const SeedTable &table = plan.value().tables.at(i);
        SeedTableResult result;
        result.table = table.table;
        TableSeeder seeder(db, quoteIdentifier(m_pack.schema) + QLatin1Char('.') + quoteIdentifier(table.table),
                           cryptSchema, secret);
        if (Status seeded = seeder.seed(table, m_resetToDefaults, result); !seeded) {
            db.rollback();
            return seeded.error();
        }
        report.tables << result;
        context.info(QStringLiteral("%1: %2 inserted, %3 already present, %4 reset")
                         .arg(table.table)
                         .arg(result.inserted)
                         .arg(result.present)
                         .arg(result.updated));
        context.setProgress(i + 1, plan.value().tables.size());
    }
    if (!db.commit())
        return sqlError(db.lastError(), QStringLiteral("Could not commit the seed"));
    return report;
}

} // namespace nrdb
