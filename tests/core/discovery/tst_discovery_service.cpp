// SPDX-License-Identifier: GPL-3.0-or-later
// DiscoveryService on a MemoryLink with fake targets and a fake clock: added/changed events, the up/down
// rule to the millisecond, conflicts, several paths, passive sniffing, and a thousand targets.
#include <QSignalSpy>
#include <QTest>

#include "InitiatorLab.h"
#include "discovery/DiscoveryService.h"

using namespace aoesan;
using namespace aoesan::test;
using namespace std::chrono_literals;
using aoesan::discovery::DiscoveryOptions;
using aoesan::discovery::DiscoveryService;
using aoesan::discovery::TargetId;
using aoesan::discovery::TargetInfo;
using aoesan::discovery::TargetState;
using aoesan::initiator::FakeClock;

namespace {

const protocol::MacAddress kSecondTargetMac = *protocol::MacAddress::fromString("02:00:00:00:b0:01");

TargetInfo lastOf(const QSignalSpy &spy)
{
    return spy.last().first().value<TargetInfo>();
}

struct DiscoveryLab : InitiatorLab
{
    explicit DiscoveryLab(DiscoveryOptions options = oneSecond(), int mtu = 1500)
        : InitiatorLab(mtu)
        , service(initiator, clock, options)
        , added(&service, &DiscoveryService::added)
        , changed(&service, &DiscoveryService::changed)
        , state(&service, &DiscoveryService::stateChanged)
        , removed(&service, &DiscoveryService::removed)
    {
        service.addTransport(&local);
    }

    static DiscoveryOptions oneSecond()
    {
        DiscoveryOptions o;
        o.interval = 1s;
        return o;
    }

    DiscoveryService service;
    QSignalSpy added;
    QSignalSpy changed;
    QSignalSpy state;
    QSignalSpy removed;
};

FakeDisk disk(std::uint16_t shelf, std::uint8_t slot, std::uint64_t sectors, std::string serial = {})
{
    FakeDisk d;
    d.shelf = shelf;
    d.slot = slot;
    d.sectors = sectors;
    d.serial = serial.empty() ? std::to_string(shelf) + "." + std::to_string(slot) + ":fake" : serial;
    return d;
}

int unicastQueriesSent(const net::MemoryTransport &t)
{
    int n = 0;
    for (const auto &f : t.sent())
        n += !f.startsWith(QByteArray(6, '\xff')) && static_cast<std::uint8_t>(f[19]) == 1 ? 1 : 0;
    return n;
}

int broadcastsSent(const net::MemoryTransport &t)
{
    int n = 0;
    for (const auto &f : t.sent())
        n += f.startsWith(QByteArray(6, '\xff')) && static_cast<std::uint8_t>(f[19]) == 1 ? 1 : 0;
    return n;
}

} // namespace

class TestDiscoveryService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("AOESAN_LOG", "off"); }
    void addedThenIdentified();
    void probesAtStartOnDemandAndEveryInterval();
    void repeatsBroadcastWhileNewTargetsAppear();
    void unicastProbesArePaced();
    void downAfterThreeIntervalsUpAtNextAnswer();
    void changedWhenConfigStringChanges();
    void conflictWhenBackendsDiffer();
    void twoNicsOfOneTargetAreNoConflict();
    void stalePathDroppedWhileTargetAnswers();
    void twoInterfacesGiveTwoPaths();
    void jumboPayload();
    void sniffsReplyToAnotherInitiator();
    void acceptsVbladeVersion0Announcement();
    void ignoresBroadcastAddressInReplies();
    void rttOfUnicastProbe();
    void identifyRetriedNextRound();
    void reidentifiesWhenBackAfterDown();
    void removeTransportRemovesTargets();
    void thousandTargets();
};

