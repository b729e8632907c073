#include "connection/passwordchoice.h"

#include "connection/pgpassfile.h"
#include "connection/secretstore.h"

namespace nrdb {

QString passwordOriginName(PasswordOrigin origin)
{
    switch (origin) {
    case PasswordOrigin::Given:
        return QStringLiteral("given");
    case PasswordOrigin::Keychain:
        return QStringLiteral("system keychain");
    case PasswordOrigin::Environment:
        return QStringLiteral("PGPASSWORD");
    case PasswordOrigin::Pgpass:
        return QStringLiteral("password file");
    case PasswordOrigin::None:
        return QStringLiteral("none");
    }
    return {};
}

PasswordChoice choosePassword(const ConnectionProfile &resolvedProfile, bool useKeychain,
                              const QProcessEnvironment &environment)
{
    PasswordChoice choice;
    if (!resolvedProfile.password.isEmpty()) {
        choice.password = resolvedProfile.password;
        choice.origin = PasswordOrigin::Given;
        return choice;
    }
    if (useKeychain) {
        const SecretStore::Answer stored = SecretStore::read(resolvedProfile);
        if (stored.outcome == SecretStore::Outcome::Done) {
            choice.password = stored.password;
            choice.origin = PasswordOrigin::Keychain;
            return choice;
        }
        if (stored.outcome == SecretStore::Outcome::Failed)
            choice.warnings << stored.message;
    }
    if (environment.contains(QStringLiteral("PGPASSWORD"))) {
        choice.password = environment.value(QStringLiteral("PGPASSWORD"));
        choice.origin = PasswordOrigin::Environment;
        return choice;
    }
    const PgpassLookup lookup = lookupPgpass(resolvedProfile);
    if (!lookup.warning.isEmpty())
        choice.warnings << lookup.warning;
    if (lookup.password) {
        choice.password = *lookup.password;
        choice.origin = PasswordOrigin::Pgpass;
    }
    return choice;
}

} // namespace nrdb
