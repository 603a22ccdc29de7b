// SPDX-License-Identifier: GPL-3.0-or-later
// TargetProtocol against the rules a target must follow (AOE-PROTOCOL §1-2): for each hostile,
// malformed or ordinary request in TargetProtocolCases, the exact reply or silence, a reply that is
// always Ver 1, R set, padded, from our real shelf.slot with the request's tag, and an export state
// that changes only where the rule says so. Also the start-up announcements.
#include <QTest>

#include "TargetFrames.h"
#include "TargetProtocolCases.h"
#include "TestExport.h"
#include "engine/TargetProtocol.h"

using aoesan::engine::ExportState;
using aoesan::engine::Verdict;
using aoesan::engine::WireEdits;
using aoesan::protocol::MacAddress;
namespace cases = aoesan::test::cases;
namespace frames = aoesan::test::frames;

Q_DECLARE_METATYPE(aoesan::engine::ExportState)
Q_DECLARE_METATYPE(aoesan::engine::Verdict)
Q_DECLARE_METATYPE(aoesan::engine::WireEdits)

namespace {

std::span<const std::uint8_t> bytesOf(const QByteArray &a)
{
    return {reinterpret_cast<const std::uint8_t *>(a.constData()), static_cast<std::size_t>(a.size())};
}

QByteArray toByteArray(std::span<const std::uint8_t> v)
{
    return {reinterpret_cast<const char *>(v.data()), static_cast<qsizetype>(v.size())};
}

QString macList(const std::vector<MacAddress> &macs)
{
    QStringList names;
    for (const auto &m : macs)
        names << QString::fromStdString(m.toString());
    return QLatin1Char('[') + names.join(QLatin1Char(' ')) + QLatin1Char(']');
}

QString describe(const ExportState &s)
{
    return QStringLiteral("config '%1' (%2 bytes), masks %3, reserve %4")
        .arg(QString::fromLatin1(s.configString().substr(0, 40)), QString::number(s.configString().size()),
            macList(s.masks()), macList(s.reservations()));
}

const char *verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Drop:
        return "Drop";
    case Verdict::Reply:
        return "Reply";
    case Verdict::Ata:
        return "Ata";
    }
    return "?";
}

using Export = aoesan::test::TestExport;

} // namespace

class TestTargetProtocol : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void wireEdits_data();
    void wireEdits();
    void announcements_data();
    void announcements();
    void writeReachesTheImage();
    void fewerSectorsPerFrameAfterAnMtuChange();
    void readOnlyExportRefusesWrites();
    void replyBufferIsReused();
    void groupSourceIsFlagged();

private:
    // What every reply must be, whatever the rule: checked apart from the exact bytes so a failure
    // says which promise broke.
    static void verifyReplyShape(const QByteArray &request, const QByteArray &reply);
};

void TestTargetProtocol::rules_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<ExportState>("before");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<ExportState>("after");

    const Export probe {ExportState()};
    QVERIFY(probe.ok());
    const auto &block = probe.device().identifyBlock();
    const QByteArray identify(reinterpret_cast<const char *>(block.data()), static_cast<qsizetype>(block.size()));

    const QList<std::pair<const char *, QList<cases::ProtocolCase>>> groups = {
        {"address", cases::addressingCases()},
        {"command", cases::versionAndCommandCases()},
        {"config", cases::configCases()},
        {"mask", cases::maskCases()},
        {"reserve", cases::reserveCases()},
        {"ata", cases::ataCases(identify)},
    };
    for (const auto &[group, list] : groups)
        for (const auto &c : list)
            QTest::addRow("%s: %s", group, qPrintable(c.name))
                << c.request << c.before << c.verdict << c.reply << c.after;
}

void TestTargetProtocol::rules()
{
    QFETCH(QByteArray, request);
    QFETCH(ExportState, before);
    QFETCH(Verdict, verdict);
    QFETCH(QByteArray, reply);
    QFETCH(ExportState, after);

    Export target(before);
    QVERIFY(target.ok());
    aoesan::engine::ReceiveResult result;
    const QByteArray got = target.answer(request, &result);

    QVERIFY2(result.verdict == verdict,
        qPrintable(
            QStringLiteral("verdict %1, expected %2")
                .arg(QString::fromLatin1(verdictName(result.verdict)), QString::fromLatin1(verdictName(verdict)))));
    QVERIFY2(got == reply,
        qPrintable(QStringLiteral("reply differs\nexpected (%1 bytes): %2\ngot (%3 bytes):      %4")
                       .arg(reply.size())
                       .arg(frames::hex(reply))
                       .arg(got.size())
                       .arg(frames::hex(got))));
    if (!got.isEmpty())
        verifyReplyShape(request, got);
    QVERIFY2(target.state() == after,
        qPrintable(QStringLiteral("state after: %1\nexpected:    %2").arg(describe(target.state()), describe(after))));
    // The engine saves the state file only when told: a change it is not told about is lost on restart.
    // Mask and reserve edits are reported as access changes and, under the default "forget", not saved.
    const bool listsChanged = after.masks() != before.masks() || after.reservations() != before.reservations();
    if (after.configString() != before.configString())
        QVERIFY2(result.stateChanged, "the config string changed but receive() did not report it");
    QVERIFY2(result.accessChanged == listsChanged, "an access change reported wrongly");
    if (after.configString() == before.configString())
        QVERIFY2(!result.stateChanged, "a mask or reserve edit under \"forget\" asks for a save");
}

