#pragma once

#include "connection/connectionprofile.h"

#include <QProcessEnvironment>
#include <QStringList>

namespace nrdb {

enum class PasswordOrigin { Given, Keychain, Environment, Pgpass, None };

QString passwordOriginName(PasswordOrigin origin);

struct PasswordChoice {
    QString password;
    PasswordOrigin origin = PasswordOrigin::None;
    QStringList warnings; // e.g. a pgpass file ignored for its permissions
};

// The password to connect with, first found of: the one the profile carries (typed by the user),
// the system keychain (when useKeychain), PGPASSWORD, the pgpass file. None is an answer too:
// the server may not want one, or the user is asked. Blocks on the keychain: worker threads only.
PasswordChoice choosePassword(const ConnectionProfile &resolvedProfile, bool useKeychain,
                              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

} // namespace nrdb
