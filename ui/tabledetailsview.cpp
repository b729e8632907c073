#include "tabledetailsview.h"

#include "catalog/tableddl.h"

#include <QLocale>
#include <QUrl>

namespace nrdb {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString relationLink(const RelationInfo &relation)
{
    return QStringLiteral("<a href=\"relation:%1\">%2</a>").arg(relation.oid).arg(escaped(relation.qualifiedName()));
}

QString table(const QStringList &headers, const QVector<QStringList> &rows)
{
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" border=\"0\"><tr>");
    for (const QString &header : headers)
        html += QStringLiteral("<th align=\"left\">%1</th>").arg(escaped(header));
    html += QStringLiteral("</tr>");
    for (const QStringList &row : rows) {
        html += QStringLiteral("<tr>");
        for (const QString &cell : row)
            html += QStringLiteral("<td>%1</td>").arg(cell); // cells are escaped by the caller
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString section(const QString &title, const QString &body)
{
    return QStringLiteral("<h3>%1</h3>%2").arg(escaped(title), body);
}

} // namespace

TableDetailsView::TableDetailsView(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("tableDetails"));
    setOpenLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("relation"))
            emit relationActivated(url.path().toUInt());
    });
}

void TableDetailsView::showEmpty(const QString &text)
{
    setHtml(QStringLiteral("<p style=\"color: gray\">%1</p>").arg(escaped(text)));
}

void TableDetailsView::showRelation(const std::shared_ptr<const SchemaSnapshot> &snapshot, quint32 oid,
                                    const QVector<LintFinding> &findings)
{
    const RelationInfo *relation = snapshot ? snapshot->relation(oid) : nullptr;
    if (!relation) {
        showEmpty(tr("Choose a table or view on the left."));
        return;
    }
    const QLocale locale;
    QString html = QStringLiteral("<h2>%1</h2><p>%2")
                       .arg(escaped(relation->qualifiedName()), escaped(relationKindName(relation->kind)));
    if (relation->isTable() || relation->kind == RelationKind::MaterializedView)
        html += tr(" · %1 · %2")
                    .arg(relation->totalBytes < 0 ? tr("size unknown: another session holds an exclusive lock on it")
                                                  : locale.formattedDataSize(relation->totalBytes),
                         relation->rowEstimate < 0
                             ? tr("never analysed, so no row estimate yet (the Data tab counts exactly)")
                             : tr("about %1 rows").arg(locale.toString(relation->rowEstimate)));
    html += tr(" · owner %1").arg(escaped(relation->owner));
    if (const RelationInfo *parent = snapshot->relation(relation->partitionParentOid))
        html += tr(" · partition of %1 %2").arg(relationLink(*parent), escaped(relation->partitionBound));
    if (!relation->partitionKey.isEmpty())
        html += tr(" · partitioned by %1").arg(escaped(relation->partitionKey));
    html += QStringLiteral("</p>");
    if (!relation->comment.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(escaped(relation->comment));

    QVector<QStringList> columns;
    for (const ColumnInfo &column : relation->columns)
        columns << QStringList{
            escaped(column.name), escaped(column.type), column.notNull ? tr("not null") : QString(),
            escaped(column.identity.isEmpty() ? column.defaultExpression : tr("identity ") + column.identity),
            escaped(column.comment)};
    html += section(tr("Columns"), table({tr("Name"), tr("Type"), tr("Null"), tr("Default"), tr("Comment")}, columns));

    QVector<QStringList> keys;
    for (const ConstraintInfo &constraint : relation->constraints) {
        QString definition = escaped(constraint.definition);
        if (const RelationInfo *target = snapshot->relation(constraint.referencedOid))
            definition += QStringLiteral(" → ") + relationLink(*target);
        keys << QStringList{escaped(constraint.name), definition};
    }
    if (!keys.isEmpty())
        html += section(tr("Keys and constraints"), table({tr("Name"), tr("Definition")}, keys));

    QVector<QStringList> incoming;
    for (const auto &[holder, key] : snapshot->referencesTo(relation->oid))
        incoming << QStringList{relationLink(*holder), escaped(key->name),
                                escaped(key->columns.join(QStringLiteral(", "))), escaped(key->onDelete)};
    if (!incoming.isEmpty())
        html += section(tr("Referenced by"),
                        table({tr("Table"), tr("Foreign key"), tr("Columns"), tr("On delete")}, incoming));

    QVector<QStringList> indexes;
    for (const IndexInfo &index : relation->indexes)
        indexes << QStringList{escaped(index.name), escaped(index.definition.section(QStringLiteral(" USING "), 1)),
                               locale.formattedDataSize(index.bytes)};
    if (!indexes.isEmpty())
        html += section(tr("Indexes"), table({tr("Name"), tr("Definition"), tr("Size")}, indexes));

    QVector<QStringList> defects;
    for (const LintFinding &finding : findings) {
        if (finding.schema == relation->schema && finding.table == relation->name)
            defects << QStringList{escaped(lintSeverityName(finding.severity)),
                                   QStringLiteral("<b>%1</b><br>%2%3")
                                       .arg(escaped(finding.message), escaped(finding.explanation),
                                            finding.fixSql.isEmpty()
                                                ? QString()
                                                : QStringLiteral("<br><code>%1</code>").arg(escaped(finding.fixSql)))};
    }
    html += section(tr("Findings"),
                    defects.isEmpty() ? tr("<p>None.</p>") : table({tr("Severity"), tr("Finding")}, defects));
    html += section(tr("DDL"), QStringLiteral("<pre>%1</pre>").arg(escaped(relationDdl(*relation, *snapshot))));
    setHtml(html);
}

} // namespace nrdb
