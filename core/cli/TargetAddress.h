// SPDX-License-Identifier: GPL-3.0-or-later
// The words that name a target and its hosts on aoesan-ctl's command line: SHELF.SLOT and MAC lists.
#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocol/MacAddress.h"

namespace aoesan::cli {

struct TargetAddress
{
    std::uint16_t shelf = 0;
    std::uint8_t slot = 0;
    std::string name() const; // "e7.3"
};

// "7.3" or "e7.3"; shelf 0-65534, slot 0-254 (the broadcast values are not a target).
std::optional<TargetAddress> parseTargetAddress(const QString &text);
// "02:00:00:00:00:01,02:00:00:00:00:02"; nullopt when an item is not a MAC. Empty items are skipped.
std::optional<std::vector<protocol::MacAddress>> parseMacList(const QString &text);

} // namespace aoesan::cli
