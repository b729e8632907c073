#include "util/threadstate.h"

#include <openssl/crypto.h>

namespace nrdb {

void releaseThreadState()
{
    OPENSSL_thread_stop();
}

} // namespace nrdb
