// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/BenchRunner.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <deque>
#include <poll.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <linux/if_packet.h>
#include <net/if.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include "bench/VerifyPattern.h"
#include "net/NetworkInterfaces.h"
#include "protocol/Frame.h"

#ifndef PACKET_IGNORE_OUTGOING
#define PACKET_IGNORE_OUTGOING 23 // Linux 4.20; older headers lack it
#endif

namespace aoesan::bench {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::nanoseconds;

constexpr unsigned kMaxDepth = 256;
constexpr std::uint32_t kMaxBlockBytes = 16U << 20U;
constexpr std::size_t kMaxSlots = 0xFFFF; // the tag's low 16 bits index the slot
constexpr std::size_t kBatch = 64;
constexpr auto kGiveUp = std::chrono::seconds(10); // one frame unanswered this long: the target is gone
constexpr std::size_t kMaxTrackedBlocks = 1U << 21U; // --verify remembers at most this many written blocks

std::uint64_t xorshift(std::uint64_t &s)
{
    s ^= s << 13U;
    s ^= s >> 7U;
    s ^= s << 17U;
    return s;
}

double seconds(const timeval &tv)
{
    return double(tv.tv_sec) + double(tv.tv_usec) / 1e6;
}

struct Io
{
    std::uint64_t block = 0; // lba / block sectors
    std::uint64_t lba = 0;
    unsigned sectors = 0;
    bool write = false;
    bool failed = false;
    bool measured = true; // false for the final read-back of --verify
    std::uint64_t stamp = 0; // the write's number (--verify)
    unsigned framesLeft = 0;
    Clock::time_point started;
};

struct Slot
{
    std::uint32_t tag = 0;
    bool active = false;
    bool sent = false; // false while it waits for room in the window
    std::size_t io = 0;
    std::uint64_t lba = 0;
    unsigned sectors = 0;
    unsigned attempts = 0;
    Clock::time_point firstSent;
    Clock::time_point lastSent;
    std::vector<std::uint8_t> frame; // kept for retransmission; its allocation is reused
};

class Runner
{
public:
    Runner(const BenchTarget &target, const BenchSpec &spec, const std::atomic<bool> *stop)
        : m_target(target)
        , m_spec(spec)
        , m_stop(stop)
        , m_blockSectors(static_cast<unsigned>(spec.effectiveBlockBytes() / kSectorBytes))
        , m_framesPerIo((m_blockSectors + target.sectorsPerFrame - 1) / target.sectorsPerFrame)
        , m_blocks(target.sectors / m_blockSectors)
        , m_rng(spec.seed * 0x9e3779b97f4a7c15ULL | 1U)
    { }
    ~Runner()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    std::optional<std::string> open();
    Result<BenchResult, std::string> run();

private:
    enum class Phase : std::uint8_t { Measure, ReadBack };
    bool issue(Phase phase, Clock::time_point now);
    bool pickNext(Phase phase, Io &io);
    void queue(std::size_t slot);
    void sendWaiting(Clock::time_point now);
    std::optional<std::string> flush();
    void receive(Clock::time_point now);
    void handle(const protocol::Frame &frame, Clock::time_point now);
    void complete(std::size_t ioIndex, Clock::time_point now);
    std::optional<std::string> retransmit(Clock::time_point now);
    std::optional<std::string> pump(Phase phase, Clock::time_point until);
    void problem(std::string text)
    {
        if (m_result.firstProblem.empty())
            m_result.firstProblem = std::move(text);
    }

    const BenchTarget &m_target;
    const BenchSpec &m_spec;
    const std::atomic<bool> *m_stop;
    const unsigned m_blockSectors;
    const unsigned m_framesPerIo;
    const std::uint64_t m_blocks;
    std::uint64_t m_rng;
    int m_fd = -1;
    protocol::MacAddress m_self;
    std::size_t m_frameCapacity = 0;

