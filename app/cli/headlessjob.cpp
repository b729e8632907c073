#include "headlessjob.h"

#include "cliusage.h"

#include "jobs/jobcontext.h"
#include "jobs/jobrunner.h"
#include "util/eventwait.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iterator>
#include <optional>
#include <termios.h>
#include <unistd.h>
#include <utility>

namespace nrdb::cli {

namespace {

// The signal that asked the job to stop (SIGINT, SIGTERM from kill, timeout or systemd, SIGHUP
// when the terminal goes); 0 while none did.
std::atomic<int> interrupted{0};
constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};

void onInterrupt(int signal)
{
    interrupted.store(signal);
}

const char *signalName(int signal)
{
    switch (signal) {
    case SIGTERM:
        return "SIGTERM";
    case SIGHUP:
        return "SIGHUP";
    default:
        return "Ctrl-C";
    }
}

} // namespace

Status runHeadless(const std::shared_ptr<Job> &job)
{
    return runHeadless(QList<std::shared_ptr<Job>>{job}, 1);
}

Status runHeadless(const QList<std::shared_ptr<Job>> &jobs, int parallel)
{
    interrupted.store(0);
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    struct sigaction previous[std::size(kStopSignals)]{};
    for (std::size_t i = 0; i < std::size(kStopSignals); ++i)
        ::sigaction(kStopSignals[i], &action, &previous[i]);
    JobRunner runner(parallel);
    // An error line is held back until the next line or the job's end: the runner's own "Failed
    // after …" says what the command prints once more as it exits, details and all.
    std::optional<LogRecord> heldBack;
    const auto print = [](const LogRecord &record) {
        writeErr(QStringLiteral("%1: %2\n").arg(logLevelName(record.level()), record.text()));
    };
    QObject::connect(&runner, &JobRunner::messageLogged, [&](const LogRecord &record) {
        if (heldBack)
            print(*std::exchange(heldBack, std::nullopt));
        if (record.level() == LogLevel::Error)
            heldBack = record;
        else if (record.level() != LogLevel::Debug)
            print(record);
    });
    QObject::connect(&runner, &JobRunner::finished, [&](JobId, JobState state) {
        if (heldBack && state != JobState::Failed)
            print(*heldBack);
        heldBack.reset();
    });
    // A progress bar with the time left, only for a person watching a terminal, and one job.
    const bool showProgress = jobs.size() == 1 && ::isatty(STDERR_FILENO) != 0;
    QElapsedTimer phaseClock;
    QString phase;
    QObject::connect(&runner, &JobRunner::progressChanged, [&](JobId, const JobProgress &progress) {
        if (!showProgress)
            return;
        if (progress.phase != phase) {
            phase = progress.phase;
            phaseClock.start();
        }
        const int percent = progress.percent();
        const auto remaining = progress.remainingMs(phaseClock.elapsed());
        const int filled = percent < 0 ? 0 : percent / 5;
        writeErr(QStringLiteral("\r\033[K[%1%2] %3%4%5")
                     .arg(QString(filled, QLatin1Char('#')), QString(20 - filled, QLatin1Char('.')),
                          percent < 0 ? QString() : QStringLiteral("%1% ").arg(percent), phase,
                          remaining ? QStringLiteral(", %1 left").arg(formatDuration(*remaining)) : QString()));
    });
    QObject::connect(&runner, &JobRunner::finished, [showProgress] {
        if (showProgress)
            writeErr(QStringLiteral("\r\033[K"));
    });
    Status outcome;
    QObject::connect(&runner, &JobRunner::finished, [&outcome](JobId, JobState state, const Error &error) {
        if (state == JobState::Cancelled)
            outcome = JobContext::cancelledError();
        else if (state == JobState::Failed && outcome)
            outcome = error;
    });
    for (const std::shared_ptr<Job> &job : jobs)
        runner.submit(job);
    bool cancelling = false;
    while (!runner.isIdle()) {
        waitForEvents(100);
        if (interrupted.load() != 0 && !cancelling) {
            cancelling = true;
            writeErr(QStringLiteral("Cancelling (%1)…\n").arg(QLatin1String(signalName(interrupted.load()))));
            runner.cancelAll();
        }
    }
    for (std::size_t i = 0; i < std::size(kStopSignals); ++i)
        ::sigaction(kStopSignals[i], &previous[i], nullptr);
    return outcome;
}

QString readLineFromStdin()
{
    char buffer[4096] = {};
    if (!std::fgets(buffer, sizeof buffer, stdin))
        return {};
    QString line = QString::fromLocal8Bit(buffer);
    while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}

QString promptForPassword(const QString &prompt)
{
    if (!::isatty(STDIN_FILENO))
        return {};
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    termios saved{};
    ::tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    char buffer[1024] = {};
    const bool read = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::fputs("\n", stderr);
    QString password = read ? QString::fromLocal8Bit(buffer) : QString();
    while (password.endsWith(QLatin1Char('\n')) || password.endsWith(QLatin1Char('\r')))
        password.chop(1);
    return password;
}

} // namespace nrdb::cli
