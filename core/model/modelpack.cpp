#include "model/modelpack.h"

#include "model/packdirectories.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace nrdb {

namespace {

const QString kBuiltInRoot = QStringLiteral(":/nrdb/models");

Result<QString> readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    return QString::fromUtf8(file.readAll());
}

Error packError(const QString &directory, const QString &what)
{
    return Error::usage(QStringLiteral("Model pack %1: %2").arg(directory, what));
}

QMap<int, QString> versionMap(const QJsonObject &object)
{
    QMap<int, QString> map;
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key().toInt(), it.value().toString());
    return map;
}

ForeignHistory foreignHistoryFromJson(const QJsonObject &json)
{
    return ForeignHistory{json.value(QStringLiteral("tool")).toString(), json.value(QStringLiteral("table")).toString(),
                          json.value(QStringLiteral("column")).toString(),
                          versionMap(json.value(QStringLiteral("revisions")).toObject())};
}

// expected-model.json (head) and expected-model.NNNN.json (earlier versions).
Status loadExpectedModels(ModelPack &pack, const QString &directory)
{
    pack.expectedModel.schema = pack.schema;
    static const QRegularExpression earlier(QStringLiteral(R"(^expected-model\.(\d{4})\.json$)"));
    const QDir dir(directory);
    for (const QString &file : dir.entryList({QStringLiteral("expected-model*.json")}, QDir::Files, QDir::Name)) {
        const QRegularExpressionMatch match = earlier.match(file);
        if (file != QLatin1String("expected-model.json") && !match.hasMatch())
            return packError(directory, QStringLiteral("%1 is not named expected-model.NNNN.json").arg(file));
        Result<SchemaModel> model = SchemaModel::load(dir.filePath(file));
        if (!model)
            return model.error();
        if (!match.hasMatch()) {
            pack.expectedModel = std::move(model).value();
            continue;
        }
        const int version = match.captured(1).toInt();
        if (!pack.migration(version) || version == pack.headVersion())
            return packError(directory, QStringLiteral("%1 is for no earlier version of its migrations").arg(file));
        pack.earlierModels.insert(version, std::move(model).value());
    }
    return {};
}

} // namespace

QString ForeignHistory::revisionAt(int version) const
{
    QString revision;
    for (auto it = revisions.cbegin(); it != revisions.cend() && it.key() <= version; ++it)
        revision = it.value();
    return revision;
}

