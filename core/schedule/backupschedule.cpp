#include "schedule/backupschedule.h"

#include <QJsonValue>

#include <algorithm>

namespace nrdb {

namespace {
constexpr int kHoursPerDay = 24;
} // namespace

QString scheduleMechanismName(ScheduleMechanism mechanism)
{
    return mechanism == ScheduleMechanism::Cron ? QStringLiteral("cron") : QStringLiteral("systemd");
}

Result<ScheduleMechanism> scheduleMechanismFromName(const QString &name)
{
    if (name == QLatin1String("systemd"))
        return ScheduleMechanism::Systemd;
    if (name == QLatin1String("cron"))
        return ScheduleMechanism::Cron;
    return Error::usage(QStringLiteral("A schedule runs with systemd or cron, not \"%1\"").arg(name));
}

QString BackupSchedule::cadenceText() const
{
    if (everyHours == 0)
        return QStringLiteral("daily at %1").arg(at.toString(QStringLiteral("HH:mm")));
    const QString minute = QStringLiteral(":%1").arg(at.minute(), 2, 10, QLatin1Char('0'));
    return everyHours == 1 ? QStringLiteral("every hour at %1").arg(minute)
                           : QStringLiteral("every %1 hours at %2").arg(everyHours).arg(minute);
}

QString BackupSchedule::onCalendar() const
{
    const QString minute = QStringLiteral("%1").arg(at.minute(), 2, 10, QLatin1Char('0'));
    if (everyHours == 0)
        return QStringLiteral("*-*-* %1:%2:00").arg(at.hour(), 2, 10, QLatin1Char('0')).arg(minute);
    return QStringLiteral("*-*-* 00/%1:%2:00").arg(everyHours).arg(minute);
}

QString BackupSchedule::cronTimeFields() const
{
    if (everyHours == 0)
        return QStringLiteral("%1 %2 * * *").arg(at.minute()).arg(at.hour());
    return QStringLiteral("%1 */%2 * * *").arg(at.minute()).arg(everyHours);
}

QList<QDateTime> BackupSchedule::firingsOn(const QDate &day) const
{
    QList<QDateTime> firings;
    const int step = everyHours == 0 ? kHoursPerDay : everyHours;
    for (int hour = everyHours == 0 ? at.hour() : 0; hour < kHoursPerDay; hour += step)
        firings << QDateTime(day, QTime(hour, at.minute()), Qt::LocalTime);
    return firings;
}

QDateTime BackupSchedule::nextRunAfter(const QDateTime &moment) const
{
    const QDateTime local = moment.toLocalTime();
    for (int offset = 0; offset <= 1; ++offset) {
        for (const QDateTime &firing : firingsOn(local.date().addDays(offset))) {
            if (firing > local)
                return firing;
        }
    }
    return {};
}

QDateTime BackupSchedule::lastRunAtOrBefore(const QDateTime &moment) const
{
    const QDateTime local = moment.toLocalTime();
    for (int offset = 0; offset >= -1; --offset) {
        QList<QDateTime> firings = firingsOn(local.date().addDays(offset));
        for (auto firing = firings.crbegin(); firing != firings.crend(); ++firing) {
            if (*firing <= local)
                return *firing;
        }
    }
    return {};
}

Status BackupSchedule::validate() const
{
    if (profile.trimmed().isEmpty())
        return Error::usage(QStringLiteral("A schedule needs the profile it backs up"));
    const auto isControl = [](QChar c) { return c.category() == QChar::Other_Control; };
    if (std::any_of(profile.cbegin(), profile.cend(), isControl) ||
        std::any_of(directory.cbegin(), directory.cend(), isControl))
        return Error::usage(QStringLiteral("A scheduled profile's name and directory cannot hold control characters"));
    if (directory.trimmed().isEmpty())
        return Error::usage(QStringLiteral("A schedule needs the directory its backups go to"));
    if (everyHours < 0 || everyHours >= kHoursPerDay)
        return Error::usage(QStringLiteral("Every N hours takes N from 1 to 23 (a day is daily)"));
    if (!at.isValid())
        return Error::usage(QStringLiteral("A schedule needs a valid time of day (HH:MM)"));
    if (retention.keepNewest < 0 || retention.keepDays < 0 || proveEvery < 0)
        return Error::usage(QStringLiteral("Retention and proof counts are 0 (none) or more"));
    return {};
}

QJsonObject BackupSchedule::toJson() const
{
    return {{QStringLiteral("profile"), profile},
            {QStringLiteral("everyHours"), everyHours},
            {QStringLiteral("at"), at.toString(QStringLiteral("HH:mm"))},
            {QStringLiteral("directory"), directory},
            {QStringLiteral("keep"), retention.keepNewest},
            {QStringLiteral("keepDays"), retention.keepDays},
            {QStringLiteral("proveEvery"), proveEvery},
            {QStringLiteral("mechanism"), scheduleMechanismName(mechanism)},
            {QStringLiteral("installedAt"), installedAt.toUTC().toString(Qt::ISODate)}};
}

BackupSchedule BackupSchedule::fromJson(const QJsonObject &object)
{
    BackupSchedule schedule;
    schedule.profile = object.value(QStringLiteral("profile")).toString();
    schedule.everyHours = object.value(QStringLiteral("everyHours")).toInt();
    schedule.at = QTime::fromString(object.value(QStringLiteral("at")).toString(), QStringLiteral("HH:mm"));
    schedule.directory = object.value(QStringLiteral("directory")).toString();
    schedule.retention = {object.value(QStringLiteral("keep")).toInt(),
                          object.value(QStringLiteral("keepDays")).toInt()};
    schedule.proveEvery = object.value(QStringLiteral("proveEvery")).toInt();
    const Result<ScheduleMechanism> mechanism =
        scheduleMechanismFromName(object.value(QStringLiteral("mechanism")).toString());
    schedule.mechanism = mechanism ? mechanism.value() : ScheduleMechanism::Systemd;
    schedule.installedAt = QDateTime::fromString(object.value(QStringLiteral("installedAt")).toString(), Qt::ISODate);
    return schedule;
}

bool BackupSchedule::operator==(const BackupSchedule &other) const
{
    return toJson() == other.toJson();
}

} // namespace nrdb
