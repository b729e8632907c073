#pragma once

#include "connection/connectionprofile.h"
#include "util/result.h"

#include <QList>
#include <QSettings>
#include <QStringList>

#include <optional>

namespace nrdb {

// Saved connection profiles and the recently used ones, in the settings file that the GUI and
// the CLI share (<organization>/netraven-dbadmin). Each profile is kept as its name, tier,
// URI and SSH hop; the URI never holds a password, so none reaches the settings file.
// Thread: any one thread at a time.
class ProfileStore {
public:
    ProfileStore();
    // The profiles of another settings file (INI), as when it was copied from another machine.
    explicit ProfileStore(const QString &settingsFile);

    static constexpr int kMaxRecent = 8;

    QList<ConnectionProfile> profiles() const;
    Result<ConnectionProfile> profile(const QString &name) const;
    // The saved production profile of a database (ConnectionProfile::databaseKey), if there is one:
    // a URI typed for a production database, or a backup taken from one, is no less production.
    std::optional<ConnectionProfile> productionProfileFor(const QString &databaseKey) const;
    // Replaces every saved profile; names must be unique and non-empty.
    Status saveAll(const QList<ConnectionProfile> &profiles);

    // The recent connections, most recent first: a saved profile's name, or the URI (never with a
    // password) of a connection made without a profile.
    QStringList recent() const;
    static bool isUriEntry(const QString &entry);
    // What connects to a recent entry: the profile of that name, or the URI read back.
    Result<ConnectionProfile> recentProfile(const QString &entry) const;
    // profile is the most recent: by its name, or by its URI when it has none.
    void markUsed(const ConnectionProfile &profile);

private:
    mutable QSettings m_settings;
};

} // namespace nrdb
