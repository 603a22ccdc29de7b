// SPDX-License-Identifier: GPL-3.0-or-later
// DiscoveryService finds the AoE targets on the chosen interfaces and watches them: a broadcast Query
// Config at start, on demand and every interval; passive sniffing of every config reply on the wire
// (announcements, answers to other initiators); IDENTIFY for each new shelf.slot × MAC; a unicast
// re-probe of each path every interval (RTT); and the up/down rule: up while it answered within
// 3 × interval. Everything is event-driven on the Qt loop; nothing blocks.
//
// What it remembers is bounded, since anyone on the segment can forge config replies: at most maxTargets
// shelf.slots (answers from new ones are refused while full, and counted; but a new target that answers our
// own query takes the place of the oldest one that only ever broadcast and never answered IDENTIFY), at most
// maxPathsPerTarget paths each, and a target no backend ever answered IDENTIFY for is forgotten
// unidentifiedLifetime after it first appeared. A frame costs O(log n): the up/down and expiry checks run from one
// ordered deadline set.
#pragma once

#include <QObject>

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "discovery/DiscoveryLimit.h"
#include "discovery/ProbePacer.h"
#include "discovery/TargetRecord.h"
#include "initiator/Initiator.h"

namespace aoesan::discovery {

struct DiscoveryOptions
{
    initiator::Duration interval = std::chrono::seconds(10);
    int downAfterIntervals = 3; // up while it answered within this many intervals
    initiator::RetryPolicy identifyPolicy;
    int maxIdentifiesInFlight = 64; // a thousand targets answer at once; IDENTIFY them in waves
    // A broadcast that brought new targets is repeated after sweepDelay, up to sweepRounds times in a row:
    // a thousand answers arrive as one burst, which can overflow a capture buffer, and a repeat catches
    // those that were dropped.
    initiator::Duration sweepDelay = std::chrono::milliseconds(250);
    int sweepRounds = 4;
    // Unicast re-probes go out probeBatch at a time, probeSpacing apart (1,000 paths: about 0.3 s).
    int probeBatch = 32;
    initiator::Duration probeSpacing = std::chrono::milliseconds(10);
    // The bounds (see above). The Linux aoe driver keeps a handful of interfaces × MACs per target too.
    std::size_t maxTargets = kDefaultMaxTargets;
    std::size_t maxPathsPerTarget = 16;
    initiator::Duration unidentifiedLifetime = std::chrono::seconds(60);
};

class DiscoveryService : public QObject
{
    Q_OBJECT

public:
    DiscoveryService(initiator::Initiator &initiator, initiator::Clock &clock, DiscoveryOptions options = {},
        QObject *parent = nullptr);
    ~DiscoveryService() override;

    // Listens (and probes, once started) on this interface; the initiator gets it too.
    void addTransport(net::Transport *transport);
    // Forgets the interface's paths; a target left without a path is removed.
    void removeTransport(net::Transport *transport);

    void start(); // probe now, then every interval
    void stop(); // stop probing; sniffing goes on while transports are attached
    void probeNow(); // broadcast on every interface and re-probe every known path
    bool isRunning() const { return m_running; }

