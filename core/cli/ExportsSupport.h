// SPDX-License-Identifier: GPL-3.0-or-later
// What the export subcommands share: the --store option, loading the export list with its problems
// reported, and a supervisor run in the foreground until SIGTERM/SIGINT that prints every state change
// (for `aoesan-ctl supervise`, `aoesan-ctl exports run` and the systemd units that call them).
#pragma once

#include <QCommandLineParser>

#include <optional>
#include <vector>

#include "supervisor/ExportStore.h"

namespace aoesan::cli {

QCommandLineOption storeOption();
// The export list at `path` (the default one when empty), loaded; problems go to stderr (they are no
// reason to stop). nullopt, after printing why, when it cannot be read at all.
std::optional<supervisor::ExportStore> openStore(const char *command, const QString &path);
// Saves, printing the reason on failure.
bool saveStore(const char *command, const supervisor::ExportStore &store);

struct ForegroundOptions
{
    bool force = false; // start despite device-safety refusals that may be overridden
    bool exitWhenDone = false; // end when no export is active any more (exports run), not only on a signal
};

// Runs `records` under an ExportSupervisor until SIGTERM, SIGINT or SIGHUP (then stops every engine
// cleanly) or, with exitWhenDone, until none is active. Exit code: 0 after a stop by signal; 3 when an
// export failed for lack of permission; 1 when one failed otherwise.
int runInForeground(
    const char *command, const std::vector<supervisor::ExportRecord> &records, const ForegroundOptions &options);

} // namespace aoesan::cli
