#include "diagramplacement.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRectF>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace nrdb {

namespace {

constexpr qreal kBlockGap = 120; // between the tables already placed and a block of new ones

QJsonArray pointsToJson(const QVector<QPointF> &points)
{
    QJsonArray array;
    for (const QPointF &point : points) {
        array.append(point.x());
        array.append(point.y());
    }
    return array;
}

QVector<QPointF> pointsFromJson(const QJsonArray &array)
{
    QVector<QPointF> points;
    for (qsizetype i = 0; i + 1 < array.size(); i += 2)
        points << QPointF(array.at(i).toDouble(), array.at(i + 1).toDouble());
    return points;
}

QRectF boxAt(const QPointF &center, const QSizeF &size)
{
    return {center.x() - size.width() / 2, center.y() - size.height() / 2, size.width(), size.height()};
}

} // namespace

QString DiagramPlacement::relationKey(const DiagramModel &model, const DiagramRelation &relation)
{
    return model.tables.at(relation.from).qualifiedName() + QLatin1Char('/') + relation.name;
}

QJsonObject DiagramPlacement::toJson() const
{
    QJsonObject tables;
    for (auto it = centers.cbegin(); it != centers.cend(); ++it)
        tables.insert(it.key(), pointsToJson({it.value()}));
    QJsonObject relations;
    for (auto it = routes.cbegin(); it != routes.cend(); ++it)
        relations.insert(it.key(), pointsToJson(it.value()));
    return QJsonObject{
        {QStringLiteral("format"), 1}, {QStringLiteral("tables"), tables}, {QStringLiteral("relations"), relations}};
}

DiagramPlacement DiagramPlacement::fromJson(const QJsonObject &json)
{
    DiagramPlacement placement;
    if (json.value(QStringLiteral("format")).toInt() != 1)
        return placement;
    const QJsonObject tables = json.value(QStringLiteral("tables")).toObject();
    for (auto it = tables.constBegin(); it != tables.constEnd(); ++it) {
        const QVector<QPointF> point = pointsFromJson(it.value().toArray());
        if (point.size() == 1)
            placement.centers.insert(it.key(), point.first());
    }
    const QJsonObject relations = json.value(QStringLiteral("relations")).toObject();
    for (auto it = relations.constBegin(); it != relations.constEnd(); ++it)
        placement.routes.insert(it.key(), pointsFromJson(it.value().toArray()));
    return placement;
}

PlacementPlan planPlacement(const DiagramModel &model, const QVector<QSizeF> &sizes, const DiagramPlacement &placed)
{
    PlacementPlan plan;
    QHash<int, int> boxOf;
    for (int i = 0; i < model.tables.size(); ++i) {
        if (placed.centers.contains(model.tables.at(i).qualifiedName()))
            continue;
        boxOf.insert(i, int(plan.tables.size()));
        plan.tables << i;
        plan.input.sizes << sizes.at(i);
    }
    for (int i = 0; i < model.relations.size(); ++i) {
        const DiagramRelation &relation = model.relations.at(i);
        if (boxOf.contains(relation.from) && boxOf.contains(relation.to)) {
            plan.relations << i;
            plan.input.edges << qMakePair(boxOf.value(relation.to), boxOf.value(relation.from));
        }
    }
    return plan;
}

DiagramPlacement completePlacement(const DiagramModel &model, const QVector<QSizeF> &sizes, DiagramPlacement placed,
                                   const PlacementPlan &plan, const LayoutResult &layout)
{
    QPointF offset;
    if (!placed.isEmpty()) {
        QRectF bounds;
        for (int i = 0; i < model.tables.size(); ++i) {
            const auto center = placed.centers.constFind(model.tables.at(i).qualifiedName());
            if (center != placed.centers.constEnd())
                bounds |= boxAt(*center, sizes.at(i));
        }
        offset = QPointF(bounds.right() + kBlockGap, bounds.top());
    }
    for (int box = 0; box < plan.tables.size() && box < layout.centers.size(); ++box)
        placed.centers.insert(model.tables.at(plan.tables.at(box)).qualifiedName(), layout.centers.at(box) + offset);
    for (int edge = 0; edge < plan.relations.size() && edge < layout.edgePaths.size(); ++edge) {
        QVector<QPointF> route = layout.edgePaths.at(edge);
        if (route.isEmpty())
            continue;
        std::reverse(route.begin(), route.end()); // laid out referenced -> referencing
        for (QPointF &point : route)
            point += offset;
        placed.routes.insert(DiagramPlacement::relationKey(model, model.relations.at(plan.relations.at(edge))), route);
    }
    return placed;
}

DiagramPlacementStore::DiagramPlacementStore(QString directory) : m_directory(std::move(directory))
{
}

QString DiagramPlacementStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/diagrams");
}

QString DiagramPlacementStore::pathFor(const QString &key) const
{
    const QByteArray digest = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex();
    return m_directory + QLatin1Char('/') + QString::fromLatin1(digest) + QStringLiteral(".json");
}

DiagramPlacement DiagramPlacementStore::load(const QString &key) const
{
    QFile file(pathFor(key));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    if (json.value(QStringLiteral("key")).toString() != key)
        return {};
    return DiagramPlacement::fromJson(json);
}

Status DiagramPlacementStore::save(const QString &key, const DiagramPlacement &placement) const
{
    if (!QDir().mkpath(m_directory))
        return Error::io(QStringLiteral("Cannot create %1").arg(m_directory));
    QJsonObject json = placement.toJson();
    json.insert(QStringLiteral("key"), key);
    QSaveFile file(pathFor(key));
    if (!file.open(QIODevice::WriteOnly))
        return Error::io(QStringLiteral("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    file.write(QJsonDocument(json).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return Error::io(QStringLiteral("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    return {};
}

void DiagramPlacementStore::remove(const QString &key) const
{
    QFile::remove(pathFor(key));
}

} // namespace nrdb
