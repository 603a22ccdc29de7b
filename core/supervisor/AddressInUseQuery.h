// SPDX-License-Identifier: GPL-3.0-or-later
// Asking whether another target already answers a shelf.slot on an interface, so the supervisor does
// not start a second one there (initiators would see one disk with two backends and mix their data).
// Discovery implements it from what it has seen on the wire; tests use a fake.
#pragma once

#include <QString>

#include <cstdint>
#include <optional>

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

} // namespace aoesan::supervisor
