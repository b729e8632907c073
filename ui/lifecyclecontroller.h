#pragma once

#include "connection/connectionprofile.h"
#include "jobs/jobtypes.h"
#include "jobs/packchoice.h"
#include "model/verifyreport.h"

#include <QObject>

#include <memory>

class QWidget;

namespace nrdb {

class ActiveConnection;
class AdoptJob;
class BootstrapJob;
class Job;
class JobRunner;
class JobSlot;
class SeedJob;
struct RepairReport;
struct JobEnd;

// Runs bootstrap, init, seed and verify on the connected database as jobs (with the pack its
// catalog shows; bootstrap asks which, for a database still empty), asks before writing
// to a production database, and shows a generated admin password once. Its jobs are writers of
// the window's ActiveConnection. GUI thread only.
class LifecycleController : public QObject {
    Q_OBJECT
public:
    LifecycleController(JobRunner *runner, ActiveConnection *connection, QWidget *dialogParent);

public slots:
    // Asks which pack (NetRaven of today preselected), then bootstraps.
    void bootstrap();
    // Bootstraps with the default pack, without asking: a sandbox's first run.
    void bootstrapDefault();
    void init();
    void seed();
    void resetSettings();
    void adopt();
    void verify();
    // Plans the repair, shows the script, and applies it when asked (see RepairDialog).
    void repair();

public:
    // What repair() does without asking: plans (repairPlanned) or applies (repaired).
    void planRepair(bool allowDrop);
    void applyRepair(bool allowDrop);

signals:
    void verifyReported(const nrdb::VerifyReport &report);
    void verifyFailed(const nrdb::Error &error); // the report shown before is now stale
    void repairPlanned(const nrdb::RepairReport &report, bool allowDrop);
    void repaired(const nrdb::RepairReport &report);
    // The schema may have changed (init, seed, bootstrap finished): time to read it again.
    void schemaChanged();

private:
    bool confirmWrite(const QString &action);
    // Shows why a job failed; true when it succeeded.
    bool succeeded(const Job &job, const JobEnd &end);
    void startBootstrap(std::shared_ptr<BootstrapJob> job);
    void startSeed(std::shared_ptr<SeedJob> job);
    void startAdopt(std::shared_ptr<AdoptJob> job);
    void showGeneratedSecrets(const QMap<QString, QString> &secrets);
    void askToAdoptAnyway(const VerifyReport &before);
    void offerRepair(const RepairReport &report, bool allowDrop);
    std::optional<ModelPack> askForPack();

    const ConnectionProfile &profile() const;
    bool isBusy() const; // a writer of the connection is running (this one or another)

    JobSlot *m_slot;
    ActiveConnection *m_connection;
    QWidget *m_dialogParent;
    PackChoice m_pack;     // the one the database's catalog shows
    bool m_asking = false; // repair() was asked for: the plan is shown, not only reported
};

} // namespace nrdb