void TestDiscoveryService::addedThenIdentified()
{
    DiscoveryLab lab;
    lab.target.addDisk(disk(1, 2, 131072, "1.2:host"));
    lab.service.start();
    FakeClock::settle();
    QCOMPARE(lab.added.size(), 1);
    QVERIFY(!lastOf(lab.added).identified);
    QCOMPARE(lab.changed.size(), 1);
    const TargetInfo t = lastOf(lab.changed);
    QCOMPARE(t.id, (TargetId {1, 2}));
    QVERIFY(t.identified);
    QCOMPARE(t.sectors, std::uint64_t {131072});
    QCOMPARE(t.serial, std::string("1.2:host"));
    QCOMPARE(t.model, std::string("Fake AoE disk"));
    QCOMPARE(t.firmware, std::string("V25"));
    QVERIFY(t.lba48);
    QCOMPARE(t.interfaces(), std::string("mem0"));
    QCOMPARE(t.payload(), std::uint32_t {1024});
    QCOMPARE(t.bufferCount(), std::uint16_t {16});
    QCOMPARE(t.firmwareVersion(), std::uint16_t {0x4019});
    QCOMPARE(t.stateText(), std::string("up"));
    QVERIFY(!t.conflict);
    QCOMPARE(lab.service.pendingIdentifies(), 0);
    QCOMPARE(lab.service.targets().size(), std::size_t {1});
}

void TestDiscoveryService::probesAtStartOnDemandAndEveryInterval()
{
    DiscoveryLab lab;
    lab.service.start();
    FakeClock::settle();
    QCOMPARE(broadcastsSent(lab.local), 1);
    lab.service.probeNow();
    QCOMPARE(broadcastsSent(lab.local), 2);
    lab.clock.advance(999ms);
    QCOMPARE(broadcastsSent(lab.local), 2);
    lab.clock.advance(1ms);
    QCOMPARE(broadcastsSent(lab.local), 3);
    lab.clock.advance(1s);
    QCOMPARE(broadcastsSent(lab.local), 4);
    lab.service.stop();
    lab.clock.advance(5s);
    QCOMPARE(broadcastsSent(lab.local), 4);
}

void TestDiscoveryService::repeatsBroadcastWhileNewTargetsAppear()
{
    DiscoveryOptions options;
    options.interval = 10s;
    DiscoveryLab lab(options);
    lab.target.addDisk(disk(1, 1, 1000));
    FakeTarget late(&lab.link, "tgt1", kSecondTargetMac);
    late.addDisk(disk(2, 2, 1000));
    late.dropNext(1); // its answer to the first broadcast is lost, as in an overflowing capture buffer
    lab.service.start();
    FakeClock::settle();
    QCOMPARE(lab.added.size(), 1);
    lab.clock.advance(250ms); // something new came, so ask again
    QCOMPARE(broadcastsSent(lab.local), 2);
    QCOMPARE(lab.added.size(), 2);
    lab.clock.advance(250ms); // 2.2 was new: once more
    QCOMPARE(broadcastsSent(lab.local), 3);
    lab.clock.advance(2s); // nothing new since: back to the interval
    QCOMPARE(broadcastsSent(lab.local), 3);
}

void TestDiscoveryService::unicastProbesArePaced()
{
    DiscoveryLab lab; // 1 s interval, 32 probes every 10 ms
    for (int i = 0; i < 100; ++i)
        lab.target.addDisk(disk(static_cast<std::uint16_t>(i), 1, 1000));
    lab.service.start();
    lab.clock.advance(999ms);
    QCOMPARE(lab.service.targetCount(), std::size_t {100});
    const int before = unicastQueriesSent(lab.local);
    lab.clock.advance(1ms); // the round at t = 1 s
    QCOMPARE(unicastQueriesSent(lab.local) - before, 32);
    lab.clock.advance(10ms);
    QCOMPARE(unicastQueriesSent(lab.local) - before, 64);
    lab.clock.advance(20ms);
    QCOMPARE(unicastQueriesSent(lab.local) - before, 100);
    // Every path answered, so nothing is down after many rounds.
    lab.clock.advance(10s);
    QCOMPARE(lab.state.size(), 0);
}

