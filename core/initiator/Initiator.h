// SPDX-License-Identifier: GPL-3.0-or-later
// The userspace AoE initiator: Query Config (every ccmd), IDENTIFY, READ/WRITE EXT split into frames of
// min(target sectors, path MTU) sectors, MAC mask and reserve/release. Asynchronous: each call returns at
// once and its completion runs later from the Qt event loop. Used by discovery, aoesan-ctl and the bench.
#pragma once

#include <QByteArray>
#include <QObject>

#include <vector>

#include "initiator/Replies.h"
#include "initiator/RequestTracker.h"

namespace aoesan::initiator {

class Initiator : public QObject
{
    Q_OBJECT

public:
    explicit Initiator(Clock &clock, QObject *parent = nullptr);

    void addTransport(net::Transport *transport) { m_tracker->addTransport(transport); }
    void removeTransport(net::Transport *transport) { m_tracker->removeTransport(transport); }
    std::vector<net::Transport *> transports() const { return m_tracker->transports(); }
    RequestTracker &tracker() { return *m_tracker; }
    const RequestTracker &tracker() const { return *m_tracker; }
    Clock &clock() { return m_clock; }

    // Each completion runs once, unless `context` is destroyed first (then never).
    void queryConfig(const Peer &peer, protocol::ConfigCommand command, const std::string &configString,
        QObject *context, Completion<ConfigReply> done, const RetryPolicy &policy = {});
    void identify(const Peer &peer, QObject *context, Completion<IdentifyReply> done, const RetryPolicy &policy = {});
    void macMask(const Peer &peer, const protocol::MacMaskArg &request, QObject *context, Completion<MacMaskReply> done,
        const RetryPolicy &policy = {});
    // Release is Set or ForceSet with no MACs.
    void reserve(const Peer &peer, protocol::ReserveCommand command, const std::vector<protocol::MacAddress> &macs,
        QObject *context, Completion<ReserveReply> done, const RetryPolicy &policy = {});
    // Reads `sectors` sectors from `lba` with READ SECTORS EXT. Asks for the target's config first when
    // its sector count is not known yet. The frames go out within the peer's window.
    void read(const Peer &peer, std::uint64_t lba, std::uint64_t sectors, QObject *context, Completion<ReadResult> done,
        const RetryPolicy &policy = {});
    // Writes `data` (a whole number of sectors) at `lba` with WRITE SECTORS EXT.
    void write(const Peer &peer, std::uint64_t lba, const QByteArray &data, QObject *context,
        Completion<WriteResult> done, const RetryPolicy &policy = {});

    // Broadcasts Query Config (major 0xFFFF, minor 0xFF, ccmd read, tag bit 31) on one interface, untracked:
    // discovery collects the answers by sniffing. Returns the tag used.
    Result<std::uint32_t, Failure> broadcastConfigQuery(net::Transport *transport);

    // Sectors per ATA frame on this path: min(the target's Sector Count, what the interface MTU carries);
    // 0 while the target's config is unknown.
    int sectorsPerFrame(const Peer &peer) const;

private:
    Clock &m_clock;
    RequestTracker *m_tracker;
};

} // namespace aoesan::initiator