QString normalizedChecksum(const QString &sql)
{
    QString text = sql;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        while (!line.isEmpty() && line.back().isSpace())
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return QString::fromLatin1(
        QCryptographicHash::hash(lines.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<ModelPack> ModelPack::load(const QString &directory)
{
    const Result<QString> manifest = readText(QDir(directory).filePath(QStringLiteral("pack.json")));
    if (!manifest)
        return manifest.error();
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(manifest.value().toUtf8(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return packError(directory, QStringLiteral("pack.json is not valid JSON: %1").arg(parseError.errorString()));
    ModelPack pack;
    pack.name = json.value(QStringLiteral("name")).toString();
    pack.title = json.value(QStringLiteral("title")).toString(pack.name);
    pack.schema = json.value(QStringLiteral("schema")).toString();
    if (pack.name.isEmpty() || pack.schema.isEmpty())
        return packError(directory, QStringLiteral("pack.json needs \"name\" and \"schema\""));
    for (const QJsonValue &extension : json.value(QStringLiteral("extensions")).toArray())
        pack.extensions << PackExtension{extension[QStringLiteral("name")].toString(),
                                         extension[QStringLiteral("schema")].toString(QStringLiteral("public"))};
    for (const QJsonValue &table : json.value(QStringLiteral("requiredTables")).toArray())
        pack.requiredTables << table.toString();
    for (const QJsonValue &table : json.value(QStringLiteral("secretTables")).toArray())
        pack.secretTables << table.toString();
    for (const QJsonValue &column : json.value(QStringLiteral("secretColumns")).toArray())
        pack.secretColumns << column.toString();
    pack.versionTitles = versionMap(json.value(QStringLiteral("versions")).toObject());
    pack.foreignHistory = foreignHistoryFromJson(json.value(QStringLiteral("foreignHistory")).toObject());
    if (!pack.foreignHistory.isEmpty() &&
        (pack.foreignHistory.column.isEmpty() || pack.foreignHistory.revisions.isEmpty()))
        return packError(directory, QStringLiteral("its foreignHistory needs \"table\", \"column\" and \"revisions\""));

    static const QRegularExpression fileName(QStringLiteral(R"(^(\d{4})_([A-Za-z0-9_]+)\.sql$)"));
    const QDir migrations(QDir(directory).filePath(QStringLiteral("migrations")));
    const QStringList files = migrations.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QRegularExpressionMatch match = fileName.match(file);
        if (!match.hasMatch())
            return packError(directory, QStringLiteral("migration %1 is not named NNNN_name.sql").arg(file));
        const Result<QString> sql = readText(migrations.filePath(file));
        if (!sql)
            return sql.error();
        Migration migration{match.captured(1).toInt(), match.captured(2), sql.value(), normalizedChecksum(sql.value())};
        if (!pack.migrations.isEmpty() && pack.migrations.last().version >= migration.version)
            return packError(directory, QStringLiteral("migration version %1 is used twice").arg(migration.version));
        pack.migrations << migration;
    }
    if (pack.migrations.isEmpty())
        return packError(directory, QStringLiteral("it has no migrations"));
    pack.directory = directory;
    if (Status loaded = loadExpectedModels(pack, directory); !loaded)
        return loaded.error();
    return pack;
}

QStringList ModelPack::builtIn()
{
    return QDir(kBuiltInRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

Result<ModelPack> ModelPack::builtIn(const QString &name)
{
    if (!builtIn().contains(name))
        return Error::notFound(QStringLiteral("There is no model pack named %1 (built in: %2)")
                                   .arg(name, builtIn().join(QStringLiteral(", "))));
    return load(QDir(kBuiltInRoot).filePath(name));
}

Result<QVector<ModelPack>> ModelPack::all()
{
    QVector<ModelPack> packs;
    QMap<QString, QString> whereNamed;
    for (const QString &name : builtIn())
        whereNamed.insert(name, QStringLiteral("built in"));
    for (const QString &name : builtIn()) {
        Result<ModelPack> pack = builtIn(name);
        if (!pack)
            return pack.error();
        packs << std::move(pack).value();
    }
    for (const QString &directory : packsInDirectories(packDirectories())) {
        Result<ModelPack> pack = load(directory);
        if (!pack)
            return pack.error();
        if (whereNamed.contains(pack.value().name))
            return Error::usage(QStringLiteral("Two model packs are named %1: %2 and %3")
                                    .arg(pack.value().name, whereNamed.value(pack.value().name), directory));
        whereNamed.insert(pack.value().name, directory);
        packs << std::move(pack).value();
    }
    return packs;
}

QStringList ModelPack::names()
{
    const Result<QVector<ModelPack>> packs = all();
    if (!packs)
        return builtIn();
    QStringList names;
    for (const ModelPack &pack : packs.value())
        names << pack.name;
    return names;
}

Result<ModelPack> ModelPack::named(const QString &nameOrDirectory)
{
    if (nameOrDirectory.contains(QLatin1Char('/')))
        return load(nameOrDirectory);
    if (builtIn().contains(nameOrDirectory))
        return builtIn(nameOrDirectory);
    Result<QVector<ModelPack>> packs = all();
    if (!packs)
        return packs.error();
    for (ModelPack &pack : packs.value()) {
        if (pack.name == nameOrDirectory)
            return std::move(pack);
    }
    return Error::notFound(QStringLiteral("There is no model pack named %1 (known: %2)")
                               .arg(nameOrDirectory, names().join(QStringLiteral(", "))));
}

QStringList ModelPack::secretColumnsOf(const RelationInfo &relation) const
{
    QStringList secret;
    if (relation.schema != schema)
        return secret;
    const bool wholeTable = secretColumns.contains(relation.name + QStringLiteral(".*"));
    for (const ColumnInfo &column : relation.columns) {
        if (wholeTable || secretColumns.contains(relation.name + QLatin1Char('.') + column.name))
            secret << column.name;
    }
    return secret;
}

const Migration *ModelPack::migration(int version) const
{
    for (const Migration &candidate : migrations) {
        if (candidate.version == version)
            return &candidate;
    }
    return nullptr;
}

QVector<int> ModelPack::modelVersions() const
{
    QVector<int> versions{headVersion()};
    for (auto it = earlierModels.keyBegin(); it != earlierModels.keyEnd(); ++it)
        versions.insert(1, *it); // ascending keys, each inserted after the head: newest first
    return versions;
}

const SchemaModel &ModelPack::modelAt(int version) const
{
    const auto found = earlierModels.constFind(version);
    return found == earlierModels.constEnd() ? expectedModel : *found;
}

QString ModelPack::describeVersion(int version) const
{
    const QString what = versionTitles.value(version);
    return what.isEmpty() ? QStringLiteral("version %1").arg(version)
                          : QStringLiteral("version %1 (%2)").arg(version).arg(what);
}

} // namespace nrdb
