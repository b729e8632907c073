#include "log/logrecord.h"

#include "log/secretredactor.h"

namespace nrdb {

QString logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return QStringLiteral("debug");
    case LogLevel::Info:
        return QStringLiteral("info");
    case LogLevel::Warning:
        return QStringLiteral("warning");
    case LogLevel::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

LogRecord::LogRecord(LogLevel level, const QString &text, quint64 jobId, const QString &jobTitle, QDateTime time)
    : m_time(std::move(time)), m_level(level), m_jobId(jobId), m_jobTitle(redactSecrets(jobTitle)),
      m_text(redactSecrets(text))
{
}

QString LogRecord::toLine() const
{
    QString line = m_time.toUTC().toString(Qt::ISODateWithMs) + QStringLiteral("  ") +
                   logLevelName(m_level).toUpper().leftJustified(8);
    if (m_jobId != 0)
        line += QStringLiteral("[%1 #%2] ").arg(m_jobTitle).arg(m_jobId);
    return line + m_text;
}

} // namespace nrdb
