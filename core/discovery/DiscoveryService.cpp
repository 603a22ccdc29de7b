// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/DiscoveryService.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "log/Logging.h"

namespace aoesan::discovery {

namespace {

std::shared_ptr<spdlog::logger> logger()
{
    return log::logger("discovery");
}

} // namespace

DiscoveryService::DiscoveryService(
    initiator::Initiator &initiator, initiator::Clock &clock, DiscoveryOptions options, QObject *parent)
    : QObject(parent)
    , m_initiator(initiator)
    , m_clock(clock)
    , m_options(options)
    , m_probeTimer(clock.createTimer(this))
    , m_livenessTimer(clock.createTimer(this))
    , m_sweepTimer(clock.createTimer(this))
    , m_pacer(new ProbePacer(
          clock, options.probeBatch, options.probeSpacing,
          [this](TargetId id, const initiator::Peer &peer) { probePath(id, peer); }, this))
{
    m_options.interval = std::max(m_options.interval, initiator::Duration(std::chrono::milliseconds(10)));
    m_options.downAfterIntervals = std::max(1, m_options.downAfterIntervals);
    m_options.maxIdentifiesInFlight = std::max(1, m_options.maxIdentifiesInFlight);
    m_options.maxTargets = std::max<std::size_t>(1, m_options.maxTargets);
    m_options.maxPathsPerTarget = std::max<std::size_t>(1, m_options.maxPathsPerTarget);
    m_limit.maxTargets = static_cast<std::uint32_t>(std::min<std::size_t>(m_options.maxTargets, UINT32_MAX));
    m_limit.maxPaths = static_cast<std::uint32_t>(std::min<std::size_t>(m_options.maxPathsPerTarget, UINT32_MAX));
    connect(m_probeTimer, &initiator::Timer::timeout, this, &DiscoveryService::onProbeTimer);
    connect(m_livenessTimer, &initiator::Timer::timeout, this, &DiscoveryService::onLivenessTimer);
    connect(m_sweepTimer, &initiator::Timer::timeout, this, &DiscoveryService::onSweepTimer);
}

DiscoveryService::~DiscoveryService() = default;

void DiscoveryService::addTransport(net::Transport *transport)
{
    if (!transport || std::ranges::any_of(m_transports, [transport](const auto &t) { return t == transport; }))
        return;
    m_transports.emplace_back(transport);
    m_initiator.addTransport(transport);
    connect(transport, &net::Transport::frameReceived, this,
        [this, transport](const QByteArray &frame) { onFrame(transport, frame); });
    connect(transport, &net::Transport::failed, this, [this, transport](const net::TransportError &error) {
        logger()->error("{}", error.describe());
        emit transportFailed(
            QString::fromStdString(transport->interfaceName()), QString::fromStdString(error.describe()));
    });
    if (m_running) {
        if (auto sent = m_initiator.broadcastConfigQuery(transport); !sent)
            logger()->warn("probe on {} failed: {}", transport->interfaceName(), sent.error().message);
    }
}

void DiscoveryService::removeTransport(net::Transport *transport)
{
    std::erase_if(m_transports, [transport](const auto &t) { return t.isNull() || t == transport; });
    if (!transport)
        return;
    disconnect(transport, nullptr, this, nullptr);
    m_pacer->dropTransport(transport);
    m_initiator.removeTransport(transport);
    for (auto it = m_records.begin(); it != m_records.end();) {
        auto next = std::next(it);
        std::erase_if(it->second.paths, [transport](const PathRecord &p) { return p.transport == transport; });
        if (it->second.paths.empty()) {
            removeRecord(it);
        } else {
            schedule(it->second);
            publish(it->second);
        }
        it = next;
    }
}

void DiscoveryService::start()
{
    m_running = true;
    probeNow();
    m_probeTimer->start(m_options.interval);
}

void DiscoveryService::stop()
{
    m_running = false;
    m_probeTimer->stop();
    m_sweepTimer->stop();
}

void DiscoveryService::probeNow()
{
    m_sweepsLeft = m_options.sweepRounds;
    broadcast();
    probePaths();
}

void DiscoveryService::broadcast()
{
    for (const auto &t : m_transports) {
        if (!t)
            continue;
        if (auto sent = m_initiator.broadcastConfigQuery(t.data()); !sent)
            logger()->warn("probe on {} failed: {}", t->interfaceName(), sent.error().message);
    }
    m_countAtBroadcast = m_records.size();
    if (m_sweepsLeft > 0)
        m_sweepTimer->start(m_options.sweepDelay);
}

void DiscoveryService::onSweepTimer()
{
    // Nothing new since the last broadcast: every answer made it, or nobody is there.
    if (m_records.size() <= m_countAtBroadcast || m_sweepsLeft <= 0)
        return;
    --m_sweepsLeft;
    logger()->debug("{} new targets since the last broadcast: asking again", m_records.size() - m_countAtBroadcast);
    broadcast();
}

void DiscoveryService::onProbeTimer()
{
    if (!m_running)
        return;
    checkLimitCleared(m_clock.now());
    if (m_limit.reached)
        emit limitChanged(m_limit); // the counts go on growing
    probeNow();
    m_probeTimer->start(m_options.interval);
}

void DiscoveryService::probePaths()
{
    // Once an interval, never per frame: the walk over every target is O(n).
    for (auto &[id, record] : m_records) {
        // A failed IDENTIFY gets another chance each round.
        for (auto &b : record.backends) {
            if (b.identify == BackendRecord::Identify::Failed)
                identifyLater(record, b);
        }
        for (auto &path : record.paths) {
            if (!path.transport || path.probing)
                continue;
            path.probing = true;
            m_pacer->enqueue(id, initiator::Peer {path.transport.data(), path.mac, id.shelf, id.slot});
        }
    }
    pumpIdentifies();
}

void DiscoveryService::probePath(TargetId id, const initiator::Peer &peer)
{
    const auto found = m_records.find(id);
    if (found == m_records.end() || !found->second.path(peer.transport, peer.mac))
        return; // forgotten while it waited for its turn
    initiator::RetryPolicy once;
    once.attempts = 1;
    once.firstTimeout = m_options.interval; // never overlaps the next round's probe
    m_initiator.queryConfig(
        peer, protocol::ConfigCommand::Read, {}, this,
        [this, id, peer](initiator::Outcome<initiator::ConfigReply> reply) {
            auto it = m_records.find(id);
            if (it == m_records.end())
                return;
            PathRecord *p = it->second.path(peer.transport, peer.mac);
            if (!p)
                return;
            p->probing = false;
            // Karn: a round trip is only measured on an answer to the first transmission.
            if (!reply || reply->meta.attempts != 1)
                return;
            const auto rtt = std::chrono::duration_cast<Rtt>(reply->meta.rtt);
            p->rtt = rtt;
            it->second.rtt = rtt;
            TargetInfo snapshot = it->second.snapshot();
            it->second.published.rtt = snapshot.rtt;
            it->second.published.paths = snapshot.paths;
            emit rttMeasured(snapshot);
        },
        once);
}

void DiscoveryService::onFrame(net::Transport *transport, const QByteArray &frame)
{
    const auto bytes
        = std::span(reinterpret_cast<const std::uint8_t *>(frame.constData()), static_cast<std::size_t>(frame.size()));
    // Lenient about the version: vblade 25 announces itself with Ver 0.
    const protocol::DecodeOptions lenient {false};
    const auto header = protocol::decodeHeader(bytes, lenient);
    if (!header || !header->response || header->commandCode() != protocol::Command::QueryConfig)
        return;
    // As the Linux driver and aoecfg do: a broadcast address in a reply is a misconfigured target.
    if (header->major == protocol::kBroadcastMajor || header->minor == protocol::kBroadcastMinor)
        return;
    const auto decoded = protocol::decodeFrame(bytes, lenient);
    if (!decoded) {
        logger()->debug("undecodable config reply from {}: {}", header->source.toString(), decoded.error().message());
        return;
    }
    // A reply sent to our MAC answers a query of ours (broadcast or unicast); a flood of forged
    // announcements is broadcast. Not proof (a forger can aim at us), but it keeps the real target's path.
    const bool toUs = header->destination == transport->localMac();
    noteAnswer(
        transport, header->source, TargetId {header->major, header->minor}, decoded->as<protocol::ConfigArg>(), toUs);
}

void DiscoveryService::noteAnswer(net::Transport *transport, const protocol::MacAddress &mac, TargetId id,
    const protocol::ConfigArg *config, bool solicited)
{
    const auto now = m_clock.now();
    const auto wall = m_clock.wallNow();
    auto found = m_records.find(id);
    const bool isNew = found == m_records.end();
    if (isNew) {
        if (!config)
            return; // only a config reply founds a target: it carries Buffer Count and Sector Count
        if (m_records.size() >= m_options.maxTargets && !(solicited && makeRoomForSolicitedTarget())) {
            refuse(m_limit.refusedTargets, id, mac, "target");
            return;
        }
        found = m_records.emplace(id, TargetRecord {}).first;
        found->second.id = id;
        found->second.firstSeen = now;
        if (!solicited)
            m_unsolicited.emplace(now, id);
    }
    TargetRecord &record = found->second;
    PathRecord *path = record.path(transport, mac);
    if (!path) {
        if (!config)
            return; // only a config reply founds a path
        if (record.paths.size() >= m_options.maxPathsPerTarget && !(solicited && makeRoomForSolicited(record))) {
            refuse(m_limit.refusedPaths, id, mac, "path");
            return;
        }
        record.paths.push_back(
            PathRecord {transport, transport->interfaceName(), mac, *config, now, wall, {}, false, false});
        path = &record.paths.back();
        logger()->info("{} answered from {} on {}", id.deviceName(), mac.toString(), transport->interfaceName());
    }
    path->solicited = path->solicited || solicited;
    if (config) {
        path->config = *config;
        record.configString = config->configString;
    }
    path->lastSeen = now;
    path->lastSeenWall = wall;
    record.lastSeen = now;
    record.lastSeenWall = wall;
    if (record.state == TargetState::Down) {
        record.state = TargetState::Up;
        // It may have come back with another disk behind the same address: ask again.
        for (auto &b : record.backends) {
            if (b.identify != BackendRecord::Identify::Queued && b.identify != BackendRecord::Identify::InFlight)
                b.identify = BackendRecord::Identify::Needed;
        }
        logger()->info("{} is up again", id.deviceName());
    }
    if (!record.backend(mac))
        record.backends.push_back(BackendRecord {mac, BackendRecord::Identify::Needed, false, {}, 0, 1, false});
    record.backend(mac)->solicited = record.backend(mac)->solicited || solicited;
    for (auto &b : record.backends) {
        if (b.identify == BackendRecord::Identify::Needed)
            identifyLater(record, b);
    }
    schedule(record);
    publish(record, isNew);
    pumpIdentifies();
}

bool DiscoveryService::makeRoomForSolicited(TargetRecord &record)
{
    // The most recent path that only ever broadcast and whose backend never answered IDENTIFY: O(paths).
    const auto victim = std::find_if(record.paths.rbegin(), record.paths.rend(), [&](const PathRecord &p) {
        const BackendRecord *b = record.backend(p.mac);
        return !p.solicited && !(b && b->identified);
    });
    if (victim == record.paths.rend())
        return false;
    logger()->debug(
        "{}: dropping the path to {} for one that answered us", record.id.deviceName(), victim->mac.toString());
    record.paths.erase(std::next(victim).base());
    dropBackendsWithoutPath(record);
    return true;
}

bool DiscoveryService::makeRoomForSolicitedTarget()
{
    while (!m_unsolicited.empty()) {
        const auto [firstSeen, id] = *m_unsolicited.begin();
        m_unsolicited.erase(m_unsolicited.begin());
        const auto it = m_records.find(id);
        if (it == m_records.end() || it->second.firstSeen != firstSeen)
            continue; // gone, or gone and founded again (its own entry is further on)
        const TargetRecord &r = it->second;
        const bool answeredUs = std::ranges::any_of(r.paths, [](const PathRecord &p) { return p.solicited; });
        if (r.everIdentified() || answeredUs)
            continue; // real after all: it stays
        logger()->debug("{} forgotten (it only ever broadcast and never answered IDENTIFY) for a target that "
                        "answered us",
            id.deviceName());
        removeRecord(it);
        return true;
    }
    return false;
}

void DiscoveryService::refuse(std::uint64_t &counter, TargetId id, const protocol::MacAddress &mac, const char *what)
{
    ++counter;
    m_lastRefusal = m_clock.now();
    if (m_limit.reached)
        return;
    m_limit.reached = true;
    if (std::string_view(what) == "target")
        logger()->warn("discovery keeps at most {} targets and has that many: {} from {} and any further new "
                       "target are ignored (is a station on the segment forging config replies?)",
            m_options.maxTargets, id.deviceName(), mac.toString());
    else
        logger()->warn("{} has {} paths already: the one to {} and any further new path are ignored (is a "
                       "station on the segment forging config replies?)",
            id.deviceName(), m_options.maxPathsPerTarget, mac.toString());
    emit limitChanged(m_limit);
}

void DiscoveryService::checkLimitCleared(initiator::TimePoint now)
{
    if (!m_limit.reached || now - m_lastRefusal < m_options.interval)
        return;
    m_limit.reached = false;
    logger()->info("discovery refused nothing for {} ms ({} targets, {} paths refused in all)",
        std::chrono::duration_cast<std::chrono::milliseconds>(m_options.interval).count(), m_limit.refusedTargets,
        m_limit.refusedPaths);
    emit limitChanged(m_limit);
}

void DiscoveryService::identifyLater(TargetRecord &record, BackendRecord &backend)
{
    if (backend.identify == BackendRecord::Identify::Queued)
        return; // it has its place already
    backend.identify = BackendRecord::Identify::Queued;
    backend.queueTicket = m_nextTicket++;
    backend.queuePriority = backend.solicited ? 0 : 1;
    m_identifyQueue.emplace(std::pair(backend.queuePriority, backend.queueTicket), std::pair(record.id, backend.mac));
}

void DiscoveryService::unqueue(BackendRecord &backend)
{
    if (backend.identify == BackendRecord::Identify::Queued)
        m_identifyQueue.erase(std::pair(backend.queuePriority, backend.queueTicket));
}

void DiscoveryService::pumpIdentifies()
{
    while (m_identifiesInFlight < m_options.maxIdentifiesInFlight && !m_identifyQueue.empty()) {
        // Named copies, not a structured binding: clang 14 cannot capture a binding in a lambda.
        const TargetId id = m_identifyQueue.begin()->second.first;
        const protocol::MacAddress mac = m_identifyQueue.begin()->second.second;
        m_identifyQueue.erase(m_identifyQueue.begin());
        auto it = m_records.find(id);
        if (it == m_records.end())
            continue;
        BackendRecord *backend = it->second.backend(mac);
        const auto path
            = std::ranges::find_if(it->second.paths, [&](const PathRecord &p) { return p.mac == mac && p.transport; });
        if (!backend || backend->identify != BackendRecord::Identify::Queued)
            continue;
        if (path == it->second.paths.end()) {
            backend->identify = BackendRecord::Identify::Failed; // no way to it now; the next round asks again
            continue;
        }
        backend->identify = BackendRecord::Identify::InFlight;
        ++m_identifiesInFlight;
        m_initiator.identify(
            initiator::Peer {path->transport.data(), mac, id.shelf, id.slot}, this,
            [this, id, mac](initiator::Outcome<initiator::IdentifyReply> reply) {
                --m_identifiesInFlight;
                onIdentified(id, mac, std::move(reply));
                pumpIdentifies();
            },
            m_options.identifyPolicy);
    }
}

void DiscoveryService::onIdentified(
    TargetId id, protocol::MacAddress mac, initiator::Outcome<initiator::IdentifyReply> reply)
{
    auto it = m_records.find(id);
    if (it == m_records.end())
        return;
    BackendRecord *backend = it->second.backend(mac);
    if (!backend || backend->identify != BackendRecord::Identify::InFlight)
        return;
    if (!reply) {
        backend->identify = BackendRecord::Identify::Failed;
        logger()->warn("IDENTIFY of {} at {} failed: {}", id.deviceName(), mac.toString(), reply.error().message);
        return;
    }
    backend->identify = BackendRecord::Identify::Done;
    backend->identified = true;
    backend->info = reply->info;
    logger()->info("{} at {}: {} sectors, model '{}', serial '{}'", id.deviceName(), mac.toString(),
        reply->info.sectors(), reply->info.model, reply->info.serial);
    // An IDENTIFY answer is an answer: it counts for the up/down rule like a config reply.
    noteAnswer(reply->meta.from.transport, mac, id, nullptr);
}

void DiscoveryService::schedule(TargetRecord &record)
{
    // The earliest of: going down (or dropping its oldest path) while up; being forgotten while no backend
    // ever answered IDENTIFY (an answer that comes later finds nothing: the next round founds it again).
    std::optional<initiator::TimePoint> due;
    if (record.state == TargetState::Up)
        due = record.oldestPathSeen() + downAfter();
    if (!record.everIdentified()) {
        const auto expiry = record.firstSeen + m_options.unidentifiedLifetime;
        due = due ? std::min(*due, expiry) : expiry;
    }
    if (due == record.deadline)
        return;
    unschedule(record);
    if (!due)
        return;
    record.deadline = due;
    m_deadlines.emplace(*due, record.id);
    // A deadline that moved later leaves the timer where it is: it fires early, finds nothing due and is
    // armed again. Only an earlier one restarts it, so an answer does not touch the timer.
    if (!m_livenessArmedFor || *due < *m_livenessArmedFor)
        armLiveness();
}

void DiscoveryService::unschedule(TargetRecord &record)
{
    if (record.deadline)
        m_deadlines.erase({*record.deadline, record.id});
    record.deadline.reset();
}

void DiscoveryService::armLiveness()
{
    if (m_deadlines.empty()) {
        m_livenessTimer->stop();
        m_livenessArmedFor.reset();
        return;
    }
    const auto next = m_deadlines.begin()->first;
    m_livenessArmedFor = next;
    m_livenessTimer->start(std::max(initiator::Duration::zero(), next - m_clock.now()));
}

void DiscoveryService::onLivenessTimer()
{
    m_livenessArmedFor.reset();
    const auto now = m_clock.now();
    while (!m_deadlines.empty() && m_deadlines.begin()->first <= now) {
        const TargetId id = m_deadlines.begin()->second;
        m_deadlines.erase(m_deadlines.begin());
        const auto it = m_records.find(id);
        if (it == m_records.end())
            continue;
        it->second.deadline.reset();
        if (!it->second.everIdentified() && now - it->second.firstSeen >= m_options.unidentifiedLifetime) {
            logger()->debug("{} forgotten: no backend answered IDENTIFY within {} s", id.deviceName(),
                std::chrono::duration_cast<std::chrono::seconds>(m_options.unidentifiedLifetime).count());
            removeRecord(it);
            continue;
        }
        checkDeadline(it->second, now);
        schedule(it->second);
    }
    checkLimitCleared(now);
    armLiveness();
}

void DiscoveryService::checkDeadline(TargetRecord &record, initiator::TimePoint now)
{
    const auto limit = downAfter();
    if (record.state != TargetState::Up)
        return;
    if (now - record.lastSeen >= limit) {
        record.state = TargetState::Down;
        logger()->warn("{} is down: no answer for {} ms", record.id.deviceName(),
            std::chrono::duration_cast<std::chrono::milliseconds>(now - record.lastSeen).count());
        publish(record);
        return;
    }
    // The target still answers on some path: paths (and backends) silent for as long are gone, e.g. a
    // conflicting second target that was switched off.
    const auto stale = [&](const PathRecord &p) { return now - p.lastSeen >= limit; };
    if (std::ranges::none_of(record.paths, stale))
        return;
    std::erase_if(record.paths, stale);
    dropBackendsWithoutPath(record);
    publish(record);
}

void DiscoveryService::dropBackendsWithoutPath(TargetRecord &record)
{
    std::erase_if(record.backends, [&](BackendRecord &b) {
        if (std::ranges::any_of(record.paths, [&](const PathRecord &p) { return p.mac == b.mac; }))
            return false;
        unqueue(b);
        return true;
    });
}

void DiscoveryService::publish(TargetRecord &record, bool isNew)
{
    TargetInfo next = record.snapshot();
    const TargetInfo previous = std::exchange(record.published, next);
    if (isNew) {
        emit added(next);
        return;
    }
    TargetInfo sameState = previous;
    sameState.state = next.state;
    if (!next.sameApartFromTimes(sameState))
        emit changed(next);
    if (previous.state != next.state)
        emit stateChanged(next);
}

void DiscoveryService::removeRecord(std::map<TargetId, TargetRecord>::iterator it)
{
    TargetInfo last = it->second.snapshot();
    unschedule(it->second);
    for (auto &b : it->second.backends)
        unqueue(b);
    m_records.erase(it);
    emit removed(last);
}

std::vector<TargetInfo> DiscoveryService::targets() const
{
    std::vector<TargetInfo> list;
    list.reserve(m_records.size());
    for (const auto &[id, record] : m_records)
        list.push_back(record.snapshot());
    return list;
}

std::optional<TargetInfo> DiscoveryService::target(TargetId id) const
{
    const auto it = m_records.find(id);
    if (it == m_records.end())
        return std::nullopt;
    return it->second.snapshot();
}

void DiscoveryService::forget(TargetId id)
{
    const auto it = m_records.find(id);
    if (it != m_records.end())
        removeRecord(it);
}

void DiscoveryService::identifyAgain(TargetId id)
{
    const auto it = m_records.find(id);
    if (it == m_records.end())
        return;
    for (auto &backend : it->second.backends) {
        // One already queued or in flight answers soon enough.
        if (backend.identify != BackendRecord::Identify::Queued
            && backend.identify != BackendRecord::Identify::InFlight)
            identifyLater(it->second, backend);
    }
    pumpIdentifies();
}

void DiscoveryService::forgetDown()
{
    for (auto it = m_records.begin(); it != m_records.end();) {
        auto next = std::next(it);
        if (it->second.state == TargetState::Down)
            removeRecord(it);
        it = next;
    }
}

} // namespace aoesan::discovery
