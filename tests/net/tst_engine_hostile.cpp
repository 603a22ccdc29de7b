// SPDX-License-Identifier: GPL-3.0-or-later
// A running aoesan-engine under fire, over a veth pair in a namespace lab: a back-to-back burst of
// hostile and malformed frames from a raw socket (cut headers, R-flag frames, wrong versions, unknown
// commands, lying lengths, vblade's crashing mask delete, a mask list filled past capacity, forged
// senders and reservations) must each get exactly the answer the rules give, or none, and afterwards
// the engine must still run, answer a config query and an IDENTIFY correctly, and hold (and have
// saved) exactly the state the accepted frames built. A reply the socket refuses loses only itself. A
// storm of config queries from ever-new source MACs is answered while the real initiator's READs are too,
// with flat memory and a few events a second instead of one per MAC.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTest>

#include <atomic>
#include <csignal>
#include <cstring>
#include <functional>
#include <memory>
#include <thread>

#include "EngineProcess.h"
#include "Lab.h"
#include "RawPeer.h"
#include "ResidentMemory.h"
#include "SourceStorm.h"
#include "TargetFrames.h"

using aoesan::protocol::MacAddress;
using aoesan::test::EngineProcess;
using aoesan::test::Lab;
using aoesan::test::RawPeer;
using namespace aoesan::test::frames;

namespace {

const QString kEngine = QStringLiteral(AOESAN_ENGINE_PATH);
constexpr qint64 kSectors = 2048;
const MacAddress kB = mac("02:00:00:00:b0:0b"); // forged by the raw socket; masked out mid-burst
const MacAddress kC = mac("02:00:00:00:b0:0c"); // forged; masked in, but never a reservation holder

struct Hostile
{
    QString name;
    QByteArray frame;
    int flags = -1; // byte 14 of the one reply it must get (0x18, or 0x1C for an AoE error); -1: no reply
    int error = 0; // byte 15 with 0x1C
    QList<std::pair<int, int>> bytes = {}; // more (offset, value) pairs the reply must hold
};

class Burst
{
public:
    explicit Burst(const MacAddress &a)
        : m_a(a)
    { }

    RawFrame from(const MacAddress &source, std::uint8_t command, std::uint16_t major = 7, std::uint8_t minor = 3,
        std::uint8_t versionAndFlags = kRequest)
    {
        return header(Lab::targetMac(), source, versionAndFlags, 0, major, minor, command, m_tag++);
    }
    RawFrame fromA(std::uint8_t command) { return from(m_a, command); }

