// A pg_dump custom-format archive, read in-process to prove it whole. Whatever the bytes, the
// reader ends with a verdict; what it calls whole has a block for every entry it placed, and
// loses that verdict when its last byte is gone.
#include "fuzzing.h"

#include "backup/dumparchive.h"

#include <QBuffer>

namespace {

nrdb::dumparchive::Proof prove(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return nrdb::dumparchive::proveCustom(buffer);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = nrdb::fuzz::bytes(data, size);
    const nrdb::dumparchive::Proof proof = prove(bytes);
    NRDB_FUZZ_CHECK(proof.whole() || !proof.reason.isEmpty(), QStringLiteral("a verdict without a reason"));
    if (proof.whole()) {
        NRDB_FUZZ_CHECK(proof.archive.dataBlocks <= proof.archive.entries.size(),
                        QStringLiteral("more blocks than entries"));
        NRDB_FUZZ_CHECK(!prove(bytes.left(bytes.size() - 1)).whole(), QStringLiteral("whole without its last byte"));
    }
    return 0;
}