    std::vector<Io> m_ios;
    std::vector<std::size_t> m_freeIos;
    std::vector<Slot> m_slots;
    std::vector<std::size_t> m_freeSlots;
    std::size_t m_activeSlots = 0;
    // Frames on the wire are limited by a window, as the Linux aoe driver limits them: never more than the
    // target says it buffers (AoE's Buffer Count), starting at half that, growing by one frame per window of
    // replies and halving when frames are lost.
    // Without it a target with a small receive queue (vblade) drops most of a burst, and the copies sent
    // again keep it overrun: the run measures its own congestion, not the target.
    std::deque<std::size_t> m_waiting; // slots issued but not sent yet
    std::size_t m_onWire = 0;
    double m_window = 16;
    double m_maxWindow = 16;
    Clock::time_point m_lastShrink;
    // The retransmission timeout, from the round trips of frames answered at their first try (Karn): the
    // Linux driver's 2 x average + 8 x deviation.
    double m_srttNs = 0;
    double m_rttvarNs = 0;
    bool m_haveRtt = false;
    nanoseconds rto() const;
    std::vector<std::size_t> m_outgoing; // slots to send
    std::uint32_t m_generation = 0;
    std::uint64_t m_cursor = 0; // the next block of a sequential pattern
    std::uint64_t m_writes = 0;
    std::vector<std::uint8_t> m_payload; // the data of a frame being encoded
    std::vector<std::vector<std::uint8_t>> m_rx;
    std::vector<mmsghdr> m_rmsgs;
    std::vector<iovec> m_riov;
    std::vector<mmsghdr> m_smsgs;
    std::vector<iovec> m_siov;

    std::unordered_map<std::uint64_t, std::uint64_t> m_written; // block -> stamp of its last write (--verify)
    std::unordered_set<std::uint64_t> m_busy; // blocks with an I/O in flight (--verify: no overlapping I/O)
    std::vector<std::uint64_t> m_readBack; // --verify: the blocks still to read back
    BenchResult m_result;
    Clock::time_point m_start;
    Clock::time_point m_lastMeasured;
    Clock::time_point m_nextScan;
};

std::optional<std::string> Runner::open()
{
    const auto info = net::findInterface(m_target.interface);
    if (!info)
        return info.error();
    m_self = info->mac;
    m_frameCapacity = std::size_t(std::max(info->mtu, 1500)) + 64;
    m_fd = ::socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(protocol::kEtherType));
    if (m_fd < 0)
        return std::string("cannot open a raw socket: ") + std::strerror(errno)
            + (errno == EPERM ? " (run as root, or give aoesan-ctl CAP_NET_RAW)" : "");
    // Big socket buffers so a burst of replies is not dropped while the loop is busy; the forced variant
    // needs CAP_NET_ADMIN, the plain one is capped by net.core.rmem_max: try both.
    int bytes = 8 << 20;
    if (::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUFFORCE, &bytes, sizeof bytes) != 0)
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes);
    if (::setsockopt(m_fd, SOL_SOCKET, SO_SNDBUFFORCE, &bytes, sizeof bytes) != 0)
        ::setsockopt(m_fd, SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes);
    // Our own requests would otherwise come back to us as copies: half the receive work for nothing.
    int one = 1;
    ::setsockopt(m_fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof one);
    sockaddr_ll addr {};
    addr.sll_family = AF_PACKET;
    addr.sll_protocol = htons(protocol::kEtherType);
    addr.sll_ifindex = info->index;
    if (::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
        return std::string("cannot bind to ") + m_target.interface + ": " + std::strerror(errno);

    const std::size_t depth = m_spec.depth;
    m_ios.resize(depth);
    for (std::size_t i = depth; i-- > 0;)
        m_freeIos.push_back(i);
    m_slots.resize(depth * m_framesPerIo);
    for (std::size_t i = m_slots.size(); i-- > 0;) {
        m_freeSlots.push_back(i);
        m_slots[i].frame.reserve(m_frameCapacity);
    }
    const unsigned allowed = m_spec.window ? m_spec.window : (m_target.bufferCount ? m_target.bufferCount : 16U);
    m_maxWindow = std::clamp(double(allowed), 1.0, double(m_slots.size()));
    m_window = std::max(1.0, std::floor(m_maxWindow / 2));
    m_payload.resize(std::size_t(m_target.sectorsPerFrame) * kSectorBytes);
    // Without --verify a write carries the same bytes every time: not zeros, which a thin backend might skip.
    for (std::size_t i = 0; i < m_payload.size(); ++i)
        m_payload[i] = static_cast<std::uint8_t>(i * 31U + 7U);
    m_rx.assign(kBatch, std::vector<std::uint8_t>(m_frameCapacity));
    m_rmsgs.resize(kBatch);
    m_riov.resize(kBatch);
    return std::nullopt;
}

