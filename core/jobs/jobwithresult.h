#pragma once

#include "jobs/job.h"

#include <optional>

namespace nrdb {

// A job whose work yields a typed result R. The runner calls run(); the submitter, holding the
// same shared_ptr, reads result() after JobRunner::finished reported success.
// Thread: execute() on the worker; result() after finished, on the runner's thread.
template <typename R>
class JobWithResult : public Job {
public:
    Status run(JobContext &context) final
    {
        Result<R> outcome = execute(context);
        if (!outcome)
            return outcome.error();
        m_result = std::move(outcome).value();
        return {};
    }

    bool hasResult() const { return m_result.has_value(); }
    const R &result() const
    {
        Q_ASSERT(m_result);
        return *m_result;
    }

    // Moves the result out, for results too large to copy; result() is empty afterwards.
    R takeResult()
    {
        Q_ASSERT(m_result);
        R taken = std::move(*m_result);
        m_result.reset();
        return taken;
    }

protected:
    virtual Result<R> execute(JobContext &context) = 0;

private:
    std::optional<R> m_result;
};

} // namespace nrdb
