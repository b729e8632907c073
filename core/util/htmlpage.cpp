#include "util/htmlpage.h"

namespace nrdb::html {

namespace {
constexpr QChar kClassMark{0x01};
} // namespace

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString pageStart(const QString &title)
{
    return QStringLiteral(
               "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title><style>"
               "body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:.5em 0 "
               "1.5em}"
               "th,td{border:1px solid #999;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#eee}"
               ".ok{color:#1b5e20}.bad{color:#b71c1c}code{white-space:pre-wrap}</style></head><body>")
        .arg(escaped(title));
}

QString pageEnd()
{
    return QStringLiteral("</body></html>\n");
}

QString classedCell(const QString &cssClass, const QString &text)
{
    return kClassMark + cssClass + kClassMark + text;
}

QString table(const QStringList &headers, const QVector<QStringList> &rows)
{
    QString html = QStringLiteral("<table><tr>");
    for (const QString &header : headers)
        html += QStringLiteral("<th>%1</th>").arg(escaped(header));
    html += QStringLiteral("</tr>");
    for (const QStringList &row : rows) {
        html += QStringLiteral("<tr>");
        for (const QString &cell : row) {
            if (cell.startsWith(kClassMark)) {
                const qsizetype end = cell.indexOf(kClassMark, 1);
                html +=
                    QStringLiteral("<td class=\"%1\">%2</td>").arg(cell.mid(1, end - 1), escaped(cell.mid(end + 1)));
            } else {
                html += QStringLiteral("<td>%1</td>").arg(escaped(cell));
            }
        }
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

} // namespace nrdb::html
