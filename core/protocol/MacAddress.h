// SPDX-License-Identifier: GPL-3.0-or-later
// A 48-bit Ethernet address as a value type.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aoesan::protocol {

class MacAddress
{
public:
    using Bytes = std::array<std::uint8_t, 6>;

    constexpr MacAddress() = default;
    constexpr explicit MacAddress(const Bytes &bytes)
        : m_bytes(bytes)
    { }

    static constexpr MacAddress broadcast() { return MacAddress(Bytes {0xff, 0xff, 0xff, 0xff, 0xff, 0xff}); }
    // Accepts "02:00:00:00:a0:01", "02-00-..." and vblade's colon-less "020000 00a001" forms.
    static std::optional<MacAddress> fromString(std::string_view text);

    const Bytes &bytes() const { return m_bytes; }
    bool isBroadcast() const { return *this == broadcast(); }
    bool isZero() const { return *this == MacAddress(); }
    bool isMulticast() const { return (m_bytes[0] & 0x01U) != 0; }
    // Lower-case, colon-separated: "02:00:00:00:a0:01".
    std::string toString() const;

    auto operator<=>(const MacAddress &) const = default;

private:
    Bytes m_bytes {};
};

} // namespace aoesan::protocol
