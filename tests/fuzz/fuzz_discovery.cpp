// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery (core/discovery/DiscoveryService) fed arbitrary replies: discovery listens to everything on the
// wire, so any host can send it anything. The input is a session of frames (FuzzSupport.h records; each
// record is one flags byte and a frame) that a second station sends onto an in-memory segment while
// discovery probes, identifies and re-probes on a clock that moves only when the input says so. Flags can aim
// a frame at our initiator, make it a response and give it the tag of a request in flight, so that it reaches
// the completion handlers and not only the sniffer. After every frame each target keeps the invariants
// (a real shelf.slot, a path and a backend, bounded IDENTIFY fields and config string) and its probe-stream
// JSON parses back to it; the added/removed signals agree with the list; and once the noise stops, every
// target (none of them real) goes down within the up/down rule.
#include <QJsonDocument>

#include <cstring>

#include "FuzzSupport.h"
#include "discovery/DiscoveryService.h"
#include "discovery/ProbeEvent.h"
#include "discovery/StatReport.h"
#include "discovery/TargetJson.h"
#include "initiator/FakeClock.h"
#include "initiator/Initiator.h"
#include "net/MemoryTransport.h"

using namespace aoesan;
using namespace std::chrono_literals;
using discovery::TargetInfo;

namespace {

constexpr protocol::MacAddress kInitiatorMac(protocol::MacAddress::Bytes {0x02, 0x00, 0x00, 0x00, 0xa0, 0x02});
constexpr protocol::MacAddress kNoiseMac(protocol::MacAddress::Bytes {0x02, 0x00, 0x00, 0x00, 0xa0, 0x09});

// Record flags (the first byte of each record).
constexpr std::uint8_t kToUs = 0x01; // destination := our initiator (kBroadcast wins)
constexpr std::uint8_t kBroadcast = 0x02; // destination := broadcast
constexpr std::uint8_t kResponse = 0x04; // set the response flag
constexpr std::uint8_t kTagInFlight = 0x08; // tag := one of the last requests we sent (bits 4-6 pick which)
constexpr std::uint8_t kAdvance = 0x80; // then let 50 ms pass (probes, retransmits, IDENTIFY retries run)

void checkTarget(const TargetInfo &t)
{
    FUZZ_CHECK(t.id.shelf != 0xffff && t.id.slot != 0xff);
    FUZZ_CHECK(!t.paths.empty() && !t.backends.empty());
    if (t.identified) {
        FUZZ_CHECK(t.sectors < (std::uint64_t {1} << 48));
        FUZZ_CHECK(t.model.size() <= 40 && t.serial.size() <= 20 && t.firmware.size() <= 8);
    }
    FUZZ_CHECK(t.configString.size() <= protocol::kMaxConfigStringLength);
    const QJsonObject line {
        {QStringLiteral("event"), QStringLiteral("changed")}, {QStringLiteral("target"), discovery::targetToJson(t)}};
    const auto event = discovery::parseProbeEvent(QJsonDocument(line).toJson(QJsonDocument::Compact));
    const auto *parsed = std::get_if<discovery::probe::TargetEvent>(&event);
    FUZZ_CHECK(parsed != nullptr);
    FUZZ_CHECK(parsed->target.id == t.id && parsed->target.sectors == t.sectors);
    FUZZ_CHECK(parsed->target.paths.size() == t.paths.size());
}

void checkAll(const discovery::DiscoveryService &service, const std::set<std::pair<int, int>> &listed)
{
    const auto targets = service.targets();
    FUZZ_CHECK(targets.size() == service.targetCount() && targets.size() == listed.size());
    for (const auto &t : targets) {
        checkTarget(t);
        FUZZ_CHECK(listed.contains({t.id.shelf, t.id.slot}));
    }
    (void)discovery::statReport(targets);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::ensureApplication();
    initiator::FakeClock clock;
    net::MemoryLink link;
    net::MemoryTransport local(&link, "mem0", kInitiatorMac);
    net::MemoryTransport noise(&link, "noise0", kNoiseMac);
    initiator::Initiator initiator(clock);
    initiator.addTransport(&local);
    discovery::DiscoveryOptions options;
    options.interval = 1s;
    discovery::DiscoveryService service(initiator, clock, options);
    std::set<std::pair<int, int>> listed; // what the signals said
    QObject::connect(&service, &discovery::DiscoveryService::added, [&](const TargetInfo &t) {
        FUZZ_CHECK(listed.insert({t.id.shelf, t.id.slot}).second);
    });
    QObject::connect(&service, &discovery::DiscoveryService::removed, [&](const TargetInfo &t) {
        FUZZ_CHECK(listed.erase({t.id.shelf, t.id.slot}) == 1);
    });
    service.addTransport(&local);
    service.start();
    initiator::FakeClock::settle();

    for (const fuzz::Bytes record : fuzz::splitRecords(fuzz::Bytes(data, size))) {
        if (record.empty())
            continue;
        const std::uint8_t flags = record[0];
        std::vector<std::uint8_t> frame(record.begin() + 1, record.end());
        if (frame.size() >= protocol::kCommonHeaderSize) {
            if ((flags & (kToUs | kBroadcast)) != 0) {
                const auto to = (flags & kBroadcast) != 0 ? protocol::MacAddress::broadcast() : kInitiatorMac;
                std::copy(to.bytes().begin(), to.bytes().end(), frame.begin());
            }
            if ((flags & kResponse) != 0)
                frame[14] |= protocol::flags::Response;
            const auto &sent = local.sent();
            if ((flags & kTagInFlight) != 0 && !sent.isEmpty()) {
                const qsizetype back = std::min<qsizetype>((flags >> 4U) & 0x07U, sent.size() - 1);
                const QByteArray &request = sent[sent.size() - 1 - back];
                if (request.size() >= 24)
                    std::memcpy(frame.data() + 20, request.constData() + 20, 4);
            }
        }
        (void)noise.send(frame);
        initiator::FakeClock::settle();
        if ((flags & kAdvance) != 0) {
            clock.advance(50ms);
            initiator::FakeClock::settle();
        }
        checkAll(service, listed);
    }

    // The noise stops. Nothing real answers on this segment, so every target goes down within the rule.
    for (int s = 0; s < 8; ++s) {
        clock.advance(500ms);
        initiator::FakeClock::settle();
    }
    checkAll(service, listed);
    for (const auto &t : service.targets())
        FUZZ_CHECK(t.state == discovery::TargetState::Down);
    service.stop();
    return 0;
}
