// SPDX-License-Identifier: GPL-3.0-or-later
// A raw AF_PACKET socket for the target engine, where libpcap's per-frame callbacks would be the
// bottleneck: bound to one interface and EtherType 0x88A2, a kernel BPF filter that passes only
// requests for our shelf.slot (or broadcast), batched receive (recvmmsg) and send (sendmmsg).
// Not a QObject: the engine drives it from its own threads. send() is safe from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "net/NetworkInterfaces.h"
#include "net/TransportError.h"
#include "util/Result.h"

namespace aoesan::net {

struct PacketBuffer
{
    std::uint8_t *data = nullptr;
    std::size_t capacity = 0;
    std::size_t length = 0; // filled by receive, or by the caller before send
};

class PacketSocket
{
public:
    // Opens a socket on `interface` that sees only requests for shelf.slot (either may be the
    // broadcast value). socketBufferBytes sizes SO_RCVBUF/SO_SNDBUF (jumbo frames need more than
    // the default, as vblade's README says).
    static Result<std::unique_ptr<PacketSocket>, TransportError> open(
        const std::string &interface, std::uint16_t shelf, std::uint8_t slot, std::size_t socketBufferBytes);
    ~PacketSocket();
    PacketSocket(const PacketSocket &) = delete;
    PacketSocket &operator=(const PacketSocket &) = delete;

    int fd() const { return m_fd; }
    const InterfaceInfo &interfaceInfo() const { return m_info; }

    // Receives up to buffers.size() frames without blocking; returns how many (0: none waiting),
    // or -errno on a socket error.
    int receive(std::span<PacketBuffer> buffers);
    // Sends each buffer's first `length` bytes; returns how many went out, or -errno.
    int send(std::span<const PacketBuffer> buffers);
    bool send(std::span<const std::uint8_t> frame);

private:
    PacketSocket(int fd, InterfaceInfo info);
    int m_fd;
    InterfaceInfo m_info;
};

} // namespace aoesan::net
