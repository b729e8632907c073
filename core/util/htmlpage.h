#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace nrdb::html {

// The pieces of the reports the tool writes as HTML to hand over (verify, health): one look for
// all of them. Any thread.
QString escaped(const QString &text);
// <!DOCTYPE html>… up to and including <body>, titled, with the reports' style sheet (classes
// "ok" and "bad" colour a verdict).
QString pageStart(const QString &title);
QString pageEnd();
// A table of escaped cells; a cell may be given a class by starting it with "\x01class\x01".
QString table(const QStringList &headers, const QVector<QStringList> &rows);
// A cell for table() with a class of its own.
QString classedCell(const QString &cssClass, const QString &text);

} // namespace nrdb::html
