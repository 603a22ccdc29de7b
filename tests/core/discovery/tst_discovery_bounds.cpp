// SPDX-License-Identifier: GPL-3.0-or-later
// DiscoveryService under forged config replies on a MemoryLink ([12]): the target cap (refused and counted,
// the limit signalled and cleared), the paths per target, the expiry of targets that never answered
// IDENTIFY, a real target that stays through a flood, and per-frame work that does not grow with the
// number of known targets.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "InitiatorLab.h"
#include "discovery/DiscoveryService.h"

using namespace aoesan;
using namespace aoesan::test;
using namespace std::chrono_literals;
using aoesan::discovery::DiscoveryLimit;
using aoesan::discovery::DiscoveryOptions;
using aoesan::discovery::DiscoveryService;
using aoesan::discovery::TargetId;
using aoesan::discovery::TargetState;
using aoesan::initiator::FakeClock;

namespace {

protocol::MacAddress forgedMac(std::uint32_t n)
{
    return protocol::MacAddress(protocol::MacAddress::Bytes {0x02, 0xee, static_cast<std::uint8_t>(n >> 24U),
        static_cast<std::uint8_t>(n >> 16U), static_cast<std::uint8_t>(n >> 8U), static_cast<std::uint8_t>(n)});
}

// A config reply nobody asked for, broadcast, as a forging station sends it.
std::vector<std::uint8_t> forgedReply(TargetId id, const protocol::MacAddress &source)
{
    protocol::Frame f {protocol::Header {}, protocol::ConfigArg {16, 0x4019, 2, 1, 0, {}}};
    f.header.destination = protocol::MacAddress::broadcast();
    f.header.source = source;
    f.header.response = true;
    f.header.major = id.shelf;
    f.header.minor = id.slot;
    f.header.command = 1;
    return protocol::encodeFrame(f).value();
}

TargetId nthId(std::uint32_t n)
{
    // Never 0xffff.x or x.0xff (those are refused as broadcast addresses anyway).
    return TargetId {static_cast<std::uint16_t>(100 + n / 200), static_cast<std::uint8_t>(n % 200)};
}

struct BoundsLab : InitiatorLab
{
    explicit BoundsLab(DiscoveryOptions options = oneSecond())
        : rogue(&link, "rogue0", kOtherMac)
        , service(initiator, clock, options)
        , limits(&service, &DiscoveryService::limitChanged)
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

    // `count` forged replies, each its own shelf.slot (from `first` on) and source MAC; delivered in
    // batches, as a capture would.
    void flood(std::uint32_t first, std::uint32_t count, bool oneAddress = false)
    {
        for (std::uint32_t i = first; i < first + count; ++i) {
            QVERIFY(rogue.send(forgedReply(oneAddress ? TargetId {42, 7} : nthId(i), forgedMac(i))).ok());
            if (i % 512 == 511)
                FakeClock::settle();
        }
        FakeClock::settle();
    }

    DiscoveryLimit lastLimit() const { return limits.last().first().value<DiscoveryLimit>(); }

    net::MemoryTransport rogue;
    DiscoveryService service;
    QSignalSpy limits;
    QSignalSpy removed;
};

FakeDisk disk(std::uint16_t shelf, std::uint8_t slot, std::uint64_t sectors)
{
    FakeDisk d;
    d.shelf = shelf;
    d.slot = slot;
    d.sectors = sectors;
    d.serial = "real";
    return d;
}

} // namespace

class TestDiscoveryBounds : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("AOESAN_LOG", "off"); }
    void defaultCapHoldsAgainstAFlood();
    void smallCapRefusesAndCounts();
    void limitClearsAfterAQuietInterval();
    void pathsPerTargetBounded();
    void answerToUsTakesAForgedPathsPlace();
    void answerToUsTakesAForgedTargetsPlace();
    void neverIdentifiedTargetsExpire();
    void realTargetStaysThroughAFlood();
    void frameCostDoesNotGrowWithTargets();
};

void TestDiscoveryBounds::defaultCapHoldsAgainstAFlood()
{
    BoundsLab lab;
    lab.service.start();
    lab.flood(0, 6000);
    QCOMPARE(lab.service.targetCount(), std::size_t {4096});
    QCOMPARE(lab.service.targets().size(), std::size_t {4096});
    QCOMPARE(lab.service.limit().refusedTargets, std::uint64_t {6000 - 4096});
    QCOMPARE(lab.service.limit().maxTargets, std::uint32_t {4096});
    QVERIFY(lab.service.limit().reached);
}

void TestDiscoveryBounds::smallCapRefusesAndCounts()
{
    DiscoveryOptions options = BoundsLab::oneSecond();
    options.maxTargets = 8;
    BoundsLab lab(options);
    lab.flood(0, 20);
    QCOMPARE(lab.service.targetCount(), std::size_t {8});
    QCOMPARE(lab.limits.size(), 1); // once when it is reached, not per refused answer
    QVERIFY(lab.lastLimit().reached);
    QCOMPARE(lab.lastLimit().refusedTargets, std::uint64_t {1}); // the first refusal raised it
    QCOMPARE(lab.service.limit().refusedTargets, std::uint64_t {12});
    // The ones admitted are the first eight; the known ones are still heard.
    QVERIFY(lab.service.target(nthId(7)).has_value());
    QVERIFY(!lab.service.target(nthId(8)).has_value());
    lab.flood(0, 8);
    QCOMPARE(lab.service.limit().refusedTargets, std::uint64_t {12});
}

