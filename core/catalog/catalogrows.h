#pragma once

#include "util/result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

struct pg_conn;
struct pg_result;

namespace nrdb {

// The rows of one catalog query, read straight from libpq as text, the way psql reads them:
// the whole result in one piece, no per-row or per-value objects. Used by CatalogReader on the
// session's own connection. Thread: the one that owns the connection.
class CatalogRows {
public:
    // Runs sql on db's libpq connection (QPSQL only).
    static Result<CatalogRows> run(const QSqlDatabase &db, const QString &sql, const QString &what);

    // The number of the column the query names so (its AS), to read each row by name. A name the
    // query does not have is a bug in the bundled SQL.
    int column(const char *name) const;

    bool next() { return ++m_row < m_rowCount; }
    int rowCount() const { return m_rowCount; }
    QString text(int column) const;
    qint64 number(int column) const;
    quint32 oid(int column) const { return static_cast<quint32>(number(column)); }
    bool flag(int column) const; // 't' / 'f'
    bool isNull(int column) const;
    char code(int column) const; // the first character, for "char" columns such as relkind

private:
    const char *raw(int column) const;

    std::shared_ptr<pg_result> m_result;
    int m_rowCount = 0;
    int m_row = -1;
};

} // namespace nrdb
