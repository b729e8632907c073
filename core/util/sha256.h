#pragma once

#include <QByteArray>

#include <memory>

class QIODevice;
struct evp_md_ctx_st;

namespace nrdb {

// SHA-256 over OpenSSL's libcrypto, which uses the processor's SHA instructions where it has
// them: several times QCryptographicHash's speed, which counts on archives of many megabytes.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(const QByteArray &data);
    // Everything the device has left to read; false on a read error.
    bool addData(QIODevice &device);
    QByteArray hexResult();

private:
    struct FreeContext {
        void operator()(evp_md_ctx_st *context) const;
    };
    std::unique_ptr<evp_md_ctx_st, FreeContext> m_context;
};

} // namespace nrdb
