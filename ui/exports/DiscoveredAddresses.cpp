// SPDX-License-Identifier: GPL-3.0-or-later
#include "exports/DiscoveredAddresses.h"

#include <QStringList>

#include "models/TargetModel.h"

namespace aoesan::ui {

DiscoveredAddresses::DiscoveredAddresses(const TargetModel &targets, OwnExports ownExports)
    : m_targets(targets)
    , m_ownExports(std::move(ownExports))
{ }

std::optional<QString> DiscoveredAddresses::answeredBy(
    std::uint16_t shelf, std::uint8_t slot, const QString &interface) const
{
    if (m_ownExports) {
        for (const auto &e : m_ownExports()) {
            if (e.shelf == shelf && e.slot == slot)
                return std::nullopt;
        }
    }
    const auto *row = m_targets.find({shelf, slot});
    if (!row || row->info.state != discovery::TargetState::Up)
        return std::nullopt;
    // Discovery watches the probe side of a segment, which may be named differently from the
    // interface an export serves on (lab mode, bridges): any live answer is a clash.
    (void)interface;
    QStringList macs;
    for (const auto &p : row->info.paths)
        macs << QString::fromStdString(p.mac.toString());
    macs.removeDuplicates();
    return macs.isEmpty() ? QStringLiteral("another target") : macs.join(QStringLiteral(", "));
}

} // namespace aoesan::ui