void TestTargetProtocol::wireEdits_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<WireEdits>("mode");
    QTest::addColumn<bool>("applied");
    QTest::addColumn<bool>("saved");
    const QByteArray maskAdd = cases::maskAddRequest(0x51, cases::kB, cases::kB);
    const QByteArray reserveSet = cases::reserveSetRequest(0x52, 1, cases::kB, cases::kB);
    const QByteArray forceSet = cases::reserveSetRequest(0x53, 2, cases::kB, cases::kB);
    for (const auto &[mode, word] : {std::pair {WireEdits::Forget, "forget"}, std::pair {WireEdits::Keep, "keep"},
             std::pair {WireEdits::Refuse, "refuse"}}) {
        const bool applied = mode != WireEdits::Refuse;
        const bool saved = mode == WireEdits::Keep;
        QTest::addRow("%s: mask add", word) << maskAdd << mode << applied << saved;
        QTest::addRow("%s: reserve set", word) << reserveSet << mode << applied << saved;
        QTest::addRow("%s: reserve force set", word) << forceSet << mode << applied << saved;
    }
}

void TestTargetProtocol::wireEdits()
{
    // What a host on the segment may do to the owner's lists: "forget" applies the edit until the engine
    // stops, "keep" also asks for a save, "refuse" applies nothing and says so in the reply.
    QFETCH(QByteArray, request);
    QFETCH(WireEdits, mode);
    QFETCH(bool, applied);
    QFETCH(bool, saved);
    ExportState before = cases::exportState();
    before.setWireEdits(mode);
    Export target(before);
    QVERIFY(target.ok());
    aoesan::engine::ReceiveResult result;
    const QByteArray got = target.answer(request, &result);
    QCOMPARE(result.verdict, Verdict::Reply);
    verifyReplyShape(request, got);
    const bool changed = !target.state().masks().empty() || !target.state().reservations().empty();
    QCOMPARE(changed, applied);
    QCOMPARE(result.accessChanged, applied);
    QCOMPARE(result.stateChanged, saved);
    const bool isMask = static_cast<std::uint8_t>(request[19]) == 2;
    const auto byte = [&got](int i) { return static_cast<std::uint8_t>(got[i]); };
    if (isMask) // MError (reserved, MCmd, MError, Dir Count after the header): 1, "unspecified", when refused
        QCOMPARE(int(byte(26)), applied ? 0 : 1);
    else // the AoE header's error flag and code 6, "target reserved", when refused
        QCOMPARE(bool(byte(14) & 0x04U), !applied);
    if (!applied && !isMask)
        QCOMPARE(int(byte(15)), 6);
}

void TestTargetProtocol::verifyReplyShape(const QByteArray &request, const QByteArray &reply)
{
    const auto byte = [](const QByteArray &f, qsizetype i) { return static_cast<std::uint8_t>(f[i]); };
    QVERIFY2(reply.size() >= 60,
        qPrintable(QStringLiteral("a %1-byte reply: veth does not pad, aoetools drop it").arg(reply.size())));
    QVERIFY2(reply.mid(0, 6) == request.mid(6, 6), "the reply does not go back to the sender");
    QVERIFY2(reply.mid(6, 6) == frames::macBytes(cases::kTarget), "the reply is not from our MAC");
    QVERIFY2(byte(reply, 12) == 0x88 && byte(reply, 13) == 0xA2, "the reply is not AoE");
    QVERIFY2(byte(reply, 14) >> 4U == 1, "the reply is not Ver 1");
    QVERIFY2((byte(reply, 14) & 0x08U) != 0, "the reply lacks the R flag");
    QVERIFY2((byte(reply, 14) & 0x03U) == 0, "reserved flag bits set in the reply");
    QVERIFY2(byte(reply, 16) == 0 && byte(reply, 17) == cases::kShelf, "the reply does not carry our shelf");
    QVERIFY2(byte(reply, 18) == cases::kSlot, "the reply does not carry our slot");
    QVERIFY2(byte(reply, 19) == byte(request, 19), "the reply's command differs from the request's");
    QVERIFY2(frames::tagOf(reply) == frames::tagOf(request), "the reply does not carry the request's tag");
}

