#include "cliusage.h"

#include "exitcode.h"

#include <QJsonDocument>
#include <cstdio>

namespace nrdb::cli {

void writeOut(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

void printJson(const QJsonObject &object)
{
    writeOut(QString::fromUtf8(QJsonDocument(object).toJson()));
}

void writeErr(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

int usageError(const QString &message, const QString &usage, const QString &command)
{
    writeErr(QStringLiteral("netraven-dbctl: %1\n").arg(message));
    writeErr(usage.section(QStringLiteral("\n\n"), 0, 0) + QLatin1Char('\n'));
    writeErr(QStringLiteral("Try 'netraven-dbctl %1--help' for more.\n")
                 .arg(command.isEmpty() ? QString() : command + QLatin1Char(' ')));
    return ExitUsage;
}

} // namespace nrdb::cli
