#pragma once

#include "connection/connectionprofile.h"

class QWidget;

namespace nrdb {

// Before a job changes a database: true at once unless its profile is production; then the user
// must type the database's name (action names what is about to happen: "Repair", "Apply").
// GUI thread only.
bool confirmProductionWrite(QWidget *parent, const ConnectionProfile &profile, const QString &action);

} // namespace nrdb
