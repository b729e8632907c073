#include "headlessjob.h"

#include "cliusage.h"

#include "jobs/jobcontext.h"
#include "jobs/jobrunner.h"

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace nrdb::cli {

Status runHeadless(const std::shared_ptr<Job> &job)
{
    JobRunner runner(1);
    QObject::connect(&runner, &JobRunner::messageLogged, [](const LogRecord &record) {
        if (record.level() != LogLevel::Debug)
            writeErr(QStringLiteral("%1: %2\n").arg(logLevelName(record.level()), record.text()));
    });
    Status outcome;
    QObject::connect(&runner, &JobRunner::finished, [&outcome](JobId, JobState state, const Error &error) {
        if (state == JobState::Cancelled)
            outcome = JobContext::cancelledError();
        else if (state == JobState::Failed)
            outcome = error;
    });
    runner.submit(job);
    runner.waitForIdle(-1);
    return outcome;
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
