#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace nrdb {

// A JSON file holding one object, the way this project reads and writes them. what names the
// file in errors ("the expected model"). Any thread.
Result<QJsonObject> readJsonObject(const QString &path, const QString &what);
// The bytes to write: indented, as people read and diff them.
QByteArray indentedJson(const QJsonObject &object);

} // namespace nrdb
