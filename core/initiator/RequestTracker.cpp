// SPDX-License-Identifier: GPL-3.0-or-later
#include "initiator/RequestTracker.h"

#include <QMetaObject>
#include <QRandomGenerator>

#include <algorithm>
#include <functional>

#include "log/Logging.h"
#include "net/Transport.h"

namespace aoesan::initiator {

namespace {

std::span<const std::uint8_t> bytesOf(const QByteArray &frame)
{
    return {reinterpret_cast<const std::uint8_t *>(frame.constData()), static_cast<std::size_t>(frame.size())};
}

// The key of a peer's window and learned config: the same target seen through the same interface.
Peer keyOf(net::Transport *transport, const protocol::MacAddress &mac, std::uint16_t shelf, std::uint8_t slot)
{
    return Peer {transport, mac, shelf, slot};
}

} // namespace

bool RequestTracker::PeerLess::operator()(const Peer &a, const Peer &b) const
{
    if (a.transport != b.transport)
        return std::less<const void *>()(a.transport, b.transport);
    return std::tie(a.mac, a.shelf, a.slot) < std::tie(b.mac, b.shelf, b.slot);
}

RequestTracker::RequestTracker(Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_timer(clock.createTimer(this))
    // A random start keeps two aoesan processes on one host from matching each other's replies.
    , m_nextTag(QRandomGenerator::global()->generate())
{
    connect(m_timer, &Timer::timeout, this, &RequestTracker::onTimer);
}

RequestTracker::~RequestTracker() = default;

void RequestTracker::addTransport(net::Transport *transport)
{
    if (!transport || hasTransport(transport))
        return;
    m_transports.emplace_back(transport);
    connect(transport, &net::Transport::frameReceived, this,
        [this, transport](const QByteArray &frame) { onFrame(transport, frame); });
}

void RequestTracker::removeTransport(net::Transport *transport)
{
    std::erase_if(m_transports, [transport](const auto &t) { return t.isNull() || t == transport; });
    if (transport)
        disconnect(transport, nullptr, this, nullptr);
    std::vector<Pending> cancelled;
    for (auto it = m_inFlight.begin(); it != m_inFlight.end();) {
        if (it->second.peer.transport == transport) {
            m_deadlines.erase({it->second.deadline, it->first});
            cancelled.push_back(std::move(it->second));
            it = m_inFlight.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_windows.begin(); it != m_windows.end();) {
        if (it->first.transport == transport) {
            for (auto &p : it->second.queued)
                cancelled.push_back(std::move(p));
            it = m_windows.erase(it);
        } else {
            ++it;
        }
    }
    std::erase_if(m_configs, [transport](const auto &entry) { return entry.first.transport == transport; });
    for (auto &p : cancelled)
        post(std::move(p), Unexpected(Failure::of(Failure::Kind::Cancelled, "the interface was closed")));
    rearm();
}

bool RequestTracker::hasTransport(const net::Transport *transport) const
{
    return std::ranges::any_of(m_transports, [transport](const auto &t) { return t.data() == transport; });
}

std::vector<net::Transport *> RequestTracker::transports() const
{
    std::vector<net::Transport *> result;
    for (const auto &t : m_transports) {
        if (t)
            result.push_back(t.data());
    }
    return result;
}

std::uint32_t RequestTracker::allocateTag()
{
    for (;;) {
        const std::uint32_t tag = protocol::kUserTagBit | (m_nextTag++ & ~protocol::kUserTagBit);
        if (!m_inFlight.contains(tag))
            return tag;
    }
}

int RequestTracker::limitOf(const Window &w) const
{
    return w.limit > 0 ? w.limit : m_defaultWindow;
}

int RequestTracker::window(const Peer &peer) const
{
    const auto it = m_windows.find(peer);
    if (it != m_windows.end())
        return limitOf(it->second);
    const auto config = m_configs.find(peer);
    if (config != m_configs.end())
        return std::clamp<int>(config->second.bufferCount, 1, m_maxWindow);
    return m_defaultWindow;
}

int RequestTracker::inFlight(const Peer &peer) const
{
    const auto it = m_windows.find(peer);
    return it == m_windows.end() ? 0 : it->second.inFlight;
}

int RequestTracker::queued(const Peer &peer) const
{
    const auto it = m_windows.find(peer);
    return it == m_windows.end() ? 0 : static_cast<int>(it->second.queued.size());
}

std::optional<PeerConfig> RequestTracker::peerConfig(const Peer &peer) const
{
    const auto it = m_configs.find(peer);
    if (it == m_configs.end())
        return std::nullopt;
    return it->second;
}

void RequestTracker::submit(const Peer &peer, const protocol::Frame &frame, const RetryPolicy &policy, QObject *context,
    Completion<RawReply> done)
{
    Pending p;
    p.peer = peer;
    p.command = frame.header.command;
    p.policy = policy;
    p.policy.attempts = std::max(1, policy.attempts);
    p.hasContext = context != nullptr;
    p.context = context;
    p.done = std::move(done);

    if (!peer.transport || !hasTransport(peer.transport)) {
        post(std::move(p), Unexpected(Failure::of(Failure::Kind::SendFailed, "no such interface in the initiator")));
        return;
    }
    protocol::Frame out = frame;
    out.header.destination = peer.mac;
    out.header.source = peer.transport->localMac();
    out.header.version = protocol::kVersion;
    out.header.response = false;
    out.header.error = false;
    out.header.errorCode = 0;
    out.header.major = peer.shelf;
    out.header.minor = peer.slot;
    auto encoded = protocol::encodeFrame(out);
    if (!encoded) {
        post(std::move(p), Unexpected(Failure::of(Failure::Kind::SendFailed, encoded.error().message())));
        return;
    }
    p.frame = std::move(encoded).value();

    auto [slot, created] = m_windows.try_emplace(peer);
    Window &w = slot->second;
    if (created) {
        // A window exists only while requests to the peer do: what a config reply taught is in m_configs.
        if (const auto config = m_configs.find(peer); config != m_configs.end())
            w.limit = std::clamp<int>(config->second.bufferCount, 1, m_maxWindow);
    }
    if (w.inFlight >= limitOf(w)) {
        w.queued.push_back(std::move(p));
        return;
    }
    start(std::move(p));
}

void RequestTracker::start(Pending p)
{
    p.tag = allocateTag();
    for (int shift = 24, i = 0; shift >= 0; shift -= 8, ++i)
        p.frame[protocol::kCommonHeaderSize - 4 + static_cast<std::size_t>(i)]
            = static_cast<std::uint8_t>(p.tag >> static_cast<unsigned>(shift));
    p.timeout = std::min(p.policy.firstTimeout, p.policy.maxTimeout);
    if (auto error = transmit(p)) {
        post(std::move(p), Unexpected(Failure::of(Failure::Kind::SendFailed, *error, 1)));
        return;
    }
    ++m_windows[p.peer].inFlight;
    m_deadlines.insert({p.deadline, p.tag});
    const std::uint32_t tag = p.tag;
    m_inFlight.emplace(tag, std::move(p));
    rearm();
}

std::optional<std::string> RequestTracker::transmit(Pending &p)
{
    ++p.sent;
    p.lastSent = m_clock.now();
    if (p.sent == 1)
        p.firstSent = p.lastSent;
    p.deadline = p.lastSent + p.timeout;
    if (p.policy.total > Duration::zero())
        p.deadline = std::min(p.deadline, p.firstSent + p.policy.total);
    if (!p.peer.transport)
        return std::string("the interface was closed");
    auto sent = p.peer.transport->send(p.frame);
    if (!sent) {
        using Code = net::TransportError::Code;
        const Code code = sent.error().code;
        // A link that is down comes back (a cable, a switch restarting): retransmit as for a frame lost on
        // the wire, within the request's policy, instead of failing a READ that would have been answered.
        // A frame too big for the MTU (FrameTooBig) fails at once: the same frame can never leave.
        if (code == Code::InterfaceDown || code == Code::Io) {
            if (p.lastSendError.empty())
                log::logger("initiator")->debug("send failed, will retry: {}", sent.error().describe());
            p.lastSendError = sent.error().describe();
            return std::nullopt;
        }
        log::logger("initiator")->warn("send failed: {}", sent.error().describe());
        return sent.error().describe();
    }
    p.lastSendError.clear();
    return std::nullopt;
}

void RequestTracker::learnConfig(net::Transport *transport, std::span<const std::uint8_t> bytes)
{
    const auto decoded = protocol::decodeFrame(bytes, protocol::DecodeOptions {false});
    if (!decoded)
        return;
    const auto &h = decoded->header;
    const auto *config = decoded->as<protocol::ConfigArg>();
    if (!config || h.isBroadcastAddress())
        return;
    const Peer key = keyOf(transport, h.source, h.major, h.minor);
    // Every config reply on the wire lands here, forged ones from ever-new MACs too ([12]): past the bound
    // the map starts again (what is in use lives on in its window; the rest is learned at the next reply).
    if (m_configs.size() >= kMaxPeerConfigs && !m_configs.contains(key))
        m_configs.clear();
    m_configs[key] = PeerConfig {config->bufferCount, config->sectorCount};
    const auto it = m_windows.find(key);
    if (it != m_windows.end()) {
        // Buffer Count is what the target can queue; under 1 would stall, over maxout floods it.
        it->second.limit = std::clamp<int>(config->bufferCount, 1, m_maxWindow);
        pump(key);
    }
}

void RequestTracker::onFrame(net::Transport *transport, const QByteArray &frame)
{
    const auto bytes = bytesOf(frame);
    const auto header = protocol::decodeHeader(bytes, protocol::DecodeOptions {false});
    if (!header || !header->response)
        return;
    if (header->commandCode() == protocol::Command::QueryConfig)
        learnConfig(transport, bytes);
    if ((header->tag & protocol::kUserTagBit) == 0)
        return;
    const auto it = m_inFlight.find(header->tag);
    if (it == m_inFlight.end())
        return;
    const Pending &p = it->second;
    const bool fromPeer = p.peer.mac.isBroadcast() || header->source == p.peer.mac;
    const bool addressMatches = (p.peer.shelf == protocol::kBroadcastMajor || header->major == p.peer.shelf)
        && (p.peer.slot == protocol::kBroadcastMinor || header->minor == p.peer.slot);
    if (p.peer.transport != transport || p.command != header->command || !fromPeer || !addressMatches)
        return; // someone else's reply that happens to share the tag

    Pending done = std::move(it->second);
    m_inFlight.erase(it);
    m_deadlines.erase({done.deadline, done.tag});
    RawReply reply;
    reply.meta.from = keyOf(transport, header->source, header->major, header->minor);
    reply.meta.header = header.value();
    reply.meta.rtt = m_clock.now() - done.lastSent;
    reply.meta.attempts = done.sent;
    reply.frame = frame;
    complete(std::move(done), std::move(reply));
    rearm();
}

void RequestTracker::onTimer()
{
    const TimePoint now = m_clock.now();
    std::vector<std::pair<Pending, Failure>> expired;
    while (!m_deadlines.empty() && m_deadlines.begin()->first <= now) {
        const std::uint32_t tag = m_deadlines.begin()->second;
        m_deadlines.erase(m_deadlines.begin());
        auto it = m_inFlight.find(tag);
        if (it == m_inFlight.end())
            continue;
        Pending &p = it->second;
        Failure failure = p.lastSendError.empty()
            ? Failure::of(Failure::Kind::Timeout, "no answer after " + std::to_string(p.sent) + " attempts", p.sent)
            : Failure::of(Failure::Kind::SendFailed,
                "no answer after " + std::to_string(p.sent)
                    + " attempts; the last could not be sent: " + p.lastSendError,
                p.sent);
        const bool outOfTime = p.policy.total > Duration::zero() && now - p.firstSent >= p.policy.total;
        if (p.sent < p.policy.attempts && !outOfTime) {
            p.timeout = std::min(p.timeout * 2, p.policy.maxTimeout);
            ++m_retransmissions;
            auto error = transmit(p);
            if (!error) {
                m_deadlines.insert({p.deadline, p.tag});
                continue;
            }
            failure = Failure::of(Failure::Kind::SendFailed, *error, p.sent);
        }
        expired.emplace_back(std::move(p), std::move(failure));
        m_inFlight.erase(it);
    }
    for (auto &[p, failure] : expired)
        complete(std::move(p), Unexpected(std::move(failure)));
    rearm();
}

void RequestTracker::complete(Pending p, Outcome<RawReply> outcome)
{
    const Peer key = p.peer;
    auto w = m_windows.find(key);
    if (w != m_windows.end() && w->second.inFlight > 0)
        --w->second.inFlight;
    // Refill the window before the callback runs, so what the callback submits queues behind.
    pump(key);
    // An idle window goes: one per peer ever asked would grow with every forged target discovery tries.
    if (w = m_windows.find(key); w != m_windows.end() && w->second.inFlight == 0 && w->second.queued.empty())
        m_windows.erase(w);
    if (p.hasContext && p.context.isNull())
        return;
    if (p.done)
        p.done(std::move(outcome));
}

void RequestTracker::post(Pending p, Outcome<RawReply> outcome)
{
    auto shared = std::make_shared<std::pair<Pending, Outcome<RawReply>>>(std::move(p), std::move(outcome));
    QMetaObject::invokeMethod(
        this,
        [shared]() {
            auto &[pending, result] = *shared;
            if (pending.hasContext && pending.context.isNull())
                return;
            if (pending.done)
                pending.done(std::move(result));
        },
        Qt::QueuedConnection);
}

void RequestTracker::pump(const Peer &key)
{
    auto it = m_windows.find(key);
    while (it != m_windows.end() && !it->second.queued.empty() && it->second.inFlight < limitOf(it->second)) {
        Pending next = std::move(it->second.queued.front());
        it->second.queued.pop_front();
        start(std::move(next));
        it = m_windows.find(key);
    }
}

void RequestTracker::rearm()
{
    if (m_deadlines.empty()) {
        m_timer->stop();
        return;
    }
    m_timer->start(std::max(Duration::zero(), m_deadlines.begin()->first - m_clock.now()));
}

} // namespace aoesan::initiator