bool Runner::pickNext(Phase phase, Io &io)
{
    io = {};
    if (phase == Phase::ReadBack) {
        if (m_readBack.empty())
            return false;
        io.block = m_readBack.back();
        m_readBack.pop_back();
        io.measured = false;
    } else {
        const Pattern p = m_spec.pattern;
        io.write = p == Pattern::Write || p == Pattern::RandWrite
            || (p == Pattern::Mixed && xorshift(m_rng) % 100 >= m_spec.readPercent);
        // With --verify two I/Os never overlap, or a read could meet a write still in flight. A few tries for
        // a free block; a sequential pattern simply moves on.
        for (int attempt = 0;; ++attempt) {
            if (isRandom(p))
                io.block = xorshift(m_rng) % m_blocks;
            else
                io.block = m_cursor++ % m_blocks;
            if (!m_spec.verify || !m_busy.contains(io.block))
                break;
            if (attempt == 8)
                return false;
        }
    }
    io.lba = io.block * m_blockSectors;
    io.sectors = m_blockSectors;
    return true;
}

bool Runner::issue(Phase phase, Clock::time_point now)
{
    if (m_freeIos.empty() || m_freeSlots.size() < m_framesPerIo)
        return false;
    Io next;
    if (!pickNext(phase, next))
        return false;
    const std::size_t ioIndex = m_freeIos.back();
    m_freeIos.pop_back();
    Io &io = m_ios[ioIndex];
    io = next;
    io.started = now;
    if (io.write)
        io.stamp = ++m_writes;
    if (m_spec.verify)
        m_busy.insert(io.block);

    for (unsigned done = 0; done < io.sectors; done += m_target.sectorsPerFrame) {
        const unsigned count = std::min(m_target.sectorsPerFrame, io.sectors - done);
        const std::size_t s = m_freeSlots.back();
        m_freeSlots.pop_back();
        ++m_activeSlots;
        Slot &slot = m_slots[s];
        m_generation = (m_generation + 1) & 0x7FFFU;
        slot.tag = 0x80000000U | (m_generation << 16U) | std::uint32_t(s);
        slot.active = true;
        slot.io = ioIndex;
        slot.lba = io.lba + done;
        slot.sectors = count;
        slot.attempts = 1;
        slot.sent = false;

        protocol::Header h;
        h.destination = m_target.mac;
        h.source = m_self;
        h.major = m_target.shelf;
        h.minor = m_target.slot;
        h.command = static_cast<std::uint8_t>(protocol::Command::Ata);
        h.tag = slot.tag;
        const std::span<std::uint8_t> data(m_payload.data(), std::size_t(count) * kSectorBytes);
        if (io.write && m_spec.verify)
            fillPattern(data, slot.lba, io.stamp);
        const protocol::AtaArg ata {
            static_cast<std::uint8_t>(protocol::aflags::Extended | (io.write ? protocol::aflags::Write : 0)), 0,
            static_cast<std::uint8_t>(count), io.write ? protocol::ata::WriteSectorsExt : protocol::ata::ReadSectorsExt,
            slot.lba, io.write ? std::span<const std::uint8_t>(data) : std::span<const std::uint8_t>()};
        (void)protocol::encodeFrameInto({h, ata}, slot.frame);
        ++io.framesLeft;
        m_waiting.push_back(s);
    }
    return true;
}

