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

// resolveProfile() then choosePassword(). Blocks on the keychain: worker threads only.
Result<ResolvedConnection> resolveConnection(const ConnectionProfile &profile);

} // namespace nrdb
