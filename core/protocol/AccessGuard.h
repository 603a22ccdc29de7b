// SPDX-License-Identifier: GPL-3.0-or-later
// The lock-out rule shared by every place that edits a target's MAC mask or reserve list (aoesan-ctl mask and
// reserve, the GUI's target actions, later the service): a change that would leave a non-empty list holding
// none of the requesting host's own addresses shuts that host out, and is refused unless the person forces it.
#pragma once

#include <cstdint>
#include <vector>

#include "protocol/Arguments.h"
#include "protocol/MacAddress.h"

namespace aoesan::protocol {

// The mask list a target holds after it applies these directives in order, as r11 §1.8 says: an add of a MAC
// already listed and a delete of one not listed change nothing; a directive of DCmd 0 is ignored.
std::vector<MacAddress> applyMaskDirectives(
    std::vector<MacAddress> list, const std::vector<MacMaskDirective> &directives);

// The directives that turn list `before` into `after`: adds of what is new (in after's order), then deletes
// of what is gone; applyMaskDirectives(before, result) holds the same MACs as `after`.
std::vector<MacMaskDirective> maskDirectivesBetween(
    const std::vector<MacAddress> &before, const std::vector<MacAddress> &after);

// True when a target with this allow list (mask or reserve; empty means everyone) would no longer accept any
// of `own`. An empty `own` (the host's address is unknown) never counts as locked out: there is nothing to check.
bool locksOut(const std::vector<MacAddress> &allowed, const std::vector<MacAddress> &own);

// vblade 25 and older (Query Config firmware 0x4000 + version) overrun a buffer when a MAC mask delete
// matches a listed MAC (AOE-PROTOCOL §4.4): such a delete must not be sent to them.
bool crashesOnListedMaskDelete(std::uint16_t firmwareVersion);

} // namespace aoesan::protocol
