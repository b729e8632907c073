#include "connection/pgpassfile.h"

#include <QDir>
#include <QFile>

#include <sys/stat.h>

namespace nrdb {

namespace {

// Splits a pgpass line at unescaped ':' and removes the escapes.
QStringList splitFields(const QString &line)
{
    QStringList fields;
    QString current;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            current += line.at(++i);
        } else if (c == QLatin1Char(':')) {
            fields << current;
            current.clear();
        } else {
            current += c;
        }
    }
    fields << current;
    return fields;
}

bool matches(const QString &pattern, const QString &value)
{
    return pattern == QLatin1String("*") || pattern == value;
}

} // namespace

PgpassLookup lookupPgpass(const ConnectionProfile &resolvedProfile)
{
    PgpassLookup lookup;
    lookup.file = resolvedProfile.otherOptions.value(QStringLiteral("passfile"),
                                                     QDir::home().filePath(QStringLiteral(".pgpass")));
    struct stat info {};
    if (::stat(QFile::encodeName(lookup.file).constData(), &info) != 0 || !S_ISREG(info.st_mode))
        return lookup;
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        lookup.warning = QStringLiteral("The password file \"%1\" is ignored: it has group or world access; its "
                                        "permissions should be u=rw (0600) or less")
                             .arg(lookup.file);
        return lookup;
    }
    QFile file(lookup.file);
    if (!file.open(QIODevice::ReadOnly)) {
        lookup.warning = QStringLiteral("The password file \"%1\" cannot be read").arg(lookup.file);
        return lookup;
    }
    QString host = resolvedProfile.host.section(QLatin1Char(','), 0, 0);
    if (host.isEmpty() || host.startsWith(QLatin1Char('/')))
        host = QStringLiteral("localhost"); // libpq's rule for unix-socket connections
    QString port = resolvedProfile.port.section(QLatin1Char(','), 0, 0);
    if (port.isEmpty())
        port = QStringLiteral("5432");
    lookup.password =
        pgpassPassword(file.readAll(), PgpassKey{host, port, resolvedProfile.database, resolvedProfile.user});
    return lookup;
}

std::optional<QString> pgpassPassword(const QByteArray &content, const PgpassKey &key)
{
    const QStringList wanted{key.host, key.port, key.database, key.user};
    for (const QByteArray &raw : content.split('\n')) {
        const QString line = QString::fromUtf8(raw).remove(QLatin1Char('\r'));
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = splitFields(line);
        if (fields.size() < 5)
            continue;
        bool allMatch = true;
        for (int i = 0; i < 4 && allMatch; ++i)
            allMatch = matches(fields.at(i), wanted.at(i));
        if (allMatch)
            return fields.mid(4).join(QLatin1Char(':'));
    }
    return std::nullopt;
}

} // namespace nrdb
