#pragma once

namespace nrdb {

// Sleeps in the calling thread's event loop until an event was handled or maxMs passed.
// (QCoreApplication::processEvents(flags, maxtime) does not wait: in a loop it spins a core.)
void waitForEvents(int maxMs);

} // namespace nrdb
