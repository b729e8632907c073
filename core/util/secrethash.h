#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace nrdb {

// The secrets the application reads back: a bcrypt hash of a password ($2b$, as passlib and the
// bcrypt package write it) through libcrypt, and a Fernet token (the spec of the cryptography
// package: AES-128-CBC and HMAC-SHA256) through OpenSSL's libcrypto. Any thread.
namespace secrethash {

// "$2b$<cost>$...": 60 characters, with a salt from the system's random source.
Result<QString> bcrypt(const QString &password, int cost = 12);
// True if password is the one hash was made from (any $2a$/$2b$/$2y$ hash).
bool bcryptMatches(const QString &password, const QString &hash);

// A Fernet key made the way NetRaven makes it from its master key and salt: PBKDF2-HMAC-SHA256,
// 100,000 iterations, 32 bytes (the first half signs, the second encrypts), as URL-safe base64.
QByteArray fernetKeyFrom(const QString &masterKey, const QString &salt, int iterations = 100000);
// The Fernet token of plaintext under key (URL-safe base64 of 32 bytes), dated now.
Result<QString> fernetEncrypt(const QByteArray &key, const QString &plaintext);

} // namespace secrethash
} // namespace nrdb
