#include "initscript.h"

#include <QRegularExpression>
#include <QStringList>

namespace nrdb {

InitScript toInitScript(const QString &schemaDump)
{
    static const QRegularExpression restrictLine(QStringLiteral(R"(^\\(un)?restrict(\s.*)?$)"));
    static const QRegularExpression ownerStatement(QStringLiteral(R"(^ALTER\s.+\sOWNER TO\s.+;\s*$)"));
    static const QRegularExpression createSchema(QStringLiteral(R"(^CREATE SCHEMA (?!IF NOT EXISTS )(.+;)\s*$)"));
    InitScript script;
    QStringList kept;
    const QStringList lines = schemaDump.split(QLatin1Char('\n'));
    kept.reserve(lines.size());
    // Each expression is anchored at a literal beginning, tested first: most lines are neither.
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1Char('\\')) && restrictLine.match(line).hasMatch()) {
            ++script.restrictLinesRemoved;
        } else if (line.startsWith(QLatin1String("ALTER")) && ownerStatement.match(line).hasMatch()) {
            ++script.ownerStatementsRemoved;
        } else if (const QRegularExpressionMatch schema = line.startsWith(QLatin1String("CREATE SCHEMA "))
                                                              ? createSchema.match(line)
                                                              : QRegularExpressionMatch();
                   schema.hasMatch()) {
            kept << QStringLiteral("CREATE SCHEMA IF NOT EXISTS ") + schema.captured(1);
            ++script.schemasMadeIdempotent;
        } else {
            kept << line;
        }
    }
    script.text = kept.join(QLatin1Char('\n'));
    return script;
}

} // namespace nrdb
