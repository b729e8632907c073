#pragma once

// netraven-dbctl's documented exit codes.
namespace nrdb::cli {

enum ExitCode : int {
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2,
    ExitConnection = 3,
    ExitDrift = 4,
    ExitCancelled = 130,
};

} // namespace nrdb::cli