void TestTargetProtocol::announcements_data()
{
    QTest::addColumn<ExportState>("state");
    QTest::addColumn<QList<MacAddress>>("destinations");

    QTest::addRow("no mask: one broadcast") << cases::exportState() << QList<MacAddress> {MacAddress::broadcast()};
    QTest::addRow("no mask, config string")
        << cases::exportState("rack 4, slot 3") << QList<MacAddress> {MacAddress::broadcast()};
    QTest::addRow("mask of two: one unicast each")
        << cases::exportState("masked", {cases::kA, cases::kB}) << QList<MacAddress> {cases::kA, cases::kB};
    QTest::addRow("reservation does not matter")
        << cases::exportState({}, {}, {cases::kC}) << QList<MacAddress> {MacAddress::broadcast()};
}

void TestTargetProtocol::announcements()
{
    QFETCH(ExportState, state);
    QFETCH(QList<MacAddress>, destinations);

    Export target(state);
    QVERIFY(target.ok());
    const auto sent = target.protocol().announcements();
    QCOMPARE(qsizetype(sent.size()), destinations.size());
    const QByteArray text = QByteArray::fromStdString(state.configString());
    for (qsizetype i = 0; i < destinations.size(); ++i) {
        // An unsolicited config reply: Ver 1 (vblade sends 0), tag 0 so the Linux driver takes it, padded.
        const QByteArray expected = frames::header(
            destinations[i], cases::kTarget, frames::kReply, 0, cases::kShelf, cases::kSlot, frames::kConfig, 0)
                                        .config(cases::kBufferCount, cases::kFirmware, cases::kMaxSectors, 0x10,
                                            static_cast<unsigned>(text.size()), text)
                                        .padTo();
        const QByteArray got = toByteArray(sent[static_cast<std::size_t>(i)]);
        QVERIFY2(got == expected,
            qPrintable(QStringLiteral("announcement %1\nexpected: %2\ngot:      %3")
                           .arg(i)
                           .arg(frames::hex(expected), frames::hex(got))));
    }
}

// The MTU went down while serving (2 sectors per frame to 1): config replies and announcements advertise 1,
// a 2-sector READ is refused with Bad Argument (a reply the interface could still send), one sector is read.
void TestTargetProtocol::fewerSectorsPerFrameAfterAnMtuChange()
{
    Export target {ExportState()};
    QVERIFY(target.ok());
    target.protocol().setMaxSectors(1);
    QCOMPARE(target.protocol().maxSectors(), 1);
    QCOMPARE(target.device().maxSectors(), 1);
    const QByteArray config = target.answer(
        frames::header(cases::kTarget, cases::kA, frames::kRequest, 0, 7, 3, frames::kConfig, 0x80000100)
            .configRequest(0, {})
            .padTo());
    QVERIFY2(config.size() > 28, qPrintable(frames::hex(config)));
    QCOMPARE(static_cast<int>(config.at(28)), 1);
    const auto announced = target.protocol().announcements();
    QCOMPARE(announced.size(), std::size_t {1});
    QCOMPARE(static_cast<int>(announced.front()[28]), 1);

    const auto read = [&](unsigned sectors, std::uint32_t tag) {
        return target.answer(frames::header(cases::kTarget, cases::kA, frames::kRequest, 0, 7, 3, frames::kAta, tag)
                                 .ata(0x40, 0, sectors, 0x24, 30)
                                 .padTo());
    };
    const QByteArray refused = read(2, 0x80000101);
    QVERIFY2(refused.size() == 60, qPrintable(frames::hex(refused)));
    QCOMPARE(static_cast<std::uint8_t>(refused[14]) & 0x04U, 0x04U); // the Error flag
    QCOMPARE(static_cast<int>(refused[15]), 2); // Bad Argument
    const QByteArray one = read(1, 0x80000102);
    QCOMPARE(one.size(), 36 + 512);
    QCOMPARE(one.mid(36), frames::sectorLabel(30));
}

