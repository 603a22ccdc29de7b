// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/PacketSocket.h"

#include <arpa/inet.h>
#include <array>
#include <cerrno>
#include <cstring>
#include <poll.h>
#include <unistd.h>
#include <vector>

#include <linux/filter.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <sys/socket.h>

#include "net/PacketCapability.h"
#include "protocol/Constants.h"

namespace aoesan::net {

namespace {

// Classic BPF, as vblade filters: EtherType AoE, R flag clear, major ours or 0xFFFF, minor ours or 0xFF.
// Frames for other targets never wake the engine.
std::vector<sock_filter> requestFilter(std::uint16_t shelf, std::uint8_t slot)
{
    const auto k = [](std::uint32_t v) { return v; };
    return {
        /* 0 */ BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 12),
        /* 1 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, k(protocol::kEtherType), 0, 9), // else drop
        /* 2 */ BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 14),
        /* 3 */ BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, k(protocol::flags::Response), 7, 0), // a reply: drop
        /* 4 */ BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 16),
        /* 5 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, k(shelf), 1, 0),
        /* 6 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, k(protocol::kBroadcastMajor), 0, 4), // else drop
        /* 7 */ BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 18),
        /* 8 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, k(slot), 1, 0),
        /* 9 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, k(protocol::kBroadcastMinor), 0, 1), // else drop
        /* 10 */ BPF_STMT(BPF_RET | BPF_K, 0x40000), // accept the whole frame
        /* 11 */ BPF_STMT(BPF_RET | BPF_K, 0), // drop
    };
}

TransportError socketError(const std::string &interface, int err, const std::string &what)
{
    if (err == EPERM || err == EACCES)
        return {TransportError::Code::NoPermission, "no permission to open a raw packet socket on " + interface,
            packetPermissionFix()};
    if (err == ENODEV || err == ENXIO)
        return {TransportError::Code::NoSuchInterface, "no network interface named '" + interface + "'",
            "See `ip link` for the interfaces of this machine."};
    if (err == ENETDOWN)
        return {TransportError::Code::InterfaceDown, "interface " + interface + " is down",
            "Bring it up: sudo ip link set " + interface + " up"};
    return {TransportError::Code::Io, what + " on " + interface + ": " + std::strerror(err), {}};
}

} // namespace

Result<std::unique_ptr<PacketSocket>, TransportError> PacketSocket::open(
    const std::string &interface, std::uint16_t shelf, std::uint8_t slot, std::size_t socketBufferBytes)
{
    auto info = findInterface(interface);
    if (!info)
        return Unexpected(TransportError {
            TransportError::Code::NoSuchInterface, info.error(), "See `ip link` for the interfaces of this machine."});
    // An interface that is down is bound all the same: the engine says so and waits for it to come up (at
    // boot an export may start before its interface does; refusing made its supervisor give up).

    // Protocol 0 until bind: no frame is queued before the filter is in place.
    const int fd = ::socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return Unexpected(socketError(interface, errno, "cannot open a packet socket"));
    auto fail = [&](const std::string &what) {
        const int err = errno;
        ::close(fd);
        return Unexpected(socketError(interface, err, what));
    };

    auto filter = requestFilter(shelf, slot);
    sock_fprog program {static_cast<unsigned short>(filter.size()), filter.data()};
    if (::setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof program) != 0)
        return fail("cannot attach the packet filter");
    // Requests that initiators of this machine send on the interface (aoesan's discovery, aoesan-ctl) leave
    // the host and never come in: the socket must see outgoing frames too, or this machine cannot find or
    // use its own exports. Our own replies cannot come back (the kernel skips the sending socket, and the
    // filter drops every frame with the R flag). On loopback a sent frame also arrives as received, so
    // there outgoing copies would be requests seen twice: ignore them (PACKET_IGNORE_OUTGOING, Linux 4.20+).
    if (info->loopback) {
        const int one = 1;
        ::setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof one);
    }
    const int bytes = static_cast<int>(std::min<std::size_t>(socketBufferBytes, 64U << 20U));
    // The FORCE variants pass rmem_max/wmem_max when we hold CAP_NET_ADMIN; otherwise the plain ones cap.
    if (::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &bytes, sizeof bytes) != 0)
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes);
    if (::setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &bytes, sizeof bytes) != 0)
        ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes);

    sockaddr_ll address {};
    address.sll_family = AF_PACKET;
    // ETH_P_ALL, not the AoE EtherType: Linux hands outgoing frames of other sockets (the requests of
    // this machine's initiators) only to ETH_P_ALL sockets. The filter above still passes only AoE requests.
    address.sll_protocol = htons(ETH_P_ALL);
    address.sll_ifindex = info->index;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
        return fail("cannot bind the packet socket");
    return std::unique_ptr<PacketSocket>(new PacketSocket(fd, std::move(info).value()));
}