void TestDiscoveryBounds::limitClearsAfterAQuietInterval()
{
    DiscoveryOptions options = BoundsLab::oneSecond();
    options.maxTargets = 4;
    BoundsLab lab(options);
    lab.service.start();
    lab.flood(0, 10);
    QVERIFY(lab.service.limit().reached);
    lab.clock.advance(500ms);
    QVERIFY(lab.service.limit().reached);
    lab.clock.advance(1500ms);
    QVERIFY(!lab.service.limit().reached);
    QVERIFY(!lab.lastLimit().reached);
    QCOMPARE(lab.lastLimit().refusedTargets, std::uint64_t {6});
}

void TestDiscoveryBounds::pathsPerTargetBounded()
{
    BoundsLab lab;
    lab.flood(0, 500, true); // one shelf.slot, ever-new source MACs
    QCOMPARE(lab.service.targetCount(), std::size_t {1});
    const auto t = lab.service.target({42, 7});
    QVERIFY(t.has_value());
    QCOMPARE(t->paths.size(), std::size_t {16});
    QCOMPARE(t->backends.size(), std::size_t {16});
    QCOMPARE(lab.service.limit().refusedPaths, std::uint64_t {500 - 16});
    QVERIFY(lab.service.limit().reached);
    QVERIFY(lab.service.pendingIdentifies() <= 16);
}

void TestDiscoveryBounds::answerToUsTakesAForgedPathsPlace()
{
    // Forged broadcasts claiming 1.1 fill its paths before the real target answers our query; its answer
    // (sent to our MAC) takes the place of one of them, and its IDENTIFY goes before theirs.
    DiscoveryOptions options = BoundsLab::oneSecond();
    options.maxIdentifiesInFlight = 1;
    BoundsLab lab(options);
    lab.target.addDisk(disk(1, 1, 1000));
    for (std::uint32_t i = 0; i < 40; ++i)
        QVERIFY(lab.rogue.send(forgedReply({1, 1}, forgedMac(i))).ok());
    FakeClock::settle();
    QCOMPARE(lab.service.target({1, 1})->paths.size(), std::size_t {16});
    lab.service.start();
    FakeClock::settle();
    const auto t = lab.service.target({1, 1});
    QCOMPARE(t->paths.size(), std::size_t {16});
    QVERIFY(std::ranges::any_of(t->paths, [](const auto &p) { return p.mac == kTargetMac; }));
    // One IDENTIFY at a time: the forged one already in flight runs out its retries (3.75 s), then the real
    // one goes before the 15 other forged ones that were queued earlier (their paths go stale meanwhile).
    lab.clock.advance(4s);
    const auto later = lab.service.target({1, 1});
    QVERIFY(later->identified);
    QCOMPARE(later->sectors, std::uint64_t {1000});
    // Answers of ours are not pushed out by later forged ones.
    for (std::uint32_t i = 100; i < 140; ++i)
        QVERIFY(lab.rogue.send(forgedReply({1, 1}, forgedMac(i))).ok());
    FakeClock::settle();
    QVERIFY(std::ranges::any_of(lab.service.target({1, 1})->paths, [](const auto &p) { return p.mac == kTargetMac; }));
}

// The table is full of targets that only ever broadcast; a real target that answers our query takes the place
// of the oldest of them, is identified, and stays. Once every target is real (identified, or answered us),
// a further new one is refused like a forged one, and a flood of forged ones pushes out nothing.
void TestDiscoveryBounds::answerToUsTakesAForgedTargetsPlace()
{
    DiscoveryOptions options = BoundsLab::oneSecond();
    options.maxTargets = 8;
    BoundsLab lab(options);
    lab.flood(0, 20);
    QCOMPARE(lab.service.targetCount(), std::size_t {8});
    QCOMPARE(lab.service.limit().refusedTargets, std::uint64_t {12});
    lab.target.addDisk(disk(1, 1, 1000));
    lab.service.start();
    FakeClock::settle();
    QCOMPARE(lab.service.targetCount(), std::size_t {8});
    QVERIFY(lab.service.target({1, 1}).has_value());
    QVERIFY(!lab.service.target(nthId(0)).has_value()); // the oldest forged one made room
    QVERIFY(lab.service.target(nthId(1)).has_value());
    QCOMPARE(lab.removed.size(), 1);
    QCOMPARE(lab.service.limit().refusedTargets, std::uint64_t {12});
    lab.clock.advance(500ms);
    QVERIFY(lab.service.target({1, 1})->identified);
    // Forged ones do not push it (or each other) out.
    lab.flood(100, 50);
    QVERIFY(lab.service.target({1, 1}).has_value());
    QCOMPARE(lab.service.targetCount(), std::size_t {8});
    QCOMPARE(lab.service.limit().refusedTargets, std::uint64_t {62});

    // Seven more real disks answer: each takes a forged one's place, and then the table is all real.
    for (std::uint8_t slot = 2; slot <= 8; ++slot)
        lab.target.addDisk(disk(1, slot, 1000));
    lab.service.probeNow();
    FakeClock::settle();
    lab.clock.advance(2s);
    for (std::uint8_t slot = 1; slot <= 8; ++slot)
        QVERIFY2(lab.service.target({1, slot}).has_value(), qPrintable(QString::number(slot)));
    QCOMPARE(lab.service.targetCount(), std::size_t {8});
    lab.target.addDisk(disk(1, 9, 1000));
    lab.service.probeNow();
    FakeClock::settle();
    QVERIFY(!lab.service.target({1, 9}).has_value());
    QCOMPARE(lab.service.limit().refusedTargets, std::uint64_t {63});
    QCOMPARE(lab.service.targetCount(), std::size_t {8});
}

