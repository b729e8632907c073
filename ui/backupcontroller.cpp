#include "backupcontroller.h"

#include "activeconnection.h"
#include "backupoptionsdialog.h"
#include "errorpresenter.h"
#include "jobslot.h"

#include "backup/toolsettings.h"
#include "jobs/exportschemajob.h"
#include "jobs/restorejob.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>

namespace nrdb {

namespace {
const QString kDirectoryKey = QStringLiteral("backups/lastDirectory");
} // namespace

BackupController::BackupController(JobRunner *runner, ActiveConnection *connection, QWidget *dialogParent)
    : QObject(dialogParent), m_slot(new JobSlot(runner, JobSlot::Policy::Exclusive, this)), m_connection(connection),
      m_dialogParent(dialogParent)
{
    m_connection->addWriter(m_slot);
}

const ConnectionProfile &BackupController::profile() const
{
    return m_connection->profile();
}

QString BackupController::lastDirectory() const
{
    return QSettings().value(kDirectoryKey, QDir::home().filePath(QStringLiteral("netraven-backups"))).toString();
}

bool BackupController::succeeded(const Job &job, const JobEnd &end)
{
    if (end.failed()) {
        emit failed(end.error.fullText());
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
    QSettings().setValue(kDirectoryKey, options.outputDirectory);
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
    bool ok = false;
    const QString suggested =
        QFileInfo(backup).fileName().section(QLatin1Char('_'), 0, 0) + QStringLiteral("_restored");
    const QString database = QInputDialog::getText(m_dialogParent, tr("Restore a Backup"),
                                                   tr("Restore %1 into the database (a new one, unless you name an "
                                                      "existing one and confirm):")
                                                       .arg(QFileInfo(backup).fileName()),
                                                   QLineEdit::Normal, suggested, &ok);
    if (!ok || database.isEmpty())
        return;
    const auto replace = QMessageBox::question(m_dialogParent, tr("Restore a Backup"),
                                               tr("If a database named %1 exists already, replace it?\n\nYes: it is "
                                                  "backed up first, and replaced only once the "
                                                  "restore succeeded.\nNo: the restore stops if it exists.")
                                                   .arg(database),
                                               QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    QString confirmed;
    if (replace == QMessageBox::Yes) {
        confirmed = QInputDialog::getText(m_dialogParent, tr("Replace %1").arg(database),
                                          tr("Type the database name again to allow replacing it:"), QLineEdit::Normal,
                                          {}, &ok);
        if (!ok || confirmed.isEmpty())
            return;
    }
    restoreFrom(backup, database, confirmed);
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
    m_slot->start(std::make_shared<RestoreJob>(profile(), options), [this](RestoreJob &restore, const JobEnd &end) {
        if (succeeded(restore, end))
            emit restored(restore.result().database);
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

bool BackupController::isBusy() const
{
    return m_connection->isBusy();
}

} // namespace nrdb
