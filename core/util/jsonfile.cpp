#include "util/jsonfile.h"

#include <QFile>
#include <QJsonDocument>

namespace nrdb {

Result<QJsonObject> readJsonObject(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(QStringLiteral("Cannot read %1 %2").arg(what, path), file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return Error::usage(QStringLiteral("%1 is not valid JSON: %2").arg(path, parseError.errorString()));
    return document.object();
}

QByteArray indentedJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

} // namespace nrdb
