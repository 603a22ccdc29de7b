// SPDX-License-Identifier: GPL-3.0-or-later
// attach and detach through the aoesan service, when one is reachable: the service owns the aoe driver on a
// machine where it runs (it remembers who attached what, flushes down disks, attaches again), so the command
// asks it rather than doing the work itself. Without a service (a rescue shell, an initramfs) the command works
// in-process as root. Each returns the exit code when the service did (or refused) the work, nullopt when no
// service is reachable.
#pragma once

#include <QStringList>

#include <cstdint>
#include <optional>

#include "cli/Command.h"
#include "initiator/Clock.h"

namespace aoesan::cli {

std::optional<int> attachThroughService(const Command &command, std::uint16_t shelf, std::uint8_t slot,
    const QStringList &interfaces, initiator::Duration timeout);
std::optional<int> detachThroughService(const Command &command, std::uint16_t shelf, std::uint8_t slot);

} // namespace aoesan::cli
