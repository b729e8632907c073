#pragma once

#include "catalog/schemalint.h"
#include "catalog/schemasnapshot.h"

#include <QTextBrowser>

#include <memory>

namespace nrdb {

// A relation in detail: size and row estimate, columns, keys out and in (linked to the other
// table), indexes, lint findings and its DDL. GUI thread only.
class TableDetailsView : public QTextBrowser {
    Q_OBJECT
public:
    explicit TableDetailsView(QWidget *parent = nullptr);

    void showRelation(const std::shared_ptr<const SchemaSnapshot> &snapshot, quint32 oid,
                      const QVector<LintFinding> &findings);
    void showEmpty(const QString &text);

signals:
    // A link to another relation was clicked.
    void relationActivated(quint32 oid);
};

} // namespace nrdb
