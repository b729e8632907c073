#include "layoutjob.h"

#include "jobs/jobcontext.h"
#include "util/counting.h"

namespace nrdb {

QString LayoutJob::title() const
{
    return QStringLiteral("Lay out %1")
        .arg(counted(m_input.sizes.size(), QStringLiteral("table"), QStringLiteral("tables")));
}

Result<LayoutResult> LayoutJob::execute(JobContext &context)
{
    context.setPhase(QStringLiteral("Laying out"));
    Result<LayoutResult> layout = layoutGraph(m_input);
    if (context.isCancelled())
        return Error::cancelled(QStringLiteral("The layout was cancelled"));
    return layout;
}

} // namespace nrdb
