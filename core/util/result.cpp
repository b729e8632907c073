#include "util/result.h"

namespace nrdb {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Usage:
        return QStringLiteral("usage");
    case ErrorKind::NotFound:
        return QStringLiteral("not found");
    case ErrorKind::Io:
        return QStringLiteral("i/o");
    case ErrorKind::Process:
        return QStringLiteral("process");
    case ErrorKind::Connection:
        return QStringLiteral("connection");
    case ErrorKind::Authentication:
        return QStringLiteral("authentication");
    case ErrorKind::Sql:
        return QStringLiteral("sql");
    case ErrorKind::Busy:
        return QStringLiteral("busy");
    case ErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString Error::fullText() const
{
    if (detail.isEmpty())
        return message;
    return message + QLatin1Char('\n') + detail;
}

} // namespace nrdb
