// SPDX-License-Identifier: GPL-3.0-or-later
#include "RawPeer.h"

#include <QElapsedTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <poll.h>
#include <unistd.h>

#include <linux/filter.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "TargetFrames.h"

namespace aoesan::test {

namespace {

constexpr std::uint16_t kAoeType = 0x88A2;

QString systemError(const QString &what)
{
    return what + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

std::unique_ptr<RawPeer> RawPeer::open(const QString &interface, QString *error)
{
    const QByteArray name = interface.toLocal8Bit();
    const int fd = ::socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(kAoeType));
    if (fd < 0) {
        *error = systemError(QStringLiteral("socket(AF_PACKET)"));
        return nullptr;
    }
    ifreq request {};
    std::strncpy(request.ifr_name, name.constData(), IFNAMSIZ - 1);
    if (::ioctl(fd, SIOCGIFINDEX, &request) != 0) {
        *error = systemError(QStringLiteral("no interface %1 here").arg(interface));
        ::close(fd);
        return nullptr;
    }
    sockaddr_ll address {};
    address.sll_family = AF_PACKET;
    address.sll_protocol = htons(kAoeType);
    address.sll_ifindex = request.ifr_ifindex;
    if (::ioctl(fd, SIOCGIFHWADDR, &request) != 0
        || ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        *error = systemError(QStringLiteral("cannot bind to %1").arg(interface));
        ::close(fd);
        return nullptr;
    }
    // Our own requests would come back to us otherwise.
    const int one = 1;
    ::setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof one);
    // A burst of replies (IDENTIFY blocks, 1 KiB reads) must not overflow while nobody reads.
    const int bytes = 8 << 20;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &bytes, sizeof bytes);
    protocol::MacAddress::Bytes mac {};
    std::memcpy(mac.data(), request.ifr_hwaddr.sa_data, mac.size());
    return std::unique_ptr<RawPeer>(new RawPeer(fd, protocol::MacAddress(mac)));
}

bool RawPeer::receiveOnlyFor(const protocol::MacAddress &destination, QString *error)
{
    const auto &b = destination.bytes();
    const std::uint32_t high
        = (std::uint32_t {b[0]} << 24U) | (std::uint32_t {b[1]} << 16U) | (std::uint32_t {b[2]} << 8U) | b[3];
    const std::uint32_t low = (std::uint32_t {b[4]} << 8U) | b[5];
    // Load the first four bytes of the destination, compare; the last two, compare; keep or drop.
    sock_filter program[] = {
        {BPF_LD | BPF_W | BPF_ABS, 0, 0, 0},
        {BPF_JMP | BPF_JEQ | BPF_K, 0, 3, high},
        {BPF_LD | BPF_H | BPF_ABS, 0, 0, 4},
        {BPF_JMP | BPF_JEQ | BPF_K, 0, 1, low},
        {BPF_RET | BPF_K, 0, 0, 0x40000},
        {BPF_RET | BPF_K, 0, 0, 0},
    };
    const sock_fprog filter {static_cast<unsigned short>(std::size(program)), program};
    if (::setsockopt(m_fd, SOL_SOCKET, SO_ATTACH_FILTER, &filter, sizeof filter) != 0) {
        *error = systemError(QStringLiteral("cannot attach a socket filter"));
        return false;
    }
    drain(); // what was queued before the filter
    return true;
}

RawPeer::RawPeer(int fd, const protocol::MacAddress &mac)
    : m_fd(fd)
    , m_mac(mac)
{ }

RawPeer::~RawPeer()
{
    ::close(m_fd);
}

bool RawPeer::send(const QByteArray &frame)
{
    const ssize_t n = ::send(m_fd, frame.constData(), static_cast<std::size_t>(frame.size()), 0);
    return n == frame.size();
}

QByteArray RawPeer::receiveOne(int timeoutMs)
{
    pollfd p {m_fd, POLLIN, 0};
    if (::poll(&p, 1, std::max(timeoutMs, 0)) <= 0)
        return {};
    QByteArray frame(65536, '\0');
    const ssize_t n = ::recv(m_fd, frame.data(), static_cast<std::size_t>(frame.size()), MSG_DONTWAIT);
    if (n <= 0)
        return {};
    frame.truncate(n);
    return frame;
}

QList<QByteArray> RawPeer::collect(int timeoutMs, const std::function<bool(const QList<QByteArray> &)> &enough)
{
    QList<QByteArray> got;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        const QByteArray frame = receiveOne(static_cast<int>(timeoutMs - clock.elapsed()));
        if (frame.isEmpty() || !frames::isResponse(frame))
            continue;
        got.append(frame);
        if (enough && enough(got))
            break;
    }
    return got;
}

QByteArray RawPeer::awaitReply(std::uint32_t tag, int timeoutMs)
{
    const auto found
        = collect(timeoutMs, [tag](const QList<QByteArray> &got) { return frames::tagOf(got.last()) == tag; });
    return !found.isEmpty() && frames::tagOf(found.last()) == tag ? found.last() : QByteArray();
}

QByteArray RawPeer::exchange(const QByteArray &request, int timeoutMs)
{
    if (!send(request))
        return {};
    return awaitReply(frames::tagOf(request), timeoutMs);
}

void RawPeer::drain()
{
    while (!receiveOne(0).isEmpty()) { }
}

} // namespace aoesan::test
