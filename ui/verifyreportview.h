#pragma once

#include "model/verifyreport.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace nrdb {

class PlaceholderStack;

// A verify report as a tree: verdict, required tables, migrations, drift (by table, with expected
// and actual definitions) and lint findings; "Save HTML Report…" writes the same report as a page,
// "Repair…" asks for the script that takes the drift away.
// GUI thread only.
class VerifyReportView : public QWidget {
    Q_OBJECT
public:
    explicit VerifyReportView(QWidget *parent = nullptr);

    void showReport(const VerifyReport &report);
    // A verify that could not run: said over the last report, which is marked as older.
    void showFailure(const Error &error);
    void clear();
    bool saveHtml(const QString &path) const;

signals:
    // Repair… was clicked: the report shows drift a script can take away.
    void repairRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillTree();
    void colourVerdict(); // red with differences, green without: legible on the palette

    VerifyReport m_report;
    bool m_hasReport = false;
    bool m_failed = false; // the last verify could not run: the report shown is older
    QLabel *m_verdict;
    QTreeWidget *m_tree;
    PlaceholderStack *m_stack;
    QPushButton *m_save;
    QPushButton *m_repair;
};

} // namespace nrdb
