// SPDX-License-Identifier: GPL-3.0-or-later
// Mutated frames against the codec and the target: every request of the rule tables and every frame of
// the golden captures, bit-flipped, truncated, extended and overwritten with edge values, tens of
// thousands of times from a fixed seed (AOESAN_MUTATIONS and AOESAN_MUTATION_SEED change both). No input
// may crash, read out of bounds (the sanitizer run checks), or produce a reply that breaks the rules
// every reply keeps: Ver 1, R set, at least 60 bytes, back to the sender, our shelf.slot, the request's
// tag, never longer than the engine's buffer; and the export's lists stay within their bounds.
#include <QTest>

#include <cstring>
#include <memory>

#include "FrameMutator.h"
#include "TargetFrames.h"
#include "TargetProtocolCases.h"
#include "TestExport.h"
#include "engine/TargetProtocol.h"
#include "protocol/Frame.h"
#include "protocol/Identify.h"

using aoesan::engine::ExportState;
using aoesan::engine::Verdict;
namespace cases = aoesan::test::cases;
namespace frames = aoesan::test::frames;
namespace protocol = aoesan::protocol;
using aoesan::test::FrameMutator;
using aoesan::test::toBytes;

namespace {

using Bytes = std::vector<std::uint8_t>;

// The engine's receive buffer at MTU 1500: a request longer than this never reaches the protocol.
constexpr std::size_t kBufferSize = 14 + 1500;

// Most frames are first aimed at the export under test (the captures address other targets, which it
// rightly drops): its MAC or broadcast, its shelf.slot, a request of version 1, mostly from kA.
Bytes aimed(Bytes frame, FrameMutator &m)
{
    if (frame.size() < 24 || m.below(5) == 0)
        return frame;
    const bool broadcast = m.below(4) == 0;
    const auto &target = cases::kTarget.bytes();
    for (std::size_t i = 0; i < 6; ++i)
        frame[i] = broadcast ? 0xff : target[i];
    // The state's mask allows kA and kB: most come from kA, some from a host it keeps out.
    if (m.below(4) != 0)
        std::memcpy(frame.data() + 6, cases::kA.bytes().data(), 6);
    frame[14] = std::uint8_t(0x10 | (frame[14] & 0x03));
    frame[16] = std::uint8_t(cases::kShelf >> 8);
    frame[17] = std::uint8_t(cases::kShelf);
    frame[18] = cases::kSlot;
    return frame;
}

using Export = aoesan::test::TestExport;

std::uint32_t be32(const std::uint8_t *p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

// Empty when `reply` keeps every rule for an answer to `request`; otherwise what it breaks.
QString replyProblem(std::span<const std::uint8_t> request, std::span<const std::uint8_t> reply)
{
    if (reply.size() < 60)
        return QStringLiteral("reply of %1 bytes, under 60").arg(reply.size());
    if (reply.size() > kBufferSize)
        return QStringLiteral("reply of %1 bytes, over the buffer").arg(reply.size());
    if (std::memcmp(reply.data(), request.data() + 6, 6) != 0)
        return QStringLiteral("not sent back to the requester");
    if (std::memcmp(reply.data() + 6, cases::kTarget.bytes().data(), 6) != 0)
        return QStringLiteral("not from the target's MAC");
    if (reply[12] != 0x88 || reply[13] != 0xa2)
        return QStringLiteral("wrong EtherType");
    if ((reply[14] >> 4) != 1)
        return QStringLiteral("version %1, not 1").arg(reply[14] >> 4);
    if ((reply[14] & protocol::flags::Response) == 0)
        return QStringLiteral("R flag not set");
    if (((reply[16] << 8) | reply[17]) != cases::kShelf || reply[18] != cases::kSlot)
        return QStringLiteral("not from our shelf.slot");
    if (be32(reply.data() + 20) != be32(request.data() + 20))
        return QStringLiteral("tag changed");
    return {};
}

QString hex(std::span<const std::uint8_t> bytes)
{
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())).toHex(' '));
}

} // namespace

class TestMutatedFrames : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void codecAndTargetHoldTheirRules();

private:
    std::vector<Bytes> m_seeds;
    ExportState m_start;
};

