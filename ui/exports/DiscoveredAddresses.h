// SPDX-License-Identifier: GPL-3.0-or-later
// The supervisor's question "does someone else already answer eX.Y on this interface?", answered from
// what discovery shows in the Targets table. Addresses of this machine's own exports never count, so a
// stopped export can start again while discovery still lists it.
#pragma once

#include <functional>
#include <vector>

#include "supervisor/AddressInUseQuery.h"
#include "supervisor/ExportRecord.h"

namespace aoesan::ui {

class TargetModel;

class DiscoveredAddresses final : public supervisor::AddressInUseQuery
{
public:
    using OwnExports = std::function<std::vector<supervisor::ExportRecord>()>;

    DiscoveredAddresses(const TargetModel &targets, OwnExports ownExports);

    std::optional<QString> answeredBy(std::uint16_t shelf, std::uint8_t slot, const QString &interface) const override;

private:
    const TargetModel &m_targets;
    OwnExports m_ownExports;
};

} // namespace aoesan::ui