void TestTargetProtocol::writeReachesTheImage()
{
    Export target {ExportState()};
    QVERIFY(target.ok());
    const QByteArray data = QByteArray(512, 'a') + QByteArray(512, 'b');
    const QByteArray write
        = frames::header(cases::kTarget, cases::kA, frames::kRequest, 0, 7, 3, frames::kAta, 0x8000beef)
              .ata(0x41, 0, 2, 0x34, 20)
              .raw(data);
    const QByteArray ack = target.answer(write);
    QVERIFY2(ack.size() == 60 && static_cast<std::uint8_t>(ack[27]) == 0x40, qPrintable(frames::hex(ack)));
    QCOMPARE(target.image().mid(20 * 512, 1024), data);
    QCOMPARE(target.image().mid(19 * 512, 512), frames::sectorLabel(19));
    QCOMPARE(target.image().mid(22 * 512, 512), frames::sectorLabel(22));

    const QByteArray read
        = frames::header(cases::kTarget, cases::kA, frames::kRequest, 0, 7, 3, frames::kAta, 0x8000bef0)
              .ata(0x40, 0, 2, 0x24, 20)
              .padTo();
    QCOMPARE(target.answer(read).mid(36), data);
}

void TestTargetProtocol::readOnlyExportRefusesWrites()
{
    Export target(ExportState(), true);
    QVERIFY(target.ok());
    const QByteArray before = target.image();
    const QByteArray write
        = frames::header(cases::kTarget, cases::kA, frames::kRequest, 0, 7, 3, frames::kAta, 0x8000cafe)
              .ata(0x41, 0, 1, 0x34, 4)
              .raw(QByteArray(512, 'x'));
    const QByteArray expected
        = frames::header(cases::kA, cases::kTarget, frames::kReply, 0, 7, 3, frames::kAta, 0x8000cafe)
              .ata(0x41, 0x04, 1, 0x41, 4)
              .padTo();
    const QByteArray got = target.answer(write);
    QVERIFY2(got == expected,
        qPrintable(QStringLiteral("expected ABRT\n%1\ngot\n%2").arg(frames::hex(expected), frames::hex(got))));
    QVERIFY2(target.image() == before, "a read-only export changed its image");
}

void TestTargetProtocol::replyBufferIsReused()
{
    // The engine hands receive() the same vector for every control frame: a short reply after a long
    // one must not carry the long one's tail.
    Export target(cases::exportState(std::string(1024, 'L')));
    QVERIFY(target.ok());
    std::vector<std::uint8_t> reply;
    const QByteArray read = frames::header(cases::kTarget, cases::kA, frames::kRequest, 0, 7, 3, frames::kConfig, 1)
                                .configRequest(0, {})
                                .padTo();
    QCOMPARE(target.protocol().receive(bytesOf(read), reply).verdict, Verdict::Reply);
    QCOMPARE(reply.size(), std::size_t {32 + 1024});
    const QByteArray reserve = frames::header(cases::kTarget, cases::kA, frames::kRequest, 0, 7, 3, frames::kReserve, 2)
                                   .reserve(0, 0)
                                   .padTo();
    QCOMPARE(target.protocol().receive(bytesOf(reserve), reply).verdict, Verdict::Reply);
    QCOMPARE(reply.size(), std::size_t {60});
    const QByteArray unknown = frames::header(cases::kTarget, cases::kA, frames::kRequest, 0, 7, 3, 0xF0, 3).padTo();
    QCOMPARE(target.protocol().receive(bytesOf(unknown), reply).verdict, Verdict::Reply);
    QCOMPARE(reply.size(), std::size_t {60});
}

// The server counts what receive() flags (droppedGroupSource in the counters event): only forged group
// senders, never an ordinary drop.
void TestTargetProtocol::groupSourceIsFlagged()
{
    Export target(cases::exportState());
    QVERIFY(target.ok());
    aoesan::engine::ReceiveResult result;
    const auto query = [](const MacAddress &source, std::uint16_t major) {
        return frames::header(cases::kTarget, source, frames::kRequest, 0, major, cases::kSlot, frames::kConfig, 1)
            .configRequest(0, {})
            .padTo();
    };
    QVERIFY(target.answer(query(MacAddress::broadcast(), cases::kShelf), &result).isEmpty());
    QVERIFY(result.verdict == Verdict::Drop && result.groupSource);
    QVERIFY(target.answer(query(frames::mac("33:33:00:00:00:fb"), cases::kShelf), &result).isEmpty());
    QVERIFY(result.groupSource);
    QVERIFY(!target.answer(query(cases::kA, cases::kShelf), &result).isEmpty());
    QVERIFY(!result.groupSource);
    QVERIFY(target.answer(query(cases::kA, 8), &result).isEmpty()); // another shelf: dropped, not counted
    QVERIFY(!result.groupSource);
}

QTEST_GUILESS_MAIN(TestTargetProtocol)
#include "tst_target_protocol.moc"
