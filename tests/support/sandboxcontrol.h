#pragma once

#include "sandbox/sandboxstate.h"

namespace nrdb::test {

// A private sandbox's server stopped at once (pg_ctl stop -m immediate: no shutdown checkpoint,
// every session cut, as a crash or a power cut leaves it), and started again on the same port.
bool stopServerNow(const SandboxState &state);
bool startServerAgain(const SandboxState &state);

} // namespace nrdb::test
