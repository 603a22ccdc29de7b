// SPDX-License-Identifier: GPL-3.0-or-later
// Every initiator command against the fake target: config (all ccmds), IDENTIFY, READ/WRITE EXT sized by
// the path MTU and the target's Sector Count, MAC mask and reserve/release, and the broadcast probe.
#include <QTest>

#include "InitiatorLab.h"

using namespace aoesan;
using namespace aoesan::test;
using namespace std::chrono_literals;
using aoesan::initiator::FakeClock;
using aoesan::protocol::ConfigCommand;

class TestInitiatorCommands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("AOESAN_LOG", "off"); }
    void configRead();
    void configTestExactAndPrefix();
    void configSetIfEmptyRefusedWhenSet();
    void configForceSet();
    void locateByBroadcastMac();
    void identifyParsesFields();
    void identifyOfReservedTargetStillWorks();
    void readSplitsFrames_data();
    void readSplitsFrames();
    void writeThenRead();
    void readPastEndIsIdNotFound();
    void readOfReservedTargetRefused();
    void macMaskEdit();
    void reserveAndRelease();
    void broadcastProbeLayout();
};

void TestInitiatorCommands::configRead()
{
    InitiatorLab lab;
    FakeDisk disk;
    disk.configString = "rack 4";
    disk.bufferCount = 8;
    lab.target.addDisk(disk);
    Captured<initiator::ConfigReply> reply;
    lab.initiator.queryConfig(lab.peer(), ConfigCommand::Read, {}, nullptr, reply.sink());
    FakeClock::settle();
    QVERIFY(reply.ok());
    QCOMPARE(reply.value().config.configString, std::string("rack 4"));
    QCOMPARE(reply.value().config.bufferCount, std::uint16_t {8});
    QCOMPARE(reply.value().config.sectorCount, std::uint8_t {2});
    QCOMPARE(reply.value().config.firmwareVersion, std::uint16_t {0x4019});
    QVERIFY(!reply.value().meta.header.error);
    // The request went out padded to 60 bytes, Ver 1, addressed to 1.1.
    const QByteArray &sent = lab.local.sent().first();
    QCOMPARE(sent.size(), 60);
    QCOMPARE(static_cast<std::uint8_t>(sent[14]), std::uint8_t {0x10});
}

void TestInitiatorCommands::configTestExactAndPrefix()
{
    InitiatorLab lab;
    FakeDisk disk;
    disk.configString = "cluster-a/node1";
    lab.target.addDisk(disk);
    initiator::RetryPolicy once;
    once.attempts = 1;
    once.firstTimeout = 100ms;

    Captured<initiator::ConfigReply> exactHit, exactMiss, prefixHit, prefixMiss;
    lab.initiator.queryConfig(lab.peer(), ConfigCommand::TestExact, "cluster-a/node1", nullptr, exactHit.sink(), once);
    lab.initiator.queryConfig(lab.peer(), ConfigCommand::TestExact, "cluster-a", nullptr, exactMiss.sink(), once);
    lab.initiator.queryConfig(lab.peer(), ConfigCommand::TestPrefix, "cluster-a", nullptr, prefixHit.sink(), once);
    lab.initiator.queryConfig(lab.peer(), ConfigCommand::TestPrefix, "cluster-b", nullptr, prefixMiss.sink(), once);
    lab.clock.advance(1s);
    QVERIFY(exactHit.ok());
    QVERIFY(prefixHit.ok());
    // A mismatch is answered with silence (r11), so it surfaces as a timeout.
    QCOMPARE(exactMiss.failure().kind, initiator::Failure::Kind::Timeout);
    QCOMPARE(prefixMiss.failure().kind, initiator::Failure::Kind::Timeout);
}

