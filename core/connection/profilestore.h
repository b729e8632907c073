#pragma once

#include "connection/connectionprofile.h"
#include "util/result.h"

#include <QList>
#include <QSettings>
#include <QStringList>

namespace nrdb {

// Saved connection profiles and the recently used ones, in the settings file that the GUI and
// the CLI share (<organization>/netraven-dbadmin). Each profile is kept as its name, tier and
// URI; the URI never holds a password, so none reaches the settings file.
// Thread: any one thread at a time.
class ProfileStore {
public:
    ProfileStore();
    // The profiles of another settings file (INI), as when it was copied from another machine.
    explicit ProfileStore(const QString &settingsFile);

    static constexpr int kMaxRecent = 8;

    QList<ConnectionProfile> profiles() const;
    Result<ConnectionProfile> profile(const QString &name) const;
    // Replaces every saved profile; names must be unique and non-empty.
    Status saveAll(const QList<ConnectionProfile> &profiles);

    // Names of recently used profiles, most recent first.
    QStringList recent() const;
    void markUsed(const QString &name);

private:
    mutable QSettings m_settings;
};

} // namespace nrdb