    void none(const char *name, const QByteArray &frame) { m_list.append({QString::fromLatin1(name), frame}); }
    void ok(const char *name, const QByteArray &frame, QList<std::pair<int, int>> bytes = {})
    {
        m_list.append({QString::fromLatin1(name), frame, kReply, 0, std::move(bytes)});
    }
    void fails(const char *name, const QByteArray &frame, int error)
    {
        m_list.append({QString::fromLatin1(name), frame, kErrorReply, error});
    }
    const QList<Hostile> &list() const { return m_list; }

private:
    MacAddress m_a;
    std::uint32_t m_tag = 0x8000A100;
    QList<Hostile> m_list;
};

// The burst, in order; later frames rely on what earlier ones changed (the mask, the reservation).
QList<Hostile> hostileBurst(const MacAddress &a)
{
    Burst b(a);
    b.none("EtherType only (14 bytes)", b.fromA(kConfig).cutTo(14));
    b.none("AoE header cut (23 bytes)", b.fromA(kConfig).cutTo(23));
    b.none("ATA argument cut (30 bytes)", b.fromA(kAta).ata(0, 0, 1, 0xEC, 0).cutTo(30));
    b.none("config header cut (31 bytes)", b.fromA(kConfig).configRequest(0, {}).cutTo(31));
    b.none("R flag", b.from(a, kConfig, 7, 3, kReply).configRequest(0, {}).padTo());
    b.none("R and E flags", b.from(a, kAta, 7, 3, kErrorReply).ata(0x40, 0, 1, 0x24, 0).padTo());
    // Forged group senders: an answer would be broadcast to the segment (reflection); counted, not answered.
    b.none("config query from ff:ff:ff:ff:ff:ff",
        b.from(MacAddress::broadcast(), kConfig, 0xFFFF, 0xFF).configRequest(0, {}).padTo());
    b.none("READ EXT from 01:00:5e:00:00:01", b.from(mac("01:00:5e:00:00:01"), kAta).ata(0x40, 0, 2, 0x24, 0).padTo());
    b.none("IDENTIFY from 33:33:00:00:00:01", b.from(mac("33:33:00:00:00:01"), kAta).ata(0, 0, 1, 0xEC, 0).padTo());
    b.none("other shelf", b.from(a, kConfig, 8, 3).configRequest(0, {}).padTo());
    b.none("other slot", b.from(a, kConfig, 7, 4).configRequest(0, {}).padTo());
    b.fails("Ver 0 config query", b.from(a, kConfig, 7, 3, 0x00).configRequest(0, {}).padTo(), 5);
    b.fails("Ver 2 READ EXT", b.from(a, kAta, 0xFFFF, 0xFF, 0x20).ata(0x40, 0, 1, 0x24, 0).padTo(), 5);
    b.fails("command 4", b.fromA(4).padTo(), 1);
    b.fails("command 0xF0", b.fromA(0xF0).fill(36, 'v'), 1);
    b.fails("command 0xFF, 1514 bytes", b.fromA(0xFF).fill(1490, 'x'), 1);
    b.fails("config length 2000", b.fromA(kConfig).config(0, 0, 0, 4, 2000, "x").padTo(), 2);
    b.fails("config length past the frame", b.fromA(kConfig).config(0, 0, 0, 4, 40, "short").padTo(), 2);
    b.fails("config ccmd 7", b.fromA(kConfig).configRequest(7, "x").padTo(), 2);
    b.ok("config set on empty", b.fromA(kConfig).configRequest(3, "hostile-config").padTo());
    b.fails("config set of another string", b.fromA(kConfig).configRequest(3, "intruder").padTo(), 4);
    b.none("config test, different", b.fromA(kConfig).configRequest(1, "intruder").padTo());
    b.none("config prefix, not one", b.fromA(kConfig).configRequest(2, "config").padTo());

    b.ok("mask add A", b.fromA(kMask).mask(1, 0, 1).directive(1, a).padTo(), {{26, 0}, {27, 1}});
    b.ok("mask add B", b.fromA(kMask).mask(1, 0, 1).directive(1, kB).padTo(), {{27, 2}});
    b.ok("mask delete B (a matching delete)", b.fromA(kMask).mask(1, 0, 1).directive(2, kB).padTo(), {{27, 1}});
    b.ok("mask delete A, the only entry (kills vblade 25)", b.fromA(kMask).mask(1, 0, 1).directive(2, a).padTo(),
        {{26, 0}, {27, 0}});
    b.ok("mask add A again", b.fromA(kMask).mask(1, 0, 1).directive(1, a).padTo(), {{27, 1}});
    b.ok("mask bad DCmd after a good one",
        b.fromA(kMask).mask(1, 0, 3).directive(1, kC).directive(9, kB).directive(1, kB).padTo(), {{26, 2}, {27, 1}});
    {
        RawFrame fill = b.fromA(kMask).mask(1, 0, 30);
        for (unsigned i = 0; i < 30; ++i)
            fill.directive(1, fillerMac(i));
        b.ok("mask filled to 32 entries", fill, {{26, 0}, {27, 32}});
    }
    b.ok("mask add past capacity",
        b.fromA(kMask).mask(1, 0, 2).directive(1, fillerMac(30)).directive(1, fillerMac(31)).padTo(),
        {{26, 3}, {27, 0}});
    b.fails("mask Dir Count past the frame", b.fromA(kMask).mask(1, 0, 9).directive(2, a).padTo(), 2);
    b.ok("mask MCmd 5", b.fromA(kMask).mask(5, 0, 0).padTo(), {{26, 1}});
    b.none("masked out: config read from B", b.from(kB, kConfig).configRequest(0, {}).padTo());
    b.none("masked out: IDENTIFY from B", b.from(kB, kAta).ata(0, 0, 1, 0xEC, 0xA0000000).padTo());
    b.none("masked out: mask delete of A from B", b.from(kB, kMask).mask(1, 0, 1).directive(2, a).padTo());
    b.none("masked out: reserve force set from B", b.from(kB, kReserve).reserve(2, 1).mac(kB).padTo());

    b.ok("reserve set A", b.fromA(kReserve).reserve(1, 1).mac(a).padTo(), {{25, 1}});
    b.fails("reserve set by C, not a holder", b.from(kC, kReserve).reserve(1, 1).mac(kC).padTo(), 6);
    b.fails("READ EXT from C, not a holder", b.from(kC, kAta).ata(0x40, 0, 1, 0x24, 0).padTo(), 6);
    b.fails("WRITE EXT from C, not a holder", b.from(kC, kAta).ata(0x41, 0, 1, 0x34, 0).fill(512, 'C'), 6);
    b.ok("IDENTIFY from C, not a holder", b.from(kC, kAta).ata(0, 0, 1, 0xEC, 0xA0000000).padTo(), {{27, 0x40}});
    b.fails("reserve RCmd 7", b.fromA(kReserve).reserve(7, 0).padTo(), 2);
    {
        RawFrame many = b.fromA(kReserve).reserve(2, 33);
        for (unsigned i = 0; i < 33; ++i)
            many.mac(fillerMac(100 + i));
        b.fails("reserve force set of 33", many, 2);
    }
    b.fails("reserve NMacs past the frame", b.fromA(kReserve).reserve(2, 6).mac(kC).padTo(), 2);

    b.fails("READ EXT of 255 sectors", b.fromA(kAta).ata(0x40, 0, 255, 0x24, 0).padTo(), 2);
    b.fails("WRITE EXT carrying 24 of 512 bytes", b.fromA(kAta).ata(0x41, 0, 1, 0x34, 0).fill(24, 'w'), 2);
    b.ok(
        "READ EXT past the end: IDNF", b.fromA(kAta).ata(0x40, 0, 1, 0x24, kSectors).padTo(), {{25, 0x10}, {27, 0x41}});
    b.ok("READ EXT at LBA48 maximum: IDNF", b.fromA(kAta).ata(0x40, 0, 1, 0x24, 0xFFFFFFFFFFFF).padTo(),
        {{25, 0x10}, {27, 0x41}});
    b.ok("SMART: ABRT", b.fromA(kAta).ata(0, 0xD0, 1, 0xB0, 0xC24F00).padTo(), {{25, 0x04}, {27, 0x41}});
    b.ok("opcode 0x25: ABRT", b.fromA(kAta).ata(0x40, 0, 1, 0x25, 0).padTo(), {{25, 0x04}, {27, 0x41}});
    b.ok("READ EXT with 1400 bytes of junk after it", b.fromA(kAta).ata(0x40, 0, 1, 0x24, 1).fill(1400, 'j'),
        {{27, 0x40}});
    return b.list();
}

} // namespace

