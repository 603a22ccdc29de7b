// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/DiscoveryAddressQuery.h"

#include <algorithm>

#include "net/NetworkInterfaces.h"
#include "protocol/SizeFormat.h"

namespace aoesan::supervisor {

std::vector<protocol::MacAddress> thisMachineMacs()
{
    std::vector<protocol::MacAddress> macs;
    if (const auto listed = net::listInterfaces())
        for (const auto &i : listed.value())
            macs.push_back(i.mac);
    return macs;
}

DiscoveryAddressQuery::DiscoveryAddressQuery(const discovery::DiscoveryService &service, LocalMacs localMacs)
    : m_service(service)
    , m_localMacs(localMacs ? std::move(localMacs) : LocalMacs(thisMachineMacs))
{ }

std::optional<QString> DiscoveryAddressQuery::answeredBy(
    std::uint16_t shelf, std::uint8_t slot, const QString &interface) const
{
    const auto target = m_service.target(discovery::TargetId {shelf, slot});
    if (!target)
        return std::nullopt;
    return otherAnswerer(*target, m_localMacs(), interface);
}

std::optional<QString> otherAnswerer(
    const discovery::TargetInfo &target, const std::vector<protocol::MacAddress> &ownMacs, const QString &interface)
{
    if (target.state != discovery::TargetState::Up)
        return std::nullopt;
    for (const auto &path : target.paths) {
        if (!interface.isEmpty() && QString::fromStdString(path.interfaceName) != interface)
            continue;
        if (std::ranges::find(ownMacs, path.mac) != ownMacs.end())
            continue;
        QString who = QString::fromStdString(path.mac.toString());
        if (target.identified)
            who += QStringLiteral(" (%1, %2)")
                       .arg(QString::fromStdString(target.model))
                       .arg(QString::fromStdString(protocol::aoeStatSize(target.sectors)));
        return who;
    }
    return std::nullopt;
}

} // namespace aoesan::supervisor
