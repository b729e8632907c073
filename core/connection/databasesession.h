#pragma once

#include "connection/connectionprofile.h"
#include "util/result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace nrdb {

// How long a connection attempt waits for the server before it gives up (libpq's connect_timeout).
constexpr int kDefaultConnectTimeoutSeconds = 10;

// One QPSQL connection under a unique name, removed when the session is destroyed.
// Thread: create, use and destroy it on one thread; a QSqlDatabase never crosses threads.
class DatabaseSession {
public:
    DatabaseSession();
    ~DatabaseSession();
    DatabaseSession(const DatabaseSession &) = delete;
    DatabaseSession &operator=(const DatabaseSession &) = delete;

    // A failure says why in plain words, with the server's text as the detail (connectFailureError).
    Status open(const ConnectionProfile &profile, int connectTimeoutSeconds = kDefaultConnectTimeoutSeconds);
    QSqlDatabase database() const;
    const QString &connectionName() const { return m_connectionName; }

private:
    QString m_connectionName;
};

// An Error from a failed QSqlQuery or connection, carrying the SQLSTATE.
Error sqlError(const QSqlError &error, const QString &context);
// The same from the server's own text: "context: text", or for a session the server ended or
// lost, a plain sentence (kind Connection) with the server's text as the detail.
Error serverError(ErrorKind kind, const QString &context, const QString &serverText, const QString &sqlState);

// Prepares sql, binds values in order and runs it. On failure query.lastError() is the error of
// the step that failed: a PREPARE the server refused (a full disk, an aborted transaction) is not
// hidden behind the "syntax error at or near (" of the bare EXECUTE the driver sends after it.
bool execPrepared(QSqlQuery &query, const QString &sql, const QVariantList &values = {});

} // namespace nrdb