PacketSocket::PacketSocket(int fd, InterfaceInfo info)
    : m_fd(fd)
    , m_info(std::move(info))
{ }

PacketSocket::~PacketSocket()
{
    ::close(m_fd);
}

int PacketSocket::receive(std::span<PacketBuffer> buffers)
{
    constexpr std::size_t kMaxBatch = 64;
    const std::size_t n = std::min(buffers.size(), kMaxBatch);
    std::array<mmsghdr, kMaxBatch> messages {};
    std::array<iovec, kMaxBatch> vectors {};
    for (std::size_t i = 0; i < n; ++i) {
        vectors[i] = {buffers[i].data, buffers[i].capacity};
        messages[i].msg_hdr.msg_iov = &vectors[i];
        messages[i].msg_hdr.msg_iovlen = 1;
    }
    int got = 0;
    do {
        got = ::recvmmsg(m_fd, messages.data(), static_cast<unsigned>(n), MSG_DONTWAIT, nullptr);
    } while (got < 0 && errno == EINTR);
    if (got < 0)
        return (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -errno;
    for (int i = 0; i < got; ++i) {
        const auto index = static_cast<std::size_t>(i);
        // A frame larger than the buffer is truncated (MSG_TRUNC); the codec then sees a short frame.
        buffers[index].length = std::min<std::size_t>(messages[index].msg_len, buffers[index].capacity);
    }
    return got;
}

int PacketSocket::send(std::span<const PacketBuffer> buffers)
{
    constexpr std::size_t kMaxBatch = 64;
    int sent = 0;
    while (static_cast<std::size_t>(sent) < buffers.size()) {
        const auto rest = buffers.subspan(static_cast<std::size_t>(sent));
        const std::size_t n = std::min(rest.size(), kMaxBatch);
        std::array<mmsghdr, kMaxBatch> messages {};
        std::array<iovec, kMaxBatch> vectors {};
        for (std::size_t i = 0; i < n; ++i) {
            vectors[i] = {rest[i].data, rest[i].length};
            messages[i].msg_hdr.msg_iov = &vectors[i];
            messages[i].msg_hdr.msg_iovlen = 1;
        }
        const int done = ::sendmmsg(m_fd, messages.data(), static_cast<unsigned>(n), 0);
        if (done < 0) {
            if (errno == EINTR)
                continue;
            if (errno == ENOBUFS || errno == EAGAIN) {
                // The transmit queue is full: wait for room rather than drop a reply the initiator waits for.
                pollfd p {m_fd, POLLOUT, 0};
                ::poll(&p, 1, 10);
                continue;
            }
            return sent > 0 ? sent : -errno;
        }
        sent += done;
    }
    return sent;
}

bool PacketSocket::send(std::span<const std::uint8_t> frame)
{
    const PacketBuffer buffer {const_cast<std::uint8_t *>(frame.data()), frame.size(), frame.size()};
    return send(std::span(&buffer, 1)) == 1;
}

} // namespace aoesan::net
