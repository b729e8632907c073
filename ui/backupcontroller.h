#pragma once

#include "connection/connectionprofile.h"
#include "jobs/backupjob.h"
#include "jobs/exportmodelsjob.h"
#include "jobs/jobtypes.h"
#include "jobs/restorejob.h"

#include <QObject>

#include <memory>

class QWidget;

namespace nrdb {

class ActiveConnection;
class Job;
class JobRunner;
class JobSlot;
struct JobEnd;

// Backs the connected database up, restores backups and exports the schema from the window, as jobs. The dialogs ask
// where; backUpTo() and restoreFrom() do the work and are what tests call. Its jobs are writers of the window's
// ActiveConnection. GUI thread only.
class BackupController : public QObject {
    Q_OBJECT
public:
    BackupController(JobRunner *runner, ActiveConnection *connection, QWidget *dialogParent);

    void backUpTo(const QString &directory); // with the default options
    void backUpWith(BackupOptions options);
    // Into a new database; if `database` exists it is replaced only when confirmedName repeats it.
    void restoreFrom(const QString &backup, const QString &database, const QString &confirmedName = {});
    // As the Restore dialog was filled in; connectAfterwards: openRestored once it succeeded.
    void restoreWith(const RestoreOptions &options, bool connectAfterwards = false);
    // pg_dump --schema-only as a clean init script (see ExportSchemaJob).
    void exportSchemaTo(const QString &path);
    // models.py and schemas.py of the database's tables into directory (ExportModelsJob).
    void exportModelsTo(const QString &directory);

public slots:
    void backUp();
    void restore();
    void exportSchema();
    void exportModels();
    // The Restore dialog for this backup, then the restore it asks for.
    void restoreAsking(const QString &backup);

signals:
    void backedUp(const QString &path);
    void restored(const QString &database);
    void openRestored(const nrdb::ConnectionProfile &database); // asked to connect to it
    void schemaExported(const QString &path);
    void modelsExported(const nrdb::ModelExportResult &result);
    void failed(const QString &message);

private:
    // Says why a job failed; true when it succeeded.
    bool succeeded(const Job &job, const JobEnd &end);
    QString lastDirectory() const;
    const ConnectionProfile &profile() const;
    bool isBusy() const; // a writer of the connection is running (this one or another)

    JobRunner *m_runner;
    JobSlot *m_slot;
    ActiveConnection *m_connection;
    QWidget *m_dialogParent;
};

} // namespace nrdb
