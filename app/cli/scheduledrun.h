#pragma once

namespace nrdb::cli {

class CommandLine;

// `netraven-dbctl schedule run PROFILE`, what a schedule's timer or crontab line runs: backs the
// profile up into the schedule's directory, prunes by its retention, proves every Nth backup
// restorable, and records how it went whatever the end. Exit codes as any job's; 4 when the
// proof failed.
int runScheduledBackup(const CommandLine &command);

} // namespace nrdb::cli