void TestInitiatorCommands::configSetIfEmptyRefusedWhenSet()
{
    InitiatorLab lab;
    lab.target.addDisk({});
    Captured<initiator::ConfigReply> first, second, same;
    lab.initiator.queryConfig(lab.peer(), ConfigCommand::SetIfEmpty, "mine", nullptr, first.sink());
    FakeClock::settle();
    lab.initiator.queryConfig(lab.peer(), ConfigCommand::SetIfEmpty, "yours", nullptr, second.sink());
    lab.initiator.queryConfig(lab.peer(), ConfigCommand::SetIfEmpty, "mine", nullptr, same.sink());
    FakeClock::settle();
    QVERIFY(first.ok());
    QVERIFY(!first.value().meta.header.error);
    QVERIFY(second.ok()); // an answer, with E set and the current string
    QVERIFY(second.value().meta.header.error);
    QCOMPARE(second.value().meta.header.errorCode, std::uint8_t {4});
    QCOMPARE(second.value().config.configString, std::string("mine"));
    QVERIFY(same.ok());
    QVERIFY(!same.value().meta.header.error);
}

void TestInitiatorCommands::configForceSet()
{
    InitiatorLab lab;
    FakeDisk disk;
    disk.configString = "old";
    lab.target.addDisk(disk);
    Captured<initiator::ConfigReply> reply;
    lab.initiator.queryConfig(lab.peer(), ConfigCommand::ForceSet, "new", nullptr, reply.sink());
    FakeClock::settle();
    QVERIFY(reply.ok());
    QCOMPARE(reply.value().config.configString, std::string("new"));
    QCOMPARE(lab.target.disk(1, 1)->configString, std::string("new"));
}

void TestInitiatorCommands::locateByBroadcastMac()
{
    InitiatorLab lab;
    FakeDisk disk;
    disk.shelf = 7;
    disk.slot = 3;
    lab.target.addDisk(disk);
    Captured<initiator::ConfigReply> reply;
    lab.initiator.queryConfig(
        lab.peer(7, 3, protocol::MacAddress::broadcast()), ConfigCommand::Read, {}, nullptr, reply.sink());
    FakeClock::settle();
    QVERIFY(reply.ok());
    QCOMPARE(reply.value().meta.from.mac, kTargetMac);
    QCOMPARE(reply.value().meta.from.shelf, std::uint16_t {7});
    QCOMPARE(reply.value().meta.from.slot, std::uint8_t {3});
    QCOMPARE(lab.initiator.sectorsPerFrame(reply.value().meta.from), 2);
}

void TestInitiatorCommands::identifyParsesFields()
{
    InitiatorLab lab;
    FakeDisk disk;
    disk.sectors = 4294967296ULL * 2 + 1; // past LBA28 and 2 TiB, odd
    disk.serial = "1.1:host";
    disk.model = "Coraid EtherDrive vblade";
    lab.target.addDisk(disk);
    Captured<initiator::IdentifyReply> reply;
    lab.initiator.identify(lab.peer(), nullptr, reply.sink());
    FakeClock::settle();
    QVERIFY(reply.ok());
    const auto &info = reply.value().info;
    QCOMPARE(info.sectors(), disk.sectors);
    QVERIFY(info.lba48);
    QCOMPARE(info.serial, disk.serial);
    QCOMPARE(info.model, disk.model);
    QCOMPARE(info.firmware, std::string("V25"));
    QCOMPARE(reply.value().block.size(), 512);
    // IDENTIFY goes out as Linux sends it: one sector, 0xEC, lba3 = 0xA0.
    const QByteArray &sent = lab.local.sent().first();
    QCOMPARE(static_cast<std::uint8_t>(sent[26]), std::uint8_t {1});
    QCOMPARE(static_cast<std::uint8_t>(sent[27]), std::uint8_t {0xEC});
    QCOMPARE(static_cast<std::uint8_t>(sent[31]), std::uint8_t {0xA0});
}

void TestInitiatorCommands::identifyOfReservedTargetStillWorks()
{
    InitiatorLab lab;
    FakeDisk disk;
    disk.reserveList = {kOtherMac};
    lab.target.addDisk(disk);
    Captured<initiator::IdentifyReply> reply;
    lab.initiator.identify(lab.peer(), nullptr, reply.sink());
    FakeClock::settle();
    QVERIFY(reply.ok());
}

