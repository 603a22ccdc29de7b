// SPDX-License-Identifier: GPL-3.0-or-later
// What `aoesan-ctl bench --verify` writes, so that a read can tell the right data from stale or misplaced
// data: every 512-byte sector carries its own LBA and the number of the write that put it there, and the
// rest of the sector is a pseudo-random fill derived from both. A sector from another place, an older
// write, or a torn frame does not match.
#pragma once

#include <cstdint>
#include <span>

namespace aoesan::bench {

constexpr std::size_t kSectorBytes = 512;

// Fills `out` (a whole number of sectors starting at `lba`) as write number `stamp` (never 0) writes it.
void fillPattern(std::span<std::uint8_t> out, std::uint64_t lba, std::uint64_t stamp);

// The first sector of `data` (starting at `lba`) that is not as write `stamp` left it, or -1 when all are.
long long firstMismatch(std::span<const std::uint8_t> data, std::uint64_t lba, std::uint64_t stamp);

} // namespace aoesan::bench
