// SPDX-License-Identifier: GPL-3.0-or-later
// The tracker under the initiator: tags with bit 31, matching by tag and source MAC, retransmission with
// back-off on a fake clock, and the window bounded by the target's Buffer Count.
#include <QTest>

#include <set>

#include "InitiatorLab.h"

using namespace aoesan;
using namespace aoesan::test;
using namespace std::chrono_literals;
using aoesan::initiator::Duration;
using aoesan::initiator::FakeClock;

class TestRequestTracker : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void tagsCarryBit31AndDiffer();
    void replyNeedsTagAndSourceMac();
    void replyOnAnotherInterfaceIgnored();
    void retransmitsWithBackoff();
    void failsAfterLastAttempt();
    void totalBudgetIsExact();
    void lateReplyToFirstAttemptCompletes();
    void windowDefaultsToOneUntilConfigKnown();
    void windowBoundedByBufferCount_data();
    void windowBoundedByBufferCount();
    void destroyedContextGetsNoCallback();
    void sendFailureReported();
    void linkBackInTimeIsAnswered();
    void frameTooBigFailsAtOnce();
    void forgedConfigRepliesDoNotGrowState();

private:
    static initiator::RetryPolicy policy(Duration first, int attempts)
    {
        initiator::RetryPolicy p;
        p.firstTimeout = first;
        p.maxTimeout = 10s;
        p.attempts = attempts;
        return p;
    }
};

void TestRequestTracker::init()
{
    // Log noise of expected send failures stays out of the test output.
    qputenv("AOESAN_LOG", "off");
}

void TestRequestTracker::tagsCarryBit31AndDiffer()
{
    InitiatorLab lab;
    lab.target.addDisk({});
    Captured<initiator::ConfigReply> replies[5];
    for (auto &r : replies)
        lab.initiator.queryConfig(lab.peer(), protocol::ConfigCommand::Read, {}, nullptr, r.sink());
    lab.clock.advance(1ms);
    std::set<std::uint32_t> tags;
    for (const auto &frame : lab.local.sent()) {
        QVERIFY((tagOf(frame) & 0x80000000U) != 0);
        tags.insert(tagOf(frame));
    }
    QCOMPARE(tags.size(), std::size_t {5});
    for (const auto &r : replies)
        QVERIFY(r.ok());
    QCOMPARE(lab.initiator.tracker().pendingCount(), std::size_t {0});
}

void TestRequestTracker::replyNeedsTagAndSourceMac()
{
    InitiatorLab lab;
    lab.target.addDisk({});
    lab.target.setSilent(true);
    net::MemoryTransport impostor(&lab.link, "imp0", kOtherMac);

    Captured<initiator::ConfigReply> reply;
    lab.initiator.queryConfig(lab.peer(), protocol::ConfigCommand::Read, {}, nullptr, reply.sink());
    FakeClock::settle();
    QCOMPARE(lab.local.sent().size(), 1);
    const std::uint32_t tag = tagOf(lab.local.sent().first());

    // Same tag, wrong source MAC: another target's reply, or a forgery.
    protocol::Frame forged {protocol::Header {}, protocol::ConfigArg {16, 1, 2, 1, 0, "forged"}};
    forged.header.destination = kInitiatorMac;
    forged.header.source = kOtherMac;
    forged.header.response = true;
    forged.header.major = 1;
    forged.header.minor = 1;
    forged.header.command = static_cast<std::uint8_t>(protocol::Command::QueryConfig);
    forged.header.tag = tag;
    QVERIFY(impostor.send(protocol::encodeFrame(forged).value()).ok());
    // Right MAC, wrong tag.
    protocol::Frame wrongTag = forged;
    wrongTag.header.source = kTargetMac;
    wrongTag.header.tag = tag ^ 1U;
    QVERIFY(impostor.send(protocol::encodeFrame(wrongTag).value()).ok());
    FakeClock::settle();
    QVERIFY(!reply.done());

    protocol::Frame genuine = forged;
    genuine.header.source = kTargetMac;
    std::get<protocol::ConfigArg>(genuine.arg).configString = "genuine";
    QVERIFY(impostor.send(protocol::encodeFrame(genuine).value()).ok());
    FakeClock::settle();
    QVERIFY(reply.ok());
    QCOMPARE(reply.value().config.configString, std::string("genuine"));
    QCOMPARE(reply.value().meta.from.mac, kTargetMac);
}

