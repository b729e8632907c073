// A schema dump turned into an init script: what is removed is counted, and no removal leaves
// pg_dump's meta-commands or owner statements behind.
#include "fuzzing.h"

#include "backup/initscript.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString dump = nrdb::fuzz::text(data, size);
    const nrdb::InitScript script = nrdb::toInitScript(dump);
    NRDB_FUZZ_CHECK(script.restrictLinesRemoved >= 0 && script.ownerStatementsRemoved >= 0 &&
                        script.schemasMadeIdempotent >= 0,
                    QStringLiteral("a negative count"));
    NRDB_FUZZ_CHECK(script.text.size() <= dump.size() + 14 * script.schemasMadeIdempotent,
                    QStringLiteral("the script grew"));
    // Cleaning a clean script changes nothing more.
    const nrdb::InitScript again = nrdb::toInitScript(script.text);
    NRDB_FUZZ_CHECK(again.restrictLinesRemoved == 0 && again.ownerStatementsRemoved == 0 && again.text == script.text,
                    script.text);
    return 0;
}
