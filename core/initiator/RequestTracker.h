// SPDX-License-Identifier: GPL-3.0-or-later
// The engine under the initiator: it gives each request a tag with bit 31 set, keeps a window of
// requests in flight per peer (bounded by the target's Buffer Count), retransmits on timeout with
// exponential back-off, and matches replies by tag and source MAC. Everything runs on the Qt event loop;
// time comes from an injected Clock.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <deque>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "initiator/Replies.h"
#include "protocol/Frame.h"

namespace aoesan::initiator {

// What the tracker has learned from a peer's config replies.
struct PeerConfig
{
    std::uint16_t bufferCount = 0;
    std::uint8_t sectorCount = 0; // as sent; 0 means 2
};

class RequestTracker : public QObject
{
    Q_OBJECT

public:
    explicit RequestTracker(Clock &clock, QObject *parent = nullptr);
    ~RequestTracker() override;

    // Idempotent. The tracker listens to the transport's frames; it never owns it.
    void addTransport(net::Transport *transport);
    // Pending requests on it fail with Failure::Cancelled.
    void removeTransport(net::Transport *transport);
    std::vector<net::Transport *> transports() const;
    bool hasTransport(const net::Transport *transport) const;

    // Sends `frame` to `peer`: the tracker fills in addresses, version and tag, and retransmits per `policy`.
    // `done` runs exactly once from the event loop (never inside submit), unless `context` is gone by then.
    void submit(const Peer &peer, const protocol::Frame &frame, const RetryPolicy &policy, QObject *context,
        Completion<RawReply> done);

    // A fresh tag with bit 31 set, for frames sent outside the tracker (broadcast probes).
    std::uint32_t allocateTag();

    // Requests in flight to one peer at most: Buffer Count once a config reply said so, else the default.
    int window(const Peer &peer) const;
    void setDefaultWindow(int window) { m_defaultWindow = std::max(1, window); }
    void setMaxWindow(int window) { m_maxWindow = std::max(1, window); }
    int inFlight(const Peer &peer) const;
    int queued(const Peer &peer) const;
    std::size_t pendingCount() const { return m_inFlight.size(); }
    std::uint64_t retransmissions() const { return m_retransmissions; }

    std::optional<PeerConfig> peerConfig(const Peer &peer) const;
    // Peers it keeps state for (windows and learned configs): bounded, whatever is on the wire.
    std::size_t peersKept() const { return m_windows.size() + m_configs.size(); }

private:
    struct Pending
    {
        std::uint32_t tag = 0;
        Peer peer;
        std::uint8_t command = 0;
        std::vector<std::uint8_t> frame;
        RetryPolicy policy;
        int sent = 0;
        Duration timeout {};
        TimePoint firstSent {};
        TimePoint lastSent {};
        TimePoint deadline {};
        bool hasContext = false;
        QPointer<QObject> context;
        Completion<RawReply> done;
        std::string lastSendError; // the last transmission could not leave (a link that is down): why
    };
    struct PeerLess
    {
        bool operator()(const Peer &a, const Peer &b) const;
    };
    struct Window
    {
        int limit = 0; // 0: not learned yet, use the default
        int inFlight = 0;
        std::deque<Pending> queued;
    };

    void onFrame(net::Transport *transport, const QByteArray &frame);
    void onTimer();
    void learnConfig(net::Transport *transport, std::span<const std::uint8_t> bytes);
    void start(Pending pending);
    // Sends once more. A send that fails for a while (the link is down, no buffer space) is a lost frame:
    // nothing, and lastSendError says why; the error text only when sending can never work (no interface).
    std::optional<std::string> transmit(Pending &pending);
    void pump(const Peer &key);
    void complete(Pending pending, Outcome<RawReply> outcome);
    void post(Pending pending, Outcome<RawReply> outcome);
    void rearm();
    int limitOf(const Window &w) const;

    static constexpr std::size_t kMaxPeerConfigs = 65536; // 4096 targets × 16 paths, discovery's bounds

    Clock &m_clock;
    Timer *m_timer;
    std::vector<QPointer<net::Transport>> m_transports;
    std::map<std::uint32_t, Pending> m_inFlight;
    std::set<std::pair<TimePoint, std::uint32_t>> m_deadlines;
    std::map<Peer, Window, PeerLess> m_windows;
    std::map<Peer, PeerConfig, PeerLess> m_configs;
    std::uint32_t m_nextTag;
    int m_defaultWindow = 1;
    int m_maxWindow = 64; // the Linux initiator's aoe_maxout
    std::uint64_t m_retransmissions = 0;
};

} // namespace aoesan::initiator