class TestEngineHostile : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void hostileBurst_data();
    void hostileBurst();
    void oneFailedSendLosesOnlyItself();
    void sourceStormIsServedAndSummarised();
    void severalHostsAtOnce();

private:
    std::unique_ptr<Lab> m_lab;
};

void TestEngineHostile::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    QVERIFY2(QFile::exists(kEngine), qPrintable(kEngine + QStringLiteral(" is not built")));
}

void TestEngineHostile::cleanup()
{
    m_lab.reset();
}

void TestEngineHostile::hostileBurst_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addRow("ATA on the receive thread") << QStringList();
    // Replies to ATA commands then leave from worker threads, interleaved with the control replies.
    QTest::addRow("four I/O threads") << QStringList {QStringLiteral("--workers"), QStringLiteral("4")};
    QTest::addRow("O_DIRECT, kernel AIO") << QStringList {QStringLiteral("-d")};
}

void TestEngineHostile::hostileBurst()
{
    QFETCH(QStringList, options);
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), kSectors * 512);
    const QString state = m_lab->workPath(QStringLiteral("e7.3.json"));
    EngineProcess engine(*m_lab, kEngine);
    QVERIFY2(engine.start(options
                 + QStringList {QStringLiteral("--state-file"), state, QStringLiteral("7"), QStringLiteral("3"),
                     Lab::targetInterface(), image}),
        qPrintable(engine.error()));
    std::unique_ptr<RawPeer> peer;
    {
        const auto guard = m_lab->enter(m_lab->initiatorNamespace());
        QVERIFY2(guard.ok(), qPrintable(guard.error()));
        QString error;
        peer = RawPeer::open(Lab::initiatorInterface(), &error);
        QVERIFY2(peer, qPrintable(error));
    }
    const MacAddress a = peer->mac();
    QCOMPARE(a, Lab::initiatorMac());
    peer->drain(); // the start-up announcement

    const QList<Hostile> burst = ::hostileBurst(a);
    int answered = 0;
    int errors = 0;
    for (const Hostile &h : burst) {
        QVERIFY2(peer->send(h.frame), qPrintable(QStringLiteral("cannot send '%1'").arg(h.name)));
        answered += h.flags >= 0 ? 1 : 0;
        errors += h.flags == kErrorReply ? 1 : 0;
    }
    QList<QByteArray> replies
        = peer->collect(5000, [&](const QList<QByteArray> &got) { return got.size() >= answered; });
    replies += peer->collect(500); // anything more would be an answer to a frame that must get none

    QMultiMap<std::uint32_t, QByteArray> byTag;
    for (const QByteArray &r : replies)
        byTag.insert(tagOf(r), r);
    for (const Hostile &h : burst) {
        const auto got = byTag.values(tagOf(h.frame));
        if (h.flags < 0) {
            QVERIFY2(got.isEmpty(),
                qPrintable(QStringLiteral("'%1' must get no answer, got %2")
                               .arg(h.name, got.isEmpty() ? QString() : hex(got.first()))));
            continue;
        }
        QVERIFY2(
            got.size() == 1, qPrintable(QStringLiteral("'%1': %2 answers, expected one").arg(h.name).arg(got.size())));
        const QByteArray &r = got.first();
        const auto byte = [&r](int i) { return int(static_cast<std::uint8_t>(r[i])); };
        QVERIFY2(r.size() >= 60 && byte(14) == h.flags && (h.flags != kErrorReply || byte(15) == h.error),
            qPrintable(QStringLiteral("'%1': expected flags 0x%2 error %3, got %4")
                           .arg(h.name)
                           .arg(h.flags, 2, 16)
                           .arg(h.error)
                           .arg(hex(r.left(60)))));
        QVERIFY2(r.mid(0, 6) == h.frame.mid(6, 6) && r.mid(6, 6) == macBytes(Lab::targetMac()) && byte(16) == 0
                && byte(17) == 7 && byte(18) == 3 && byte(19) == static_cast<std::uint8_t>(h.frame[19]),
            qPrintable(QStringLiteral("'%1': wrong addresses in %2").arg(h.name, hex(r.left(24)))));
        for (const auto &[offset, value] : h.bytes)
            QVERIFY2(byte(offset) == value,
                qPrintable(QStringLiteral("'%1': byte %2 is 0x%3, expected 0x%4")
                               .arg(h.name)
                               .arg(offset)
                               .arg(byte(offset), 2, 16)
                               .arg(value, 2, 16)));
    }
    QCOMPARE(replies.size(), answered);
    QVERIFY2(engine.running(), qPrintable(engine.log()));

    // Still serving, and correctly: a config query and an IDENTIFY from A.
    const QByteArray config = peer->exchange(
        header(Lab::targetMac(), a, kRequest, 0, 0xFFFF, 0xFF, kConfig, 0x8000B001).configRequest(0, {}).padTo());
    QVERIFY2(config.size() == 60 && config[14] == kReply && config.mid(24, 2) == QByteArray("\x00\x10", 2)
            && config[28] == 2 && config[29] == 0x10 && config.mid(32, 14) == "hostile-config",
        qPrintable(hex(config)));
    const QByteArray identify = peer->exchange(
        header(Lab::targetMac(), a, kRequest, 0, 7, 3, kAta, 0x8000B002).ata(0, 0, 1, 0xEC, 0xA0000000).padTo());
    QVERIFY2(identify.size() == 36 + 512 && identify[14] == kReply && identify[27] == 0x40,
        qPrintable(hex(identify.left(36))));
    const QByteArray words100 = identify.mid(36 + 200, 8);
    QCOMPARE(words100, QByteArray("\x00\x08\x00\x00\x00\x00\x00\x00", 8)); // 2048 sectors
    QCOMPARE(identify.mid(36 + 20, 4), QByteArray(".7:3")); // serial "7.3:...", bytes swapped per word

    // The state is what the accepted frames made it, in memory and on disk.
    const QByteArray masks
        = peer->exchange(header(Lab::targetMac(), a, kRequest, 0, 7, 3, kMask, 0x8000B003).mask(0, 0, 0).padTo());
    RawFrame expectedMasks = header(a, Lab::targetMac(), kReply, 0, 7, 3, kMask, 0x8000B003).mask(0, 0, 32);
    expectedMasks.directive(0, a).directive(0, kC);
    for (unsigned i = 0; i < 30; ++i)
        expectedMasks.directive(0, fillerMac(i));
    QVERIFY2(masks == expectedMasks.bytes(), qPrintable(hex(masks)));
    const QByteArray reserve
        = peer->exchange(header(Lab::targetMac(), a, kRequest, 0, 7, 3, kReserve, 0x8000B004).reserve(0, 0).padTo());
    QVERIFY2(reserve
            == QByteArray(
                header(a, Lab::targetMac(), kReply, 0, 7, 3, kReserve, 0x8000B004).reserve(0, 1).mac(a).padTo()),
        qPrintable(hex(reserve)));
    QCOMPARE(engine.stop(), 0);
    QFile file(state);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject saved = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(saved.value(QStringLiteral("configString")).toString(), QStringLiteral("hostile-config"));
    // The lists the burst made held while the engine ran and are not kept (--wire-edits forget, the default):
    // a hostile edit ends with the engine.
    QCOMPARE(saved.value(QStringLiteral("macMask")).toArray(), QJsonArray {});
    QCOMPARE(saved.value(QStringLiteral("reserve")).toArray(), QJsonArray {});
    const auto access = engine.events(QStringLiteral("access"));
    QVERIFY2(!access.isEmpty() && access.size() <= 20, qPrintable(QString::number(access.size()))); // at most 1/s
    QCOMPARE(access.last().value(QStringLiteral("masks")).toArray().size(), 32);
    QVERIFY(!access.last().value(QStringLiteral("kept")).toBool());
    const auto stopped = engine.events(QStringLiteral("stopped"));
    QCOMPARE(stopped.size(), 1);
    QVERIFY2(
        stopped.first().value(QStringLiteral("errors")).toInteger() >= errors, qPrintable(engine.log().right(400)));
    QCOMPARE(stopped.first().value(QStringLiteral("droppedGroupSource")).toInteger(), 3);
}

