#include "connection/profilestore.h"

#include <algorithm>

#include <QCoreApplication>
#include <QSet>

namespace nrdb {

namespace {
const QString kProfilesKey = QStringLiteral("connections/profiles");
const QString kRecentKey = QStringLiteral("connections/recent");

// The keys of an entry's SSH hop, beside its name, tier and URI (a URI has no place for it).
struct SshKey {
    const char *key;
    QString SshHop::*field;
};
const SshKey kSshKeys[] = {{"ssh_host", &SshHop::host},
                           {"ssh_user", &SshHop::user},
                           {"ssh_port", &SshHop::port},
                           {"ssh_identity", &SshHop::identityFile},
                           {"ssh_config", &SshHop::configFile}};

SshHop readSshHop(const QSettings &settings)
{
    SshHop hop;
    for (const SshKey &key : kSshKeys)
        hop.*key.field = settings.value(QLatin1String(key.key)).toString();
    return hop;
}

void writeSshHop(QSettings &settings, const SshHop &hop)
{
    for (const SshKey &key : kSshKeys) {
        if (hop.isSet() && !(hop.*key.field).isEmpty())
            settings.setValue(QLatin1String(key.key), hop.*key.field);
    }
}
} // namespace

ProfileStore::ProfileStore()
    : m_settings(QSettings::IniFormat, QSettings::UserScope, QCoreApplication::organizationName(),
                 QStringLiteral("netraven-dbadmin"))
{
}

ProfileStore::ProfileStore(const QString &settingsFile) : m_settings(settingsFile, QSettings::IniFormat)
{
}

QList<ConnectionProfile> ProfileStore::profiles() const
{
    QList<ConnectionProfile> profiles;
    // The array's size is a number in the file: a hand-edited "size=3000000000" must not make us
    // look up three billion entries. Only as many as there are groups below it can be there.
    const int declared = m_settings.beginReadArray(kProfilesKey);
    const int count = qMin(declared, static_cast<int>(m_settings.childGroups().size()));
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        Result<ConnectionProfile> parsed = ConnectionProfile::parse(m_settings.value(QStringLiteral("uri")).toString());
        if (!parsed)
            continue; // an entry edited by hand into nonsense is skipped, not fatal
        ConnectionProfile profile = std::move(parsed).value();
        profile.name = m_settings.value(QStringLiteral("name")).toString();
        profile.tier = deploymentTierFromName(m_settings.value(QStringLiteral("tier")).toString()).ok()
                           ? deploymentTierFromName(m_settings.value(QStringLiteral("tier")).toString()).value()
                           : DeploymentTier::Development;
        profile.ssh = readSshHop(m_settings);
        profiles << profile;
    }
    m_settings.endArray();
    return profiles;
}

Result<ConnectionProfile> ProfileStore::profile(const QString &name) const
{
    const QList<ConnectionProfile> all = profiles();
    for (const ConnectionProfile &profile : all) {
        if (profile.name == name)
            return profile;
    }
    return Error::notFound(QStringLiteral("There is no saved connection profile named \"%1\"").arg(name));
}

Status ProfileStore::saveAll(const QList<ConnectionProfile> &profiles)
{
    QSet<QString> names;
    for (const ConnectionProfile &profile : profiles) {
        if (profile.name.trimmed().isEmpty())
            return Error::usage(QStringLiteral("Every connection profile needs a name"));
        if (names.contains(profile.name))
            return Error::usage(QStringLiteral("Two connection profiles are named \"%1\"").arg(profile.name));
        names.insert(profile.name);
    }
    m_settings.remove(kProfilesKey);
    m_settings.beginWriteArray(kProfilesKey, static_cast<int>(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("name"), profiles.at(i).name);
        m_settings.setValue(QStringLiteral("tier"), deploymentTierName(profiles.at(i).tier));
        m_settings.setValue(QStringLiteral("uri"), profiles.at(i).toUri());
        writeSshHop(m_settings, profiles.at(i).ssh);
    }
    m_settings.endArray();
    QStringList recentNames = recent();
    recentNames.erase(
        std::remove_if(recentNames.begin(), recentNames.end(),
                       [&names](const QString &entry) { return !isUriEntry(entry) && !names.contains(entry); }),
        recentNames.end());
    m_settings.setValue(kRecentKey, recentNames);
    m_settings.sync();
    return m_settings.status() == QSettings::NoError
               ? Status()
               : Status(Error::io(QStringLiteral("Could not write the settings file %1").arg(m_settings.fileName())));
}

std::optional<ConnectionProfile> ProfileStore::productionProfileFor(const QString &databaseKey) const
{
    const QList<ConnectionProfile> saved = profiles();
    const auto found = std::find_if(saved.cbegin(), saved.cend(), [&databaseKey](const ConnectionProfile &profile) {
        return profile.isProduction() && profile.databaseKey() == databaseKey;
    });
    return found == saved.cend() ? std::nullopt : std::optional<ConnectionProfile>(*found);
}

QStringList ProfileStore::recent() const
{
    return m_settings.value(kRecentKey).toStringList();
}

bool ProfileStore::isUriEntry(const QString &entry)
{
    return entry.startsWith(QLatin1String("postgresql://")) || entry.startsWith(QLatin1String("postgres://"));
}

Result<ConnectionProfile> ProfileStore::recentProfile(const QString &entry) const
{
    return isUriEntry(entry) ? ConnectionProfile::parse(entry) : profile(entry);
}

void ProfileStore::markUsed(const ConnectionProfile &profile)
{
    const QString entry = profile.name.isEmpty() ? profile.toUri() : profile.name;
    QStringList entries = recent();
    entries.removeAll(entry);
    entries.prepend(entry);
    m_settings.setValue(kRecentKey, entries.mid(0, kMaxRecent));
}

} // namespace nrdb
