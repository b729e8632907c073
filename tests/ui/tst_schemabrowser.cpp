// The schema browser as real widgets on a real database.
#include "activeconnection.h"
#include "datapreview.h"
#include "queries.h"
#include "schemabrowser.h"
#include "scratchdatabase.h"
#include "tabledetailsview.h"

#include "catalog/schematreemodel.h"
#include "connection/databasesession.h"
#include "jobs/jobrunner.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QtTest/QtTest>

using namespace nrdb;

class TestSchemaBrowser : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
        DatabaseSession session;
        QVERIFY(session.open(m_scratch.profile()));
        QSqlQuery query(session.database());
        for (const char *statement :
             {"CREATE TABLE users (id varchar(36) PRIMARY KEY, username varchar(50) NOT NULL)",
              "CREATE TABLE devices (id varchar(36) PRIMARY KEY, hostname varchar(255), owner_id varchar(36) "
              "REFERENCES users (id))",
              "CREATE TABLE device_tags (device_id varchar(36) REFERENCES devices (id) ON DELETE CASCADE, tag text)",
              "CREATE TABLE \"job \"\"log\"\"\" (id int PRIMARY KEY)",
              "INSERT INTO devices SELECT lpad(g::text, 4, '0'), 'router-' || g FROM generate_series(1, 450) g"})
            QVERIFY2(query.exec(QString::fromUtf8(statement)), qPrintable(query.lastError().text()));
    }

    void init()
    {
        m_runner = std::make_unique<JobRunner>();
        m_connection = std::make_unique<ActiveConnection>(nullptr);
        m_browser = std::make_unique<SchemaBrowser>(m_runner.get(), m_connection.get());
        m_browser->resize(1000, 700);
        m_browser->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_browser.get()));
        m_connection->open(Connected{m_scratch.profile(), {}, {}, {}});
        QVERIFY(m_runner->waitForIdle(20000)); // the schema read on opening
    }

    void cleanup()
    {
        m_browser.reset();
        m_connection.reset();
        m_runner.reset();
    }

    void openingAConnectionReadsItsSchema()
    {
        auto *tree = m_browser->findChild<QTreeView *>(QStringLiteral("schemaTree"));
        QCOMPARE(tree->model()->rowCount(), 1); // read in init()
        m_connection->close();
        QCOMPARE(tree->model()->rowCount(), 0);
        QVERIFY(!m_browser->snapshot());
        QSignalSpy loaded(m_browser.get(), &SchemaBrowser::snapshotLoaded);
        m_connection->open(Connected{m_scratch.profile(), {}, {}, {}});
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        QCOMPARE(tree->model()->rowCount(), 1);
    }

    void newestRefreshWins()
    {
        QSignalSpy loaded(m_browser.get(), &SchemaBrowser::snapshotLoaded);
        m_browser->refresh();
        m_browser->refresh();
        QVERIFY(m_runner->waitForIdle(20000));
        QCOMPARE(loaded.count(), 1);
        QVERIFY(m_browser->findChild<QLabel *>(QStringLiteral("schemaSummary"))
                    ->text()
                    .startsWith(QLatin1String("4 tables")));
    }

    // A refresh still reading when the connection goes is cancelled and never shown.
    void aRefreshOfAConnectionThatWentIsNeverShown()
    {
        QSignalSpy loaded(m_browser.get(), &SchemaBrowser::snapshotLoaded);
        QSignalSpy finished(m_runner.get(), &JobRunner::finished);
        m_browser->refresh();
        m_connection->close();
        QVERIFY(m_runner->waitForIdle(20000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(loaded.count(), 0);
        QVERIFY(!m_browser->snapshot());
        QCOMPARE(m_browser->findChild<QTreeView *>(QStringLiteral("schemaTree"))->model()->rowCount(), 0);
    }

    void searchDetailsLinksAndData()
    {
        QSignalSpy loaded(m_browser.get(), &SchemaBrowser::snapshotLoaded);
        m_browser->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        auto *tree = m_browser->findChild<QTreeView *>(QStringLiteral("schemaTree"));
        const QAbstractItemModel *model = tree->model();
        QCOMPARE(model->rowCount(), 1); // public
        QCOMPARE(model->rowCount(model->index(0, 0)), 4);

        m_browser->findChild<QLineEdit *>(QStringLiteral("schemaSearch"))->setText(QStringLiteral("DEVICE"));
        QTRY_COMPARE(model->rowCount(model->index(0, 0)), 2); // devices, device_tags
        m_browser->findChild<QLineEdit *>(QStringLiteral("schemaSearch"))->setText(QStringLiteral("log\""));
        QTRY_COMPARE(model->rowCount(model->index(0, 0)), 1);
        QCOMPARE(model->index(0, 0, model->index(0, 0)).data().toString(), QStringLiteral("job \"log\""));
        m_browser->findChild<QLineEdit *>(QStringLiteral("schemaSearch"))->setText(QStringLiteral("no such table"));
        QTRY_COMPARE(model->rowCount(), 0);
        m_browser->findChild<QLineEdit *>(QStringLiteral("schemaSearch"))->clear();
        QTRY_COMPARE(model->rowCount(), 1);

        const quint32 devices =
            m_browser->snapshot()->relation(QStringLiteral("public"), QStringLiteral("devices"))->oid;
        m_browser->showRelation(devices);
        auto *details = m_browser->findChild<TableDetailsView *>(QStringLiteral("tableDetails"));
        const QString html = details->toHtml();
        QVERIFY(html.contains(QLatin1String("Referenced by")));
        QVERIFY(html.contains(QLatin1String("relation:")));
        QVERIFY(details->toPlainText().contains(
            QLatin1String("Foreign key devices_owner_id_fkey (owner_id) has no index")));
        QVERIFY(details->toPlainText().contains(QLatin1String("CREATE TABLE \"public\".\"devices\"")));

        // Following the link to users selects it.
        const quint32 users = m_browser->snapshot()->relation(QStringLiteral("public"), QStringLiteral("users"))->oid;
        emit details->relationActivated(users);
        QCOMPARE(tree->currentIndex().data(SchemaTreeModel::RelationOidRole).toUInt(), users);

        m_browser->showRelation(devices);
        auto *tabs = m_browser->findChild<QTabWidget *>(QStringLiteral("relationTabs"));
        auto *data = m_browser->findChild<DataPreview *>(QStringLiteral("dataPreview"));
        QSignalSpy pages(data, &DataPreview::pageShown);
        QSignalSpy listed(m_runner.get(), &JobRunner::submitted);
        QSignalSpy logged(m_runner.get(), &JobRunner::messageLogged);
        tabs->setCurrentWidget(data);
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 1, 10000);
        QCOMPARE(data->model()->rowCount(), 200);
        QCOMPARE(data->model()->index(0, 0).data().toString(), QStringLiteral("0001"));
        auto *next = data->findChild<QPushButton *>(QStringLiteral("nextPageButton"));
        QVERIFY(next->isEnabled());
        next->click();
        next->click(); // the second click waits for the page: the buttons are off while one loads
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 2, 10000);
        QCOMPARE(data->model()->index(0, 0).data().toString(), QStringLiteral("0201"));
        next->click();
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 3, 10000);
        QCOMPARE(data->model()->rowCount(), 50);
        QVERIFY(!next->isEnabled());
        const QString status = data->findChild<QLabel *>(QStringLiteral("pageStatus"))->text();
        QVERIFY2(status.startsWith(QStringLiteral("Rows 401–450")) && status.endsWith(QLatin1String(", ordered by id")),
                 qPrintable(status)); // "of about 450" once the table is analysed
        // Paging is browsing: no job row, no log line for each page.
        QCOMPARE(listed.count(), 0);
        QCOMPARE(logged.count(), 0);

        // The exact count is asked for, and is a job of its own.
        auto *count = data->findChild<QPushButton *>(QStringLiteral("countRowsButton"));
        auto *statusLabel = data->findChild<QLabel *>(QStringLiteral("pageStatus"));
        QVERIFY(count->isEnabled());
        count->click();
        QTRY_VERIFY_WITH_TIMEOUT(statusLabel->text().startsWith(QStringLiteral("Rows 401–450 of 450, ")), 10000);
        QCOMPARE(listed.count(), 1);
        QCOMPARE(listed.first().at(1).toString(), QStringLiteral("Count the rows of public.devices"));
        QVERIFY(!count->isEnabled()); // counted: nothing more to ask
        data->setFilter(QStringLiteral("hostname"), QStringLiteral("ER-45"));
        QTRY_VERIFY_WITH_TIMEOUT(statusLabel->text().startsWith(QStringLiteral("Rows 1–2 with")), 10000);
        QVERIFY(count->isEnabled()); // another set of rows: counted again on request
        count->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            statusLabel->text().startsWith(QStringLiteral("Rows 1–2 of 2 with “ER-45” in hostname")), 10000);
    }

    // A header click sorts on the server, across pages; the filter is a bound value, so % and a
    // quote are only text; both start again from the first page.
    void theDataTabSortsAndFiltersOnTheServer()
    {
        const quint32 devices =
            m_browser->snapshot()->relation(QStringLiteral("public"), QStringLiteral("devices"))->oid;
        m_browser->showRelation(devices);
        auto *data = m_browser->findChild<DataPreview *>(QStringLiteral("dataPreview"));
        auto *view = data->findChild<QTableView *>(QStringLiteral("dataView"));
        auto *status = data->findChild<QLabel *>(QStringLiteral("pageStatus"));
        QSignalSpy pages(data, &DataPreview::pageShown);
        m_browser->findChild<QTabWidget *>(QStringLiteral("relationTabs"))->setCurrentWidget(data);
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 1, 10000);

        view->horizontalHeader()->setSortIndicator(1, Qt::DescendingOrder); // as a click on "hostname" twice
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 2, 10000);
        QCOMPARE(data->model()->index(0, 1).data().toString(), QStringLiteral("router-99"));
        QVERIFY2(status->text().endsWith(QLatin1String(", ordered by hostname (descending)")),
                 qPrintable(status->text()));

        auto *filter = data->findChild<QLineEdit *>(QStringLiteral("dataFilterText"));
        auto *column = data->findChild<QComboBox *>(QStringLiteral("dataFilterColumn"));
        column->setCurrentIndex(column->findText(QStringLiteral("hostname")));
        filter->setText(QStringLiteral("ER-45"));
        emit filter->returnPressed();
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 3, 10000);
        QCOMPARE(data->model()->rowCount(), 2); // router-450, router-45: still sorted
        QCOMPARE(data->model()->index(0, 1).data().toString(), QStringLiteral("router-450"));
        QVERIFY2(status->text().contains(QStringLiteral("with “ER-45” in hostname")), qPrintable(status->text()));
        auto shown = pages.count();
        for (const QString &text : {QStringLiteral("router-4%"), QStringLiteral("' OR true --")}) {
            data->setFilter(QStringLiteral("hostname"), text);
            ++shown;
            QTRY_COMPARE_WITH_TIMEOUT(pages.count(), shown, 10000);
            QCOMPARE(data->model()->rowCount(), 0);
        }
        data->setFilter(QStringLiteral("hostname"), {});
        ++shown;
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), shown, 10000);
        QCOMPARE(data->model()->rowCount(), 200);
    }

    // The search also finds columns, and shows them; says when nothing matches; and once cleared,
    // the tree is expanded as it was before.
    void searchFindsColumnsSaysNoMatchesAndKeepsExpansion()
    {
        auto *tree = m_browser->findChild<QTreeView *>(QStringLiteral("schemaTree"));
        auto *search = m_browser->findChild<QLineEdit *>(QStringLiteral("schemaSearch"));
        auto *summary = m_browser->findChild<QLabel *>(QStringLiteral("schemaSummary"));
        const QAbstractItemModel *model = tree->model();
        const auto relationRow = [model](const QString &name) {
            const QModelIndex schema = model->index(0, 0);
            for (int row = 0; row < model->rowCount(schema); ++row) {
                if (model->index(row, 0, schema).data().toString() == name)
                    return model->index(row, 0, schema);
            }
            return QModelIndex();
        };
        tree->expand(relationRow(QStringLiteral("users")));
        const QString counts = summary->text();
        QVERIFY2(counts.startsWith(QLatin1String("4 tables")), qPrintable(counts));

        search->setText(QStringLiteral("HOSTNAME"));
        QTRY_COMPARE(summary->text(), QStringLiteral("1 relation matches “HOSTNAME”."));
        const QModelIndex devices = relationRow(QStringLiteral("devices"));
        QVERIFY(devices.isValid());
        QVERIFY(tree->isExpanded(devices));
        QCOMPARE(model->rowCount(devices), 1); // its columns only
        const QModelIndex columns = model->index(0, 0, devices);
        QVERIFY(tree->isExpanded(columns));
        QCOMPARE(model->rowCount(columns), 1);
        QCOMPARE(model->index(0, 0, columns).data().toString(), QStringLiteral("hostname"));

        search->setText(QStringLiteral("owner"));
        QTRY_COMPARE(summary->text(), QStringLiteral("1 relation matches “owner”."));
        search->setText(QStringLiteral("zzz"));
        QTRY_COMPARE(summary->text(), QStringLiteral("No table, view or column matches “zzz”."));
        QCOMPARE(model->rowCount(), 0);

        search->clear();
        QTRY_COMPARE(summary->text(), counts);
        QVERIFY(tree->isExpanded(model->index(0, 0)));
        QVERIFY(tree->isExpanded(relationRow(QStringLiteral("users"))));
        QVERIFY(!tree->isExpanded(relationRow(QStringLiteral("devices"))));
    }

    // Each table's row says its estimated rows (or that it was never analysed) and its size.
    void tablesShowTheirRowsAndSize()
    {
        auto *tree = m_browser->findChild<QTreeView *>(QStringLiteral("schemaTree"));
        const QAbstractItemModel *model = tree->model();
        const auto cell = [model](const QString &name, int column) {
            const QModelIndex schema = model->index(0, 0);
            for (int row = 0; row < model->rowCount(schema); ++row) {
                if (model->index(row, 0, schema).data().toString() == name)
                    return model->index(row, column, schema).data().toString();
            }
            return QString();
        };
        QCOMPARE(cell(QStringLiteral("users"), SchemaTreeModel::RowsColumn), QStringLiteral("not analysed"));
        QVERIFY(test::queryValues(m_scratch.profile(), QStringLiteral("ANALYZE devices")).isEmpty());
        QSignalSpy loaded(m_browser.get(), &SchemaBrowser::snapshotLoaded);
        m_browser->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        QCOMPARE(cell(QStringLiteral("devices"), SchemaTreeModel::RowsColumn),
                 QStringLiteral("≈ %1").arg(QLocale().toString(450)));
        QVERIFY2(cell(QStringLiteral("devices"), SchemaTreeModel::SizeColumn).contains(QLatin1String("KiB")),
                 qPrintable(cell(QStringLiteral("devices"), SchemaTreeModel::SizeColumn)));
    }

    // The context menu of a table copies its name (quoted as SQL needs) and its DDL, asks for it
    // on the diagram and previews its rows; a column's copies the column's name.
    void theContextMenuCopiesShowsAndPreviews()
    {
        auto *tree = m_browser->findChild<QTreeView *>(QStringLiteral("schemaTree"));
        const QAbstractItemModel *model = tree->model();
        const QModelIndex schema = model->index(0, 0);
        const auto relationRow = [&](const QString &name) {
            for (int row = 0; row < model->rowCount(schema); ++row) {
                if (model->index(row, 0, schema).data().toString() == name)
                    return model->index(row, 0, schema);
            }
            return QModelIndex();
        };
        const auto trigger = [this](const QModelIndex &index, const QString &text) {
            std::unique_ptr<QMenu> menu(m_browser->createContextMenu(index, nullptr));
            if (!menu)
                return false;
            for (QAction *action : menu->actions()) {
                if (action->text() == text) {
                    action->trigger();
                    return true;
                }
            }
            return false;
        };
        QVERIFY(!m_browser->createContextMenu(schema, nullptr)); // a schema has none
        const QModelIndex devices = relationRow(QStringLiteral("devices"));
        QVERIFY(trigger(devices, QStringLiteral("Copy Name")));
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("public.devices"));
        QVERIFY(trigger(relationRow(QStringLiteral("job \"log\"")), QStringLiteral("Copy Name")));
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("public.\"job \"\"log\"\"\""));
        QVERIFY(trigger(devices, QStringLiteral("Copy DDL")));
        QVERIFY2(QGuiApplication::clipboard()->text().startsWith(QLatin1String("CREATE TABLE \"public\".\"devices\"")),
                 qPrintable(QGuiApplication::clipboard()->text()));
        const QModelIndex columns = model->index(SchemaTreeModel::ColumnsGroup, 0, devices);
        QVERIFY(trigger(model->index(1, 0, columns), QStringLiteral("Copy Name")));
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("hostname"));

        QSignalSpy diagram(m_browser.get(), &SchemaBrowser::showInDiagramRequested);
        QVERIFY(trigger(devices, QStringLiteral("Show in Diagram")));
        QCOMPARE(diagram.value(0).value(0).toString(), QStringLiteral("public.devices"));
        auto *data = m_browser->findChild<DataPreview *>(QStringLiteral("dataPreview"));
        QSignalSpy pages(data, &DataPreview::pageShown);
        QVERIFY(trigger(devices, QStringLiteral("Preview Data")));
        QCOMPARE(m_browser->findChild<QTabWidget *>(QStringLiteral("relationTabs"))->currentWidget(), data);
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 1, 10000);
        QCOMPARE(data->model()->index(0, 0).data().toString(), QStringLiteral("0001"));
    }

private:
    test::ScratchDatabase m_scratch;
    std::unique_ptr<JobRunner> m_runner;
    std::unique_ptr<ActiveConnection> m_connection;
    std::unique_ptr<SchemaBrowser> m_browser;
};

QTEST_MAIN(TestSchemaBrowser)
#include "tst_schemabrowser.moc"
