// The diagram's geometry: the model read from a snapshot, Graphviz's layout, kept places and
// verify's marks. No server and no widgets needed.
#include "diagram/diagrammodel.h"
#include "diagram/diagramplacement.h"
#include "diagram/graphlayout.h"
#include "diagram/verifymarks.h"

#include <QRectF>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace nrdb;

namespace {

RelationInfo table(quint32 oid, const QString &schema, const QString &name, const QStringList &columns)
{
    RelationInfo relation;
    relation.oid = oid;
    relation.schema = schema;
    relation.name = name;
    for (const QString &columnName : columns) {
        ColumnInfo column;
        column.position = int(relation.columns.size()) + 1;
        column.name = columnName;
        column.type = QStringLiteral("bigint");
        relation.columns << column;
    }
    ConstraintInfo primaryKey;
    primaryKey.name = name + QStringLiteral("_pkey");
    primaryKey.type = ConstraintType::PrimaryKey;
    primaryKey.columns = {columns.first()};
    relation.constraints << primaryKey;
    return relation;
}

ConstraintInfo foreignKey(const QString &name, const QString &column, quint32 target, const QString &onDelete)
{
    ConstraintInfo constraint;
    constraint.name = name;
    constraint.type = ConstraintType::ForeignKey;
    constraint.columns = {column};
    constraint.referencedOid = target;
    constraint.referencedColumns = {QStringLiteral("id")};
    constraint.onDelete = onDelete;
    return constraint;
}

// users <- devices <- device_tags (cascade); devices <- device_details (one-to-one); a view and a
// table in another schema.
SchemaSnapshot sampleSnapshot()
{
    SchemaSnapshot snapshot;
    RelationInfo users = table(1, QStringLiteral("app"), QStringLiteral("users"), {QStringLiteral("id")});
    RelationInfo devices =
        table(2, QStringLiteral("app"), QStringLiteral("devices"), {QStringLiteral("id"), QStringLiteral("owner_id")});
    devices.constraints << foreignKey(QStringLiteral("devices_owner_fkey"), QStringLiteral("owner_id"), 1,
                                      QStringLiteral("NO ACTION"));
    RelationInfo tags = table(3, QStringLiteral("app"), QStringLiteral("device_tags"),
                              {QStringLiteral("id"), QStringLiteral("device_id")});
    tags.constraints << foreignKey(QStringLiteral("device_tags_device_fkey"), QStringLiteral("device_id"), 2,
                                   QStringLiteral("CASCADE"));
    RelationInfo details =
        table(4, QStringLiteral("app"), QStringLiteral("device_details"), {QStringLiteral("device_id")});
    details.constraints << foreignKey(QStringLiteral("device_details_device_fkey"), QStringLiteral("device_id"), 2,
                                      QStringLiteral("CASCADE"));
    RelationInfo view = table(5, QStringLiteral("app"), QStringLiteral("device_view"), {QStringLiteral("id")});
    view.kind = RelationKind::View;
    RelationInfo audit =
        table(6, QStringLiteral("audit"), QStringLiteral("events"), {QStringLiteral("id"), QStringLiteral("user_id")});
    audit.constraints << foreignKey(QStringLiteral("events_user_fkey"), QStringLiteral("user_id"), 1,
                                    QStringLiteral("NO ACTION"));
    snapshot.relations = {users, devices, tags, details, view, audit};
    snapshot.index();
    return snapshot;
}

const DiagramRelation *relationNamed(const DiagramModel &model, const QString &name)
{
    for (const DiagramRelation &relation : model.relations)
        if (relation.name == name)
            return &relation;
    return nullptr;
}

QRectF boxAt(const QPointF &center, const QSizeF &size)
{
    return {center.x() - size.width() / 2, center.y() - size.height() / 2, size.width(), size.height()};
}

LayoutInput chain(int boxes)
{
    LayoutInput input;
    for (int i = 0; i < boxes; ++i)
        input.sizes << QSizeF(160 + (i % 3) * 20, 80 + (i % 5) * 18);
    for (int i = 1; i < boxes; ++i)
        input.edges << qMakePair(i - 1, i) << qMakePair(i / 2, i);
    return input;
}

void verifyNoOverlap(const LayoutInput &input, const LayoutResult &result)
{
    QCOMPARE(result.centers.size(), input.sizes.size());
    for (int a = 0; a < input.sizes.size(); ++a)
        for (int b = a + 1; b < input.sizes.size(); ++b) {
            const QRectF overlap = boxAt(result.centers.at(a), input.sizes.at(a))
                                       .intersected(boxAt(result.centers.at(b), input.sizes.at(b)));
            QVERIFY2(overlap.width() < 1 || overlap.height() < 1,
                     qPrintable(QStringLiteral("boxes %1 and %2 overlap").arg(a).arg(b)));
        }
}

} // namespace

