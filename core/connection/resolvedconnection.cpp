#include "connection/resolvedconnection.h"

#include "connection/libpqenvironment.h"

namespace nrdb {

Result<ResolvedConnection> resolveConnection(const ConnectionProfile &profile)
{
    Result<ConnectionProfile> resolved = resolveProfile(profile);
    if (!resolved)
        return resolved.error();
    ResolvedConnection connection;
    connection.profile = std::move(resolved).value();
    const PasswordChoice password = choosePassword(connection.profile, true);
    connection.profile.password = password.password;
    connection.passwordOrigin = password.origin;
    connection.warnings = password.warnings;
    return connection;
}

} // namespace nrdb
