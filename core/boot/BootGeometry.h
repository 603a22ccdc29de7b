// SPDX-License-Identifier: GPL-3.0-or-later
// The disk sizes network boot needs. iPXE and the Windows AoE initiators describe an AoE disk to the BIOS with
// the 255-head, 63-sector geometry, so a disk is counted in cylinders of 255 × 63 sectors (8,225,280 bytes): one
// under a cylinder gets 0 cylinders and does not boot with iPXE, and the Windows initiators need whole cylinders.
#pragma once

#include <cstdint>

namespace aoesan::boot {

inline constexpr std::uint64_t kCylinderBytes = 255ULL * 63ULL * 512ULL; // 8,225,280
inline constexpr std::uint64_t kIpxeMinimumBytes = kCylinderBytes;

constexpr std::uint64_t roundUpToCylinders(std::uint64_t bytes)
{
    return bytes == 0 ? kCylinderBytes : (bytes + kCylinderBytes - 1) / kCylinderBytes * kCylinderBytes;
}
constexpr std::uint64_t roundDownToCylinders(std::uint64_t bytes)
{
    return bytes / kCylinderBytes * kCylinderBytes;
}
constexpr bool bootableByIpxe(std::uint64_t bytes)
{
    return bytes >= kIpxeMinimumBytes;
}
constexpr bool wholeCylinders(std::uint64_t bytes)
{
    return bytes > 0 && bytes % kCylinderBytes == 0;
}

static_assert(roundUpToCylinders(16ULL << 20) == 3 * kCylinderBytes);
static_assert(roundDownToCylinders(16ULL << 20) == 2 * kCylinderBytes);

} // namespace aoesan::boot
