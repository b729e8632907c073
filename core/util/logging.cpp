#include "util/logging.h"

Q_LOGGING_CATEGORY(lcSandbox, "nrdb.core.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSql, "nrdb.core.sql", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProcess, "nrdb.core.process", QtInfoMsg)