void TestRequestTracker::replyOnAnotherInterfaceIgnored()
{
    InitiatorLab lab;
    lab.target.addDisk({});
    net::MemoryLink otherLink;
    net::MemoryTransport second(&otherLink, "mem1", kInitiatorMac);
    FakeTarget twin(&otherLink, "tgt1", kTargetMac);
    twin.addDisk({});
    lab.initiator.addTransport(&second);
    lab.target.setSilent(true);

    Captured<initiator::ConfigReply> reply;
    lab.initiator.queryConfig(lab.peer(), protocol::ConfigCommand::Read, {}, nullptr, reply.sink(), policy(100ms, 1));
    FakeClock::settle();
    // Replay the request on the other segment: the twin answers there with the same tag.
    QVERIFY(second
                .send(std::span(reinterpret_cast<const std::uint8_t *>(lab.local.sent().first().constData()),
                    static_cast<std::size_t>(lab.local.sent().first().size())))
                .ok());
    FakeClock::settle();
    QCOMPARE(twin.requests().size(), 1);
    QVERIFY(!reply.done());
    lab.clock.advance(100ms);
    QVERIFY(reply.done());
    QCOMPARE(reply.failure().kind, initiator::Failure::Kind::Timeout);
}

void TestRequestTracker::retransmitsWithBackoff()
{
    InitiatorLab lab;
    lab.target.addDisk({});
    lab.target.dropNext(2);
    Captured<initiator::ConfigReply> reply;
    lab.initiator.queryConfig(lab.peer(), protocol::ConfigCommand::Read, {}, nullptr, reply.sink(), policy(100ms, 4));
    FakeClock::settle();
    QCOMPARE(lab.local.sent().size(), 1);
    lab.clock.advance(99ms);
    QCOMPARE(lab.local.sent().size(), 1);
    lab.clock.advance(1ms); // t = 100 ms: second attempt
    QCOMPARE(lab.local.sent().size(), 2);
    lab.clock.advance(199ms);
    QCOMPARE(lab.local.sent().size(), 2);
    lab.clock.advance(1ms); // t = 300 ms: third attempt, after a doubled wait of 200 ms
    QCOMPARE(lab.local.sent().size(), 3);
    QVERIFY(reply.ok());
    QCOMPARE(reply.value().meta.attempts, 3);
    // The retransmissions reuse the tag, so a late answer to any attempt still counts.
    QCOMPARE(tagOf(lab.local.sent()[0]), tagOf(lab.local.sent()[2]));
    QCOMPARE(lab.initiator.tracker().retransmissions(), std::uint64_t {2});
}

void TestRequestTracker::failsAfterLastAttempt()
{
    InitiatorLab lab;
    lab.target.addDisk({});
    lab.target.setSilent(true);
    Captured<initiator::IdentifyReply> reply;
    const auto p = policy(100ms, 3);
    QCOMPARE(p.budget(), Duration(700ms));
    lab.initiator.identify(lab.peer(), nullptr, reply.sink(), p);
    lab.clock.advance(699ms);
    QVERIFY(!reply.done());
    QCOMPARE(lab.local.sent().size(), 3);
    lab.clock.advance(1ms);
    QVERIFY(reply.done());
    QCOMPARE(reply.failure().kind, initiator::Failure::Kind::Timeout);
    QCOMPARE(reply.failure().attempts, 3);
    QCOMPARE(reply.calls, 1);
    lab.clock.advance(10s);
    QCOMPARE(lab.local.sent().size(), 3);
    QCOMPARE(reply.calls, 1);
}

void TestRequestTracker::totalBudgetIsExact()
{
    InitiatorLab lab;
    lab.target.addDisk({});
    lab.target.setSilent(true);
    Captured<initiator::ConfigReply> reply;
    const auto p = initiator::RetryPolicy::within(1s); // 250 + 500 + the last wait cut to 250 ms
    QCOMPARE(p.budget(), Duration(1s));
    lab.initiator.queryConfig(lab.peer(), protocol::ConfigCommand::Read, {}, nullptr, reply.sink(), p);
    lab.clock.advance(999ms);
    QVERIFY(!reply.done());
    QCOMPARE(lab.local.sent().size(), 3);
    lab.clock.advance(1ms);
    QVERIFY(reply.done());
    QCOMPARE(reply.failure().kind, initiator::Failure::Kind::Timeout);
}

