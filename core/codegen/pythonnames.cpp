#include "codegen/pythonnames.h"

namespace nrdb::pythonnames {

namespace {

const QSet<QString> &keywords()
{
    // Python's keywords and soft keywords, and the names declarative classes use themselves.
    static const QSet<QString> words{
        QStringLiteral("False"),   QStringLiteral("None"),     QStringLiteral("True"),     QStringLiteral("and"),
        QStringLiteral("as"),      QStringLiteral("assert"),   QStringLiteral("async"),    QStringLiteral("await"),
        QStringLiteral("break"),   QStringLiteral("class"),    QStringLiteral("continue"), QStringLiteral("def"),
        QStringLiteral("del"),     QStringLiteral("elif"),     QStringLiteral("else"),     QStringLiteral("except"),
        QStringLiteral("finally"), QStringLiteral("for"),      QStringLiteral("from"),     QStringLiteral("global"),
        QStringLiteral("if"),      QStringLiteral("import"),   QStringLiteral("in"),       QStringLiteral("is"),
        QStringLiteral("lambda"),  QStringLiteral("nonlocal"), QStringLiteral("not"),      QStringLiteral("or"),
        QStringLiteral("pass"),    QStringLiteral("raise"),    QStringLiteral("return"),   QStringLiteral("try"),
        QStringLiteral("while"),   QStringLiteral("with"),     QStringLiteral("yield"),    QStringLiteral("match"),
        QStringLiteral("case"),    QStringLiteral("metadata"), QStringLiteral("registry"), QStringLiteral("query")};
    return words;
}

} // namespace

QString literal(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            out += QLatin1Char('\\') + c;
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else if (c.unicode() < 0x20)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

QString identifier(const QString &name)
{
    QString id;
    for (const QChar c : name)
        id += (c.isLetterOrNumber() && c.unicode() < 0x80) || c == QLatin1Char('_') ? c : QLatin1Char('_');
    if (id.isEmpty() || id.front().isDigit())
        id.prepend(QLatin1Char('_'));
    if (keywords().contains(id))
        id += QLatin1Char('_');
    return id;
}

QString className(const QString &table)
{
    QString name;
    bool upper = true;
    for (const QChar c : identifier(table)) {
        if (c == QLatin1Char('_')) {
            upper = true;
            continue;
        }
        name += upper ? c.toUpper() : c;
        upper = false;
    }
    if (name.isEmpty() || name.front().isDigit())
        name.prepend(QStringLiteral("T"));
    return keywords().contains(name) ? name + QLatin1Char('_') : name;
}

QString unique(const QString &name, QSet<QString> &taken)
{
    QString candidate = name;
    for (int n = 2; taken.contains(candidate); ++n)
        candidate = QStringLiteral("%1_%2").arg(name).arg(n);
    taken.insert(candidate);
    return candidate;
}

} // namespace nrdb::pythonnames
