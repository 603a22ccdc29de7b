// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/AccessGuard.h"

#include <algorithm>

#include "protocol/Constants.h"

namespace aoesan::protocol {

std::vector<MacAddress> applyMaskDirectives(
    std::vector<MacAddress> list, const std::vector<MacMaskDirective> &directives)
{
    for (const auto &directive : directives) {
        const auto found = std::find(list.begin(), list.end(), directive.mac);
        switch (static_cast<DirectiveCommand>(directive.dcmd)) {
        case DirectiveCommand::Add:
            if (found == list.end())
                list.push_back(directive.mac);
            break;
        case DirectiveCommand::Delete:
            if (found != list.end())
                list.erase(found);
            break;
        case DirectiveCommand::None:
        default:
            break;
        }
    }
    return list;
}

std::vector<MacMaskDirective> maskDirectivesBetween(
    const std::vector<MacAddress> &before, const std::vector<MacAddress> &after)
{
    const auto has = [](const std::vector<MacAddress> &list, const MacAddress &mac) {
        return std::find(list.begin(), list.end(), mac) != list.end();
    };
    std::vector<MacMaskDirective> directives;
    for (const auto &mac : after) {
        const bool added
            = std::any_of(directives.begin(), directives.end(), [&](const auto &d) { return d.mac == mac; });
        if (!has(before, mac) && !added)
            directives.push_back({static_cast<std::uint8_t>(DirectiveCommand::Add), mac});
    }
    for (const auto &mac : before) {
        if (!has(after, mac))
            directives.push_back({static_cast<std::uint8_t>(DirectiveCommand::Delete), mac});
    }
    return directives;
}

bool locksOut(const std::vector<MacAddress> &allowed, const std::vector<MacAddress> &own)
{
    if (allowed.empty() || own.empty())
        return false;
    return std::none_of(own.begin(), own.end(),
        [&allowed](const MacAddress &mac) { return std::find(allowed.begin(), allowed.end(), mac) != allowed.end(); });
}

bool crashesOnListedMaskDelete(std::uint16_t firmwareVersion)
{
    return firmwareVersion >= 0x4000 && firmwareVersion <= 0x4019;
}

} // namespace aoesan::protocol
