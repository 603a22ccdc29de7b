// SPDX-License-Identifier: GPL-3.0-or-later
// aoe-read-bench: a minimal pipelined AoE initiator for benchmarks. It keeps DEPTH READ (or WRITE)
// EXT requests in flight against one target over a raw packet socket and reports MiB/s and IOPS;
// with --md5 it also prints the md5 of everything read, so a run proves the data, not just the speed.
// It is a measuring tool, not aoesan's initiator: one target, one interface, no discovery.
//
//   aoe-read-bench IFACE SHELF SLOT SECTORS [--depth N] [--sectors-per-frame N] [--write]
//                  [--seconds S] [--md5] [--block-sectors N]
#include <QCryptographicHash>

#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <poll.h>
#include <string>
#include <unistd.h>
#include <unordered_map>
#include <vector>

#include <linux/if_packet.h>
#include <net/if.h>
#include <sys/socket.h>

#include "net/NetworkInterfaces.h"
#include "protocol/Frame.h"

using namespace aoesan;
using Clock = std::chrono::steady_clock;

namespace {

struct Options
{
    std::string iface;
    std::uint16_t shelf = 0;
    std::uint8_t slot = 0;
    std::uint64_t sectors = 0;
    unsigned depth = 16;
    unsigned perFrame = 0; // 0: from the MTU
    bool write = false;
    bool md5 = false;
    double seconds = 0; // 0: one pass over the whole target
    unsigned blockSectors = 0; // >0: random-ish small requests of this size (IOPS mode)
};

struct Pending
{
    std::uint64_t lba;
    unsigned count;
    Clock::time_point sent;
};

int usage()
{
    std::fprintf(stderr,
        "usage: aoe-read-bench IFACE SHELF SLOT SECTORS [--depth N] [--sectors-per-frame N] "
        "[--write] [--seconds S] [--md5] [--block-sectors N]\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 5)
        return usage();
    Options o;
    o.iface = argv[1];
    o.shelf = static_cast<std::uint16_t>(std::stoul(argv[2]));
    o.slot = static_cast<std::uint8_t>(std::stoul(argv[3]));
    o.sectors = std::stoull(argv[4]);
    for (int i = 5; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string("0"); };
        if (a == "--depth")
            o.depth = static_cast<unsigned>(std::stoul(next()));
        else if (a == "--sectors-per-frame")
            o.perFrame = static_cast<unsigned>(std::stoul(next()));
        else if (a == "--write")
            o.write = true;
        else if (a == "--md5")
            o.md5 = true;
        else if (a == "--seconds")
            o.seconds = std::stod(next());
        else if (a == "--block-sectors")
            o.blockSectors = static_cast<unsigned>(std::stoul(next()));
        else
            return usage();
    }
    const auto info = net::findInterface(o.iface);
    if (!info) {
        std::fprintf(stderr, "%s\n", info.error().c_str());
        return 1;
    }
    if (o.perFrame == 0)
        o.perFrame = protocol::sectorsPerFrame(static_cast<std::size_t>(info->mtu));
    const unsigned perRequest = o.blockSectors ? o.blockSectors : o.perFrame;

    const int fd = ::socket(AF_PACKET, SOCK_RAW, htons(protocol::kEtherType));
    if (fd < 0) {
        std::perror("socket");
        return 1;
    }
    int bytes = 8 << 20;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &bytes, sizeof bytes);
    sockaddr_ll addr {};
    addr.sll_family = AF_PACKET;
    addr.sll_protocol = htons(protocol::kEtherType);
    addr.sll_ifindex = info->index;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        std::perror("bind");
        return 1;
    }

    // Learn the target's MAC from a config query.
    protocol::Header h;
    h.destination = protocol::MacAddress::broadcast();
    h.source = info->mac;
    h.major = o.shelf;
    h.minor = o.slot;
    h.command = static_cast<std::uint8_t>(protocol::Command::QueryConfig);
    h.tag = 0x80000000U;
    const auto query = protocol::encodeFrame({h, protocol::ConfigArg {}}).value();
    std::vector<std::uint8_t> buffer(70000);
    protocol::MacAddress target;
    for (int attempt = 0; attempt < 30 && target.isZero(); ++attempt) {
        ::send(fd, query.data(), query.size(), 0);
        pollfd p {fd, POLLIN, 0};
        while (::poll(&p, 1, 100) > 0) {
            const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), 0);
            const auto f = protocol::decodeFrame(
                std::span(buffer.data(), static_cast<std::size_t>(std::max<ssize_t>(n, 0))), {false});
            if (f && f->header.response && f->header.major == o.shelf && f->header.minor == o.slot) {
                target = f->header.source;
                break;
            }
        }
    }
    if (target.isZero()) {
        std::fprintf(stderr, "no answer from e%u.%u on %s\n", unsigned(o.shelf), unsigned(o.slot), o.iface.c_str());
        return 1;
    }

    // An I/O is `perRequest` sectors, sent as frames of at most perFrame sectors (4 KiB at MTU 1500 is
    // four 2-sector frames); DEPTH I/Os are in flight. Requests go out and replies come in in batches.
    struct Io
    {
        std::uint64_t lba = 0;
        unsigned remaining = 0;
    };
    struct FrameState
    {
        std::uint64_t lba;
        unsigned count;
        std::size_t io;
        Clock::time_point sent;
    };
    std::vector<std::uint8_t> payload(std::size_t {o.perFrame} * 512, 0x5a);
    std::vector<std::uint8_t> image(o.md5 && !o.write ? o.sectors * 512 : 0);
    std::vector<Io> ios(o.depth);
    std::vector<std::size_t> freeIos;
    for (std::size_t i = 0; i < o.depth; ++i)
        freeIos.push_back(i);
    std::unordered_map<std::uint32_t, FrameState> inFlight;
    std::uint64_t nextLba = 0, doneBytes = 0, completedIos = 0, retransmits = 0;
    std::uint32_t nextTag = 1;
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration<double>(o.seconds);
    std::uint64_t seed = 88172645463325252ULL;
    std::vector<std::vector<std::uint8_t>> outgoing;

    auto queueFrame = [&](std::uint64_t lba, unsigned count, std::uint32_t tag) {
        protocol::Header rh = h;
        rh.destination = target;
        rh.command = 0;
        rh.tag = tag;
        protocol::AtaArg a {
            static_cast<std::uint8_t>(protocol::aflags::Extended | (o.write ? protocol::aflags::Write : 0)), 0,
            static_cast<std::uint8_t>(count), o.write ? protocol::ata::WriteSectorsExt : protocol::ata::ReadSectorsExt,
            lba,
            o.write ? std::span<const std::uint8_t>(payload.data(), count * 512U) : std::span<const std::uint8_t>()};
        outgoing.push_back(protocol::encodeFrame({rh, a}).value());
    };
    auto flush = [&] {
        std::vector<mmsghdr> msgs(outgoing.size());
        std::vector<iovec> iov(outgoing.size());
        for (std::size_t i = 0; i < outgoing.size(); ++i) {
            iov[i] = {outgoing[i].data(), outgoing[i].size()};
            msgs[i] = {};
            msgs[i].msg_hdr.msg_iov = &iov[i];
            msgs[i].msg_hdr.msg_iovlen = 1;
        }
        std::size_t sent = 0;
        while (sent < msgs.size()) {
            const int n = ::sendmmsg(fd, msgs.data() + sent, static_cast<unsigned>(msgs.size() - sent), 0);
            if (n <= 0) {
                pollfd p {fd, POLLOUT, 0};
                ::poll(&p, 1, 5);
                continue;
            }
            sent += static_cast<std::size_t>(n);
        }
        outgoing.clear();
    };
    auto issue = [&]() -> bool {
        std::uint64_t lba = 0;
        unsigned count = perRequest;
        if (o.seconds > 0) {
            if (Clock::now() >= deadline)
                return false;
            if (o.blockSectors) {
                seed ^= seed << 13U;
                seed ^= seed >> 7U;
                seed ^= seed << 17U;
                lba = (seed % (o.sectors / count)) * count;
            } else {
                lba = nextLba;
                nextLba = (nextLba + count) % (o.sectors - o.sectors % count);
            }
        } else {
            if (nextLba >= o.sectors)
                return false;
            lba = nextLba;
            count = static_cast<unsigned>(std::min<std::uint64_t>(count, o.sectors - lba));
            nextLba += count;
        }
        const std::size_t io = freeIos.back();
        freeIos.pop_back();
        ios[io] = {lba, 0};
        for (unsigned done = 0; done < count; done += o.perFrame) {
            const unsigned n = std::min(o.perFrame, count - done);
            const std::uint32_t tag = 0x80000000U | (nextTag++ & 0x7FFFFFFFU);
            inFlight[tag] = {lba + done, n, io, Clock::now()};
            queueFrame(lba + done, n, tag);
            ++ios[io].remaining;
        }
        return true;
    };

    constexpr std::size_t kBatch = 64;
    std::vector<std::vector<std::uint8_t>> rx(kBatch, std::vector<std::uint8_t>(std::size_t(info->mtu) + 64));
    std::vector<mmsghdr> rmsgs(kBatch);
    std::vector<iovec> riov(kBatch);
    bool more = true;
    while (more && !freeIos.empty())
        more = issue();
    flush();
    while (!inFlight.empty()) {
        pollfd p {fd, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) {
            // Retransmit whatever waited too long (a dropped frame on a loaded veth).
            const auto now = Clock::now();
            for (auto &[tag, pending] : inFlight) {
                if (now - pending.sent > std::chrono::milliseconds(200)) {
                    pending.sent = now;
                    queueFrame(pending.lba, pending.count, tag);
                    ++retransmits;
                }
            }
            flush();
            continue;
        }
        for (std::size_t i = 0; i < kBatch; ++i) {
            riov[i] = {rx[i].data(), rx[i].size()};
            rmsgs[i] = {};
            rmsgs[i].msg_hdr.msg_iov = &riov[i];
            rmsgs[i].msg_hdr.msg_iovlen = 1;
        }
        const int got = ::recvmmsg(fd, rmsgs.data(), kBatch, MSG_DONTWAIT, nullptr);
        for (int r = 0; r < got; ++r) {
            const auto f = protocol::decodeFrame(std::span(rx[std::size_t(r)].data(), rmsgs[std::size_t(r)].msg_len));
            if (!f || !f->header.response || f->header.source != target)
                continue;
            const auto it = inFlight.find(f->header.tag);
            if (it == inFlight.end())
                continue;
            const auto *a = f->as<protocol::AtaArg>();
            if (f->header.error || !a || (a->cmdStatus & protocol::ata::StatusError)) {
                std::fprintf(stderr, "error reply for lba %llu\n", static_cast<unsigned long long>(it->second.lba));
                return 1;
            }
            const std::size_t want = std::size_t {it->second.count} * 512;
            if (!o.write && a->data.size() < want) {
                std::fprintf(stderr, "short read reply\n");
                return 1;
            }
            if (!image.empty())
                std::memcpy(image.data() + it->second.lba * 512, a->data.data(), want);
            doneBytes += want;
            const std::size_t io = it->second.io;
            inFlight.erase(it);
            if (--ios[io].remaining == 0) {
                ++completedIos;
                freeIos.push_back(io);
                while (more && !freeIos.empty())
                    more = issue();
            }
        }
        flush();
    }
    const std::uint64_t requests = completedIos;
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("bytes=%llu seconds=%.3f mib_per_s=%.1f iops=%.0f requests=%llu retransmits=%llu",
        static_cast<unsigned long long>(doneBytes), elapsed, double(doneBytes) / 1048576.0 / elapsed,
        double(requests) / elapsed, static_cast<unsigned long long>(requests),
        static_cast<unsigned long long>(retransmits));
    if (!image.empty())
        std::printf(" md5=%s",
            QCryptographicHash::hash(QByteArrayView(image.data(), qsizetype(image.size())), QCryptographicHash::Md5)
                .toHex()
                .constData());
    std::printf("\n");
    ::close(fd);
    return 0;
}
