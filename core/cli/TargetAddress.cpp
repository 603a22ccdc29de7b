// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/TargetAddress.h"

#include <QStringList>

#include "discovery/ProbeRequest.h"

namespace aoesan::cli {

std::string TargetAddress::name() const
{
    return "e" + std::to_string(shelf) + "." + std::to_string(slot);
}

std::optional<TargetAddress> parseTargetAddress(const QString &text)
{
    // The probe's request parser and this command line read "e7.3" by one rule (core/discovery).
    const auto id = discovery::parseDeviceName(QStringView(text).trimmed());
    if (!id)
        return std::nullopt;
    return TargetAddress {id->shelf, id->slot};
}

std::optional<std::vector<protocol::MacAddress>> parseMacList(const QString &text)
{
    std::vector<protocol::MacAddress> macs;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto mac = protocol::MacAddress::fromString(item.trimmed().toStdString());
        if (!mac)
            return std::nullopt;
        macs.push_back(*mac);
    }
    return macs;
}

} // namespace aoesan::cli