void TestMutatedFrames::initTestCase()
{
    for (const auto &list : {cases::addressingCases(), cases::versionAndCommandCases(), cases::configCases(),
             cases::maskCases(), cases::reserveCases()})
        for (const auto &c : list)
            m_seeds.push_back(toBytes(c.request));
    {
        const Export e(cases::exportState());
        QVERIFY(e.ok());
        const auto &block = e.device().identifyBlock();
        for (const auto &c :
            cases::ataCases(QByteArray(reinterpret_cast<const char *>(block.data()), qsizetype(block.size()))))
            m_seeds.push_back(toBytes(c.request));
    }
    std::string error;
    QVERIFY2(aoesan::test::appendCapturedFrames(QStringLiteral(AOESAN_TEST_DATA_DIR), m_seeds, error), error.c_str());
    QVERIFY2(m_seeds.size() > 200, qPrintable(QString::number(m_seeds.size())));
    // A state with something in every list, so deletes and lookups have entries to hit.
    m_start = cases::exportState("mutated", {cases::kA, cases::kB}, {cases::kA});
}

void TestMutatedFrames::codecAndTargetHoldTheirRules()
{
    const int iterations
        = qEnvironmentVariableIsSet("AOESAN_MUTATIONS") ? qEnvironmentVariableIntValue("AOESAN_MUTATIONS") : 100000;
    const auto seed = std::uint32_t(qEnvironmentVariableIsSet("AOESAN_MUTATION_SEED")
            ? qEnvironmentVariableIntValue("AOESAN_MUTATION_SEED")
            : 20261124);
    FrameMutator mutator(seed);
    // A fresh export every few hundred frames: mutated mask and reserve commands soon leave a state
    // that drops nearly everything, and the point is to reach deep.
    std::unique_ptr<Export> target;
    int decoded = 0, replies = 0, ata = 0;
    Bytes reply;
    Bytes buffer(kBufferSize);
    for (int i = 0; i < iterations; ++i) {
        if (i % 500 == 0) {
            if (target)
                QCOMPARE(
                    target->imageSize(), qint64(Export::kImageBytes)); // writes land inside the image, never past it
            target = std::make_unique<Export>(m_start);
            QVERIFY(target->ok());
        }
        const Bytes frame = mutator.mutate(aimed(m_seeds[mutator.below(m_seeds.size())], mutator));
        const std::span<const std::uint8_t> in(frame);

        // The codec: a typed error or a frame that encodes and decodes again.
        if (const auto f = protocol::decodeFrame(in)) {
            ++decoded;
            if (const auto again = protocol::encodeFrame(f.value())) {
                const auto back = protocol::decodeFrame(again.value());
                QVERIFY2(back && back.value().header == f.value().header,
                    qPrintable(QStringLiteral("#%1 does not survive encode+decode: %2").arg(i).arg(hex(in))));
            }
        }
        if (frame.size() >= 36 + 512)
            (void)protocol::parseIdentify(in.subspan(36, 512));

        // The target.
        if (frame.size() > kBufferSize)
            continue;
        reply.clear();
        const auto r = target->protocol().receive(in, reply);
        if (r.verdict == Verdict::Reply) {
            ++replies;
            const QString problem = replyProblem(in, reply);
            QVERIFY2(problem.isEmpty(),
                qPrintable(QStringLiteral("#%1: %2\nrequest %3\nreply %4").arg(i).arg(problem, hex(in), hex(reply))));
        } else if (r.verdict == Verdict::Ata) {
            ++ata;
            std::fill(buffer.begin(), buffer.end(), 0);
            std::memcpy(buffer.data(), frame.data(), frame.size());
            const auto done = target->protocol().executeAta(buffer, frame.size());
            QVERIFY2(done.length <= buffer.size(), qPrintable(QStringLiteral("#%1: ATA reply past the buffer").arg(i)));
            if (done.length > 0) {
                const QString problem = replyProblem(in, std::span(buffer).first(done.length));
                QVERIFY2(problem.isEmpty(),
                    qPrintable(QStringLiteral("#%1 (ATA): %2\nrequest %3").arg(i).arg(problem, hex(in))));
            }
        }
        QVERIFY(target->state().masks().size() <= ExportState::kMaxMasks);
        QVERIFY(target->state().reservations().size() <= ExportState::kMaxReservations);
        QVERIFY(target->state().configString().size() <= 1024);
    }
    QCOMPARE(target->imageSize(), qint64(Export::kImageBytes));
    // The mutations must reach deep, not stop at the first check.
    qInfo("%d mutated frames (seed %u): %d decoded, %d answered, %d ATA commands run", iterations, seed, decoded,
        replies, ata);
    QVERIFY(decoded > iterations / 10);
    QVERIFY(replies > iterations / 20);
    QVERIFY(ata > iterations / 50);
}

QTEST_GUILESS_MAIN(TestMutatedFrames)
#include "tst_mutated_frames.moc"
