#pragma once

#include "diagram/diagrammodel.h"
#include "diagram/graphlayout.h"

#include <QHash>
#include <QJsonObject>
#include <QPointF>
#include <QSizeF>

namespace nrdb {

// Where the diagram's tables stand and how its relations are routed, by name, so that it
// survives a refresh: tables keep their places and new tables are placed beside them.
struct DiagramPlacement {
    QHash<QString, QPointF> centers;         // "schema.table" -> centre
    QHash<QString, QVector<QPointF>> routes; // relationKey() -> Bézier chain from referencing to referenced

    static QString relationKey(const DiagramModel &model, const DiagramRelation &relation);
    bool isEmpty() const { return centers.isEmpty(); }

    QJsonObject toJson() const;
    static DiagramPlacement fromJson(const QJsonObject &json);
};

// The part of a diagram that still needs Graphviz: the tables without a place, and the foreign
// keys among them (laid out referenced first, so parents stand left of their children).
struct PlacementPlan {
    LayoutInput input;
    QVector<int> tables;    // model index of each box of input
    QVector<int> relations; // model index of each edge of input
    bool isEmpty() const { return tables.isEmpty(); }
};

PlacementPlan planPlacement(const DiagramModel &model, const QVector<QSizeF> &sizes, const DiagramPlacement &placed);

// `placed` plus the boxes Graphviz laid out; when some tables already had places, the new ones
// go, as one block, to the right of them.
DiagramPlacement completePlacement(const DiagramModel &model, const QVector<QSizeF> &sizes, DiagramPlacement placed,
                                   const PlacementPlan &plan, const LayoutResult &layout);

// Placements kept on disk, one JSON file per database and schema choice, in `directory`.
class DiagramPlacementStore {
public:
    explicit DiagramPlacementStore(QString directory = defaultDirectory());
    static QString defaultDirectory(); // <app data>/diagrams

    DiagramPlacement load(const QString &key) const; // empty when there is none or it is unreadable
    Status save(const QString &key, const DiagramPlacement &placement) const;
    void remove(const QString &key) const;

private:
    QString pathFor(const QString &key) const;
    QString m_directory;
};

} // namespace nrdb
