#pragma once

#include "connection/connectionprofile.h"
#include "connection/passwordchoice.h"
#include "util/result.h"

namespace nrdb {

// A profile made explicit the libpq way, with the password chosen: ready to connect with.
struct ResolvedConnection {
    ConnectionProfile profile;
    PasswordOrigin passwordOrigin = PasswordOrigin::None;
    QStringList warnings;
};

// How long the SSH client may take to reach its host and log in.
constexpr int kSshConnectTimeoutSeconds = 15;

// resolveProfile(), choosePassword(), then the SSH tunnel when the profile goes through an SSH
// host (the resolved profile holds it open). Blocks on the keychain and on ssh: worker threads
// only.
Result<ResolvedConnection> resolveConnection(const ConnectionProfile &profile);

} // namespace nrdb
