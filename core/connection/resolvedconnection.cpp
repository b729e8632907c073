#include "connection/resolvedconnection.h"

#include "connection/libpqenvironment.h"
#include "connection/sshtunnel.h"

namespace nrdb {

namespace {

// Opens the profile's SSH tunnel unless one is open already (a profile resolved before).
Status openTunnel(ConnectionProfile &profile)
{
    if (!profile.ssh.isSet() || profile.tunnel)
        return {};
    const Result<QString> target = sshForwardTarget(profile.host, profile.port);
    if (!target)
        return target.error();
    Result<std::shared_ptr<SshTunnel>> tunnel = SshTunnel::open(profile.ssh, target.value(), kSshConnectTimeoutSeconds);
    if (!tunnel)
        return tunnel.error();
    profile.tunnel = std::move(tunnel).value();
    return {};
}

} // namespace

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
    if (Status opened = openTunnel(connection.profile); !opened)
        return opened.error();
    return connection;
}

} // namespace nrdb
