#pragma once

#include <QLoggingCategory>

// Logging categories of the core layer; enable with QT_LOGGING_RULES="nrdb.core.*=true".
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
Q_DECLARE_LOGGING_CATEGORY(lcSql)
Q_DECLARE_LOGGING_CATEGORY(lcProcess)
