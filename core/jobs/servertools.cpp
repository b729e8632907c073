#include "servertools.h"

#include "jobs/jobcontext.h"

namespace nrdb {

Result<ServerTools> ServerTools::connect(JobContext &context, const QString &userDir)
{
    const Result<QSqlDatabase> connected = context.database();
    if (!connected)
        return connected.error();
    const Result<ServerInfo> server = ServerInfo::read(connected.value());
    if (!server)
        return server.error();
    const Result<ClientTools> tools = ClientTools::forServer(server.value().majorVersion(), userDir);
    if (!tools)
        return tools.error();
    return ServerTools{connected.value(), server.value(), tools.value()};
}

} // namespace nrdb
