#include "jobs/healthreport.h"

#include "util/counting.h"
#include "util/durablefile.h"
#include "util/htmlpage.h"
#include "util/jsonfile.h"

#include <QDir>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>

namespace nrdb {

namespace {

bool needsAttention(const EnvironmentStatus &status)
{
    return !status.concern().isEmpty();
}

QString backupCell(const EnvironmentStatus &status)
{
    if (status.backupDirectory.isEmpty())
        return QStringLiteral("not looked for");
    if (!status.lastBackup)
        return html::classedCell(QStringLiteral("bad"), QStringLiteral("none in %1").arg(status.backupDirectory));
    return QStringLiteral("%1 (%2%3)")
        .arg(status.lastBackup->name, status.lastBackup->createdAt.toUTC().toString(Qt::ISODate),
             status.lastBackup->isVerified() ? QStringLiteral(", checked") : QString());
}

QString proofCell(const EnvironmentStatus &status)
{
    if (status.backupDirectory.isEmpty())
        return {};
    if (!status.lastProof)
        return html::classedCell(QStringLiteral("bad"), QStringLiteral("never proven"));
    const QJsonObject &proof = status.lastProof->manifest.proof;
    const QString text = QStringLiteral("%1 %2: %3")
                             .arg(status.lastProof->name, proof.value(QStringLiteral("at")).toString(),
                                  proof.value(QStringLiteral("summary")).toString());
    return proof.value(QStringLiteral("ok")).toBool() ? text : html::classedCell(QStringLiteral("bad"), text);
}

QStringList rowOf(const EnvironmentStatus &status)
{
    const QString name = status.profile.name;
    const QString tier = deploymentTierName(status.profile.tier);
    const QString where = status.profile.displayName();
    if (!status.reached)
        return {name,      tier,      where,     QString(), QString(),
                QString(), QString(), QString(), QString(), html::classedCell(QStringLiteral("bad"), status.concern())};
    const QString attention = status.concern();
    return {name,
            tier,
            QStringLiteral("%1, PostgreSQL %2").arg(where, status.serverVersion.section(QLatin1Char(' '), 0, 0)),
            status.isRecognised() ? QStringLiteral("%1 %2").arg(status.pack, status.packVersion) : status.packVerdict,
            status.isRecognised() ? QString::number(status.differences) : QString(),
            QString::number(status.lintFindings),
            QLocale::c().formattedDataSize(status.databaseSizeBytes, 1, QLocale::DataSizeTraditionalFormat),
            backupCell(status),
            proofCell(status),
            attention.isEmpty() ? html::classedCell(QStringLiteral("ok"), QStringLiteral("nothing"))
                                : html::classedCell(QStringLiteral("bad"), attention)};
}

} // namespace

int HealthReport::concernCount() const
{
    return static_cast<int>(std::count_if(environments.cbegin(), environments.cend(), needsAttention));
}

QString HealthReport::summary() const
{
    const int concerns = concernCount();
    return QStringLiteral("%1, %2").arg(
        counted(environments.size(), QStringLiteral("environment"), QStringLiteral("environments")),
        concerns == 0   ? QStringLiteral("none needs attention")
        : concerns == 1 ? QStringLiteral("1 needs attention")
                        : QStringLiteral("%1 need attention").arg(concerns));
}

QJsonObject HealthReport::toJson() const
{
    QJsonArray array;
    for (const EnvironmentStatus &status : environments)
        array << status.toJson();
    return QJsonObject{{QStringLiteral("made_at"), madeAt.toUTC().toString(Qt::ISODate)},
                       {QStringLiteral("summary"), summary()},
                       {QStringLiteral("needing_attention"), concernCount()},
                       {QStringLiteral("environments"), array}};
}

QString HealthReport::toHtml() const
{
    QString page = html::pageStart(QStringLiteral("NetRaven health report"));
    page += QStringLiteral("<h1>NetRaven health report</h1><p class=\"%1\"><b>%2</b></p><p>Made %3</p>")
                .arg(concernCount() == 0 ? QStringLiteral("ok") : QStringLiteral("bad"), html::escaped(summary()),
                     html::escaped(madeAt.toUTC().toString(Qt::ISODate)));
    QVector<QStringList> rows;
    for (const EnvironmentStatus &status : environments)
        rows << rowOf(status);
    page += html::table({QStringLiteral("Environment"), QStringLiteral("Tier"), QStringLiteral("Server"),
                         QStringLiteral("Pack"), QStringLiteral("Differences"), QStringLiteral("Lint findings"),
                         QStringLiteral("Size"), QStringLiteral("Last backup"), QStringLiteral("Last proof"),
                         QStringLiteral("Needs attention")},
                        rows);
    return page + html::pageEnd();
}

Result<QString> HealthReport::saveIn(const QString &directory) const
{
    if (!QDir().mkpath(directory))
        return Error::io(QStringLiteral("Could not create %1").arg(directory));
    const QString base = QDir(directory).filePath(
        QStringLiteral("netraven-health-%1").arg(madeAt.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    if (Status written = durablefile::write(base + QStringLiteral(".json"), indentedJson(toJson()), true); !written)
        return written.error();
    const QString htmlPath = base + QStringLiteral(".html");
    if (Status written = durablefile::write(htmlPath, toHtml().toUtf8(), true); !written)
        return written.error();
    return htmlPath;
}

} // namespace nrdb
