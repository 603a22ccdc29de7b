// SPDX-License-Identifier: GPL-3.0-or-later
// An initiator played by hand for the engine's net tests: a raw AF_PACKET socket that sends frames
// exactly as written (any source MAC, any length from 14 bytes, no padding added) and collects the
// AoE frames coming back. Open it while the thread is inside the lab's initiator namespace (a
// NamespaceGuard); the socket stays in that namespace afterwards, so it can never reach a host link.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>

#include "protocol/MacAddress.h"

namespace aoesan::test {

class RawPeer
{
public:
    // Binds to `interface` of the calling thread's network namespace; null with `error` set on failure.
    static std::unique_ptr<RawPeer> open(const QString &interface, QString *error);
    ~RawPeer();
    RawPeer(const RawPeer &) = delete;
    RawPeer &operator=(const RawPeer &) = delete;

    const protocol::MacAddress &mac() const { return m_mac; }

    bool send(const QByteArray &frame);
    // AoE responses (R set) that arrive within `timeoutMs`, stopping early once `enough` says so.
    QList<QByteArray> collect(int timeoutMs, const std::function<bool(const QList<QByteArray> &)> &enough = {});
    // The first response carrying `tag`, or empty after `timeoutMs`; other frames are discarded.
    QByteArray awaitReply(std::uint32_t tag, int timeoutMs = 2000);
    // send() then awaitReply() for the tag in the request.
    QByteArray exchange(const QByteArray &request, int timeoutMs = 2000);
    // Throws away whatever is queued (the engine's announcement, late replies).
    void drain();
    // From now on, only frames sent to `destination` are received (a socket filter in the kernel): several
    // peers on one interface then each see their own replies, as hosts with NICs of their own would, and
    // one host's flood of replies cannot overflow another's queue. False with `error` set on failure.
    bool receiveOnlyFor(const protocol::MacAddress &destination, QString *error);

private:
    RawPeer(int fd, const protocol::MacAddress &mac);
    QByteArray receiveOne(int timeoutMs);

    int m_fd;
    protocol::MacAddress m_mac;
};

} // namespace aoesan::test
