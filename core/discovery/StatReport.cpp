// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/StatReport.h"

#include <algorithm>

#include "protocol/SizeFormat.h"

namespace aoesan::discovery {

std::string statLine(const TargetInfo &target)
{
    const std::string size = target.identified ? protocol::aoeStatSize(target.sectors) : std::string("(NA)");
    const std::uint32_t payload = target.payload();
    return protocol::aoeStatLine(target.id.deviceName(), size, target.interfaces(),
        payload != 0 ? std::to_string(payload) : std::string("(NA)"), target.stateText());
}

std::string statReport(std::vector<TargetInfo> targets, const QRegularExpression &filter)
{
    std::ranges::sort(targets, {}, &TargetInfo::id);
    const bool filtering = filter.isValid() && !filter.pattern().isEmpty();
    std::string report;
    for (const auto &t : targets) {
        const std::string line = statLine(t);
        // grep sees the line without its newline.
        if (filtering && !filter.match(QString::fromStdString(line.substr(0, line.size() - 1))).hasMatch())
            continue;
        report += line;
    }
    return report;
}

} // namespace aoesan::discovery
