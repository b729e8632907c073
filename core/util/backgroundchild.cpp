#include "util/backgroundchild.h"

#include "util/memoryfile.h"

#include <QFile>
#include <QStandardPaths>

#include <condition_variable>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <mutex>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace nrdb {

namespace {

// The one thread every background child is forked on. It is started on first use and never
// ends, so the children's parent-death signal comes only when this process ends.
class ForkingThread {
public:
    static ForkingThread &instance()
    {
        static ForkingThread *thread = new ForkingThread; // never destroyed: it must outlive every child
        return *thread;
    }

    // Runs task on the forking thread and waits for it. Any thread.
    void run(const std::function<void()> &task)
    {
        const std::lock_guard<std::mutex> oneAtATime(m_callers);
        std::unique_lock<std::mutex> lock(m_mutex);
        m_task = &task;
        m_finished = false;
        m_changed.notify_one();
        m_done.wait(lock, [this] { return m_finished; });
    }

private:
    ForkingThread()
    {
        std::thread([this] { loop(); }).detach();
    }

    void loop()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        for (;;) {
            m_changed.wait(lock, [this] { return m_task != nullptr; });
            (*m_task)();
            m_task = nullptr;
            m_finished = true;
            m_done.notify_one();
        }
    }

    std::mutex m_callers;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::condition_variable m_done;
    const std::function<void()> *m_task = nullptr;
    bool m_finished = false;
};

std::vector<char *> pointersTo(std::vector<QByteArray> &strings)
{
    std::vector<char *> pointers;
    for (QByteArray &string : strings)
        pointers.push_back(string.data());
    pointers.push_back(nullptr);
    return pointers;
}

// Forks and execs with only async-signal-safe calls between the two; -1 when fork failed.
pid_t forkTied(const QByteArray &path, std::vector<char *> &argv, std::vector<char *> &envp, int standardError)
{
    const pid_t parent = ::getpid();
    const int devNull = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setpgid(0, 0); // a terminal's Ctrl-C is ours to pass on, not the child's to take
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(127);
        ::dup2(devNull, STDIN_FILENO);
        ::dup2(devNull, STDOUT_FILENO);
        ::dup2(standardError, STDERR_FILENO);
        ::execve(path.constData(), argv.data(), envp.data());
        static const char failed[] = "could not run the program\n";
        (void)!::write(STDERR_FILENO, failed, sizeof failed - 1);
        ::_exit(127);
    }
    if (devNull >= 0)
        ::close(devNull);
    return pid;
}

int statusCode(int status)
{
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace

Result<std::unique_ptr<BackgroundChild>> BackgroundChild::start(const QString &program, const QStringList &arguments,
                                                                const QProcessEnvironment &environment)
{
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        return Error::notFound(QStringLiteral("%1 was not found on PATH").arg(program));
    Result<std::shared_ptr<MemoryFile>> standardError = MemoryFile::create(program + QStringLiteral("-stderr"), {});
    if (!standardError)
        return standardError.error();
    std::vector<QByteArray> argvStrings{QFile::encodeName(path)};
    for (const QString &argument : arguments)
        argvStrings.push_back(argument.toLocal8Bit());
    std::vector<QByteArray> envStrings;
    for (const QString &entry : environment.toStringList())
        envStrings.push_back(entry.toLocal8Bit());
    std::vector<char *> argv = pointersTo(argvStrings);
    std::vector<char *> envp = pointersTo(envStrings);
    pid_t pid = -1;
    int forkError = 0;
    const int errorFd = standardError.value()->descriptor();
    ForkingThread::instance().run([&] {
        pid = forkTied(argvStrings.front(), argv, envp, errorFd);
        forkError = errno; // errno is the forking thread's own
    });
    if (pid < 0)
        return Error::io(
            QStringLiteral("Could not start %1: %2").arg(program, QString::fromLocal8Bit(std::strerror(forkError))));
    return std::unique_ptr<BackgroundChild>(new BackgroundChild(pid, std::move(standardError).value()));
}

BackgroundChild::~BackgroundChild()
{
    if (hasEnded())
        return;
    ::kill(static_cast<pid_t>(m_pid), SIGTERM);
    for (int waited = 0; waited < 2000 && !hasEnded(); waited += 20)
        ::usleep(20000);
    if (!hasEnded()) {
        ::kill(static_cast<pid_t>(m_pid), SIGKILL);
        int status = 0;
        ::waitpid(static_cast<pid_t>(m_pid), &status, 0);
    }
}

bool BackgroundChild::hasEnded()
{
    if (m_exitCode >= 0)
        return true;
    int status = 0;
    const pid_t ended = ::waitpid(static_cast<pid_t>(m_pid), &status, WNOHANG);
    if (ended == static_cast<pid_t>(m_pid))
        m_exitCode = statusCode(status);
    else if (ended < 0)
        m_exitCode = 127; // reaped by someone else: gone all the same
    return m_exitCode >= 0;
}

QString BackgroundChild::standardError() const
{
    const int fd = m_standardError->descriptor();
    struct stat info {};
    if (::fstat(fd, &info) != 0 || info.st_size <= 0)
        return {};
    QByteArray text(static_cast<qsizetype>(info.st_size), Qt::Uninitialized);
    const ssize_t read = ::pread(fd, text.data(), static_cast<size_t>(text.size()), 0);
    return QString::fromLocal8Bit(text.left(read > 0 ? static_cast<qsizetype>(read) : 0));
}

} // namespace nrdb