class TestDiagram : public QObject {
    Q_OBJECT
private slots:
    void modelFromSnapshot()
    {
        const SchemaSnapshot snapshot = sampleSnapshot();
        const DiagramModel all = DiagramModel::fromSnapshot(snapshot);
        QCOMPARE(all.tables.size(), 5); // the view is not drawn
        QCOMPARE(all.relations.size(), 4);
        const DiagramModel app = DiagramModel::fromSnapshot(snapshot, {QStringLiteral("app")});
        QCOMPARE(app.tables.size(), 4);
        QCOMPARE(app.relations.size(), 3); // events -> users crosses into another schema

        const DiagramRelation *owner = relationNamed(app, QStringLiteral("devices_owner_fkey"));
        QVERIFY(owner);
        QCOMPARE(app.tables.at(owner->from).name, QStringLiteral("devices"));
        QCOMPARE(app.tables.at(owner->to).name, QStringLiteral("users"));
        QVERIFY(!owner->oneToOne);
        QVERIFY(!owner->cascadeDelete);
        const DiagramRelation *tags = relationNamed(app, QStringLiteral("device_tags_device_fkey"));
        QVERIFY(!tags->oneToOne);
        QVERIFY(tags->cascadeDelete);
        const DiagramRelation *details = relationNamed(app, QStringLiteral("device_details_device_fkey"));
        QVERIFY(details->oneToOne); // its column is the primary key
        QVERIFY(details->describe(QStringLiteral("a"), QStringLiteral("b"))
                    .contains(QLatin1String("one-to-one, ON DELETE CASCADE")));

        const DiagramTable &devices = app.tables.at(app.indexOf(QStringLiteral("app.devices")));
        QVERIFY(devices.columns.at(0).primaryKey && !devices.columns.at(0).foreignKey);
        QVERIFY(!devices.columns.at(1).primaryKey && devices.columns.at(1).foreignKey);
        QCOMPARE(devices.columns.at(1).type, QStringLiteral("bigint"));
    }

    void neighbourhood()
    {
        const DiagramModel model = DiagramModel::fromSnapshot(sampleSnapshot());
        const auto names = [&model](const QVector<int> &tables) {
            QStringList result;
            for (int table : tables)
                result << model.tables.at(table).name;
            result.sort();
            return result;
        };
        const int users = model.indexOf(QStringLiteral("app.users"));
        QCOMPARE(names(model.neighbourhood(users, 1)),
                 (QStringList{QStringLiteral("devices"), QStringLiteral("events"), QStringLiteral("users")}));
        QCOMPARE(model.neighbourhood(users, 2).size(), 5);
        QCOMPARE(model.neighbourhood(model.indexOf(QStringLiteral("app.device_tags")), 1).size(), 2);
    }

    void marksAddWhatIsMissing()
    {
        DiagramModel model = DiagramModel::fromSnapshot(sampleSnapshot(), {QStringLiteral("app")});
        DiagramMarks marks;
        marks.tables.insert(QStringLiteral("app.credentials"), DiagramStatus::Missing);
        marks.tables.insert(QStringLiteral("app.device_tags"), DiagramStatus::Extra);
        marks.tables.insert(QStringLiteral("app.nowhere"), DiagramStatus::Changed); // not drawn, not missing: ignored
        marks.columns.insert(QStringLiteral("app.devices.owner_id"), DiagramStatus::Changed);
        marks.columns.insert(QStringLiteral("app.devices.hostname"), DiagramStatus::Missing);
        model.applyMarks(marks);
        QCOMPARE(model.tables.size(), 5);
        const DiagramTable &ghost = model.tables.at(model.indexOf(QStringLiteral("app.credentials")));
        QCOMPARE(ghost.status, DiagramStatus::Missing);
        QCOMPARE(ghost.oid, 0u);
        QCOMPARE(model.tables.at(model.indexOf(QStringLiteral("app.device_tags"))).status, DiagramStatus::Extra);
        const DiagramTable &devices = model.tables.at(model.indexOf(QStringLiteral("app.devices")));
        QCOMPARE(devices.status, DiagramStatus::Changed);
        QCOMPARE(devices.columns.size(), 3);
        QCOMPARE(devices.columns.at(1).status, DiagramStatus::Changed);
        QCOMPARE(devices.columns.at(2).name, QStringLiteral("hostname"));
        QCOMPARE(devices.columns.at(2).status, DiagramStatus::Missing);
        QCOMPARE(model.indexOf(QStringLiteral("app.nowhere")), -1);
    }