void TestDiscoveryService::downAfterThreeIntervalsUpAtNextAnswer()
{
    DiscoveryLab lab;
    lab.target.addDisk(disk(3, 4, 1000));
    lab.service.start();
    FakeClock::settle();
    QCOMPARE(lab.added.size(), 1);
    lab.clock.advance(2500ms); // answering every second
    lab.target.setSilent(true);
    // Last answer at t = 2 s: up until 2 s + 3 × 1 s.
    lab.clock.advance(2499ms);
    QCOMPARE(lab.state.size(), 0);
    QCOMPARE(lab.service.target({3, 4})->state, TargetState::Up);
    lab.clock.advance(1ms);
    QCOMPARE(lab.state.size(), 1);
    QCOMPARE(lastOf(lab.state).state, TargetState::Down);
    QCOMPARE(lastOf(lab.state).stateText(), std::string("down"));
    QCOMPARE(lab.changed.size(), 1); // only the IDENTIFY; a state change is not a "changed"

    lab.clock.advance(10s);
    QCOMPARE(lab.state.size(), 1);
    lab.target.setSilent(false);
    lab.clock.advance(999ms); // the next round of probes is due at t = 15 s
    QCOMPARE(lab.state.size(), 1);
    lab.clock.advance(1ms);
    QCOMPARE(lab.state.size(), 2);
    QCOMPARE(lastOf(lab.state).state, TargetState::Up);
    QCOMPARE(lab.removed.size(), 0);
}

void TestDiscoveryService::changedWhenConfigStringChanges()
{
    DiscoveryLab lab;
    lab.target.addDisk(disk(1, 1, 1000));
    lab.service.start();
    FakeClock::settle();
    const int before = static_cast<int>(lab.changed.size());
    lab.clock.advance(1s); // unchanged answers make no event
    QCOMPARE(lab.changed.size(), before);
    lab.target.disk(1, 1)->configString = "moved to rack 2";
    lab.clock.advance(1s);
    QCOMPARE(lab.changed.size(), before + 1);
    QCOMPARE(lastOf(lab.changed).configString, std::string("moved to rack 2"));
}

void TestDiscoveryService::conflictWhenBackendsDiffer()
{
    DiscoveryLab lab;
    lab.target.addDisk(disk(5, 5, 2000, "5.5:a"));
    FakeTarget impostor(&lab.link, "tgt1", kSecondTargetMac);
    impostor.addDisk(disk(5, 5, 4000, "5.5:b"));
    lab.service.start();
    FakeClock::settle();
    QCOMPARE(lab.added.size(), 1);
    const TargetInfo t = *lab.service.target({5, 5});
    QVERIFY(t.conflict);
    QCOMPARE(t.stateText(), std::string("up,conflict"));
    QCOMPARE(t.paths.size(), std::size_t {2});
    QCOMPARE(t.backends.size(), std::size_t {2});
    QVERIFY(t.conflictDetail.find("02:00:00:00:a0:01") != std::string::npos);
    QVERIFY(t.conflictDetail.find("02:00:00:00:b0:01") != std::string::npos);
    QVERIFY(lastOf(lab.changed).conflict);
}

void TestDiscoveryService::twoNicsOfOneTargetAreNoConflict()
{
    DiscoveryLab lab;
    lab.target.addDisk(disk(5, 5, 2000, "5.5:same"));
    FakeTarget secondNic(&lab.link, "tgt1", kSecondTargetMac);
    secondNic.addDisk(disk(5, 5, 2000, "5.5:same"));
    lab.service.start();
    FakeClock::settle();
    const TargetInfo t = *lab.service.target({5, 5});
    QVERIFY(!t.conflict);
    QCOMPARE(t.paths.size(), std::size_t {2});
    QCOMPARE(t.interfaces(), std::string("mem0"));
    QCOMPARE(t.sectors, std::uint64_t {2000});
}

void TestDiscoveryService::stalePathDroppedWhileTargetAnswers()
{
    DiscoveryLab lab;
    lab.target.addDisk(disk(5, 5, 2000, "5.5:a"));
    FakeTarget impostor(&lab.link, "tgt1", kSecondTargetMac);
    impostor.addDisk(disk(5, 5, 4000, "5.5:b"));
    lab.service.start();
    FakeClock::settle();
    QVERIFY(lab.service.target({5, 5})->conflict);
    impostor.setSilent(true); // the second one is switched off
    lab.clock.advance(3s);
    const TargetInfo t = *lab.service.target({5, 5});
    QVERIFY(!t.conflict);
    QCOMPARE(t.state, TargetState::Up);
    QCOMPARE(t.paths.size(), std::size_t {1});
    QCOMPARE(t.sectors, std::uint64_t {2000});
    QCOMPARE(lab.state.size(), 0);
}

