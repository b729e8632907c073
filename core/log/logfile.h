#pragma once

#include "log/logrecord.h"

#include <QFile>
#include <QObject>
#include <QString>

namespace nrdb {

// The log on disk: one line per record, rotated at maxBytes into <name>.1 … <name>.<keep>.
// Owner thread only.
class LogFile : public QObject {
    Q_OBJECT
public:
    explicit LogFile(QString path, qint64 maxBytes = 5 * 1024 * 1024, int keep = 5, QObject *parent = nullptr);

    // <application data>/logs/<application name>.log
    static QString defaultPath();
    const QString &path() const { return m_path; }

public slots:
    void write(const nrdb::LogRecord &record);

private:
    bool ensureOpen();
    void rotate();

    QString m_path;
    qint64 m_maxBytes;
    int m_keep;
    QFile m_file;
};

} // namespace nrdb
