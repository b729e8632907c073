#include "backupcontroller.h"

#include "activeconnection.h"
#include "backupoptionsdialog.h"
#include "errorpresenter.h"
#include "jobslot.h"
#include "productionconfirm.h"
#include "restoredialog.h"

#include "backup/toolsettings.h"
#include "jobs/exportschemajob.h"
#include "jobs/restorejob.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

namespace nrdb {

BackupController::BackupController(JobRunner *runner, ActiveConnection *connection, QWidget *dialogParent)
    : QObject(dialogParent), m_runner(runner), m_slot(new JobSlot(runner, JobSlot::Policy::Exclusive, this)),
      m_connection(connection), m_dialogParent(dialogParent)
{
    m_connection->addWriter(m_slot);
}

const ConnectionProfile &BackupController::profile() const
{
    return m_connection->profile();
}

QString BackupController::lastDirectory() const
{
    return configuredBackupDirectory();
}

bool BackupController::succeeded(const Job &job, const JobEnd &end)
{
    if (end.failed()) {
        emit failed(end.error.fullText());
        if (!m_connection->isLost()) // a lost connection has its banner, not a box per job
            showError(m_dialogParent, job.title(), end.error);
    }
    return end.succeeded();
}

void BackupController::backUp()
{
    if (isBusy())
        return;
    BackupOptionsDialog dialog(profile().database, lastDirectory(), m_dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    backUpWith(dialog.options());
}

void BackupController::backUpTo(const QString &directory)
{
    BackupOptions options;
    options.outputDirectory = directory;
    backUpWith(options);
}

void BackupController::backUpWith(BackupOptions options)
{
    setConfiguredBackupDirectory(options.outputDirectory);
    options.toolsDirectory = configuredToolsDirectory();
    m_slot->start(std::make_shared<BackupJob>(profile(), options), [this](BackupJob &backup, const JobEnd &end) {
        if (succeeded(backup, end))
            emit backedUp(backup.result().path);
    });
}

void BackupController::restore()
{
    if (isBusy())
        return;
    const QString backup = QFileDialog::getOpenFileName(m_dialogParent, tr("Restore a Backup"), lastDirectory(),
                                                        tr("Backups (*.dump *.sql *.sql.gz);;All files (*)"));
    if (!backup.isEmpty())
        restoreAsking(backup);
}

void BackupController::restoreAsking(const QString &backup)
{
    if (isBusy())
        return;
    RestoreDialog dialog(m_runner, profile(), backup, m_dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const RestoreOptions options = dialog.options();
    ConnectionProfile replaced = profile();
    replaced.database = options.targetDatabase;
    if (options.replaceExisting && !confirmProductionWrite(m_dialogParent, replaced, tr("Restore over")))
        return;
    restoreWith(options, dialog.connectAfterwards());
}

void BackupController::restoreFrom(const QString &backup, const QString &database, const QString &confirmedName)
{
    RestoreOptions options;
    options.source = backup;
    options.targetDatabase = database;
    options.replaceExisting = !confirmedName.isEmpty();
    options.confirmedName = confirmedName;
    options.safetyBackupDirectory = QFileInfo(backup).absolutePath();
    options.toolsDirectory = configuredToolsDirectory();
    restoreWith(options);
}

void BackupController::restoreWith(const RestoreOptions &options, bool connectAfterwards)
{
    m_slot->start(std::make_shared<RestoreJob>(profile(), options),
                  [this, connectAfterwards](RestoreJob &restore, const JobEnd &end) {
                      if (!succeeded(restore, end))
                          return;
                      emit restored(restore.result().database);
                      if (connectAfterwards) {
                          ConnectionProfile restored = profile();
                          restored.database = restore.result().database;
                          restored.name.clear(); // another database than the profile's
                          emit openRestored(restored);
                      }
                  });
}

void BackupController::exportSchema()
{
    if (isBusy())
        return;
    const QString path = QFileDialog::getSaveFileName(
        m_dialogParent, tr("Export the Schema as an Init Script"),
        QDir(lastDirectory()).filePath(QStringLiteral("%1_schema_init.sql").arg(profile().database)),
        tr("SQL scripts (*.sql);;All files (*)"));
    if (!path.isEmpty())
        exportSchemaTo(path);
}

void BackupController::exportSchemaTo(const QString &path)
{
    SchemaExportOptions options;
    options.outputPath = path;
    options.toolsDirectory = configuredToolsDirectory();
    m_slot->start(std::make_shared<ExportSchemaJob>(profile(), options),
                  [this](ExportSchemaJob &exported, const JobEnd &end) {
                      if (succeeded(exported, end))
                          emit schemaExported(exported.result().path);
                  });
}

void BackupController::exportModels()
{
    if (isBusy())
        return;
    const QString directory = QFileDialog::getExistingDirectory(
        m_dialogParent, tr("Export Model Code: where models.py and schemas.py go"), lastDirectory());
    if (!directory.isEmpty())
        exportModelsTo(directory);
}

void BackupController::exportModelsTo(const QString &directory)
{
    ModelExportOptions options;
    options.outputDirectory = directory;
    m_slot->start(std::make_shared<ExportModelsJob>(profile(), options),
                  [this](ExportModelsJob &exported, const JobEnd &end) {
                      if (succeeded(exported, end))
                          emit modelsExported(exported.result());
                  });
}

bool BackupController::isBusy() const
{
    return m_connection->isBusy();
}

} // namespace nrdb
