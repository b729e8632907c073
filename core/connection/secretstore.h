#pragma once

#include "connection/connectionprofile.h"
#include "util/result.h"

#include <QString>

#include <optional>

namespace nrdb {

// Passwords in the system keychain (Secret Service or KWallet, through QtKeychain), keyed by
// user, host and port. Where no keychain is available nothing is stored: that is a result
// (Unavailable), not an error to show. Each call waits for D-Bus (up to a few seconds), so call
// it from a worker thread, never the GUI thread.
class SecretStore {
public:
    enum class Outcome { Done, NotFound, Unavailable, Failed };
    struct Answer {
        Outcome outcome = Outcome::Failed;
        QString password; // for read, when Done
        QString message;  // why, when not Done
    };

    static Answer read(const ConnectionProfile &profile);
    static Answer write(const ConnectionProfile &profile, const QString &password);
    static Answer remove(const ConnectionProfile &profile);

    // "postgresql://user@host:port", the key a password is stored under.
    static QString keyFor(const ConnectionProfile &profile);
};

} // namespace nrdb
