#pragma once

#include "connection/connectionprofile.h"
#include "util/result.h"

#include <QProcessEnvironment>
#include <QTemporaryFile>

#include <memory>

namespace nrdb {

// How a PostgreSQL client tool reaches the server: PG* variables for the profile, and the password
// in a 0600 temporary passfile (PGPASSFILE) that lives as long as this object — never in argv;
// messages in English (LC_MESSAGES=C), since progress and errors are read from them.
class ClientEnvironment {
public:
    static Result<ClientEnvironment> create(const ConnectionProfile &profile, const QString &applicationName);

    const QProcessEnvironment &environment() const { return m_environment; }

private:
    QProcessEnvironment m_environment;
    std::shared_ptr<QTemporaryFile> m_passFile;
};

} // namespace nrdb
