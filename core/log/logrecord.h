#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace nrdb {

enum class LogLevel { Debug, Info, Warning, Error };

QString logLevelName(LogLevel level);

// One line of the log. Its text is redacted on construction, so no LogRecord ever holds a
// password. A plain value type; any thread.
class LogRecord {
public:
    LogRecord() = default;
    LogRecord(LogLevel level, const QString &text, quint64 jobId = 0, const QString &jobTitle = {},
              QDateTime time = QDateTime::currentDateTimeUtc());

    const QDateTime &time() const { return m_time; }
    LogLevel level() const { return m_level; }
    quint64 jobId() const { return m_jobId; }
    const QString &jobTitle() const { return m_jobTitle; }
    const QString &text() const { return m_text; }

    // "2026-11-21T14:00:00.123Z  INFO   [Verify #3] text", the form of the log file and of "Save log…".
    QString toLine() const;

private:
    QDateTime m_time;
    LogLevel m_level = LogLevel::Info;
    quint64 m_jobId = 0;
    QString m_jobTitle;
    QString m_text;
};

} // namespace nrdb

Q_DECLARE_METATYPE(nrdb::LogRecord)
