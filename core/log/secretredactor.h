#pragma once

#include <QString>

namespace nrdb {

// Removes passwords from text before it reaches a log: the password part of postgresql://
// URIs, password=/PGPASSWORD= keywords, JSON "password" members, and any secret registered
// with registerSecret() (the passwords this process connected with). Any thread.
QString redactSecrets(const QString &text);

// Remembers a secret so that redactSecrets() removes it wherever it appears. Any thread.
void registerSecret(const QString &secret);

inline const QString kRedacted = QStringLiteral("*****");

} // namespace nrdb