// The interface's MTU is lowered while the engine serves, so a 2-sector READ reply (1,060 bytes) no longer
// fits: that reply is lost and counted, and every other reply of the same receive batch still goes out (the
// engine once dropped the rest of a sendmmsg batch after the first refusal). The engine is stopped before the
// MTU changes and while the frames are queued, so they reach it as one batch before it notices the new MTU
// (once it does, it advertises 1 sector per frame and refuses larger commands: tst_engine_lifecycle).
void TestEngineHostile::oneFailedSendLosesOnlyItself()
{
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), kSectors * 512);
    EngineProcess engine(*m_lab, kEngine);
    QVERIFY2(engine.start(QStringList {QStringLiteral("--no-state"), QStringLiteral("7"), QStringLiteral("3"),
                 Lab::targetInterface(), image}),
        qPrintable(engine.error()));
    std::unique_ptr<RawPeer> peer;
    {
        const auto guard = m_lab->enter(m_lab->initiatorNamespace());
        QVERIFY2(guard.ok(), qPrintable(guard.error()));
        QString error;
        peer = RawPeer::open(Lab::initiatorInterface(), &error);
        QVERIFY2(peer, qPrintable(error));
    }
    peer->drain();
    QCOMPARE(::kill(static_cast<pid_t>(engine.pid()), SIGSTOP), 0);
    QProcess ip;
    ip.start(Lab::findTool(QStringLiteral("ip")),
        {QStringLiteral("-n"), m_lab->targetNamespace(), QStringLiteral("link"), QStringLiteral("set"),
            Lab::targetInterface(), QStringLiteral("mtu"), QStringLiteral("600")});
    QVERIFY(ip.waitForFinished(5000) && ip.exitCode() == 0);

    const MacAddress a = peer->mac();
    const auto read = [&](std::uint32_t tag, unsigned sectors) {
        return QByteArray(
            header(Lab::targetMac(), a, kRequest, 0, 7, 3, kAta, tag).ata(0x40, 0, sectors, 0x24, 8).padTo());
    };
    const auto config = [&](std::uint32_t tag) {
        return QByteArray(header(Lab::targetMac(), a, kRequest, 0, 7, 3, kConfig, tag).configRequest(0, {}).padTo());
    };
    // More frames than the engine sends one by one (a light load): these replies leave in one sendmmsg.
    QList<QByteArray> batch;
    QSet<std::uint32_t> expected;
    for (std::uint32_t i = 0; i < 6; ++i) {
        batch << read(0x8000C100 + i, 2) << config(0x8000C200 + i);
        expected.insert(0x8000C200 + i);
    }
    batch << read(0x8000C300, 1); // 548 bytes: fits
    expected.insert(0x8000C300);
    for (const QByteArray &frame : batch)
        QVERIFY(peer->send(frame));
    QTest::qWait(100);
    QCOMPARE(::kill(static_cast<pid_t>(engine.pid()), SIGCONT), 0);
    const QList<QByteArray> replies
        = peer->collect(3000, [&](const QList<QByteArray> &got) { return got.size() >= expected.size(); });
    QSet<std::uint32_t> tags;
    for (const QByteArray &r : replies)
        tags.insert(tagOf(r));
    QCOMPARE(tags, expected);
    QVERIFY2(engine.running(), qPrintable(engine.log()));
    QCOMPARE(engine.stop(), 0);
    const auto stopped = engine.events(QStringLiteral("stopped"));
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(stopped.first().value(QStringLiteral("sendFailures")).toInteger(), 6);
    QCOMPARE(stopped.first().value(QStringLiteral("readCommands")).toInteger(), 7);
    QVERIFY2(engine.log().contains(QStringLiteral("could not be sent on %1").arg(Lab::targetInterface())),
        qPrintable(engine.log().right(600)));
}

