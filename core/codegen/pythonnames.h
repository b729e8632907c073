#pragma once

#include <QSet>
#include <QString>

namespace nrdb::pythonnames {

// A Python string literal holding text exactly: "…" with \, " and control characters escaped.
QString literal(const QString &text);
// An identifier for a database name: a keyword gets "_" after it ("class" -> "class_"), a
// character Python does not allow becomes "_", a leading digit gets "_" before it.
QString identifier(const QString &name);
// CamelCase for a table: "device_tag_association" -> "DeviceTagAssociation".
QString className(const QString &table);
// name, or name with "_2", "_3"… when taken holds it already; the result is added to taken.
QString unique(const QString &name, QSet<QString> &taken);

} // namespace nrdb::pythonnames
