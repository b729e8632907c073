#pragma once

#include "schedule/backupschedule.h"
#include "util/result.h"

#include <QList>
#include <QSettings>

#include <optional>

namespace nrdb {

// What happened when a schedule last ran: written by `schedule run` after each run (whatever its
// end), read by `schedule list` and the Environments view. A plain value type.
struct ScheduleRecord {
    QDateTime lastStartedAt; // UTC; invalid: never ran
    QDateTime lastFinishedAt;
    bool lastOk = false;
    QString lastMessage; // the backup made, or why it failed
    QString lastBackupPath;
    int runsSinceProof = 0; // good backups since the last good proof
    QDateTime lastProofAt;
    bool lastProofOk = true; // false: the last proof failed, and none succeeded since
    QString lastProofMessage;

    bool hasRun() const { return lastStartedAt.isValid(); }
    QJsonObject toJson() const;
    static ScheduleRecord fromJson(const QJsonObject &object);
};

// How a schedule stands now, in one word and a line: what the Environments view paints red.
struct ScheduleHealth {
    enum class State { Waiting, Ok, Missed, Failed, Unproven, NotInstalled };
    State state = State::Waiting;
    QString summary;   // "ok at 02:00 (netraven_20261205_020001.dump)", "missed the run due at 02:00"…
    QDateTime nextRun; // local

    bool isBad() const { return state != State::Waiting && state != State::Ok; }
    static QString stateName(State state);
};

// A run that has not started this long after it was due was missed (a timer that fires late
// after a suspend, or a backup still running, is not).
constexpr qint64 kScheduleGraceSeconds = 60 * 60;

// How schedule stands at now, given its record and whether its units are in place.
ScheduleHealth scheduleHealth(const BackupSchedule &schedule, const ScheduleRecord &record, bool installed,
                              const QDateTime &now);

// The schedules in the settings file the GUI and the CLI share (group "schedules", one per
// profile), and their run records beside the user's data
// (~/.local/share/netraven-dbadmin/schedules/<unit name>.json). Thread: one thread at a time.
class ScheduleStore {
public:
    ScheduleStore();

    QList<BackupSchedule> schedules() const;
    std::optional<BackupSchedule> schedule(const QString &profile) const;
    // Adds schedule, or replaces the one of its profile.
    Status save(const BackupSchedule &schedule);
    Status remove(const QString &profile);

    static QString recordPath(const QString &profile);
    static ScheduleRecord record(const QString &profile); // an empty one when it never ran
    static Status writeRecord(const QString &profile, const ScheduleRecord &record);
    static Status removeRecord(const QString &profile);

private:
    Status saveAll(const QList<BackupSchedule> &schedules);

    mutable QSettings m_settings;
};

} // namespace nrdb
