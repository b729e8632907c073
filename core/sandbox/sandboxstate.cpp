#include "sandbox/sandboxstate.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace nrdb {

ConnectionProfile SandboxState::profile(const QString &database) const
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("sandbox");
    profile.host = host;
    profile.port = QString::number(port);
    profile.database = database;
    profile.user = superuser;
    profile.password = password;
    return profile;
}

QJsonObject SandboxState::toJson() const
{
    return QJsonObject{
        {QStringLiteral("rootDir"), rootDir},
        {QStringLiteral("dataDir"), dataDir},
        {QStringLiteral("socketDir"), socketDir},
        {QStringLiteral("logFile"), logFile},
        {QStringLiteral("passFile"), passFile},
        {QStringLiteral("binDir"), binDir},
        {QStringLiteral("serverVersion"), serverVersion},
        {QStringLiteral("runAsUser"), runAsUser},
        {QStringLiteral("host"), host},
        {QStringLiteral("port"), port},
        {QStringLiteral("superuser"), superuser},
        {QStringLiteral("password"), password},
    };
}

Result<SandboxState> SandboxState::fromJson(const QJsonObject &json)
{
    SandboxState state;
    state.rootDir = json.value(QStringLiteral("rootDir")).toString();
    state.dataDir = json.value(QStringLiteral("dataDir")).toString();
    state.socketDir = json.value(QStringLiteral("socketDir")).toString();
    state.logFile = json.value(QStringLiteral("logFile")).toString();
    state.passFile = json.value(QStringLiteral("passFile")).toString();
    state.binDir = json.value(QStringLiteral("binDir")).toString();
    state.serverVersion = json.value(QStringLiteral("serverVersion")).toString();
    state.runAsUser = json.value(QStringLiteral("runAsUser")).toString();
    state.host = json.value(QStringLiteral("host")).toString();
    state.port = static_cast<quint16>(json.value(QStringLiteral("port")).toInt());
    state.superuser = json.value(QStringLiteral("superuser")).toString();
    state.password = json.value(QStringLiteral("password")).toString();
    if (state.dataDir.isEmpty() || state.binDir.isEmpty() || state.port == 0)
        return Error::usage(QStringLiteral("The sandbox state lacks its data directory, binaries or port"));
    return state;
}

Status SandboxState::save(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::io(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    // The file holds the superuser's password: owner-only before any byte is written.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(toJson()).toJson());
    if (!file.commit())
        return Error::io(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

Result<SandboxState> SandboxState::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(QStringLiteral("No sandbox state at %1: %2").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return Error::usage(QStringLiteral("%1 is not a sandbox state file: %2").arg(path, parseError.errorString()));
    return fromJson(document.object());
}

} // namespace nrdb
