// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/VerifyPattern.h"

#include <cstring>

namespace aoesan::bench {

namespace {

constexpr std::uint64_t kMagic = 0x6165736e62656e63ULL; // "aesnbenc": not a pattern a disk holds by chance

// splitmix64: a good spread from consecutive seeds, cheap enough for the bench's hot path.
std::uint64_t mix(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31U);
}

void sector(std::uint8_t *out, std::uint64_t lba, std::uint64_t stamp)
{
    const std::uint64_t head[3] = {kMagic, lba, stamp};
    std::memcpy(out, head, sizeof head);
    std::uint64_t state = lba * 0x2545f4914f6cdd1dULL ^ stamp;
    for (std::size_t at = sizeof head; at < kSectorBytes; at += 8) {
        const std::uint64_t word = mix(state);
        std::memcpy(out + at, &word, 8);
    }
}

} // namespace

void fillPattern(std::span<std::uint8_t> out, std::uint64_t lba, std::uint64_t stamp)
{
    for (std::size_t at = 0; at + kSectorBytes <= out.size(); at += kSectorBytes)
        sector(out.data() + at, lba++, stamp);
}

long long firstMismatch(std::span<const std::uint8_t> data, std::uint64_t lba, std::uint64_t stamp)
{
    std::uint8_t want[kSectorBytes];
    for (std::size_t at = 0, n = 0; at + kSectorBytes <= data.size(); at += kSectorBytes, ++n) {
        sector(want, lba + n, stamp);
        if (std::memcmp(want, data.data() + at, kSectorBytes) != 0)
            return static_cast<long long>(n);
    }
    return -1;
}

} // namespace aoesan::bench
