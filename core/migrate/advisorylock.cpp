#include "migrate/advisorylock.h"

#include "connection/databasesession.h"
#include "util/sqlresource.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>
#include <QtEndian>

namespace nrdb {

namespace {
constexpr int kPollMs = 200;
constexpr int kReportEveryMs = 2000;
} // namespace

AdvisoryLock::AdvisoryLock(QSqlDatabase db, QString purpose)
    : m_db(std::move(db)), m_purpose(std::move(purpose)), m_key(keyFor(m_purpose))
{
}

AdvisoryLock::~AdvisoryLock()
{
    release();
}

qint64 AdvisoryLock::keyFor(const QString &purpose)
{
    const QByteArray digest = QCryptographicHash::hash(purpose.toUtf8(), QCryptographicHash::Sha256);
    return qFromBigEndian<qint64>(digest.constData());
}

QString AdvisoryLock::describeHolder(const QSqlDatabase &db, qint64 key)
{
    QSqlQuery query(db);
    const QVariantList halves{static_cast<qint64>(static_cast<quint64>(key) >> 32),
                              static_cast<qint64>(static_cast<quint64>(key) & 0xFFFFFFFFu)};
    if (!execPrepared(query, sqlResource(QStringLiteral("lock_holder")), halves) || !query.next())
        return QStringLiteral("another session");
    return QStringLiteral("pid %1, user %2, application '%3', from %4, connected %5 s ago")
        .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
             query.value(5).toString());
}

Status AdvisoryLock::acquire(int timeoutMs, const std::function<void(const QString &)> &log,
                             const std::function<bool()> &cancelled)
{
    QDeadlineTimer deadline(timeoutMs);
    QElapsedTimer sinceReport;
    QSqlQuery query(m_db);
    for (;;) {
        if (!execPrepared(query, sqlResource(QStringLiteral("advisory_lock_try")), {m_key}) || !query.next())
            return sqlError(query.lastError(), QStringLiteral("Could not take the lock for %1").arg(m_purpose));
        if (query.value(0).toBool()) {
            m_held = true;
            return {};
        }
        if (!sinceReport.isValid() || sinceReport.elapsed() >= kReportEveryMs) {
            if (log)
                log(QStringLiteral("Waiting for the lock to %1, held by %2")
                        .arg(m_purpose, describeHolder(m_db, m_key)));
            sinceReport.start();
        }
        if (cancelled && cancelled())
            return Error::cancelled(QStringLiteral("Cancelled"));
        if (deadline.hasExpired())
            return Error::busy(QStringLiteral("Gave up waiting for the lock to %1 after %2 s: it is held by %3")
                                   .arg(m_purpose)
                                   .arg(timeoutMs / 1000)
                                   .arg(describeHolder(m_db, m_key)));
        QThread::msleep(kPollMs);
    }
}

void AdvisoryLock::release()
{
    if (!m_held)
        return;
    m_held = false;
    if (!m_db.isOpen())
        return; // the connection is gone, and the lock with it
    QSqlQuery query(m_db);
    (void)execPrepared(query, sqlResource(QStringLiteral("advisory_unlock")), {m_key});
}

} // namespace nrdb
