#pragma once

#include "jobs/repairjob.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace nrdb {

// The repair script of a database before it runs: what it repairs, each statement with its lock
// and hazard, what it refuses and the extra objects it keeps. Apply accepts; "Drop the extra
// objects" ends the dialog with Replan, for the script planned the other way. GUI thread only.
class RepairDialog : public QDialog {
    Q_OBJECT
public:
    enum Outcome { Replan = 2 }; // besides Accepted (apply) and Rejected (close)

    RepairDialog(const RepairReport &report, bool allowDrop, QWidget *parent = nullptr);

    QString script() const;
    QString summary() const;
    bool canApply() const;

private:
    void saveScript();

    QString m_script;
    QString m_database;
    bool m_canApply;
    QLabel *m_summary;
    QPlainTextEdit *m_text;
    QCheckBox *m_allowDrop;
    QPushButton *m_apply;
};

} // namespace nrdb