void TestDiscoveryService::twoInterfacesGiveTwoPaths()
{
    DiscoveryLab lab;
    lab.target.addDisk(disk(2, 0, 5000));
    // A second segment to the same target: the same MAC would be unusual; a second NIC is the normal case.
    net::MemoryLink link2;
    net::MemoryTransport local2(&link2, "mem1", kInitiatorMac);
    FakeTarget nic2(&link2, "tgt1", kSecondTargetMac);
    nic2.addDisk(disk(2, 0, 5000));
    lab.service.addTransport(&local2);
    lab.service.start();
    FakeClock::settle();
    QCOMPARE(lab.added.size(), 1);
    const TargetInfo t = *lab.service.target({2, 0});
    QCOMPARE(t.paths.size(), std::size_t {2});
    QCOMPARE(t.interfaces(), std::string("mem0,mem1"));
    QCOMPARE(t.paths[0].interfaceName, std::string("mem0"));
    QCOMPARE(t.paths[1].interfaceName, std::string("mem1"));
    QVERIFY(!t.conflict);
}

void TestDiscoveryService::jumboPayload()
{
    DiscoveryLab lab(DiscoveryLab::oneSecond(), 9000);
    lab.target.addDisk(disk(0, 1, 1000));
    lab.service.start();
    FakeClock::settle();
    QCOMPARE(lab.service.target({0, 1})->payload(), std::uint32_t {8704});
    QCOMPARE(lab.service.target({0, 1})->paths[0].maxSectors, std::uint8_t {17});
}

void TestDiscoveryService::sniffsReplyToAnotherInitiator()
{
    DiscoveryLab lab;
    lab.target.addDisk(disk(9, 9, 1000));
    // Another host's initiator asks; the target answers it by unicast; we never probe.
    net::MemoryTransport otherHost(&lab.link, "other0", kOtherMac);
    initiator::Initiator otherInitiator(lab.clock);
    otherInitiator.addTransport(&otherHost);
    Captured<initiator::ConfigReply> reply;
    otherInitiator.queryConfig(
        initiator::Peer {&otherHost, kTargetMac, 9, 9}, protocol::ConfigCommand::Read, {}, nullptr, reply.sink());
    FakeClock::settle();
    QVERIFY(reply.ok());
    QCOMPARE(broadcastsSent(lab.local), 0);
    QCOMPARE(lab.added.size(), 1);
    QCOMPARE(lastOf(lab.added).id, (TargetId {9, 9}));
    QVERIFY(lab.service.target({9, 9})->identified); // and we asked IDENTIFY ourselves
}

void TestDiscoveryService::acceptsVbladeVersion0Announcement()
{
    DiscoveryLab lab;
    lab.target.addDisk(disk(7, 3, 131072));
    lab.target.announce(7, 3, 0);
    FakeClock::settle();
    QCOMPARE(lab.added.size(), 1);
    QCOMPARE(lab.service.target({7, 3})->sectors, std::uint64_t {131072});
}

void TestDiscoveryService::ignoresBroadcastAddressInReplies()
{
    DiscoveryLab lab;
    net::MemoryTransport rogue(&lab.link, "rogue0", kOtherMac);
    for (const auto &[major, minor] : {std::pair<std::uint16_t, std::uint8_t> {0xFFFF, 1}, {1, 0xFF}}) {
        protocol::Frame f {protocol::Header {}, protocol::ConfigArg {16, 1, 2, 1, 0, {}}};
        f.header.destination = protocol::MacAddress::broadcast();
        f.header.source = kOtherMac;
        f.header.response = true;
        f.header.major = major;
        f.header.minor = minor;
        f.header.command = 1;
        QVERIFY(rogue.send(protocol::encodeFrame(f).value()).ok());
    }
    FakeClock::settle();
    QCOMPARE(lab.added.size(), 0);
    QVERIFY(lab.service.targets().empty());
}

