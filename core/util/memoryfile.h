#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace nrdb {

// A file that lives only in memory (memfd), for secrets a child process reads by path: its
// content never touches a disk, and it is gone with the last descriptor, even when this process
// is killed. Its path is /proc/self/fd/N, which a child resolves to its own descriptor N:
// ChildCommand hands N to the child that names it (PGPASSFILE) and to no other. Any thread.
class MemoryFile {
public:
    // mode 0600, as libpq wants a password file.
    static Result<std::shared_ptr<MemoryFile>> create(const QString &name, const QByteArray &content);
    ~MemoryFile();
    MemoryFile(const MemoryFile &) = delete;
    MemoryFile &operator=(const MemoryFile &) = delete;

    int descriptor() const { return m_fd; }
    QString path() const;
    // The descriptor a /proc/self/fd/N path names; -1 for any other path.
    static int descriptorOf(const QString &path);

private:
    explicit MemoryFile(int fd) : m_fd(fd) {}
    int m_fd;
};

} // namespace nrdb
