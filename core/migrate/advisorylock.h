#pragma once

#include "util/result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace nrdb {

// A PostgreSQL session advisory lock keyed by a purpose ("migrate netraven-v1"), so that two
// clients never change one database's schema at once. While waiting it says who holds the lock.
// Released on destruction (and by the server if the connection dies). Thread: the one that owns db.
class AdvisoryLock {
public:
    AdvisoryLock(QSqlDatabase db, QString purpose);
    ~AdvisoryLock();
    AdvisoryLock(const AdvisoryLock &) = delete;
    AdvisoryLock &operator=(const AdvisoryLock &) = delete;

    // Polls pg_try_advisory_lock until it is granted, timeoutMs passes (kind Busy, naming the
    // holder) or cancelled() says so.
    Status acquire(int timeoutMs, const std::function<void(const QString &)> &log = {},
                   const std::function<bool()> &cancelled = {});
    void release();
    bool isHeld() const { return m_held; }

    // The bigint key of a purpose: the first 8 bytes of its SHA-256.
    static qint64 keyFor(const QString &purpose);
    // "pid 4711, user dba, application 'netraven-dbadmin job 3', from local, connected 12 s ago"
    static QString describeHolder(const QSqlDatabase &db, qint64 key);

private:
    QSqlDatabase m_db;
    QString m_purpose;
    qint64 m_key;
    bool m_held = false;
};

} // namespace nrdb
