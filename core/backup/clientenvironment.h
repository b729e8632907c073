#pragma once

#include "connection/connectionprofile.h"
#include "util/memoryfile.h"
#include "util/result.h"

#include <QProcessEnvironment>

#include <memory>

namespace nrdb {

// How a PostgreSQL client tool reaches the server: PG* variables for the profile, and the password
// in a passfile (PGPASSFILE) that lives only in memory, as long as this object — never in argv,
// never on a disk, not even when this process is killed; messages in English (LC_MESSAGES=C),
// since progress and errors are read from them.
class ClientEnvironment {
public:
    static Result<ClientEnvironment> create(const ConnectionProfile &profile, const QString &applicationName);

    const QProcessEnvironment &environment() const { return m_environment; }

private:
    QProcessEnvironment m_environment;
    std::shared_ptr<MemoryFile> m_passFile;
};

} // namespace nrdb
