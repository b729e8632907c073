#pragma once

#include "diagram/graphlayout.h"
#include "jobs/jobwithresult.h"

namespace nrdb {

// Lays a diagram's tables out with Graphviz (layoutGraph). Needs no database. Graphviz cannot be
// interrupted: a cancel takes effect when the layout returns, and its result is then dropped.
// Thread: as JobWithResult.
class LayoutJob : public JobWithResult<LayoutResult> {
public:
    explicit LayoutJob(LayoutInput input) : m_input(std::move(input)) {}

    QString title() const override;
    JobAccess access() const override { return JobAccess::ReadOnly; }

protected:
    Result<LayoutResult> execute(JobContext &context) override;

private:
    LayoutInput m_input;
};

} // namespace nrdb
