#pragma once

// What every libFuzzer target here shares. A target feeds bytes from outside (a file a user hands
// us, a line a tool prints) to one parser, and checks what must hold for any input; a failed
// check aborts, which libFuzzer reports with the input that caused it.

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#define NRDB_FUZZ_CHECK(condition, what)                                                                               \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "check failed: %s (%s)\n", #condition, qPrintable(QString(what)));                    \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

namespace nrdb::fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

inline QString text(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

} // namespace nrdb::fuzz
