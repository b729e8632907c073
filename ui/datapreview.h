#pragma once

#include "catalog/schemasnapshot.h"
#include "jobs/connectjob.h"
#include "jobs/rowpagejob.h"
#include "model/modelpack.h"

#include <QAbstractTableModel>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace nrdb {

class ActiveConnection;
class JobRunner;
class JobSlot;
class PlaceholderStack;
struct JobEnd;

// The rows of one page, read-only.
class RowPageModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;
    void setPage(RowPage page);
    const RowPage &page() const { return m_page; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // A header click (the view's sorting on): the rows are sorted by the server, not here.
    void sort(int column, Qt::SortOrder order) override;

signals:
    void sortRequested(const QString &column, Qt::SortOrder order); // "" for the key's order

private:
    RowPage m_page;
};

// Pages through a relation's rows, 200 at a time, read-only, each page read by a job; a page
// asked for later replaces one still on its way. A header click sorts on the server; a filter
// finds the rows whose column contains a text; the pack's secret columns are masked. GUI thread only.
class DataPreview : public QWidget {
    Q_OBJECT
public:
    // Empty again whenever the connection opens or closes.
    DataPreview(JobRunner *runner, const ActiveConnection *connection, QWidget *parent = nullptr);

    void showRelation(const RelationInfo &relation);
    void clear();
    const RowPageModel *model() const { return m_model; }
    // Rows whose column contains text ("" for all), from the first page.
    void setFilter(const QString &column, const QString &text);
    void sortBy(const QString &column, Qt::SortOrder order);

signals:
    void pageShown();

private:
    void load(qint64 offset);
    void countExactly();
    void forgetCount(); // the rows selected changed (another relation or filter)
    void showPage(RowPageJob &job, const JobEnd &end);
    void fitColumns();
    void learnSecrets(const Connected &connection);
    QString totalText(const RowPage &page) const;

    JobSlot *m_pages;  // a page asked for later replaces, and cancels, one still on its way
    JobSlot *m_counts; // the exact count asked for, for the rows the query selects now
    std::optional<qint64> m_exactCount;
    const ActiveConnection *m_connection;
    RelationInfo m_relation;
    RowQuery m_query;
    std::optional<ModelPack> m_pack; // the connected database's, for its secret columns
    RowPageModel *m_model;
    QTableView *m_view;
    PlaceholderStack *m_stack;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_count;
    QLabel *m_status;
    QComboBox *m_filterColumn;
    QLineEdit *m_filterText;
};

} // namespace nrdb
