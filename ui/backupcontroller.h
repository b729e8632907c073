#pragma once

#include "connection/connectionprofile.h"
#include "jobs/backupjob.h"
#include "jobs/jobtypes.h"

#include <QObject>

#include <memory>

class QWidget;

namespace nrdb {

class Job;
class JobRunner;
class JobSlot;
struct JobEnd;

// Backs the connected database up, restores backups and exports the schema from the window, as jobs. The dialogs ask
// where; backUpTo() and restoreFrom() do the work and are what tests call. GUI thread only.
class BackupController : public QObject {
    Q_OBJECT
public:
    BackupController(JobRunner *runner, QWidget *dialogParent);

    void setConnection(const ConnectionProfile &profile) { m_profile = profile; }
    bool isBusy() const;

    void backUpTo(const QString &directory); // with the default options
    void backUpWith(BackupOptions options);
    // Into a new database; if `database` exists it is replaced only when confirmedName repeats it.
    void restoreFrom(const QString &backup, const QString &database, const QString &confirmedName = {});
    // pg_dump --schema-only as a clean init script (see ExportSchemaJob).
    void exportSchemaTo(const QString &path);

public slots:
    void backUp();
    void restore();
    void exportSchema();
    // Asks where to restore this backup (a new database, or one to replace), then restores it.
    void restoreAsking(const QString &backup);

signals:
    void busyChanged(bool busy);
    void backedUp(const QString &path);
    void restored(const QString &database);
    void schemaExported(const QString &path);
    void failed(const QString &message);

private:
    // Says why a job failed; true when it succeeded.
    bool succeeded(const Job &job, const JobEnd &end);
    QString lastDirectory() const;

    JobSlot *m_slot;
    QWidget *m_dialogParent;
    ConnectionProfile m_profile;
};

} // namespace nrdb