    void marksFromAVerifyReport()
    {
        VerifyReport report;
        report.schema = QStringLiteral("netraven");
        report.requiredMissing = {QStringLiteral("credentials")};
        report.drift = {
            DriftItem{DriftKind::Extra,
                      QStringLiteral("table"),
                      QStringLiteral("scratch"),
                      {},
                      {},
                      QStringLiteral("scratch")},
            DriftItem{DriftKind::Changed, QStringLiteral("column"), QStringLiteral("devices"),
                      QStringLiteral("hostname"), QStringLiteral("character varying(255)"), QStringLiteral("text")},
            DriftItem{DriftKind::Missing,
                      QStringLiteral("index"),
                      QStringLiteral("users"),
                      QStringLiteral("ix_users_email"),
                      QStringLiteral("CREATE INDEX …"),
                      {}},
        };
        const DiagramMarks marks = marksFromVerify(report);
        QCOMPARE(marks.tables.value(QStringLiteral("netraven.credentials")), DiagramStatus::Missing);
        QCOMPARE(marks.tables.value(QStringLiteral("netraven.scratch")), DiagramStatus::Extra);
        QCOMPARE(marks.tables.value(QStringLiteral("netraven.users")), DiagramStatus::Changed);
        QCOMPARE(marks.columns.value(QStringLiteral("netraven.devices.hostname")), DiagramStatus::Changed);
        QCOMPARE(marks.tables.size(), 3);
        QCOMPARE(marks.columns.size(), 1);
    }

    void smallGraphsAreLayered()
    {
        const LayoutInput input = chain(12);
        const Result<LayoutResult> layout = layoutGraph(input);
        QVERIFY2(layout, layout ? "" : qPrintable(layout.error().message));
        QCOMPARE(layout.value().engine, QStringLiteral("dot"));
        verifyNoOverlap(input, layout.value());
        QCOMPARE(layout.value().edgePaths.size(), input.edges.size());
        const QRectF drawing(QPointF(0, 0), layout.value().size);
        for (int edge = 0; edge < input.edges.size(); ++edge) {
            const QVector<QPointF> &path = layout.value().edgePaths.at(edge);
            QVERIFY(path.size() >= 4 && (path.size() - 1) % 3 == 0);
            // Routed from border to border, not from centre to centre.
            const auto [from, to] = input.edges.at(edge);
            const QRectF fromBox = boxAt(layout.value().centers.at(from), input.sizes.at(from));
            const QRectF toBox = boxAt(layout.value().centers.at(to), input.sizes.at(to));
            QVERIFY(fromBox.adjusted(-2, -2, 2, 2).contains(path.first()) &&
                    !fromBox.adjusted(2, 2, -2, -2).contains(path.first()));
            QVERIFY(toBox.adjusted(-2, -2, 2, 2).contains(path.last()) &&
                    !toBox.adjusted(2, 2, -2, -2).contains(path.last()));
        }
        for (const QPointF &center : layout.value().centers)
            QVERIFY(drawing.contains(center));
    }

    void largeGraphsAreForceDirected()
    {
        const LayoutInput input = chain(kLayeredLayoutLimit + 50);
        const Result<LayoutResult> layout = layoutGraph(input);
        QVERIFY(layout);
        QCOMPARE(layout.value().engine, QStringLiteral("sfdp"));
        verifyNoOverlap(input, layout.value());
        for (const QVector<QPointF> &path : layout.value().edgePaths)
            QVERIFY(path.size() >= 4);
    }

    void badInputIsRefused()
    {
        LayoutInput input;
        input.sizes << QSizeF(10, 10);
        input.edges << qMakePair(0, 3);
        QVERIFY(!layoutGraph(input));
        QVERIFY(layoutGraph(LayoutInput{}).value().centers.isEmpty());
    }