void TestInitiatorCommands::readSplitsFrames_data()
{
    QTest::addColumn<int>("mtu");
    QTest::addColumn<int>("targetMaxSectors");
    QTest::addColumn<int>("expectedPerFrame");
    QTest::addRow("1500") << 1500 << -1 << 2;
    QTest::addRow("9000") << 9000 << -1 << 17;
    QTest::addRow("9000, target allows 8") << 9000 << 8 << 8;
    QTest::addRow("4132") << 4132 << -1 << 8;
    QTest::addRow("old server: 0 means 2") << 9000 << 0 << 2;
}

void TestInitiatorCommands::readSplitsFrames()
{
    QFETCH(int, mtu);
    QFETCH(int, targetMaxSectors);
    QFETCH(int, expectedPerFrame);
    InitiatorLab lab(mtu);
    FakeDisk disk;
    disk.maxSectors = targetMaxSectors;
    lab.target.addDisk(disk);
    Captured<initiator::ReadResult> read;
    const std::uint64_t sectors = 100;
    lab.initiator.read(lab.peer(), 1000, sectors, nullptr, read.sink());
    FakeClock::settle();
    QVERIFY(read.ok());
    const int frames = static_cast<int>(
        (sectors + static_cast<std::uint64_t>(expectedPerFrame) - 1) / static_cast<std::uint64_t>(expectedPerFrame));
    QCOMPARE(read.value().frames, frames);
    for (std::uint64_t i = 0; i < sectors; ++i)
        QCOMPARE(read.value().data.mid(static_cast<qsizetype>(i * 512), 512), FakeTarget::patternSector(1000 + i));
    // Each READ was EXT with the E flag and at most the expected count.
    int reads = 0;
    for (const auto &frame : lab.local.sent()) {
        if (static_cast<std::uint8_t>(frame[19]) != 0)
            continue;
        ++reads;
        QCOMPARE(static_cast<std::uint8_t>(frame[24]), std::uint8_t {0x40});
        QCOMPARE(static_cast<std::uint8_t>(frame[27]), std::uint8_t {0x24});
        QVERIFY(static_cast<std::uint8_t>(frame[26]) <= expectedPerFrame);
    }
    QCOMPARE(reads, frames);
}

void TestInitiatorCommands::writeThenRead()
{
    InitiatorLab lab(9000);
    lab.target.addDisk({});
    QByteArray data(512 * 40, '\0');
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = static_cast<char>((i * 13) & 0xFF);
    Captured<initiator::WriteResult> written;
    lab.initiator.write(lab.peer(), 77, data, nullptr, written.sink());
    FakeClock::settle();
    QVERIFY(written.ok());
    QCOMPARE(written.value().sectors, std::uint64_t {40});
    QCOMPARE(written.value().frames, 3); // 17 + 17 + 6
    QCOMPARE(lab.target.written(1, 1).size(), std::size_t {40});
    Captured<initiator::ReadResult> read;
    lab.initiator.read(lab.peer(), 77, 40, nullptr, read.sink());
    FakeClock::settle();
    QVERIFY(read.ok());
    QCOMPARE(read.value().data, data);
}

void TestInitiatorCommands::readPastEndIsIdNotFound()
{
    InitiatorLab lab;
    FakeDisk disk;
    disk.sectors = 1001;
    lab.target.addDisk(disk);
    Captured<initiator::ReadResult> read;
    lab.initiator.read(lab.peer(), 1000, 2, nullptr, read.sink());
    FakeClock::settle();
    QVERIFY(read.done());
    QCOMPARE(read.failure().kind, initiator::Failure::Kind::AtaError);
    QCOMPARE(read.failure().ataError, std::uint8_t {0x10});
}

void TestInitiatorCommands::readOfReservedTargetRefused()
{
    InitiatorLab lab;
    FakeDisk disk;
    disk.reserveList = {kOtherMac};
    lab.target.addDisk(disk);
    Captured<initiator::ReadResult> read;
    lab.initiator.read(lab.peer(), 0, 1, nullptr, read.sink());
    FakeClock::settle();
    QVERIFY(read.done());
    QCOMPARE(read.failure().kind, initiator::Failure::Kind::AoeError);
    QCOMPARE(read.failure().aoeError, std::uint8_t {6});
}

