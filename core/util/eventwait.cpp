#include "eventwait.h"

#include <QEventLoop>
#include <QTimer>

namespace nrdb {

void waitForEvents(int maxMs)
{
    QEventLoop loop;
    QTimer::singleShot(maxMs, &loop, [] {}); // an event within maxMs at the latest
    loop.processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
}

} // namespace nrdb