    void dotTextDescribesTheSameGraph()
    {
        const LayoutInput input = chain(4);
        const QByteArray laidOut =
            toDot(input, DotAttributes::AsLaidOut,
                  {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d \"quoted\"")});
        QVERIFY(laidOut.contains("nslimit=\"1\""));
        QCOMPARE(laidOut.count("->"), input.edges.size());
        QVERIFY(laidOut.contains("label=\"d \\\"quoted\\\"\""));
        const QByteArray plain = toDot(input, DotAttributes::Plain);
        QVERIFY(!plain.contains("nslimit"));
        QVERIFY(plain.contains("n3 [width=2.222"));
    }

    void newTablesArePlacedBesideTheKeptOnes()
    {
        const SchemaSnapshot snapshot = sampleSnapshot();
        const DiagramModel model = DiagramModel::fromSnapshot(snapshot, {QStringLiteral("app")});
        const QVector<QSizeF> sizes(model.tables.size(), QSizeF(100, 60));
        const PlacementPlan whole = planPlacement(model, sizes, {});
        QCOMPARE(whole.tables.size(), model.tables.size());
        QCOMPARE(whole.input.edges.size(), model.relations.size());
        const DiagramPlacement first = completePlacement(model, sizes, {}, whole, layoutGraph(whole.input).value());
        QCOMPARE(first.centers.size(), model.tables.size());
        QCOMPARE(first.routes.size(), model.relations.size());
        // Routes run from the referencing table to the referenced one.
        const DiagramRelation *owner = relationNamed(model, QStringLiteral("devices_owner_fkey"));
        const QVector<QPointF> route = first.routes.value(DiagramPlacement::relationKey(model, *owner));
        QVERIFY(boxAt(first.centers.value(QStringLiteral("app.devices")), sizes.at(0))
                    .adjusted(-2, -2, 2, 2)
                    .contains(route.first()));

        // The user moved users (its route went with it); a table appears: only it is laid out, to
        // the right of the others.
        DiagramPlacement kept = first;
        kept.centers.insert(QStringLiteral("app.users"), QPointF(-500, -500));
        kept.routes.remove(DiagramPlacement::relationKey(model, *owner));
        SchemaSnapshot grown = snapshot;
        grown.relations << table(7, QStringLiteral("app"), QStringLiteral("sites"), {QStringLiteral("id")});
        grown.index();
        const DiagramModel bigger = DiagramModel::fromSnapshot(grown, {QStringLiteral("app")});
        const QVector<QSizeF> biggerSizes(bigger.tables.size(), QSizeF(100, 60));
        const PlacementPlan rest = planPlacement(bigger, biggerSizes, kept);
        QCOMPARE(rest.tables, QVector<int>{bigger.indexOf(QStringLiteral("app.sites"))});
        const DiagramPlacement after =
            completePlacement(bigger, biggerSizes, kept, rest, layoutGraph(rest.input).value());
        for (auto it = kept.centers.cbegin(); it != kept.centers.cend(); ++it)
            QCOMPARE(after.centers.value(it.key()), it.value());
        qreal right = -1e9;
        for (auto it = kept.centers.cbegin(); it != kept.centers.cend(); ++it)
            right = qMax(right, it.value().x() + 50);
        QVERIFY(after.centers.value(QStringLiteral("app.sites")).x() - 50 > right);
    }

    void placementsAreKeptPerKey()
    {
        QTemporaryDir directory;
        const DiagramPlacementStore store(directory.path() + QStringLiteral("/diagrams"));
        DiagramPlacement placement;
        placement.centers.insert(QStringLiteral("app.users"), QPointF(10.5, -20));
        placement.routes.insert(QStringLiteral("app.devices/fk"),
                                {QPointF(1, 2), QPointF(3, 4), QPointF(5, 6), QPointF(7, 8)});
        QVERIFY(store.save(QStringLiteral("u@h:5432/db|app"), placement));
        const DiagramPlacement loaded = store.load(QStringLiteral("u@h:5432/db|app"));
        QCOMPARE(loaded.centers, placement.centers);
        QCOMPARE(loaded.routes, placement.routes);
        QVERIFY(store.load(QStringLiteral("u@h:5432/db|*")).isEmpty());
        store.remove(QStringLiteral("u@h:5432/db|app"));
        QVERIFY(store.load(QStringLiteral("u@h:5432/db|app")).isEmpty());
        QVERIFY(DiagramPlacement::fromJson(QJsonObject{{QStringLiteral("format"), 99}}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDiagram)
#include "tst_diagram.moc"