    std::vector<TargetInfo> targets() const; // sorted by shelf, then slot
    std::size_t targetCount() const { return m_records.size(); }
    std::optional<TargetInfo> target(TargetId id) const;
    // IDENTIFYs queued or in flight: a front end waits for 0 before it calls the list complete.
    int pendingIdentifies() const { return static_cast<int>(m_identifyQueue.size()) + m_identifiesInFlight; }
    // The bounds and how often they refused an answer; `reached` while they refuse.
    const DiscoveryLimit &limit() const { return m_limit; }
    void forget(TargetId id);
    // Sends IDENTIFY again to every backend of the target (a person asked); `changed` follows if the answer differs.
    void identifyAgain(TargetId id);
    void forgetDown();
    const DiscoveryOptions &options() const { return m_options; }
    initiator::Duration downAfter() const { return m_options.interval * m_options.downAfterIntervals; }

signals:
    void added(const aoesan::discovery::TargetInfo &target);
    // Something other than the state, RTT or last-seen time changed (paths, IDENTIFY data, config, conflict).
    void changed(const aoesan::discovery::TargetInfo &target);
    // Up → down or down → up; target.state is the new state.
    void stateChanged(const aoesan::discovery::TargetInfo &target);
    void removed(const aoesan::discovery::TargetInfo &target);
    // A unicast re-probe answered; target.rtt and the path's rtt hold the round trip.
    void rttMeasured(const aoesan::discovery::TargetInfo &target);
    void transportFailed(const QString &interfaceName, const QString &message);
    // The limit was reached (answers are being refused) or is no longer (nothing refused for an interval).
    void limitChanged(const aoesan::discovery::DiscoveryLimit &limit);

private:
    void onFrame(net::Transport *transport, const QByteArray &frame);
    void noteAnswer(net::Transport *transport, const protocol::MacAddress &mac, TargetId id,
        const protocol::ConfigArg *config, bool solicited = false);
    bool makeRoomForSolicited(TargetRecord &record);
    // The table is full and a new target answered us: forgets the oldest target that only ever broadcast and
    // never answered IDENTIFY. False when there is none (every target is real, or answered us).
    bool makeRoomForSolicitedTarget();
    void identifyLater(TargetRecord &record, BackendRecord &backend);
    void pumpIdentifies();
    void onIdentified(TargetId id, protocol::MacAddress mac, initiator::Outcome<initiator::IdentifyReply> reply);
    void broadcast();
    void probePaths();
    void probePath(TargetId id, const initiator::Peer &peer);
    void onProbeTimer();
    void onSweepTimer();
    void onLivenessTimer();
    void checkDeadline(TargetRecord &record, initiator::TimePoint now);
    void schedule(TargetRecord &record);
    void unschedule(TargetRecord &record);
    void armLiveness();
    void refuse(std::uint64_t &counter, TargetId id, const protocol::MacAddress &mac, const char *what);
    void checkLimitCleared(initiator::TimePoint now);
    void dropBackendsWithoutPath(TargetRecord &record);
    void unqueue(BackendRecord &backend);
    void publish(TargetRecord &record, bool isNew = false);
    void removeRecord(std::map<TargetId, TargetRecord>::iterator it);

    initiator::Initiator &m_initiator;
    initiator::Clock &m_clock;
    DiscoveryOptions m_options;
    initiator::Timer *m_probeTimer;
    initiator::Timer *m_livenessTimer;
    initiator::Timer *m_sweepTimer;
    ProbePacer *m_pacer;
    int m_sweepsLeft = 0;
    std::size_t m_countAtBroadcast = 0;
    std::vector<QPointer<net::Transport>> m_transports;
    std::map<TargetId, TargetRecord> m_records;
    // The IDENTIFYs waiting for a slot, in the order asked; a backend holds its ticket, so a record that
    // goes away takes its entries along (a churn of forged targets cannot grow this).
    // Keyed (0 for a backend that answered us by unicast, 1 for others; ticket): those go first.
    std::map<std::pair<int, std::uint64_t>, std::pair<TargetId, protocol::MacAddress>> m_identifyQueue;
    std::uint64_t m_nextTicket = 1;
    int m_identifiesInFlight = 0;
    // Every record's next deadline, earliest first; m_livenessTimer fires at the first (or earlier).
    std::set<std::pair<initiator::TimePoint, TargetId>> m_deadlines;
    // Targets founded by a broadcast nobody asked for, oldest first: the ones a real target's answer may push
    // out when the table is full. Checked when used (an entry whose target was since identified, answered us
    // or went is dropped then), so keeping it costs O(log n) per new target.
    std::set<std::pair<initiator::TimePoint, TargetId>> m_unsolicited;
    std::optional<initiator::TimePoint> m_livenessArmedFor;
    DiscoveryLimit m_limit;
    initiator::TimePoint m_lastRefusal {};
    bool m_running = false;
};

} // namespace aoesan::discovery
