// SPDX-License-Identifier: GPL-3.0-or-later
// Asking whether another target already answers a shelf.slot on an interface, so the supervisor does
// not start a second one there (initiators would see one disk with two backends and mix their data).
// Discovery implements it from what it has seen on the wire; tests use a fake.
#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

#include "discovery/TargetInfo.h"

namespace aoesan::supervisor {

class AddressInUseQuery
{
public:
    virtual ~AddressInUseQuery() = default;
    // Who else answers e<shelf>.<slot> on `interface` ("02:00:00:00:b0:09", or a longer description);
    // nullopt when nobody does. Targets served by this machine's own engines do not count.
    virtual std::optional<QString> answeredBy(
        std::uint16_t shelf, std::uint8_t slot, const QString &interface) const = 0;
};

// This machine's MACs (every Ethernet interface here): what our own engines answer from.
std::vector<protocol::MacAddress> thisMachineMacs();

// The one rule for "who else answers": a target that is up, answering from a MAC that is not one of this
// machine's (`ownMacs`: our own engines answer from those), seen on `interface` (empty: on any; discovery
// may watch the other end of a segment under another name). Who it is ("02:00:00:00:b0:09 (model, size)"),
// or nullopt when nobody else answers.
std::optional<QString> otherAnswerer(const discovery::TargetInfo &target,
    const std::vector<protocol::MacAddress> &ownMacs, const QString &interface = {});

} // namespace aoesan::supervisor
