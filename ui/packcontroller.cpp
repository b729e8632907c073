#include "packcontroller.h"

#include "activeconnection.h"
#include "jobslot.h"

#include "jobs/addmigrationjob.h"
#include "jobs/capturepackjob.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>

namespace nrdb {

PackController::PackController(JobRunner *runner, ActiveConnection *connection, QWidget *dialogParent)
    : QObject(dialogParent), m_slot(new JobSlot(runner, JobSlot::Policy::Exclusive, this)), m_connection(connection),
      m_dialogParent(dialogParent)
{
}

void PackController::newPack(const QStringList &schemas)
{
    QString schema = schemas.size() == 1 ? schemas.first() : QString();
    if (schemas.size() > 1) {
        bool ok = false;
        schema = QInputDialog::getItem(m_dialogParent, tr("New Pack from This Database"),
                                       tr("The schema the pack is of:"), schemas, 0, false, &ok);
        if (!ok)
            return;
    }
    const QString directory = QFileDialog::getExistingDirectory(
        m_dialogParent, tr("New Pack from %1: an empty directory").arg(m_connection->profile().database));
    if (directory.isEmpty())
        return;
    m_asking = true;
    makePack(directory, schema);
}

void PackController::captureMigration()
{
    captureMigrationOf(m_connection->profile());
}

void PackController::captureMigrationOf(const ConnectionProfile &source)
{
    const QString directory = QFileDialog::getExistingDirectory(
        m_dialogParent, tr("Capture %1 as Migration: the pack's directory").arg(source.database));
    if (directory.isEmpty())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(m_dialogParent, tr("Capture as Migration"),
                                               tr("The migration's name (lower-case letters, digits and _):"),
                                               QLineEdit::Normal, QStringLiteral("changes"), &ok);
    if (!ok || name.isEmpty())
        return;
    m_asking = true;
    addMigration(source, directory, name);
}

void PackController::makePack(const QString &directory, const QString &schema)
{
    PackCaptureOptions options;
    options.directory = directory;
    options.schema = schema;
    m_slot->start(std::make_shared<CapturePackJob>(m_connection->profile(), options),
                  [this](CapturePackJob &job, const JobEnd &end) {
                      if (!end.succeeded()) {
                          report(false, job.title(), end.error.message);
                          return;
                      }
                      const CapturedPack &pack = job.result();
                      report(true, job.title(),
                             tr("Made pack %1 in %2: schema %3, %4 table(s). Use it with --pack %2; Adopt "
                                "records this database as at its version 1.")
                                 .arg(pack.name, pack.directory, pack.schema)
                                 .arg(pack.tables.size()));
                  });
}

void PackController::addMigration(const ConnectionProfile &source, const QString &packDirectory, const QString &name)
{
    m_slot->start(std::make_shared<AddMigrationJob>(source, packDirectory, name, PlanOptions{}),
                  [this](AddMigrationJob &job, const JobEnd &end) {
                      if (!end.succeeded()) {
                          report(false, job.title(), end.error.message);
                          return;
                      }
                      const AddedMigration &added = job.result();
                      report(true, job.title(),
                             tr("Wrote %1: version %2, %3 statement(s). Databases at the version before take it "
                                "with Init.")
                                 .arg(added.path)
                                 .arg(added.version)
                                 .arg(added.plan.statements.size()));
                  });
}

void PackController::report(bool succeeded, const QString &title, const QString &message)
{
    if (std::exchange(m_asking, false)) {
        if (succeeded)
            QMessageBox::information(m_dialogParent, title, message);
        else
            QMessageBox::warning(m_dialogParent, title, message);
    }
    if (succeeded)
        emit done(message);
    else
        emit failed(message);
}

} // namespace nrdb
