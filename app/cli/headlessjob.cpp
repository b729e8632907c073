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
#include <termios.h>
#include <unistd.h>

namespace nrdb::cli {

namespace {

std::atomic<bool> interrupted{false};

void onInterrupt(int)
{
    interrupted.store(true);
}

} // namespace

Status runHeadless(const std::shared_ptr<Job> &job)
{
    interrupted.store(false);
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    struct sigaction previous {};
    ::sigaction(SIGINT, &action, &previous);
    JobRunner runner(1);
    QObject::connect(&runner, &JobRunner::messageLogged, [](const LogRecord &record) {
        if (record.level() != LogLevel::Debug)
            writeErr(QStringLiteral("%1: %2\n").arg(logLevelName(record.level()), record.text()));
    });
    // A progress bar with the time left, only for a person watching a terminal.
    const bool showProgress = ::isatty(STDERR_FILENO) != 0;
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
        else if (state == JobState::Failed)
            outcome = error;
    });
    runner.submit(job);
    bool cancelling = false;
    while (!runner.isIdle()) {
        waitForEvents(100);
        if (interrupted.load() && !cancelling) {
            cancelling = true;
            writeErr(QStringLiteral("Cancelling (Ctrl-C)…\n"));
            runner.cancelAll();
        }
    }
    ::sigaction(SIGINT, &previous, nullptr);
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
