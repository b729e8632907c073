#include "schedule/scheduleunits.h"

namespace nrdb::scheduleunits {

namespace {

// As systemd-escape: letters, digits, ':', '_' and '.' (not leading) stay; '/' is '-'; every other
// byte of the UTF-8 is \xNN.
QString escapedForUnitName(const QString &text)
{
    QString escaped;
    const QByteArray bytes = text.toUtf8();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' ||
                           c == '_' || (c == '.' && i > 0);
        if (plain)
            escaped += QLatin1Char(c);
        else if (c == '/')
            escaped += QLatin1Char('-');
        else
            escaped += QStringLiteral("\\x%1").arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0'));
    }
    return escaped;
}

// A unit file's text with its specifiers (%) taken literally.
QString withoutSpecifiers(QString text)
{
    return text.replace(QLatin1Char('%'), QStringLiteral("%%"));
}

// One word of ExecStart= or Environment=: double-quoted, C escapes, no specifier or variable.
QString systemdWord(QString word)
{
    word.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    word.replace(QLatin1Char('$'), QStringLiteral("$$"));
    return QLatin1Char('"') + withoutSpecifiers(word) + QLatin1Char('"');
}

// One word for cron's /bin/sh: single-quoted, and '%' escaped (cron reads a bare one as a newline).
QString shellWord(QString word)
{
    word.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    word.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    return QLatin1Char('\'') + word + QLatin1Char('\'');
}

QString description(const BackupSchedule &schedule)
{
    return withoutSpecifiers(
        QStringLiteral("NetRaven DB Admin: back up %1 %2").arg(schedule.profile, schedule.cadenceText()));
}

} // namespace

QString baseName(const QString &profile)
{
    return QStringLiteral("netraven-backup-") + escapedForUnitName(profile);
}

QString serviceName(const QString &profile)
{
    return baseName(profile) + QStringLiteral(".service");
}

QString timerName(const QString &profile)
{
    return baseName(profile) + QStringLiteral(".timer");
}

QString serviceText(const BackupSchedule &schedule, const ScheduledCommand &command)
{
    QStringList words{systemdWord(command.program)};
    for (const QString &argument : command.arguments)
        words << systemdWord(argument);
    QString text = QStringLiteral("# Written by netraven-dbctl schedule install; schedule remove takes it away.\n"
                                  "[Unit]\n"
                                  "Description=%1\n"
                                  "\n"
                                  "[Service]\n"
                                  "Type=oneshot\n"
                                  "Nice=10\n")
                       .arg(description(schedule));
    for (auto variable = command.environment.cbegin(); variable != command.environment.cend(); ++variable)
        text +=
            QStringLiteral("Environment=%1\n").arg(systemdWord(variable.key() + QLatin1Char('=') + variable.value()));
    return text + QStringLiteral("ExecStart=%1\n").arg(words.join(QLatin1Char(' ')));
}

QString timerText(const BackupSchedule &schedule)
{
    return QStringLiteral("# Written by netraven-dbctl schedule install; schedule remove takes it away.\n"
                          "[Unit]\n"
                          "Description=%1\n"
                          "\n"
                          "[Timer]\n"
                          "OnCalendar=%2\n"
                          "Persistent=true\n"
                          "\n"
                          "[Install]\n"
                          "WantedBy=timers.target\n")
        .arg(description(schedule), schedule.onCalendar());
}

QString cronMarker(const QString &profile)
{
    return QStringLiteral("# netraven-dbadmin:") + baseName(profile);
}

QString cronLine(const BackupSchedule &schedule, const ScheduledCommand &command)
{
    QStringList words;
    for (auto variable = command.environment.cbegin(); variable != command.environment.cend(); ++variable)
        words << variable.key() + QLatin1Char('=') + shellWord(variable.value());
    words << shellWord(command.program);
    for (const QString &argument : command.arguments)
        words << shellWord(argument);
    return QStringLiteral("%1 %2 %3")
        .arg(schedule.cronTimeFields(), words.join(QLatin1Char(' ')), cronMarker(schedule.profile));
}

} // namespace nrdb::scheduleunits