void TestRequestTracker::lateReplyToFirstAttemptCompletes()
{
    InitiatorLab lab;
    lab.target.addDisk({});
    lab.target.setHold(true);
    Captured<initiator::ConfigReply> reply;
    lab.initiator.queryConfig(lab.peer(), protocol::ConfigCommand::Read, {}, nullptr, reply.sink(), policy(100ms, 3));
    lab.clock.advance(150ms);
    QCOMPARE(lab.target.heldCount(), 2);
    lab.target.setHold(false);
    lab.target.releaseHeld(); // two answers with one tag: the first completes, the second is dropped
    FakeClock::settle();
    QVERIFY(reply.ok());
    QCOMPARE(reply.calls, 1);
    QCOMPARE(lab.initiator.tracker().pendingCount(), std::size_t {0});
}

void TestRequestTracker::windowDefaultsToOneUntilConfigKnown()
{
    InitiatorLab lab;
    lab.target.addDisk({});
    QCOMPARE(lab.initiator.tracker().window(lab.peer()), 1);
    lab.target.setHold(true);
    Captured<initiator::IdentifyReply> a, b;
    lab.initiator.identify(lab.peer(), nullptr, a.sink());
    lab.initiator.identify(lab.peer(), nullptr, b.sink());
    FakeClock::settle();
    QCOMPARE(lab.target.heldCount(), 1);
    QCOMPARE(lab.initiator.tracker().queued(lab.peer()), 1);
    lab.target.releaseHeld();
    FakeClock::settle();
    QCOMPARE(lab.target.heldCount(), 1); // the second went out when the first completed
    lab.target.setHold(false);
    lab.target.releaseHeld();
    FakeClock::settle();
    QVERIFY(a.ok() && b.ok());
}

void TestRequestTracker::windowBoundedByBufferCount_data()
{
    QTest::addColumn<int>("bufferCount");
    QTest::addColumn<int>("expectedWindow");
    QTest::addRow("vblade default 16") << 16 << 16;
    QTest::addRow("small 4") << 4 << 4;
    QTest::addRow("zero still moves") << 0 << 1;
    QTest::addRow("huge capped at 64") << 1000 << 64;
}

void TestRequestTracker::windowBoundedByBufferCount()
{
    QFETCH(int, bufferCount);
    QFETCH(int, expectedWindow);
    InitiatorLab lab;
    FakeDisk disk;
    disk.bufferCount = static_cast<std::uint16_t>(bufferCount);
    lab.target.addDisk(disk);

    Captured<initiator::ConfigReply> config;
    lab.initiator.queryConfig(lab.peer(), protocol::ConfigCommand::Read, {}, nullptr, config.sink());
    FakeClock::settle();
    QVERIFY(config.ok());
    QCOMPARE(lab.initiator.tracker().window(lab.peer()), expectedWindow);

    lab.target.setHold(true);
    Captured<initiator::ReadResult> read;
    const std::uint64_t sectors = 300; // 150 frames of 2 sectors at MTU 1500
    lab.initiator.read(lab.peer(), 10, sectors, nullptr, read.sink());
    int rounds = 0;
    while (!read.done() && rounds < 1000) {
        FakeClock::settle();
        QVERIFY(lab.target.heldCount() <= expectedWindow);
        if (rounds == 0)
            QCOMPARE(lab.target.heldCount(), expectedWindow);
        lab.target.releaseHeld();
        ++rounds;
    }
    QVERIFY(read.ok());
    QCOMPARE(read.value().frames, 150);
    QCOMPARE(read.value().data.size(), qsizetype(sectors * 512));
    QCOMPARE(read.value().data.mid(512 * 7, 512), FakeTarget::patternSector(17));
}

void TestRequestTracker::destroyedContextGetsNoCallback()
{
    InitiatorLab lab;
    lab.target.addDisk({});
    auto *context = new QObject;
    Captured<initiator::ConfigReply> reply;
    lab.initiator.queryConfig(lab.peer(), protocol::ConfigCommand::Read, {}, context, reply.sink());
    delete context;
    FakeClock::settle();
    QCOMPARE(reply.calls, 0);
    QCOMPARE(lab.initiator.tracker().pendingCount(), std::size_t {0});
}

