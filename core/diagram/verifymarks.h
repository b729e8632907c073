#pragma once

#include "diagram/diagrammodel.h"
#include "model/verifyreport.h"

namespace nrdb {

// What verify found, as marks for the diagram: missing, extra and changed tables and columns of
// the report's schema. A table with a changed constraint, index or comment counts as changed.
DiagramMarks marksFromVerify(const VerifyReport &report);

// The same for differences found in schema (a verify's drift, or a compare's).
void addDriftMarks(const QString &schema, const QVector<DriftItem> &drift, DiagramMarks &marks);

} // namespace nrdb
