// pg_restore --list output ("3052; 1259 16387 TABLE DATA netraven users netraven"), read for the
// tables whose rows a restore copies.
#include "fuzzing.h"

#include "jobs/restoreprogress.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QStringList lines = nrdb::fuzz::text(data, size).split(QLatin1Char('\n'));
    QMap<QString, qint64> rows;
    const QHash<QString, qint64> weights = nrdb::tableDataWeights(lines, rows);
    NRDB_FUZZ_CHECK(weights.size() <= lines.size(), QStringLiteral("more tables than lines"));
    for (auto it = weights.cbegin(); it != weights.cend(); ++it)
        NRDB_FUZZ_CHECK(it.value() >= 0, it.key());
    return 0;
}
