// The Environments view's status of 20 environments: 18 databases on a sandbox server (NetRaven
// v2, NetRaven v1 and empty ones), a second sandbox server that was stopped, and a loopback port
// that accepts connections and never answers. Timed from opening the view until the 18 live rows
// show their status, then until the two dead ones have timed out; the reference is what a cron
// script does with psql, one summary query per live environment, one after another.
#include "benchfigure.h"

#include "environmentlistmodel.h"
#include "environmentspage.h"

#include "backup/clientenvironment.h"
#include "backup/clienttools.h"
#include "connection/databaseadmin.h"
#include "connection/databasesession.h"
#include "jobs/bootstrapjob.h"
#include "jobs/environmentstatusjob.h"
#include "jobs/jobrunner.h"
#include "sandbox/sandboxcluster.h"
#include "util/childprocess.h"
#include "util/eventwait.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTcpServer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace nrdb;

namespace {

constexpr int kRuns = 3;
constexpr int kPerKind = 6; // databases of each kind: NetRaven v2, NetRaven v1, empty

void bootstrap(const ConnectionProfile &target, const QString &pack)
{
    JobRunner runner(1);
    bool succeeded = false;
    QObject::connect(&runner, &JobRunner::finished,
                     [&succeeded](JobId, JobState state) { succeeded = state == JobState::Succeeded; });
    runner.submit(std::make_shared<BootstrapJob>(target, PackChoice(ModelPack::named(pack).value())));
    if (!runner.waitForIdle(300000) || !succeeded)
        qFatal("bootstrap %s failed", qPrintable(pack));
}

// The live databases: a template of each pack bootstrapped once, copied.
QList<ConnectionProfile> createLiveDatabases(const SandboxState &server)
{
    DatabaseSession maintenance;
    if (!maintenance.open(server.profile()))
        qFatal("maintenance connection failed");
    const QStringList kinds{QStringLiteral("netraven-v2"), QStringLiteral("netraven-v1"), QString()};
    QList<ConnectionProfile> live;
    for (const QString &pack : kinds) {
        const QString templateName = QStringLiteral("template_%1")
                                         .arg(pack.isEmpty() ? QStringLiteral("empty") : pack)
                                         .replace(QLatin1Char('-'), QLatin1Char('_'));
        if (!databaseadmin::create(maintenance.database(), templateName))
            qFatal("create %s failed", qPrintable(templateName));
        if (!pack.isEmpty())
            bootstrap(server.profile(templateName), pack);
        for (int copy = 0; copy < kPerKind; ++copy) {
            const QString name = QStringLiteral("%1_%2").arg(templateName.mid(9)).arg(copy);
            QSqlQuery query(maintenance.database());
            if (!query.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(name, templateName)))
                qFatal("copy failed");
            ConnectionProfile profile = server.profile(name);
            profile.name = name;
            profile.tier = static_cast<DeploymentTier>(copy % 3);
            live << profile;
        }
    }
    return live;
}

// What a cron script learns of each live environment with psql: version, size, sessions.
double rawSequentialSummaries(const QList<ConnectionProfile> &live, const QString &psql)
{
    QElapsedTimer clock;
    clock.start();
    for (const ConnectionProfile &profile : live) {
        const Result<ClientEnvironment> environment = ClientEnvironment::create(profile, QStringLiteral("bench"));
        const Result<ChildOutcome> outcome =
            ChildCommand{psql,
                         {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-c"),
                          QStringLiteral("SELECT version(), pg_database_size(current_database()), (SELECT count(*) "
                                         "FROM pg_stat_activity WHERE datname = current_database())")},
                         {},
                         environment.value().environment()}
                .run();
        if (!outcome || outcome.value().exitCode != 0)
            qFatal("psql failed");
    }
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

struct Timing {
    double live = 0; // every live row shows its status
    double all = 0;  // the dead ones have timed out too
};

Timing timeTheView(EnvironmentsPage &page, const QList<ConnectionProfile> &live, bool first)
{
    QElapsedTimer clock;
    clock.start();
    const QDateTime opened = QDateTime::currentDateTimeUtc();
    if (first)
        page.show(); // opening the view reads every environment
    else
        page.refreshAll();
    Timing timing;
    const auto allLiveShown = [&page, &live, &opened] {
        return std::all_of(live.cbegin(), live.cend(), [&page, &opened](const ConnectionProfile &profile) {
            const EnvironmentStatus *status = page.model()->statusOf(profile.name);
            return status && status->readAt >= opened;
        });
    };
    while (!allLiveShown())
        waitForEvents(5);
    timing.live = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    while (page.isReading())
        waitForEvents(5);
    timing.all = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    return timing;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    SandboxCluster server;
    SandboxCluster stopped;
    if (!server.start() || !stopped.start() || !stopped.stop())
        qFatal("sandbox failed");
    QTcpServer silent; // the kernel completes each connection; nothing ever answers on it
    if (!silent.listen(QHostAddress::LocalHost))
        qFatal("listen failed");

    const QList<ConnectionProfile> live = createLiveDatabases(server.state());
    QList<ConnectionProfile> all = live;
    ConnectionProfile down = stopped.state().profile(QStringLiteral("netraven"));
    down.name = QStringLiteral("stopped server");
    ConnectionProfile quiet = server.state().profile(QStringLiteral("netraven"));
    quiet.port = QString::number(silent.serverPort());
    quiet.name = QStringLiteral("silent port");
    all << down << quiet;

    JobRunner writer;
    EnvironmentsPage page(&writer);
    page.resize(1200, 700);
    page.setProfiles(all);
    std::vector<double> liveTimes;
    std::vector<double> allTimes;
    for (int run = 0; run < kRuns; ++run) {
        const Timing timing = timeTheView(page, live, run == 0);
        std::fprintf(stderr, "run %d: %zu live in %.0f ms, all %d in %.0f ms\n", run + 1,
                     static_cast<size_t>(live.size()), timing.live, static_cast<int>(all.size()), timing.all);
        liveTimes.push_back(timing.live);
        allTimes.push_back(timing.all);
    }
    std::sort(liveTimes.begin(), liveTimes.end());
    std::sort(allTimes.begin(), allTimes.end());
    const Result<ClientTools> tools = ClientTools::forServer(15);
    const double raw = bench::medianMilliseconds(kRuns, [&] { rawSequentialSummaries(live, tools.value().psql()); });
    bench::printFigure(QStringLiteral("%1 live environments' status in the view (verify each) vs psql, one summary "
                                      "query each in turn")
                           .arg(live.size()),
                       liveTimes[kRuns / 2], raw, QStringLiteral("ms"), QStringLiteral("<= 2000 ms"));
    bench::printPlainFigure(QStringLiteral("all %1, the stopped and the silent one timed out (%2 s each)")
                                .arg(all.size())
                                .arg(EnvironmentStatusJob::kConnectTimeoutSeconds),
                            allTimes[kRuns / 2], QStringLiteral("ms"), QStringLiteral("each dead one its own timeout"));
    return 0;
}
