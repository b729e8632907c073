#include "catalogfacts.h"

#include <QFile>

namespace nrdb::test {

QMap<QString, QStringList> readCatalogFacts(const QString &path)
{
    QFile file(path);
    QMap<QString, QStringList> sections;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return sections;
    QString section;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('[')))
            section = line.mid(1, line.size() - 2);
        else
            sections[section] << line;
    }
    return sections;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace nrdb::test
