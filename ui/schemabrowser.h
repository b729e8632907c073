#pragma once

#include "catalog/schemalint.h"
#include "catalog/schemasnapshot.h"
#include "jobs/snapshotjob.h"

#include <QPersistentModelIndex>

class QMenu;
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QTabWidget;
class QTreeView;

namespace nrdb {

class ActiveConnection;
class DataPreview;
class JobRunner;
class JobSlot;
class SchemaFilterProxy;
class SchemaTreeModel;
class TableDetailsView;
struct JobEnd;

// The schema browser: a searchable tree of schemas, tables and views with their columns, keys
// and indexes; beside it the selected relation's details and its rows. Each refresh reads a new
// snapshot as a job; when refreshes overlap, the newest wins. It follows the window's
// ActiveConnection: a database opened is read at once; when the connection goes, a refresh or a
// page of rows still on its way is cancelled and never shown, and the browser is empty.
// GUI thread only.
class SchemaBrowser : public QWidget {
    Q_OBJECT
public:
    SchemaBrowser(JobRunner *runner, const ActiveConnection *connection, QWidget *parent = nullptr);

    void refresh();
    void showRelation(quint32 oid);
    void focusFind(); // puts the cursor in the search, its text selected
    // The tree's context menu for a node of it: for a table or view Copy Name, Copy DDL, Show in
    // Diagram and Preview Data; for a column, key or index Copy Name. Null for a schema.
    QMenu *createContextMenu(const QModelIndex &index, QWidget *parent);
    const std::shared_ptr<const SchemaSnapshot> &snapshot() const;
    const QVector<LintFinding> &findings() const { return m_findings; }

signals:
    void snapshotLoaded();
    void showInDiagramRequested(const QString &qualifiedName);

private:
    QWidget *createTreePane();
    void showOpened();
    void showClosed();
    void showSnapshot(SnapshotJob &job, const JobEnd &end);
    void onCurrentChanged(const QModelIndex &current);
    // The bottom line: what the schema read said (setSummary), or while searching what matched.
    void setSummary(const QString &text);
    void showSummaryLine(const QString &text);
    void applySearch();
    void showSearchResult();
    QVector<QPersistentModelIndex> expandedNodes() const; // of the source model

    JobSlot *m_refreshes; // a newer refresh cancels one still reading
    const ActiveConnection *m_connection;
    SchemaTreeModel *m_model;
    SchemaFilterProxy *m_proxy;
    QLineEdit *m_search = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs;
    TableDetailsView *m_details;
    DataPreview *m_data;
    QVector<LintFinding> m_findings;
    quint32 m_shownOid = 0;
    QString m_summaryText;
    QVector<QPersistentModelIndex> m_expandedBeforeSearch; // put back when the search is cleared
};

} // namespace nrdb
