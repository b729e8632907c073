#include "log/secretredactor.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSet>

namespace nrdb {

namespace {

// Shorter strings would redact ordinary words.
constexpr int kMinimumSecretLength = 4;

QMutex &secretsMutex()
{
    static QMutex mutex;
    return mutex;
}

QSet<QString> &secrets()
{
    static QSet<QString> set;
    return set;
}

} // namespace

void registerSecret(const QString &secret)
{
    if (secret.size() < kMinimumSecretLength)
        return;
    const QMutexLocker lock(&secretsMutex());
    secrets().insert(secret);
}

QString redactSecrets(const QString &text)
{
    // postgresql://user:secret@host  ->  postgresql://user:*****@host
    static const QRegularExpression uriPassword(QStringLiteral(R"(((?:postgres|postgresql)://[^:/@\s]*):([^@\s]*)@)"),
                                                QRegularExpression::CaseInsensitiveOption);
    // password=secret, password = 'with spaces', PGPASSWORD=secret, sslpassword=...
    static const QRegularExpression keywordPassword(
        QStringLiteral(R"(\b((?:pg|ssl)?password)(\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s;&]+))"),
        QRegularExpression::CaseInsensitiveOption);
    // "password": "secret"
    static const QRegularExpression jsonPassword(
        QStringLiteral(R"re(("[A-Za-z_]*password"\s*:\s*)"(?:[^"\\]|\\.)*")re"),
        QRegularExpression::CaseInsensitiveOption);
    QString redacted = text;
    redacted.replace(uriPassword, QStringLiteral("\\1:") + kRedacted + QStringLiteral("@"));
    redacted.replace(keywordPassword, QStringLiteral("\\1\\2") + kRedacted);
    redacted.replace(jsonPassword, QStringLiteral("\\1\"") + kRedacted + QStringLiteral("\""));
    const QMutexLocker lock(&secretsMutex());
    for (const QString &secret : secrets())
        redacted.replace(secret, kRedacted);
    return redacted;
}

} // namespace nrdb