void Runner::sendWaiting(Clock::time_point now)
{
    while (!m_waiting.empty() && double(m_onWire) < m_window) {
        const std::size_t s = m_waiting.front();
        m_waiting.pop_front();
        Slot &slot = m_slots[s];
        slot.sent = true;
        slot.firstSent = slot.lastSent = now;
        ++m_onWire;
        queue(s);
    }
}

void Runner::queue(std::size_t slot)
{
    m_outgoing.push_back(slot);
}

std::optional<std::string> Runner::flush()
{
    std::size_t at = 0;
    while (at < m_outgoing.size()) {
        const std::size_t n = std::min<std::size_t>(m_outgoing.size() - at, 1024);
        m_smsgs.assign(n, mmsghdr {});
        m_siov.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            auto &frame = m_slots[m_outgoing[at + i]].frame;
            m_siov[i] = {frame.data(), frame.size()};
            m_smsgs[i].msg_hdr.msg_iov = &m_siov[i];
            m_smsgs[i].msg_hdr.msg_iovlen = 1;
        }
        const int sent = ::sendmmsg(m_fd, m_smsgs.data(), unsigned(n), 0);
        if (sent > 0) {
            at += std::size_t(sent);
            m_result.framesSent += std::uint64_t(sent);
            continue;
        }
        if (errno == EAGAIN || errno == ENOBUFS || errno == EINTR) {
            // The queue is full: let the replies drain it. What is not sent goes out as a retransmission.
            pollfd p {m_fd, POLLOUT, 0};
            ::poll(&p, 1, 1);
            break;
        }
        return std::string("cannot send on ") + m_target.interface + ": " + std::strerror(errno);
    }
    m_outgoing.clear();
    return std::nullopt;
}

void Runner::receive(Clock::time_point now)
{
    for (;;) {
        for (std::size_t i = 0; i < kBatch; ++i) {
            m_riov[i] = {m_rx[i].data(), m_rx[i].size()};
            m_rmsgs[i] = {};
            m_rmsgs[i].msg_hdr.msg_iov = &m_riov[i];
            m_rmsgs[i].msg_hdr.msg_iovlen = 1;
        }
        const int got = ::recvmmsg(m_fd, m_rmsgs.data(), unsigned(kBatch), MSG_DONTWAIT, nullptr);
        if (got <= 0)
            return;
        for (int r = 0; r < got; ++r) {
            const auto frame
                = protocol::decodeFrame(std::span(m_rx[std::size_t(r)].data(), m_rmsgs[std::size_t(r)].msg_len));
            if (frame)
                handle(*frame, now);
        }
        if (std::size_t(got) < kBatch)
            return;
    }
}