// 20,000 config queries a second for 4 s, each from a new source MAC, while the real initiator reads one
// sector at a time. Every MAC used to be kept for good (20–50 MB after 5 s) and said in a `client` event
// of its own (~900,000 lines up the pipe); now the engine names at most 32 a second and counts the rest
// in one `clients` event a second, keeps at most 1,024, and its memory stays flat.
void TestEngineHostile::sourceStormIsServedAndSummarised()
{
    using namespace std::chrono_literals;
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), kSectors * 512);
    EngineProcess engine(*m_lab, kEngine);
    QVERIFY2(engine.start(QStringList {QStringLiteral("--no-state"), QStringLiteral("7"), QStringLiteral("3"),
                 Lab::targetInterface(), image}),
        qPrintable(engine.error()));
    std::unique_ptr<RawPeer> peer;
    std::unique_ptr<RawPeer> stormPeer;
    {
        const auto guard = m_lab->enter(m_lab->initiatorNamespace());
        QVERIFY2(guard.ok(), qPrintable(guard.error()));
        QString error;
        peer = RawPeer::open(Lab::initiatorInterface(), &error);
        QVERIFY2(peer, qPrintable(error));
        stormPeer = RawPeer::open(Lab::initiatorInterface(), &error);
        QVERIFY2(stormPeer, qPrintable(error));
    }
    {
        // The client sees only its own replies, as a host with a NIC of its own would: the 20,000 config
        // replies a second to the storm's MACs once overflowed its queue, and every READ after that timed
        // out in the test's reader, not in the engine (11 of 16 in one run).
        QString error;
        QVERIFY2(peer->receiveOnlyFor(peer->mac(), &error), qPrintable(error));
    }
    peer->drain();
    const MacAddress a = peer->mac();
    std::uint32_t tag = 0x8000D000;
    const auto read = [&]() {
        ++tag;
        return peer->exchange(
            header(Lab::targetMac(), a, kRequest, 0, 7, 3, kAta, tag).ata(0x40, 0, 1, 0x24, tag % 2048).padTo(), 300);
    };
    QVERIFY(!read().isEmpty());
    const qint64 rssBefore = aoesan::test::residentKiB(engine.pid());

    aoesan::test::SourceStorm storm(std::move(stormPeer), 20000, 4s);
    int reads = 0;
    int unanswered = 0;
    qint64 rssPeak = rssBefore;
    while (storm.running()) {
        ++reads;
        unanswered += read().isEmpty() ? 1 : 0;
        if (reads % 100 == 0)
            rssPeak = std::max(rssPeak, aoesan::test::residentKiB(engine.pid()));
    }
    const qint64 sent = storm.sent();
    storm.stop();
    QTest::qWait(1200); // the last second's summary
    QVERIFY2(engine.running(), qPrintable(engine.log().right(600)));
    QCOMPARE(engine.stop(), 0);

    const int named = static_cast<int>(engine.events(QStringLiteral("client")).size());
    qint64 unlisted = 0;
    const auto summaries = engine.events(QStringLiteral("clients"));
    for (const QJsonObject &e : summaries)
        unlisted += e.value(QStringLiteral("unlisted")).toInteger();
    const QJsonObject stopped = engine.events(QStringLiteral("stopped")).value(0);
    qInfo("storm: %lld frames from new MACs; %d of %d READs unanswered within 0.3 s; %d client events, %lld "
          "summaries saying %lld more; engine resident %lld KiB before, %lld KiB peak; keeps %lld clients",
        sent, unanswered, reads, named, static_cast<long long>(summaries.size()), unlisted, rssBefore, rssPeak,
        stopped.value(QStringLiteral("clients")).toInteger());
    QVERIFY2(sent >= 30000, "the storm was too weak to show anything: a slow machine?");
    // Before: most READs went unanswered. On a quiet machine none are; a loaded one (a build beside the test)
    // may lose a few to scheduling.
    QVERIFY2(reads >= 50 && unanswered * 5 <= reads, qPrintable(QStringLiteral("%1 of %2").arg(unanswered).arg(reads)));
    QVERIFY2(named <= 32 * 7, qPrintable(QString::number(named))); // at most 32 a second, over about 6 s
    QVERIFY2(named + unlisted >= sent * 9 / 10, qPrintable(QStringLiteral("%1 + %2").arg(named).arg(unlisted)));
    QVERIFY(stopped.value(QStringLiteral("clients")).toInteger() <= 1024);
    QVERIFY(stopped.value(QStringLiteral("framesIn")).toInteger() >= sent * 9 / 10);
    QVERIFY2(rssPeak - rssBefore < 16 * 1024, qPrintable(QStringLiteral("grew %1 KiB").arg(rssPeak - rssBefore)));
}

