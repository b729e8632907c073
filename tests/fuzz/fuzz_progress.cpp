// pg_dump and pg_restore --verbose lines, as they come: progress stays within its total and never
// goes back. The first byte says whether the tool runs parallel jobs.
#include "fuzzing.h"

#include "jobs/copyprogress.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QHash<QString, qint64> weights{{QStringLiteral("netraven.devices"), 700},
                                         {QStringLiteral("public.a b"), 20},
                                         {QStringLiteral("s.\"quoted\""), 5}};
    qint64 last = 0;
    nrdb::CopyProgress progress(
        weights, nrdb::CopyProgress::Measure::Rows, (data[0] & 1) != 0, [&last](qint64 done, qint64 total) {
            NRDB_FUZZ_CHECK(done >= last, QStringLiteral("progress went back from %1 to %2").arg(last).arg(done));
            NRDB_FUZZ_CHECK(done <= total, QStringLiteral("%1 done of %2").arg(done).arg(total));
            last = done;
        });
    for (const QString &line : nrdb::fuzz::text(data + 1, size - 1).split(QLatin1Char('\n')))
        progress.onLine(line);
    progress.finishAll();
    NRDB_FUZZ_CHECK(progress.allFinished() && last == progress.total(), QStringLiteral("not finished at the end"));
    return 0;
}