void TestInitiatorCommands::macMaskEdit()
{
    InitiatorLab lab;
    lab.target.addDisk({});
    const auto edit = protocol::MacMaskArg::withDirectives(protocol::MacMaskCommand::Edit,
        {{static_cast<std::uint8_t>(protocol::DirectiveCommand::Add), kInitiatorMac},
            {static_cast<std::uint8_t>(protocol::DirectiveCommand::Add), kOtherMac},
            {static_cast<std::uint8_t>(protocol::DirectiveCommand::Delete), kOtherMac}});
    Captured<initiator::MacMaskReply> reply;
    lab.initiator.macMask(lab.peer(), edit, nullptr, reply.sink());
    FakeClock::settle();
    QVERIFY(reply.ok());
    QCOMPARE(reply.value().mask.merror, std::uint8_t {0});
    QCOMPARE(reply.value().mask.directives.size(), std::size_t {1});
    QCOMPARE(reply.value().mask.directives[0].mac, kInitiatorMac);

    const auto bad = protocol::MacMaskArg::withDirectives(protocol::MacMaskCommand::Edit, {{7, kOtherMac}});
    Captured<initiator::MacMaskReply> refused;
    lab.initiator.macMask(lab.peer(), bad, nullptr, refused.sink());
    FakeClock::settle();
    QVERIFY(refused.ok());
    QCOMPARE(refused.value().mask.merror, std::uint8_t {2});
    QCOMPARE(refused.value().mask.dirCount, std::uint8_t {0});
}

void TestInitiatorCommands::reserveAndRelease()
{
    InitiatorLab lab;
    lab.target.addDisk({});
    Captured<initiator::ReserveReply> set;
    lab.initiator.reserve(lab.peer(), protocol::ReserveCommand::Set, {kOtherMac}, nullptr, set.sink());
    FakeClock::settle();
    QVERIFY(set.ok());
    QCOMPARE(set.value().reserve.macs, std::vector<protocol::MacAddress> {kOtherMac});

    // We are not on the list now: a plain set is refused with error 6, and the reply shows the holder.
    Captured<initiator::ReserveReply> refused;
    lab.initiator.reserve(lab.peer(), protocol::ReserveCommand::Set, {}, nullptr, refused.sink());
    FakeClock::settle();
    QVERIFY(refused.ok());
    QVERIFY(refused.value().meta.header.error);
    QCOMPARE(refused.value().meta.header.errorCode, std::uint8_t {6});

    Captured<initiator::ReserveReply> released;
    lab.initiator.reserve(lab.peer(), protocol::ReserveCommand::ForceSet, {}, nullptr, released.sink());
    FakeClock::settle();
    QVERIFY(released.ok());
    QVERIFY(!released.value().meta.header.error);
    QVERIFY(released.value().reserve.macs.empty());
}

void TestInitiatorCommands::broadcastProbeLayout()
{
    InitiatorLab lab;
    const auto tag = lab.initiator.broadcastConfigQuery(&lab.local);
    QVERIFY(tag.ok());
    const QByteArray &frame = lab.local.sent().first();
    QCOMPARE(frame.size(), 60);
    QCOMPARE(frame.left(6), QByteArray(6, '\xff'));
    QCOMPARE(static_cast<std::uint8_t>(frame[14]), std::uint8_t {0x10});
    QCOMPARE(frame.mid(16, 3), QByteArray("\xff\xff\xff", 3));
    QCOMPARE(static_cast<std::uint8_t>(frame[19]), std::uint8_t {1});
    QCOMPARE(tagOf(frame), tag.value());
    QVERIFY((tag.value() & 0x80000000U) != 0);
    QCOMPARE(static_cast<std::uint8_t>(frame[29]) & 0x0F, 0); // ccmd read
}

QTEST_GUILESS_MAIN(TestInitiatorCommands)
#include "tst_initiator_commands.moc"