void Runner::handle(const protocol::Frame &frame, Clock::time_point now)
{
    const auto &h = frame.header;
    if (!h.response || h.source != m_target.mac || h.major != m_target.shelf || h.minor != m_target.slot)
        return;
    const std::size_t s = h.tag & 0xFFFFU;
    if ((h.tag & 0x80000000U) == 0 || s >= m_slots.size() || !m_slots[s].active || m_slots[s].tag != h.tag)
        return; // a late duplicate of a frame already answered
    Slot &slot = m_slots[s];
    Io &io = m_ios[slot.io];
    ++m_result.framesReceived;
    const auto *ata = frame.as<protocol::AtaArg>();
    const std::size_t want = std::size_t(slot.sectors) * kSectorBytes;
    if (h.error || !ata || (ata->cmdStatus & protocol::ata::StatusError)) {
        if (!io.failed)
            ++m_result.errors;
        io.failed = true;
        problem(h.error ? "AoE error " + std::to_string(h.errorCode) + " at LBA " + std::to_string(slot.lba)
                        : "ATA error at LBA " + std::to_string(slot.lba) + " (status 0x" +
                    [&] {
                        char hex[8];
                        std::snprintf(hex, sizeof hex, "%02x", ata ? ata->cmdStatus : 0);
                        return std::string(hex);
                    }()
                    + ")");
    } else if (!io.write && ata->data.size() < want) {
        if (!io.failed)
            ++m_result.errors;
        io.failed = true;
        problem("short read reply at LBA " + std::to_string(slot.lba));
    } else if (!io.write && m_spec.verify) {
        const auto it = m_written.find(io.block);
        if (it != m_written.end()) {
            const auto bad = firstMismatch(ata->data.first(want), slot.lba, it->second);
            m_result.verifiedSectors += slot.sectors;
            if (bad >= 0) {
                ++m_result.mismatches;
                problem("LBA " + std::to_string(slot.lba + std::uint64_t(bad))
                    + " read back other data than this run wrote there (write #" + std::to_string(it->second) + ")");
            }
        }
    }
    if (slot.attempts == 1) {
        const double rtt = double(std::chrono::duration_cast<nanoseconds>(now - slot.firstSent).count());
        if (!m_haveRtt) {
            m_srttNs = rtt;
            m_rttvarNs = rtt / 2;
            m_haveRtt = true;
        } else {
            m_rttvarNs += (std::abs(rtt - m_srttNs) - m_rttvarNs) / 4;
            m_srttNs += (rtt - m_srttNs) / 8;
        }
    }
    slot.active = false;
    slot.sent = false;
    --m_activeSlots;
    --m_onWire;
    m_window = std::min(m_maxWindow, m_window + 1.0 / m_window);
    m_freeSlots.push_back(s);
    if (--io.framesLeft == 0)
        complete(slot.io, now);
}

void Runner::complete(std::size_t ioIndex, Clock::time_point now)
{
    Io &io = m_ios[ioIndex];
    if (m_spec.verify) {
        m_busy.erase(io.block);
        if (io.write) {
            // A failed write leaves the block unknown: it is no longer checked.
            if (io.failed)
                m_written.erase(io.block);
            else if (m_written.size() < kMaxTrackedBlocks || m_written.contains(io.block))
                m_written[io.block] = io.stamp;
        }
    }
    if (io.measured && !io.failed) {
        const auto ns = std::uint64_t(std::chrono::duration_cast<nanoseconds>(now - io.started).count());
        DirectionResult &d = io.write ? m_result.write : m_result.read;
        ++d.ios;
        d.bytes += std::uint64_t(io.sectors) * kSectorBytes;
        d.latency.record(ns);
        m_result.latency.record(ns);
    }
    if (io.measured)
        m_lastMeasured = now;
    m_freeIos.push_back(ioIndex);
}

