#pragma once

namespace nrdb {

// Frees what libraries keep per thread for a task that ran on a pool thread: OpenSSL's state
// (libpq's TLS, our digests), which a pool thread would otherwise hold until the process ends.
// Call on that thread, at the end of the task; the next task gets fresh state. Any thread.
void releaseThreadState();

} // namespace nrdb
