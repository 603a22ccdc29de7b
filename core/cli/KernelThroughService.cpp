// SPDX-License-Identifier: GPL-3.0-or-later
// Until the service offers Attach and Detach, every call goes local.
#include "cli/KernelThroughService.h"

namespace aoesan::cli {

std::optional<int> attachThroughService(
    const Command &, std::uint16_t, std::uint8_t, const QStringList &, initiator::Duration)
{
    return std::nullopt;
}

std::optional<int> detachThroughService(const Command &, std::uint16_t, std::uint8_t)
{
    return std::nullopt;
}

} // namespace aoesan::cli
