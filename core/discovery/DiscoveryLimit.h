// SPDX-License-Identifier: GPL-3.0-or-later
// The bounds discovery keeps on what it remembers, and whether they are being hit: a station that forges
// config replies (random shelf.slot, ever-new source MACs) would otherwise make it keep every address it
// ever heard. The service fills this in; the probe stream carries it (the `limit` event) to the GUI.
#pragma once

#include <QMetaType>

#include <cstdint>
#include <string>

namespace aoesan::discovery {

// How many targets discovery keeps (its bound against forged replies): the default, and what `--max-targets`
// of `aoesan-ctl stat` and `aoesan-engine probe`, and the service's `maxTargets` setting, may ask for. A SAN
// of more than 4,096 shelf.slots raises it; every target costs discovery about 4 KiB.
inline constexpr std::uint32_t kDefaultMaxTargets = 4096;
inline constexpr std::uint32_t kMinMaxTargets = 16;
inline constexpr std::uint32_t kMaxMaxTargets = 1U << 20U;

// What a command says to a --max-targets it cannot take; one sentence for all of them, from the bounds above.
inline std::string maxTargetsNeeds(const std::string &given)
{
    return "--max-targets needs a whole number from " + std::to_string(kMinMaxTargets) + " to "
        + std::to_string(kMaxMaxTargets) + ", not '" + given + "'";
}

struct DiscoveryLimit
{
    bool reached = false; // answers were refused lately (within one probe interval)
    std::uint32_t maxTargets = 0;
    std::uint32_t maxPaths = 0; // per target
    std::uint64_t refusedTargets = 0; // answers from new shelf.slots refused while full, since start
    std::uint64_t refusedPaths = 0; // answers from new paths of a known target refused while its paths were full
    bool operator==(const DiscoveryLimit &) const = default;
};

} // namespace aoesan::discovery

Q_DECLARE_METATYPE(aoesan::discovery::DiscoveryLimit)