namespace {

// A sender of its own: `make(n)` gives frame n, sent at `perSecond` until told to stop. Replies are never
// read (the socket's queue overflows and the kernel drops them), as a flooding host would not read them.
class Flood
{
public:
    Flood(std::unique_ptr<RawPeer> peer, int perSecond, std::function<QByteArray(std::uint32_t)> make)
        : m_peer(std::move(peer))
        , m_thread([this, perSecond, make = std::move(make)] {
            const auto start = std::chrono::steady_clock::now();
            for (std::uint32_t n = 0; !m_stop; ++n) {
                if (m_peer->send(make(n)))
                    ++m_sent;
                if (n % 50 == 49)
                    std::this_thread::sleep_until(start + std::chrono::microseconds(qint64(n) * 1000000 / perSecond));
            }
        })
    { }
    ~Flood() { stop(); }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    qint64 sent() const { return m_sent; }

private:
    std::unique_ptr<RawPeer> m_peer;
    std::atomic<bool> m_stop {false};
    std::atomic<qint64> m_sent {0};
    std::thread m_thread;
};

// Two hosts fighting over the reservation: each sets it to {itself, the real client}, releases it, and now
// and then takes it by force. Every request must be answered, with success or "target reserved" (6).
class ReserveRacer
{
public:
    ReserveRacer(std::unique_ptr<RawPeer> peer, std::uint32_t tagBase, MacAddress self, MacAddress shared)
        : m_peer(std::move(peer))
        , m_thread([this, tagBase, self, shared] {
            for (std::uint32_t n = 0; !m_stop; ++n) {
                const unsigned step = n % 5;
                RawFrame f = header(Lab::targetMac(), self, kRequest, 0, 7, 3, kReserve, tagBase + n);
                if (step == 4)
                    f.reserve(2, 2).mac(self).mac(shared); // force set
                else if (step % 2 == 0)
                    f.reserve(1, 2).mac(self).mac(shared); // set
                else
                    f.reserve(1, 0); // release (set to nobody), refused unless this host holds it
                const QByteArray reply = m_peer->exchange(f.padTo(), 300);
                ++m_asked;
                if (reply.isEmpty())
                    ++m_unanswered;
                else if ((reply[14] & 0x04) == 0)
                    ++m_granted;
                else if (reply[15] != 6)
                    ++m_wrongErrors;
            }
        })
    { }
    ~ReserveRacer() { stop(); }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    int asked() const { return m_asked; }
    int unanswered() const { return m_unanswered; }
    int granted() const { return m_granted; }
    int wrongErrors() const { return m_wrongErrors; }

private:
    std::unique_ptr<RawPeer> m_peer;
    std::atomic<bool> m_stop {false};
    std::atomic<int> m_asked {0}, m_unanswered {0}, m_granted {0}, m_wrongErrors {0};
    std::thread m_thread;
};

} // namespace

