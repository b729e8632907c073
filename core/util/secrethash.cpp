#include "util/secrethash.h"

#include <QDateTime>

#include <crypt.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <memory>

namespace nrdb::secrethash {

namespace {

constexpr int kFernetKeyBytes = 32;
constexpr int kBlockBytes = 16;
constexpr char kFernetVersion = '\x80';

Error cryptoError(const QString &what)
{
    return Error::process(what);
}

QByteArray bigEndian64(quint64 value)
{
    QByteArray bytes(8, '\0');
    for (int i = 7; i >= 0; --i, value >>= 8)
        bytes[i] = static_cast<char>(value & 0xff);
    return bytes;
}

struct FreeCipher {
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};

Result<QByteArray> aes128CbcEncrypt(const QByteArray &key, const QByteArray &iv, const QByteArray &plaintext)
{
    std::unique_ptr<EVP_CIPHER_CTX, FreeCipher> context(EVP_CIPHER_CTX_new());
    QByteArray out(plaintext.size() + kBlockBytes, '\0');
    int written = 0;
    int finalWritten = 0;
    const auto *keyBytes = reinterpret_cast<const unsigned char *>(key.constData());
    const auto *ivBytes = reinterpret_cast<const unsigned char *>(iv.constData());
    auto *outBytes = reinterpret_cast<unsigned char *>(out.data());
    if (!context || EVP_EncryptInit_ex(context.get(), EVP_aes_128_cbc(), nullptr, keyBytes, ivBytes) != 1 ||
        EVP_EncryptUpdate(context.get(), outBytes, &written,
                          reinterpret_cast<const unsigned char *>(plaintext.constData()),
                          static_cast<int>(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(context.get(), outBytes + written, &finalWritten) != 1)
        return cryptoError(QStringLiteral("AES encryption failed"));
    out.resize(written + finalWritten);
    return out;
}

} // namespace

Result<QString> bcrypt(const QString &password, int cost)
{
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!crypt_gensalt_rn("$2b$", static_cast<unsigned long>(cost), nullptr, 0, salt, sizeof salt))
        return cryptoError(QStringLiteral("libcrypt could not make a bcrypt salt"));
    crypt_data data{};
    const char *hash = crypt_r(password.toUtf8().constData(), salt, &data);
    if (!hash || hash[0] == '*')
        return cryptoError(QStringLiteral("libcrypt could not hash with bcrypt"));
    return QString::fromLatin1(hash);
}

bool bcryptMatches(const QString &password, const QString &hash)
{
    crypt_data data{};
    const QByteArray setting = hash.toLatin1();
    const char *computed = crypt_r(password.toUtf8().constData(), setting.constData(), &data);
    return computed && computed[0] != '*' && setting == computed;
}

QByteArray fernetKeyFrom(const QString &masterKey, const QString &salt, int iterations)
{
    const QByteArray secret = masterKey.toUtf8();
    const QByteArray saltBytes = salt.toUtf8();
    QByteArray derived(kFernetKeyBytes, '\0');
    if (PKCS5_PBKDF2_HMAC(secret.constData(), static_cast<int>(secret.size()),
                          reinterpret_cast<const unsigned char *>(saltBytes.constData()),
                          static_cast<int>(saltBytes.size()), iterations, EVP_sha256(), kFernetKeyBytes,
                          reinterpret_cast<unsigned char *>(derived.data())) != 1)
        return {};
    return derived.toBase64(QByteArray::Base64UrlEncoding);
}

Result<QString> fernetEncrypt(const QByteArray &key, const QString &plaintext)
{
    const QByteArray raw = QByteArray::fromBase64(key, QByteArray::Base64UrlEncoding);
    if (raw.size() != kFernetKeyBytes)
        return Error::usage(QStringLiteral("A Fernet key is 32 bytes in URL-safe base64"));
    const QByteArray signingKey = raw.left(kBlockBytes);
    const QByteArray encryptionKey = raw.mid(kBlockBytes);
    QByteArray iv(kBlockBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(iv.data()), kBlockBytes) != 1)
        return cryptoError(QStringLiteral("No random bytes for the Fernet IV"));
    const Result<QByteArray> ciphertext = aes128CbcEncrypt(encryptionKey, iv, plaintext.toUtf8());
    if (!ciphertext)
        return ciphertext.error();
    QByteArray token = QByteArray(1, kFernetVersion) +
                       bigEndian64(static_cast<quint64>(QDateTime::currentSecsSinceEpoch())) + iv + ciphertext.value();
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLength = 0;
    if (!HMAC(EVP_sha256(), signingKey.constData(), kBlockBytes,
              reinterpret_cast<const unsigned char *>(token.constData()), static_cast<size_t>(token.size()), mac,
              &macLength))
        return cryptoError(QStringLiteral("HMAC-SHA256 failed"));
    token.append(reinterpret_cast<const char *>(mac), static_cast<int>(macLength));
    return QString::fromLatin1(token.toBase64(QByteArray::Base64UrlEncoding));
}

} // namespace nrdb::secrethash
