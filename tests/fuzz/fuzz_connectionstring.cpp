// A connection string as a user types it: a libpq URI or keywords. Whatever parses, comes back
// the same from the URI and from the keyword string this tool writes for it.
#include "fuzzing.h"

#include "connection/connectionprofile.h"

namespace {

QString fields(const nrdb::ConnectionProfile &profile)
{
    QStringList parts;
    const QMap<QString, QString> keywords = profile.libpqKeywords();
    for (auto it = keywords.cbegin(); it != keywords.cend(); ++it)
        parts << it.key() + QStringLiteral("=[") + it.value() + QLatin1Char(']');
    return parts.join(QLatin1Char(' '));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const nrdb::Result<nrdb::ConnectionProfile> parsed = nrdb::ConnectionProfile::parse(nrdb::fuzz::text(data, size));
    if (!parsed)
        return 0;
    nrdb::ConnectionProfile profile = parsed.value();
    profile.password.clear(); // neither written form holds it
    for (const QString &written : {profile.toUri(), profile.toKeywordString()}) {
        const nrdb::Result<nrdb::ConnectionProfile> again = nrdb::ConnectionProfile::parse(written);
        NRDB_FUZZ_CHECK(again.ok(), written + QStringLiteral(": ") + (again ? QString() : again.error().message));
        NRDB_FUZZ_CHECK(again.value() == profile, written + QStringLiteral("\n  read: ") + fields(profile) +
                                                      QStringLiteral("\n  again: ") + fields(again.value()));
    }
    return 0;
}
