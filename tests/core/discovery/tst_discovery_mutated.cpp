// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery listens to everything on the wire, so a broken or hostile host can send it anything. Here a
// second station on the segment sends tens of thousands of mutated replies (real answers of a FakeTarget
// and the golden captures, aimed at our initiator, often carrying the tags of requests still in flight)
// while discovery probes, identifies and re-probes. Nothing may crash; every target it lists keeps the
// invariants (a real shelf.slot, at least one path, bounded strings, a size IDENTIFY can give); its JSON
// for the probe stream parses back to the same target; and once the noise stops, the real disks are up
// and everything that only the noise claimed goes down.
#include <QJsonDocument>
#include <QTest>

#include <cstring>

#include "FrameMutator.h"
#include "InitiatorLab.h"
#include "discovery/DiscoveryService.h"
#include "discovery/ProbeEvent.h"
#include "discovery/StatReport.h"
#include "discovery/TargetJson.h"

using namespace aoesan;
using namespace aoesan::test;
using namespace std::chrono_literals;
using aoesan::initiator::FakeClock;
using discovery::TargetInfo;
using discovery::TargetState;

namespace {

using Bytes = FrameMutator::Bytes;

FakeDisk disk(std::uint16_t shelf, std::uint8_t slot, std::uint64_t sectors)
{
    FakeDisk d;
    d.shelf = shelf;
    d.slot = slot;
    d.sectors = sectors;
    d.serial = std::to_string(shelf) + "." + std::to_string(slot) + ":real";
    return d;
}

// Empty when `t` is a target discovery may list; otherwise what is wrong with it.
QString problemWith(const TargetInfo &t)
{
    if (t.id.shelf == 0xffff || t.id.slot == 0xff)
        return QStringLiteral("a broadcast address listed as a target");
    if (t.paths.empty())
        return QStringLiteral("no path");
    if (t.backends.empty())
        return QStringLiteral("no backend");
    if (t.identified
        && (t.sectors >= (std::uint64_t {1} << 48) || t.model.size() > 40 || t.serial.size() > 20
            || t.firmware.size() > 8))
        return QStringLiteral("IDENTIFY fields out of range: %1 sectors, model %2, serial %3, firmware %4 bytes")
            .arg(t.sectors)
            .arg(t.model.size())
            .arg(t.serial.size())
            .arg(t.firmware.size());
    if (t.configString.size() > 1024)
        return QStringLiteral("config string over 1024 bytes");
    const auto event = discovery::parseProbeEvent(QJsonDocument(
        QJsonObject {{QStringLiteral("event"), QStringLiteral("changed")},
            {QStringLiteral("target"),
                discovery::targetToJson(t)}}).toJson(QJsonDocument::Compact));
    const auto *parsed = std::get_if<discovery::probe::TargetEvent>(&event);
    if (!parsed)
        return QStringLiteral("its probe-stream line does not parse back");
    if (!(parsed->target.id == t.id) || parsed->target.sectors != t.sectors
        || parsed->target.paths.size() != t.paths.size())
        return QStringLiteral("its probe-stream line parses back to another target");
    return {};
}

} // namespace

class TestDiscoveryMutated : public QObject
{
    Q_OBJECT

private slots:
    void survivesNoiseAndRecovers();
};

