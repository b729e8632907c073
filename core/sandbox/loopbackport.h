#pragma once

#include "util/result.h"

namespace nrdb::loopbackport {

// A TCP port on 127.0.0.1 that nothing listens on right now (the kernel picks it).
Result<quint16> pickFree();
// Whether a process could bind 127.0.0.1:port now.
bool isFree(quint16 port);

} // namespace nrdb::loopbackport
