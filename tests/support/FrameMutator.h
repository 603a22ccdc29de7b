// SPDX-License-Identifier: GPL-3.0-or-later
// Seeded mutation of Ethernet frames for the mutation tests of the target and of discovery: bit flips,
// truncation anywhere, growth with zeros or noise up to a jumbo frame, bytes and 16/32-bit fields set to
// edge values. Half the changes land in the first 36 bytes (header and argument), where the rules are.
// Deterministic for a seed, so a failure names a frame that can be replayed.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QString>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "net/PcapFile.h"

namespace aoesan::test {

class FrameMutator
{
public:
    using Bytes = std::vector<std::uint8_t>;

    explicit FrameMutator(std::uint32_t seed)
        : m_random(seed)
    { }

    // A number in [0, n); 0 when n is 0.
    std::size_t below(std::size_t n)
    {
        return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(m_random);
    }

    // One to four changes.
    Bytes mutate(Bytes frame)
    {
        const std::size_t rounds = 1 + below(4);
        for (std::size_t r = 0; r < rounds; ++r)
            mutateOnce(frame);
        return frame;
    }

private:
    std::size_t offset(const Bytes &frame)
    {
        return below(below(2) == 0 ? std::min<std::size_t>(36, frame.size()) : frame.size());
    }

    void mutateOnce(Bytes &frame)
    {
        static constexpr std::uint8_t kEdges[] = {0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff};
        switch (below(frame.empty() ? 1 : 6)) {
        case 0: // grow: zeros (padding) or noise, up to a jumbo frame
            frame.resize(std::min<std::size_t>(frame.size() + 1 + below(below(2) == 0 ? 64 : 9000), 9014),
                below(2) == 0 ? 0 : std::uint8_t(below(256)));
            break;
        case 1: // truncate anywhere, the header included
            frame.resize(below(frame.size() + 1));
            break;
        case 2:
            frame[offset(frame)] ^= std::uint8_t(1U << below(8));
            break;
        case 3:
            frame[offset(frame)] = kEdges[below(std::size(kEdges))];
            break;
        case 4:
            frame[offset(frame)] = std::uint8_t(below(256));
            break;
        default: { // a 16- or 32-bit field at an edge (counts, lengths, LBAs, tags)
            const std::size_t at = offset(frame);
            const std::size_t width = below(2) == 0 ? 2 : 4;
            const std::uint8_t fill = below(2) == 0 ? 0xff : 0x00;
            for (std::size_t i = at; i < std::min(at + width, frame.size()); ++i)
                frame[i] = fill;
            break;
        }
        }
    }

    std::mt19937 m_random;
};

inline FrameMutator::Bytes toBytes(const QByteArray &frame)
{
    return FrameMutator::Bytes(frame.begin(), frame.end());
}

// Appends every frame of the .pcap files in `dir` (the golden captures of vblade, aoetools and the Linux
// initiator in tests/data) to `seeds`; false, with the reason in `error`, when one cannot be read.
inline bool appendCapturedFrames(const QString &dir, std::vector<FrameMutator::Bytes> &seeds, std::string &error)
{
    const QDir data(dir);
    for (const QString &name : data.entryList({QStringLiteral("*.pcap")})) {
        const auto captured = net::readPcapFile(data.filePath(name).toStdString());
        if (!captured) {
            error = captured.error();
            return false;
        }
        for (const auto &f : captured.value())
            seeds.push_back(toBytes(f.bytes));
    }
    return true;
}

} // namespace aoesan::test