void TestDiscoveryMutated::survivesNoiseAndRecovers()
{
    const int iterations
        = qEnvironmentVariableIsSet("AOESAN_MUTATIONS") ? qEnvironmentVariableIntValue("AOESAN_MUTATIONS") : 30000;
    const auto seed = std::uint32_t(qEnvironmentVariableIsSet("AOESAN_MUTATION_SEED")
            ? qEnvironmentVariableIntValue("AOESAN_MUTATION_SEED")
            : 20261124);
    InitiatorLab lab;
    discovery::DiscoveryOptions options;
    options.interval = 1s;
    discovery::DiscoveryService service(lab.initiator, lab.clock, options);
    service.addTransport(&lab.local);
    lab.target.addDisk(disk(1, 1, 131072));
    lab.target.addDisk(disk(2, 3, (std::uint64_t {3} << 40) / 512)); // 3 TiB: LBA48
    net::MemoryTransport noise(&lab.link, "noise0", kOtherMac);

    // Seeds: the replies the FakeTarget really sends, and every frame of the golden captures.
    service.start();
    FakeClock::settle();
    QCOMPARE(service.targets().size(), std::size_t {2});
    std::vector<Bytes> seeds;
    for (const QByteArray &frame : lab.link.history())
        seeds.push_back(toBytes(frame));
    std::string error;
    QVERIFY2(aoesan::test::appendCapturedFrames(QStringLiteral(AOESAN_TEST_DATA_DIR), seeds, error), error.c_str());

    FrameMutator mutator(seed);
    for (int i = 0; i < iterations; ++i) {
        Bytes frame = seeds[mutator.below(seeds.size())];
        if (frame.size() >= 24 && mutator.below(5) != 0) {
            // Aimed at our initiator (or broadcast), as a response, often with the tag of a request in
            // flight so that it reaches the completion handlers, not only the sniffer.
            const auto &us = kInitiatorMac.bytes();
            const bool broadcast = mutator.below(4) == 0;
            for (std::size_t b = 0; b < 6; ++b)
                frame[b] = broadcast ? 0xff : us[b];
            frame[14] = std::uint8_t(0x18 | (frame[14] & 0x07));
            const auto &sent = lab.local.sent();
            if (!sent.isEmpty() && mutator.below(2) == 0)
                std::memcpy(frame.data() + 20,
                    sent[sent.size() - 1 - qsizetype(mutator.below(std::min<std::size_t>(8, std::size_t(sent.size()))))]
                            .constData()
                        + 20,
                    4);
        }
        frame = mutator.mutate(std::move(frame));
        (void)noise.send(frame);
        if (i % 64 == 0) {
            lab.clock.advance(50ms); // probes, retransmits, IDENTIFY retries and the up/down rule run too
            FakeClock::settle();
        }
        if (i % 512 == 0) {
            for (const auto &t : service.targets()) {
                const QString problem = problemWith(t);
                QVERIFY2(problem.isEmpty(),
                    qPrintable(QStringLiteral("after frame #%1, e%2.%3: %4")
                                   .arg(i)
                                   .arg(t.id.shelf)
                                   .arg(t.id.slot)
                                   .arg(problem)));
            }
            (void)discovery::statReport(service.targets());
        }
    }
    FakeClock::settle();
    const std::size_t listed = service.targets().size();

    // The noise stops; the next probes and the up/down rule (3 intervals) sort it out.
    for (int s = 0; s < 8; ++s) {
        lab.clock.advance(500ms);
        FakeClock::settle();
    }
    int up = 0;
    for (const auto &t : service.targets()) {
        QVERIFY2(problemWith(t).isEmpty(), qPrintable(problemWith(t)));
        const bool real = (t.id == discovery::TargetId {1, 1}) || (t.id == discovery::TargetId {2, 3});
        if (real) {
            QVERIFY2(t.state == TargetState::Up,
                qPrintable(QStringLiteral("e%1.%2 is down").arg(t.id.shelf).arg(t.id.slot)));
            ++up;
        } else {
            QVERIFY2(t.state == TargetState::Down,
                qPrintable(
                    QStringLiteral("e%1.%2, claimed only by the noise, is still up").arg(t.id.shelf).arg(t.id.slot)));
        }
    }
    QCOMPARE(up, 2);
    qInfo("%d mutated frames (seed %u): %zu targets listed at the end of the noise, %zu after it", iterations, seed,
        listed, service.targets().size());
    QVERIFY(listed > 2); // the noise reached discovery, not only the link
}

QTEST_GUILESS_MAIN(TestDiscoveryMutated)
#include "tst_discovery_mutated.moc"
