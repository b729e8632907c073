#include "util/sqlresource.h"

#include <QDir>
#include <QFile>

namespace nrdb {

namespace {
const QString kSqlPrefix = QStringLiteral(":/nrdb/sql/");
}

QString sqlResource(const QString &name)
{
    QFile file(kSqlPrefix + name + QStringLiteral(".sql"));
    const bool opened = file.open(QIODevice::ReadOnly);
    Q_ASSERT_X(opened, "sqlResource", qPrintable(name));
    return opened ? QString::fromUtf8(file.readAll()) : QString();
}

QStringList sqlResourceNames()
{
    QStringList names;
    const QStringList files = QDir(kSqlPrefix).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        names << file.chopped(4);
    return names;
}

} // namespace nrdb