void TestDiscoveryBounds::neverIdentifiedTargetsExpire()
{
    BoundsLab lab;
    lab.target.addDisk(disk(1, 1, 1000));
    lab.service.start();
    FakeClock::settle();
    lab.flood(0, 50);
    QCOMPARE(lab.service.targetCount(), std::size_t {51});
    lab.target.setSilent(true); // the real one goes down too, but was identified: it is kept
    lab.clock.advance(59s);
    QCOMPARE(lab.service.targetCount(), std::size_t {51});
    QCOMPARE(lab.service.target(nthId(0))->state, TargetState::Down);
    lab.clock.advance(2s);
    QCOMPARE(lab.service.targetCount(), std::size_t {1});
    QCOMPARE(lab.removed.size(), 50);
    QCOMPARE(lab.service.target({1, 1})->state, TargetState::Down);
    // What was in flight for them runs out its retries, and nothing asks again.
    lab.clock.advance(4s);
    QCOMPARE(lab.service.pendingIdentifies(), 0);
}

void TestDiscoveryBounds::realTargetStaysThroughAFlood()
{
    DiscoveryOptions options = BoundsLab::oneSecond();
    options.maxTargets = 256;
    options.unidentifiedLifetime = 10s;
    BoundsLab lab(options);
    lab.target.addDisk(disk(1, 1, 1000));
    lab.service.start();
    FakeClock::settle();
    QVERIFY(lab.service.target({1, 1})->identified);
    // A flood of new addresses and of new paths to the real one, over 20 s (past the expiry of the first).
    std::uint32_t next = 0;
    for (int step = 0; step < 40; ++step) {
        lab.flood(next, 400);
        next += 400;
        for (std::uint32_t i = 0; i < 20; ++i)
            QVERIFY(lab.rogue.send(forgedReply({1, 1}, forgedMac(next + i))).ok());
        next += 20;
        lab.clock.advance(500ms);
        QVERIFY(lab.service.targetCount() <= 256);
        QVERIFY(lab.service.pendingIdentifies() <= 256 * 16);
    }
    const auto real = lab.service.target({1, 1});
    QCOMPARE(real->state, TargetState::Up);
    QVERIFY(real->identified);
    QCOMPARE(real->sectors, std::uint64_t {1000});
    QVERIFY(real->paths.size() <= 16);
    QVERIFY(std::ranges::any_of(real->paths, [](const auto &p) { return p.mac == kTargetMac; }));
    QVERIFY(lab.service.limit().refusedTargets > 0);
    QVERIFY(lab.service.limit().refusedPaths > 0);
    QVERIFY(lab.removed.size() > 256); // forged ones expired and others took their place
    // The flood stops: within the lifetime (and the IDENTIFYs' retries) only the real one is left.
    lab.clock.advance(20s);
    QCOMPARE(lab.service.targetCount(), std::size_t {1});
    QCOMPARE(lab.service.target({1, 1})->state, TargetState::Up);
    QCOMPARE(lab.service.target({1, 1})->paths.size(), std::size_t {1});
    QCOMPARE(lab.service.pendingIdentifies(), 0);
    QVERIFY(!lab.service.limit().reached);
}

void TestDiscoveryBounds::frameCostDoesNotGrowWithTargets()
{
    // The same number of answers from known targets, with 16 and with 4096 targets known: the old
    // liveness bookkeeping walked every target on every frame, so the second took hundreds of times longer.
    const auto timeFor = [](std::uint32_t known) {
        BoundsLab lab;
        lab.flood(0, known);
        QElapsedTimer timer;
        timer.start();
        for (std::uint32_t round = 0; round < 8192 / known; ++round)
            lab.flood(0, known);
        return timer.nsecsElapsed();
    };
    const qint64 few = std::max<qint64>(timeFor(16), 1);
    const qint64 many = timeFor(4096);
    qInfo("8192 answers: %lld us with 16 targets known, %lld us with 4096", few / 1000, many / 1000);
    QVERIFY2(many < 4 * few, "per-frame work grows with the number of targets");
}

QTEST_GUILESS_MAIN(TestDiscoveryBounds)
#include "tst_discovery_bounds.moc"
