// A settings file with saved connection profiles, edited by hand or copied from elsewhere:
// whatever it holds, every profile read from it has a name-independent URI that parses again.
#include "fuzzing.h"

#include "connection/profilestore.h"

#include <QFile>
#include <QTemporaryDir>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir directory;
    static int serial = 0;
    // A new name each time: QSettings caches what it read of a file by its name.
    const QString path = directory.filePath(QStringLiteral("settings-%1.ini").arg(++serial));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 0;
        file.write(reinterpret_cast<const char *>(data), static_cast<qint64>(size));
    }
    {
        const nrdb::ProfileStore store(path);
        for (const nrdb::ConnectionProfile &profile : store.profiles())
            NRDB_FUZZ_CHECK(nrdb::ConnectionProfile::parse(profile.toUri()).ok(), profile.toUri());
        (void)store.recent();
    }
    QFile::remove(path);
    return 0;
}
