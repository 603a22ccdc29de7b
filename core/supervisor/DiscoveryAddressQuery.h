// SPDX-License-Identifier: GPL-3.0-or-later
// AddressInUseQuery answered from a running DiscoveryService: an export may not take a shelf.slot that
// another target already answers on that interface. Our own engines answer from this machine's own
// MACs and do not count; a target that is down answers nobody and does not count either.
#pragma once

#include <functional>
#include <vector>

#include "discovery/DiscoveryService.h"
#include "supervisor/AddressInUseQuery.h"

namespace aoesan::supervisor {

class DiscoveryAddressQuery final : public AddressInUseQuery
{
public:
    using LocalMacs = std::function<std::vector<protocol::MacAddress>()>;

    // `localMacs` lists this machine's MACs; by default those of its Ethernet interfaces.
    explicit DiscoveryAddressQuery(const discovery::DiscoveryService &service, LocalMacs localMacs = {});

    std::optional<QString> answeredBy(std::uint16_t shelf, std::uint8_t slot, const QString &interface) const override;

private:
    const discovery::DiscoveryService &m_service;
    LocalMacs m_localMacs;
};

} // namespace aoesan::supervisor
