#pragma once

#include "connection/connectionprofile.h"

#include <QString>

#include <optional>

namespace nrdb {

// What a password file said for one connection.
struct PgpassLookup {
    QString file;                    // the file consulted
    std::optional<QString> password; // set when a line matched
    QString warning;                 // e.g. the file was ignored for its permissions
};

// Looks up a password as libpq does: in the profile's passfile option (PGPASSFILE), else
// ~/.pgpass; lines host:port:database:username:password, '*' matches anything, '\' escapes ':'
// and '\'; a socket connection matches "localhost"; the first matching line wins; a file that
// group or others may read is ignored, with a warning. Uses the profile's first host and port.
// Any thread.
PgpassLookup lookupPgpass(const ConnectionProfile &resolvedProfile);

struct PgpassKey {
    QString host; // "localhost" for a socket
    QString port;
    QString database;
    QString user;
};

// The password of the first line of a password file's content that matches key, by the rules
// above. Any thread.
std::optional<QString> pgpassPassword(const QByteArray &content, const PgpassKey &key);

} // namespace nrdb
