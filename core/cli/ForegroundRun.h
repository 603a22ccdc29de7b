// SPDX-License-Identifier: GPL-3.0-or-later
// A supervisor run in the foreground until SIGTERM/SIGINT that prints every state change, for
// `aoesan-ctl supervise`, `aoesan-ctl exports run` and the systemd units that call them.
#pragma once

#include <vector>

#include "cli/Command.h"
#include "supervisor/ExportRecord.h"

namespace aoesan::cli {

struct ForegroundOptions
{
    bool force = false; // start despite device-safety refusals that may be overridden
    bool exitWhenDone = false; // end when no export is active any more (exports run), not only on a signal
};

// Runs `records` under an ExportSupervisor until SIGTERM, SIGINT or SIGHUP (then stops every engine
// cleanly) or, with exitWhenDone, until none is active. Exit code: 0 after a stop by signal; 3 when an
// export failed for lack of permission; 1 when one failed otherwise.
int runInForeground(
    const Command &command, const std::vector<supervisor::ExportRecord> &records, const ForegroundOptions &options);

} // namespace aoesan::cli
