#pragma once

#include "diagram/diagrammodel.h"
#include "model/verifyreport.h"

namespace nrdb {

// What verify found, as marks for the diagram: missing, extra and changed tables and columns of
// the report's schema. A table with a changed constraint, index or comment counts as changed.
DiagramMarks marksFromVerify(const VerifyReport &report);

} // namespace nrdb
