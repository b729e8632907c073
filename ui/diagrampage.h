#pragma once

#include "catalog/schemasnapshot.h"
#include "diagram/diagramplacement.h"
#include "diagramview.h"

#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolBar;

namespace nrdb {

class DiagramScene;
class JobRunner;
class JobSlot;
class LayoutJob;
class PlaceholderStack;
struct JobEnd;

// The Diagram tab: the relationship diagram of the schema browser's snapshot, one schema or all,
// laid out by Graphviz in a job (LayoutJob). Find a table, show a table's neighbourhood, zoom, fit,
// export, mark tables and columns (verify does). Table places are kept per database and schema
// choice. GUI thread only.
class DiagramPage : public QWidget {
    Q_OBJECT
public:
    // Graphviz's layouts run as jobs on runner; a newer one cancels one still running.
    explicit DiagramPage(JobRunner *runner, QWidget *parent = nullptr);

    // Which database the diagrams are of: names the kept places. No password in it.
    void setDatabaseKey(const QString &key);
    void showSnapshot(const std::shared_ptr<const SchemaSnapshot> &snapshot);
    void clear();
    void setMarks(const DiagramMarks &marks);
    void clearMarks();

    // "" shows every schema.
    void setSchemaFilter(const QString &schema);
    void findTable(const QString &qualifiedName);
    void focusFind(); // puts the cursor in Find a table, its text selected
    void focusTable(const QString &qualifiedName, int depth);
    void showAllTables();
    // Forgets the kept places and lets Graphviz lay everything out again.
    void relayout();
    Result<QString> exportTo(const QString &path, bool visiblePartOnly, qreal pngScale = 1.0);

    bool isLayingOut() const;
    DiagramScene *scene() const { return m_scene; }
    DiagramView *view() const { return m_view; }
    QString statusText() const;
    void setPlacementStore(const DiagramPlacementStore &store) { m_store = store; }

signals:
    void openInBrowser(quint32 oid);
    // The diagram on screen is complete (laid out and built).
    void diagramReady();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *createToolBar();
    void addFindTools(QToolBar *toolBar);
    void addFocusTools(QToolBar *toolBar);
    void addZoomTools(QToolBar *toolBar);
    void addZoomReadout(QToolBar *toolBar);
    void showZoom(qreal zoom);
    void addExportTools(QToolBar *toolBar);
    void rebuildWhenShown();
    void fillSchemaFilter();
    void rebuild();
    void onLayoutFinished(LayoutJob &job, const JobEnd &end);
    void buildScene(const DiagramPlacement &placement);
    QString placementKey() const;
    void savePlacement();
    void exportInteractively(bool visiblePartOnly);
    void setStatus(const QString &text);
    void updateLegend();

    DiagramScene *m_scene;
    DiagramView *m_view;
    PlaceholderStack *m_stack;
    JobSlot *m_layouts; // newest wins: a layout for an older request is never drawn
    QComboBox *m_schemaFilter = nullptr;
    QLineEdit *m_find = nullptr;
    QSpinBox *m_depth = nullptr;
    QAction *m_showAllAction = nullptr;
    QComboBox *m_zoom = nullptr;
    QAction *m_overviewAction = nullptr;
    OverviewPlace m_lastOverviewCorner = OverviewPlace::BottomRight; // where Overview puts it back
    QLabel *m_legend = nullptr;
    QLabel *m_status = nullptr;
    DiagramPlacementStore m_store;
    QString m_databaseKey;
    QString m_schema;
    std::shared_ptr<const SchemaSnapshot> m_snapshot;
    DiagramMarks m_marks;
    DiagramModel m_model;
    QVector<QSizeF> m_sizes;
    DiagramPlacement m_placed;
    PlacementPlan m_plan;
    qint64 m_layoutStartedMs = 0;
    qint64 m_drawnInMs = 0;
    QString m_engine; // empty when every table had a kept place
    bool m_fitWhenBuilt = true;
    bool m_rebuildPending = false;
};

} // namespace nrdb
