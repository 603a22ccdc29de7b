// SPDX-License-Identifier: GPL-3.0-or-later
// aoe-stat's text: the size column (10^9-byte GB, three decimals, truncated as its shell arithmetic does)
// and the whole line, so `aoesan-ctl stat` can be compared byte for byte with aoe-stat's output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace aoesan::protocol {

// "0.067GB" for 131072 sectors: sectors × 512 bytes in units of 10^9, cut (not rounded) to 3 decimals.
std::string aoeStatSize(std::uint64_t sectors);

// "e7.3": the device name aoe-stat prints (the kernel's etherd!eX.Y without its prefix).
std::string aoeDeviceName(std::uint16_t shelf, std::uint8_t slot);

// One line in aoe-stat's payload format "%10s %15s %10s %-5s %-14s\n", trailing spaces included.
std::string aoeStatLine(std::string_view device, std::string_view size, std::string_view interfaces,
    std::string_view payload, std::string_view state);

} // namespace aoesan::protocol
