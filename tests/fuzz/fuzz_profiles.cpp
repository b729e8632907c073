// A settings file with saved connection profiles, edited by hand or copied from elsewhere:
// whatever it holds, every profile read from it has a name-independent URI that parses again.
#include "fuzzing.h"

#include "connection/profilestore.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir directory(QStringLiteral("/dev/shm/nrdb-fuzz-profiles-XXXXXX")); // memory: no disk in the loop
    static qint64 serial = 0;
    // One name, so that QSettings' cache of files does not grow; a modification time of its own
    // for every input, so that the cache sees a changed file and reads it again.
    const QString path = directory.filePath(QStringLiteral("settings.ini"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), static_cast<qint64>(size));
        file.setFileTime(QDateTime::fromMSecsSinceEpoch(++serial * 1000), QFileDevice::FileModificationTime);
    }
    {
        const nrdb::ProfileStore store(path);
        for (const nrdb::ConnectionProfile &profile : store.profiles())
            NRDB_FUZZ_CHECK(nrdb::ConnectionProfile::parse(profile.toUri()).ok(), profile.toUri());
        (void)store.recent();
    }
    return 0;
}