// A link that is down is a frame lost on the wire, not an answer: the request is sent again on its
// schedule, and fails only when its policy runs out, saying why the last attempt could not leave.
void TestRequestTracker::sendFailureReported()
{
    InitiatorLab lab;
    lab.target.addDisk({});
    lab.local.setLinkUp(false);
    Captured<initiator::ConfigReply> reply;
    lab.initiator.queryConfig(lab.peer(), protocol::ConfigCommand::Read, {}, nullptr, reply.sink());
    FakeClock::settle();
    QVERIFY(!reply.done());
    lab.clock.advance(std::chrono::seconds(4)); // the default policy: 4 attempts, 3.75 s
    QVERIFY(reply.done());
    QCOMPARE(reply.failure().kind, initiator::Failure::Kind::SendFailed);
    QCOMPARE(reply.failure().attempts, 4);
    QVERIFY2(reply.failure().message.find("the last could not be sent") != std::string::npos
            && reply.failure().message.find("down") != std::string::npos,
        reply.failure().message.c_str());
}

// The link comes back while the request still has attempts left: it is answered, as after a lost frame.
void TestRequestTracker::linkBackInTimeIsAnswered()
{
    InitiatorLab lab;
    lab.target.addDisk({});
    lab.local.setLinkUp(false);
    Captured<initiator::ConfigReply> reply;
    lab.initiator.queryConfig(lab.peer(), protocol::ConfigCommand::Read, {}, nullptr, reply.sink());
    lab.clock.advance(std::chrono::milliseconds(1000)); // the attempts at 0, 0.25 and 0.75 s could not leave
    QVERIFY(!reply.done());
    lab.local.setLinkUp(true);
    lab.clock.advance(std::chrono::milliseconds(1000)); // the fourth, at 1.75 s, is answered
    QVERIFY(reply.done());
    QVERIFY(reply.ok());
    QCOMPARE(lab.initiator.tracker().pendingCount(), std::size_t {0});
}

// An MTU lowered under an open transport: the same frame can never leave, so the request fails at its first
// attempt, naming the MTU, instead of retrying until its policy ends (a link that is down is retried).
void TestRequestTracker::frameTooBigFailsAtOnce()
{
    InitiatorLab lab;
    lab.target.addDisk({});
    lab.local.setKernelMtu(1000); // a 2-sector WRITE is 1,060 bytes; config queries still fit
    Captured<initiator::WriteResult> write;
    lab.initiator.write(lab.peer(), 0, QByteArray(1024, 'w'), nullptr, write.sink());
    FakeClock::settle();
    QVERIFY(write.done());
    QCOMPARE(write.failure().kind, initiator::Failure::Kind::SendFailed);
    QVERIFY2(write.failure().message.find("MTU") != std::string::npos, write.failure().message.c_str());
    QCOMPARE(lab.initiator.tracker().pendingCount(), std::size_t {0});
}

void TestRequestTracker::forgedConfigRepliesDoNotGrowState()
{
    // Config replies from ever-new MACs ([12]): the tracker used to keep a window and a config for each.
    InitiatorLab lab;
    net::MemoryTransport rogue(&lab.link, "rogue0", kOtherMac);
    for (std::uint32_t i = 0; i < 100000; ++i) {
        protocol::Frame f {protocol::Header {}, protocol::ConfigArg {16, 0x4019, 2, 1, 0, {}}};
        f.header.destination = protocol::MacAddress::broadcast();
        f.header.source = protocol::MacAddress(protocol::MacAddress::Bytes {0x02, 0xee, 0,
            static_cast<std::uint8_t>(i >> 16U), static_cast<std::uint8_t>(i >> 8U), static_cast<std::uint8_t>(i)});
        f.header.response = true;
        f.header.major = 5;
        f.header.minor = 5;
        f.header.command = 1;
        QVERIFY(rogue.send(protocol::encodeFrame(f).value()).ok());
        if (i % 1000 == 999)
            FakeClock::settle();
    }
    FakeClock::settle();
    QVERIFY2(lab.initiator.tracker().peersKept() <= 65536, "state kept for every MAC heard");
    // A real target's config is still learned and used, and its window goes when idle.
    FakeDisk disk;
    disk.bufferCount = 8;
    lab.target.addDisk(disk);
    Captured<initiator::ConfigReply> config;
    lab.initiator.queryConfig(lab.peer(), protocol::ConfigCommand::Read, {}, nullptr, config.sink());
    FakeClock::settle();
    QVERIFY(config.ok());
    QCOMPARE(lab.initiator.tracker().window(lab.peer()), 8);
    QCOMPARE(lab.initiator.tracker().inFlight(lab.peer()), 0);
}

QTEST_GUILESS_MAIN(TestRequestTracker)
#include "tst_request_tracker.moc"
