// SPDX-License-Identifier: GPL-3.0-or-later
// aoe-null-target: an AoE target with no disk behind it, the ceiling of link + initiator in the bench
// table: it answers config queries, IDENTIFY, READ EXT with zeros and WRITE EXT and FLUSH at once, from one
// thread, receiving and sending in batches. No data is kept. Only for benchmarks in a namespace lab.
//
//   aoe-null-target SHELF SLOT IFACE SECTORS [-b BUFCNT]
#include <cstdio>
#include <cstring>
#include <poll.h>
#include <string>
#include <vector>

#include "net/PacketSocket.h"
#include "protocol/Frame.h"
#include "protocol/Identify.h"

using namespace aoesan;

int main(int argc, char **argv)
{
    if (argc != 5 && argc != 7) {
        std::fprintf(stderr, "usage: aoe-null-target SHELF SLOT IFACE SECTORS [-b BUFCNT]\n");
        return 2;
    }
    const auto shelf = static_cast<std::uint16_t>(std::stoul(argv[1]));
    const auto slot = static_cast<std::uint8_t>(std::stoul(argv[2]));
    const std::string iface = argv[3];
    const std::uint64_t sectors = std::stoull(argv[4]);
    const auto bufcnt = static_cast<std::uint16_t>(argc == 7 ? std::stoul(argv[6]) : 16);
    auto opened = net::PacketSocket::open(iface, shelf, slot, 8U << 20U);
    if (!opened) {
        std::fprintf(stderr, "aoe-null-target: %s\n", opened.error().message.c_str());
        return 1;
    }
    auto socket = std::move(opened).value();
    const auto &info = socket->interfaceInfo();
    const std::uint8_t maxSectors = protocol::sectorsPerFrame(static_cast<std::size_t>(info.mtu));
    protocol::IdentifyInfo identity;
    identity.model = "aoesan null target";
    identity.serial = "null";
    identity.firmware = "1";
    identity.lba28Sectors = static_cast<std::uint32_t>(std::min<std::uint64_t>(sectors, 0x0FFFFFFF));
    identity.lba48Sectors = sectors;
    identity.lba48 = identity.flush = identity.flushExt = true;
    const auto identifyBlock = protocol::buildIdentify(identity);
    const std::vector<std::uint8_t> zeros(std::size_t {maxSectors} * 512U, 0);

    constexpr std::size_t kBatch = 64;
    const std::size_t capacity = std::size_t(info.mtu) + 64;
    std::vector<std::vector<std::uint8_t>> rx(kBatch, std::vector<std::uint8_t>(capacity));
    std::vector<std::vector<std::uint8_t>> tx(kBatch);
    std::vector<net::PacketBuffer> in(kBatch), out(kBatch);
    for (std::size_t i = 0; i < kBatch; ++i) {
        in[i] = {rx[i].data(), rx[i].size(), 0};
        tx[i].reserve(capacity);
    }
    for (;;) {
        pollfd p {socket->fd(), POLLIN, 0};
        if (::poll(&p, 1, -1) < 0)
            return 1;
        const int got = socket->receive(in);
        std::size_t replies = 0;
        for (int r = 0; r < got; ++r) {
            const auto frame = protocol::decodeFrame(std::span(in[std::size_t(r)].data, in[std::size_t(r)].length));
            if (!frame || frame->header.response)
                continue;
            protocol::Header h = frame->header;
            h.destination = frame->header.source;
            h.source = info.mac;
            h.response = true;
            h.major = shelf;
            h.minor = slot;
            std::vector<std::uint8_t> &reply = tx[replies];
            if (const auto *ata = frame->as<protocol::AtaArg>()) {
                protocol::AtaArg answer = *ata;
                answer.cmdStatus = protocol::ata::StatusReady;
                answer.data = {};
                if (ata->cmdStatus == protocol::ata::ReadSectorsExt || ata->cmdStatus == protocol::ata::ReadSectors)
                    answer.data = std::span(zeros.data(), std::min<std::size_t>(zeros.size(), ata->sectorCount * 512U));
                else if (ata->cmdStatus == protocol::ata::IdentifyDevice)
                    answer.data = std::span(identifyBlock.data(), identifyBlock.size());
                if (!protocol::encodeFrameInto({h, answer}, reply))
                    continue;
            } else if (frame->as<protocol::ConfigArg>()) {
                protocol::ConfigArg config;
                config.bufferCount = bufcnt;
                config.firmwareVersion = 0x4019;
                config.sectorCount = maxSectors;
                if (!protocol::encodeFrameInto({h, config}, reply))
                    continue;
            } else {
                continue;
            }
            out[replies] = {reply.data(), reply.size(), reply.size()};
            ++replies;
        }
        if (replies)
            socket->send(std::span(out.data(), replies));
    }
}
