#include "model/statementorder.h"

#include "model/planstatements.h"

#include <QRegularExpression>

#include <algorithm>

namespace nrdb::plan {

namespace {

// An identifier as pg_get_viewdef may write it: bare, or in double quotes.
QString identifierPattern(const QString &name)
{
    const QString quoted = QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QStringLiteral("(?:%1|\"%2\")").arg(QRegularExpression::escape(name), QRegularExpression::escape(quoted));
}

// The view a statement creates or drops, and the definition that says what it reads.
struct ViewStatement {
    QString schema;
    QString name;
    QString definition;
};

ViewStatement viewOf(const PlannedStatement &statement)
{
    const bool dropped = statement.phase == DropViews;
    return {statement.schema, statement.item.object, dropped ? statement.item.actual : statement.item.expected};
}

// Within [begin, end), each statement after those it must follow (mustFollow[i] lists them); a
// statement whose predecessors form a cycle is taken in its order.
void orderWithin(QVector<PlannedStatement>::iterator begin, QVector<PlannedStatement>::iterator end,
                 const QVector<QVector<qsizetype>> &mustFollow)
{
    const qsizetype count = end - begin;
    QVector<bool> placed(count, false);
    QVector<PlannedStatement> ordered;
    while (ordered.size() < count) {
        qsizetype next = -1;
        for (qsizetype i = 0; i < count && next < 0; ++i) {
            if (!placed[i] && std::all_of(mustFollow[i].cbegin(), mustFollow[i].cend(),
                                          [&placed](qsizetype before) { return placed[before]; }))
                next = i;
        }
        if (next < 0) // a cycle: the first one left
            next = std::find(placed.cbegin(), placed.cend(), false) - placed.cbegin();
        placed[next] = true;
        ordered << begin[next];
    }
    std::move(ordered.begin(), ordered.end(), begin);
}

// The views of one phase: created after the views they read, dropped before them.
void orderViews(QVector<PlannedStatement>::iterator begin, QVector<PlannedStatement>::iterator end, bool dropping)
{
    QVector<ViewStatement> views;
    for (auto it = begin; it != end; ++it)
        views << viewOf(*it);
    QVector<QVector<qsizetype>> mustFollow(views.size());
    for (qsizetype reader = 0; reader < views.size(); ++reader) {
        for (qsizetype read = 0; read < views.size(); ++read) {
            const ViewStatement &a = views.at(reader);
            const ViewStatement &b = views.at(read);
            if (reader == read || !a.definition.contains(b.name) ||
                !readsRelation(a.definition, a.schema, b.schema, b.name))
                continue;
            if (dropping)
                mustFollow[read] << reader; // the reader goes first
            else
                mustFollow[reader] << read;
        }
    }
    orderWithin(begin, end, mustFollow);
}

} // namespace

bool readsRelation(const QString &definition, const QString &readerSchema, const QString &schema, const QString &name)
{
    const QString qualified = identifierPattern(schema) + QStringLiteral("\\.") + identifierPattern(name);
    const bool bareIsEnough = schema == readerSchema || schema == QLatin1String("public");
    const QString pattern =
        QStringLiteral("(?<![\\w.\"])(?:%1)(?![\\w\"])")
            .arg(bareIsEnough ? QStringLiteral("(?:%1\\.)?%2").arg(identifierPattern(schema), identifierPattern(name))
                              : qualified);
    return QRegularExpression(pattern).match(definition).hasMatch();
}

void orderStatements(QVector<PlannedStatement> &statements)
{
    std::stable_sort(statements.begin(), statements.end(),
                     [](const PlannedStatement &a, const PlannedStatement &b) { return a.phase < b.phase; });
    for (const Phase phase : {DropViews, Views}) {
        const auto begin = std::find_if(statements.begin(), statements.end(),
                                        [phase](const PlannedStatement &s) { return s.phase == phase; });
        const auto end =
            std::find_if(begin, statements.end(), [phase](const PlannedStatement &s) { return s.phase != phase; });
        orderViews(begin, end, phase == DropViews);
    }
}

} // namespace nrdb::plan