// Five hosts at once against one export with a mask (the real client A and the racers R1, R2 on it):
// broadcast config queries from ever-new MACs, an IDENTIFY storm from R1, WRITEs from a host off the mask,
// and R1 and R2 racing for the reservation, under --wire-edits keep so the state file is saved again and
// again. A writes and reads back its own sectors all along: it is answered, its data is right, the masked-out
// writes never land, memory stays flat and the state file is valid JSON saying what the engine enforces.
void TestEngineHostile::severalHostsAtOnce()
{
    using namespace std::chrono_literals;
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), kSectors * 512);
    const QString state = m_lab->workPath(QStringLiteral("e7.3.json"));
    const MacAddress r1 = mac("02:00:00:00:c1:01");
    const MacAddress r2 = mac("02:00:00:00:c1:02");
    const MacAddress outsider = mac("02:00:00:00:c1:66");
    std::unique_ptr<RawPeer> peers[6];
    {
        const auto guard = m_lab->enter(m_lab->initiatorNamespace());
        QVERIFY2(guard.ok(), qPrintable(guard.error()));
        for (auto &p : peers) {
            QString error;
            p = RawPeer::open(Lab::initiatorInterface(), &error);
            QVERIFY2(p, qPrintable(error));
        }
    }
    const MacAddress a = peers[0]->mac();
    {
        QString error;
        QVERIFY2(peers[0]->receiveOnlyFor(a, &error) && peers[4]->receiveOnlyFor(r1, &error)
                && peers[5]->receiveOnlyFor(r2, &error),
            qPrintable(error));
    }
    const QString maskList = QStringLiteral("%1,%2,%3")
                                 .arg(QString::fromStdString(a.toString()), QString::fromStdString(r1.toString()),
                                     QString::fromStdString(r2.toString()));
    EngineProcess engine(*m_lab, kEngine);
    QVERIFY2(engine.start(QStringList {QStringLiteral("-m"), maskList, QStringLiteral("--wire-edits"),
                 QStringLiteral("keep"), QStringLiteral("--state-file"), state, QStringLiteral("7"),
                 QStringLiteral("3"), Lab::targetInterface(), image}),
        qPrintable(engine.error()));
    RawPeer &client = *peers[0];
    client.drain();
    const qint64 rssBefore = aoesan::test::residentKiB(engine.pid());

    // Every socket here has A's MAC; the others forge theirs (a raw socket sends any source MAC, and the
    // engine's replies to those MACs reach every socket on the interface).
    aoesan::test::SourceStorm configStorm(std::move(peers[1]), 8000, 6s);
    Flood identify(std::move(peers[2]), 4000, [r1](std::uint32_t n) {
        return QByteArray(
            header(Lab::targetMac(), r1, kRequest, 0, 7, 3, kAta, 0x70000000 | n).ata(0, 0, 1, 0xEC, 0).padTo());
    });
    Flood masked(std::move(peers[3]), 2000, [outsider](std::uint32_t n) {
        return QByteArray(header(Lab::targetMac(), outsider, kRequest, 0, 7, 3, kAta, 0x71000000 | n)
                              .ata(0x41, 0, 1, 0x34, 1000 + n % 100)
                              .fill(512, 'X'));
    });
    ReserveRacer racer1(std::move(peers[4]), 0x72000000, r1, a);
    ReserveRacer racer2(std::move(peers[5]), 0x73000000, r2, a);

    // A: write a sector, read it back; the last acknowledged content of every sector is checked on disk later.
    QMap<std::uint64_t, QByteArray> written;
    QSet<std::uint64_t> unsure; // a WRITE with no answer may or may not have landed
    int ops = 0, unanswered = 0, wrongData = 0, refused = 0;
    qint64 rssPeak = rssBefore;
    std::uint32_t tag = 0x74000000;
    const auto deadline = std::chrono::steady_clock::now() + 6s;
    while (std::chrono::steady_clock::now() < deadline) {
        const std::uint64_t lba = (tag * 7) % 1000;
        QByteArray data(512, static_cast<char>('a' + tag % 26));
        data.replace(0, 4, QByteArray::number(tag, 16).left(4));
        ++tag;
        const QByteArray wrote = client.exchange(
            header(Lab::targetMac(), a, kRequest, 0, 7, 3, kAta, tag).ata(0x41, 0, 1, 0x34, lba).raw(data), 300);
        ++ops;
        if (wrote.isEmpty()) {
            ++unanswered;
            unsure.insert(lba);
            continue;
        }
        if ((wrote[14] & 0x04) != 0 || (static_cast<unsigned char>(wrote[27]) & 0x01) != 0) {
            ++refused;
            continue;
        }
        written[lba] = data;
        unsure.remove(lba);
        ++tag;
        const QByteArray read = client.exchange(
            header(Lab::targetMac(), a, kRequest, 0, 7, 3, kAta, tag).ata(0x40, 0, 1, 0x24, lba).padTo(), 300);
        ++ops;
        if (read.isEmpty())
            ++unanswered;
        else if (read.mid(36, 512) != data)
            ++wrongData;
        if (ops % 50 == 0)
            rssPeak = std::max(rssPeak, aoesan::test::residentKiB(engine.pid()));
    }
    configStorm.stop();
    identify.stop();
    masked.stop();
    racer1.stop();
    racer2.stop();
    rssPeak = std::max(rssPeak, aoesan::test::residentKiB(engine.pid()));

    // What the engine enforces now, asked from A before it stops.
    client.drain();
    const QByteArray reserveNow = client.exchange(
        header(Lab::targetMac(), a, kRequest, 0, 7, 3, kReserve, 0x75000000).reserve(0, 0).padTo(), 1000);
    QVERIFY2(reserveNow.size() >= 26, qPrintable(hex(reserveNow)));
    QJsonArray reservedNow;
    for (int i = 0; i < static_cast<unsigned char>(reserveNow[25]); ++i) {
        MacAddress::Bytes b {};
        std::memcpy(b.data(), reserveNow.constData() + 26 + 6 * i, b.size());
        reservedNow.append(QString::fromStdString(MacAddress(b).toString()));
    }
    QVERIFY2(engine.running(), qPrintable(engine.log().right(600)));
    QCOMPARE(engine.stop(), 0);

    qInfo("several hosts, 6 s: %lld config queries from new MACs, %lld IDENTIFYs from R1, %lld WRITEs from a "
          "masked-out host; reserve races R1 %d asked (%d granted, %d unanswered), R2 %d (%d, %d); client A %d "
          "ops, %d unanswered within 0.3 s, %d refused, %d wrong data; engine resident %lld KiB before, %lld peak",
        configStorm.sent(), identify.sent(), masked.sent(), racer1.asked(), racer1.granted(), racer1.unanswered(),
        racer2.asked(), racer2.granted(), racer2.unanswered(), ops, unanswered, refused, wrongData, rssBefore, rssPeak);
    QVERIFY2(configStorm.sent() >= 20000 && identify.sent() >= 10000 && masked.sent() >= 5000,
        "the floods were too weak to show anything: a slow machine?");
    QCOMPARE(wrongData, 0);
    QCOMPARE(refused, 0); // A is on the mask and in every reservation the racers make
    QVERIFY2(ops >= 100 && unanswered * 5 <= ops, qPrintable(QStringLiteral("%1 of %2").arg(unanswered).arg(ops)));
    for (const ReserveRacer *r : {&racer1, &racer2}) {
        QCOMPARE(r->wrongErrors(), 0);
        QVERIFY2(r->asked() >= 50 && r->unanswered() * 5 <= r->asked(),
            qPrintable(QStringLiteral("%1 of %2").arg(r->unanswered()).arg(r->asked())));
        QVERIFY(r->granted() > 0);
    }
    QVERIFY2(rssPeak - rssBefore < 16 * 1024, qPrintable(QStringLiteral("grew %1 KiB").arg(rssPeak - rssBefore)));

    QFile disk(image);
    QVERIFY(disk.open(QIODevice::ReadOnly));
    const QByteArray bytes = disk.readAll();
    for (auto it = written.cbegin(); it != written.cend(); ++it) {
        if (!unsure.contains(it.key()))
            QVERIFY2(bytes.mid(qsizetype(it.key()) * 512, 512) == it.value(), qPrintable(QString::number(it.key())));
    }
    QVERIFY2(bytes.mid(1000 * 512, 100 * 512) == QByteArray(100 * 512, '\0'), "a masked-out host's WRITE landed");

    QFile file(state);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error {};
    const QJsonObject saved = QJsonDocument::fromJson(file.readAll(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(saved.value(QStringLiteral("reserve")).toArray(), reservedNow);
}

QTEST_GUILESS_MAIN(TestEngineHostile)
#include "tst_engine_hostile.moc"
