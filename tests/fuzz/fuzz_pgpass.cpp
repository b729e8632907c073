// A password file (~/.pgpass, PGPASSFILE): its first line here is the connection looked up
// (host:port:database:user), the rest the file. A match is the fifth field on of a line.
#include "fuzzing.h"

#include "connection/pgpassfile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = nrdb::fuzz::bytes(data, size);
    const qsizetype newline = input.indexOf('\n');
    const QStringList key = QString::fromUtf8(input.left(newline < 0 ? input.size() : newline)).split(QLatin1Char(':'));
    const nrdb::PgpassKey wanted{key.value(0), key.value(1), key.value(2), key.value(3)};
    const QByteArray file = newline < 0 ? QByteArray() : input.mid(newline + 1);
    const std::optional<QString> password = nrdb::pgpassPassword(file, wanted);
    NRDB_FUZZ_CHECK(!password || !file.isEmpty(), QStringLiteral("a password from an empty file"));
    // The same file with a comment line in front answers the same.
    NRDB_FUZZ_CHECK(nrdb::pgpassPassword("# a comment\n" + file, wanted) == password,
                    QStringLiteral("a comment changed the answer"));
    return 0;
}