nanoseconds Runner::rto() const
{
    if (!m_haveRtt)
        return std::chrono::milliseconds(100); // nothing measured yet: the config query's answer came in far less
    const auto ns = static_cast<std::int64_t>(2 * m_srttNs + 8 * m_rttvarNs);
    return nanoseconds(std::clamp<std::int64_t>(ns, 2'000'000, 1'000'000'000));
}

std::optional<std::string> Runner::retransmit(Clock::time_point now)
{
    if (now < m_nextScan)
        return std::nullopt;
    m_nextScan = now + std::chrono::milliseconds(5);
    const nanoseconds base = rto();
    bool lost = false;
    for (std::size_t s = 0; s < m_slots.size(); ++s) {
        Slot &slot = m_slots[s];
        if (!slot.active || !slot.sent)
            continue;
        if (now - slot.firstSent > kGiveUp)
            return "no reply from e" + std::to_string(m_target.shelf) + "." + std::to_string(m_target.slot) + " on "
                + m_target.interface + " for " + std::to_string(kGiveUp.count()) + " s (LBA " + std::to_string(slot.lba)
                + "): the target stopped answering";
        // Backing off with each try, but never past a second, so a frame gets many tries before kGiveUp.
        const auto wait
            = std::min<nanoseconds>(base * (1U << std::min(slot.attempts - 1, 8U)), std::chrono::seconds(1));
        if (now - slot.lastSent >= wait) {
            slot.lastSent = now;
            ++slot.attempts;
            ++m_result.retransmits;
            queue(s);
            lost = true;
        }
    }
    // One halving per loss event, not per lost frame: the frames of one burst time out together.
    if (lost && now - m_lastShrink >= base) {
        m_window = std::max(1.0, m_window / 2);
        m_lastShrink = now;
    }
    return flush();
}

std::optional<std::string> Runner::pump(Phase phase, Clock::time_point until)
{
    bool issuing = true;
    for (;;) {
        auto now = Clock::now();
        if (phase == Phase::Measure && (now >= until || (m_stop && m_stop->load())))
            issuing = false;
        if (issuing) {
            bool any = false;
            while (issue(phase, now))
                any = true;
            sendWaiting(now);
            if (!any && m_activeSlots == 0 && (phase == Phase::ReadBack ? m_readBack.empty() : false))
                issuing = false;
        }
        if (!m_outgoing.empty())
            if (auto failed = flush())
                return failed;
        if (!issuing && m_activeSlots == 0)
            return std::nullopt;
        pollfd p {m_fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, 5);
        now = Clock::now();
        if (ready > 0) {
            receive(now);
            sendWaiting(now);
        }
        if (auto failed = retransmit(now))
            return failed;
    }
}

Result<BenchResult, std::string> Runner::run()
{
    rusage before {};
    ::getrusage(RUSAGE_SELF, &before);
    m_start = m_lastMeasured = Clock::now();
    m_nextScan = m_start;
    const auto until
        = m_start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(m_spec.seconds));
    if (auto failed = pump(Phase::Measure, until))
        return Unexpected(*failed);
    m_result.seconds = std::chrono::duration<double>(m_lastMeasured - m_start).count();
    rusage after {};
    ::getrusage(RUSAGE_SELF, &after);
    m_result.cpuUserSeconds = seconds(after.ru_utime) - seconds(before.ru_utime);
    m_result.cpuSystemSeconds = seconds(after.ru_stime) - seconds(before.ru_stime);
    if (m_spec.verify) {
        // Every block this run wrote is read back once more, after all writes are done.
        m_readBack.reserve(m_written.size());
        for (const auto &entry : m_written)
            m_readBack.push_back(entry.first);
        if (auto failed = pump(Phase::ReadBack, Clock::time_point::max()))
            return Unexpected(*failed);
    }
    return m_result;
}

} // namespace

std::optional<std::string> specProblem(const BenchSpec &spec, const BenchTarget &target)
{
    const std::uint32_t bytes = spec.effectiveBlockBytes();
    if (bytes == 0 || bytes % kSectorBytes != 0)
        return "the block size must be a whole number of 512-byte sectors";
    if (bytes > kMaxBlockBytes)
        return "the block size can be at most 16 MiB";
    if (spec.depth == 0 || spec.depth > kMaxDepth)
        return "the depth must be 1 to " + std::to_string(kMaxDepth);
    if (target.sectorsPerFrame == 0)
        return "the interface's MTU leaves no room for a sector";
    const std::uint64_t frames
        = std::uint64_t(spec.depth) * ((bytes / kSectorBytes + target.sectorsPerFrame - 1) / target.sectorsPerFrame);
    if (frames > kMaxSlots)
        return "depth × frames per block is " + std::to_string(frames) + ", more than 65,535 frames in flight";
    if (target.sectors < bytes / kSectorBytes)
        return "the target (" + std::to_string(target.sectors) + " sectors) is smaller than one block";
    if (spec.readPercent > 100)
        return "the read share of --mixed is a percentage, 0 to 100";
    if (spec.verify && !writes(spec.pattern))
        return "--verify checks what the run writes: use it with --write, --randwrite or --mixed";
    return std::nullopt;
}

Result<BenchResult, std::string> runBench(
    const BenchTarget &target, const BenchSpec &spec, const std::atomic<bool> *stop)
{
    if (auto wrong = specProblem(spec, target))
        return Unexpected(*wrong);
    Runner runner(target, spec, stop);
    if (auto failed = runner.open())
        return Unexpected(*failed);
    return runner.run();
}

} // namespace aoesan::bench
