#include "sandbox/loopbackport.h"

#include <QString>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace nrdb::loopbackport {

namespace {

// Binds a socket to 127.0.0.1:port (0: any free port) and returns the bound port, or 0.
quint16 bindLoopback(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    quint16 bound = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0) {
        socklen_t length = sizeof address;
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
            bound = ntohs(address.sin_port);
    }
    ::close(fd);
    return bound;
}

} // namespace

Result<quint16> pickFree()
{
    const quint16 port = bindLoopback(0);
    if (port == 0)
        return Error::io(
            QStringLiteral("No free TCP port on 127.0.0.1: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    return port;
}

bool isFree(quint16 port)
{
    return bindLoopback(port) == port;
}

} // namespace nrdb::loopbackport