void TestDiscoveryService::rttOfUnicastProbe()
{
    DiscoveryLab lab;
    lab.target.addDisk(disk(1, 1, 1000));
    QSignalSpy rtt(&lab.service, &DiscoveryService::rttMeasured);
    lab.service.start();
    FakeClock::settle();
    lab.clock.advance(1s - 1ms);
    lab.target.setHold(true);
    lab.clock.advance(1ms); // the round at t = 1 s: broadcast and a unicast probe, held
    lab.clock.advance(7ms);
    lab.target.setHold(false);
    lab.target.releaseHeld();
    FakeClock::settle();
    QCOMPARE(rtt.size(), 1);
    const TargetInfo t = lastOf(rtt);
    QVERIFY(t.rtt.has_value());
    QCOMPARE(t.rtt->count(), std::int64_t {7000});
    QCOMPARE(t.paths[0].rtt->count(), std::int64_t {7000});
}

void TestDiscoveryService::identifyRetriedNextRound()
{
    DiscoveryOptions options = DiscoveryLab::oneSecond();
    options.identifyPolicy.attempts = 2;
    options.identifyPolicy.firstTimeout = 100ms;
    DiscoveryLab lab(options);
    lab.target.addDisk(disk(1, 1, 1000));
    lab.target.setIgnoreAta(true);
    lab.service.start();
    lab.clock.advance(500ms);
    QCOMPARE(lab.added.size(), 1);
    QVERIFY(!lab.service.target({1, 1})->identified);
    QCOMPARE(lab.service.pendingIdentifies(), 0);
    lab.target.setIgnoreAta(false);
    lab.clock.advance(500ms);
    QVERIFY(lab.service.target({1, 1})->identified);
}

void TestDiscoveryService::reidentifiesWhenBackAfterDown()
{
    DiscoveryLab lab;
    lab.target.addDisk(disk(1, 1, 1000));
    lab.service.start();
    FakeClock::settle();
    lab.target.setSilent(true);
    lab.clock.advance(3s);
    QCOMPARE(lab.service.target({1, 1})->state, TargetState::Down);
    lab.target.disk(1, 1)->sectors = 3000; // restarted with another image
    lab.target.setSilent(false);
    lab.clock.advance(1s);
    const TargetInfo t = *lab.service.target({1, 1});
    QCOMPARE(t.state, TargetState::Up);
    QCOMPARE(t.sectors, std::uint64_t {3000});
    QCOMPARE(lastOf(lab.changed).sectors, std::uint64_t {3000});
}

void TestDiscoveryService::removeTransportRemovesTargets()
{
    DiscoveryLab lab;
    lab.target.addDisk(disk(1, 1, 1000));
    lab.service.start();
    FakeClock::settle();
    lab.service.removeTransport(&lab.local);
    QCOMPARE(lab.removed.size(), 1);
    QCOMPARE(lastOf(lab.removed).id, (TargetId {1, 1}));
    QVERIFY(lab.service.targets().empty());
}

void TestDiscoveryService::thousandTargets()
{
    DiscoveryLab lab;
    for (int i = 0; i < 1000; ++i)
        lab.target.addDisk(disk(static_cast<std::uint16_t>(i / 10), static_cast<std::uint8_t>(i % 10),
            static_cast<std::uint64_t>(1000 + i)));
    lab.service.start();
    FakeClock::settle();
    QCOMPARE(lab.added.size(), 1000);
    QCOMPARE(lab.service.pendingIdentifies(), 0);
    const auto all = lab.service.targets();
    QCOMPARE(all.size(), std::size_t {1000});
    for (std::size_t i = 0; i < all.size(); ++i) {
        QVERIFY(all[i].identified);
        QCOMPARE(all[i].sectors, std::uint64_t {1000 + i});
    }
    QCOMPARE(lab.target.requestCount(protocol::Command::Ata), 1000);
}

QTEST_GUILESS_MAIN(TestDiscoveryService)
#include "tst_discovery_service.moc"
