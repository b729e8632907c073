#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace nrdb::test {

// A file of catalog facts from netraven-schema.md's appendices (tests/data/*-catalog.txt): lines
// under "[section]" headings, '#' comments and blank lines left out. Empty if it cannot be read.
QMap<QString, QStringList> readCatalogFacts(const QString &path);

// list, sorted, for comparing facts whose order the catalog does not fix.
QStringList sorted(QStringList list);

} // namespace nrdb::test
