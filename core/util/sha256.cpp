#include "util/sha256.h"

#include <QIODevice>

#include <openssl/evp.h>

namespace nrdb {

void Sha256::FreeContext::operator()(evp_md_ctx_st *context) const
{
    EVP_MD_CTX_free(context);
}

Sha256::Sha256() : m_context(EVP_MD_CTX_new())
{
    if (!m_context || EVP_DigestInit_ex(m_context.get(), EVP_sha256(), nullptr) != 1)
        qFatal("OpenSSL could not start a SHA-256 digest");
}

Sha256::~Sha256() = default;

void Sha256::addData(const QByteArray &data)
{
    EVP_DigestUpdate(m_context.get(), data.constData(), size_t(data.size()));
}

bool Sha256::addData(QIODevice &device)
{
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 read = device.read(buffer.data(), buffer.size());
        if (read < 0)
            return false;
        if (read == 0)
            return device.atEnd();
        EVP_DigestUpdate(m_context.get(), buffer.constData(), size_t(read));
    }
}

QByteArray Sha256::hexResult()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context.get(), digest, &length);
    return QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex();
}

} // namespace nrdb
