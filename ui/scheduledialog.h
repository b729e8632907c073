#pragma once

#include "connection/connectionprofile.h"
#include "schedule/backupschedule.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace nrdb {

// Schedule Backups… of one saved environment: when (daily at a time, or every N hours), where,
// the retention and a proof every N backups; its next run and how the last one went; Install
// (or Update) and Remove, through the same units as netraven-dbctl schedule install, which the
// units run. Installing a pruning schedule on production wants its name typed. GUI thread only.
class ScheduleDialog : public QDialog {
    Q_OBJECT
public:
    // dbctl: the netraven-dbctl the units run (locateDbctl()).
    ScheduleDialog(const ConnectionProfile &profile, const QString &dbctl, QWidget *parent = nullptr);

    // The netraven-dbctl beside this program (or in the build tree's cli directory, or on PATH);
    // empty when there is none.
    static QString locateDbctl();

    QString status() const;

public slots:
    void install();
    void remove();

signals:
    // The schedule was installed or removed: the Environments view reads it again.
    void changed(const QString &profile);

private:
    BackupSchedule scheduleInForm() const;
    void showSchedule(const BackupSchedule &schedule);
    void showState(const QString &outcome = {});

    ConnectionProfile m_profile;
    QString m_dbctl;
    QComboBox *m_cadence;
    QTimeEdit *m_at;
    QSpinBox *m_everyHours;
    QLineEdit *m_directory;
    QSpinBox *m_keep;
    QSpinBox *m_keepDays;
    QSpinBox *m_proveEvery;
    QLabel *m_state;
    QPushButton *m_install;
    QPushButton *m_remove;
};

} // namespace nrdb
