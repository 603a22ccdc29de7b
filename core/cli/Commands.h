// SPDX-License-Identifier: GPL-3.0-or-later
// The aoesan-ctl subcommands: each takes its words (after the command name) and the console it writes to,
// and returns the exit code (util/ExitCode.h). Subcommands.h lists them with their one-line summaries.
#pragma once

#include <QStringList>

#include "cli/Console.h"

namespace aoesan::cli {

// The network and its targets, seen as an initiator does (in-process, with CAP_NET_RAW).
int runInterfaces(const QStringList &args, const Console &console);
int runStat(const QStringList &args, const Console &console);
int runIdentify(const QStringList &args, const Console &console);
int runConfig(const QStringList &args, const Console &console);
int runMask(const QStringList &args, const Console &console);
int runReserve(const QStringList &args, const Console &console);
int runCapture(const QStringList &args, const Console &console);
int runBench(const QStringList &args, const Console &console);
int runBoot(const QStringList &args, const Console &console);
// A target as a disk of this machine, through the Linux aoe driver (stat --kernel shows the driver's view).
int runAttach(const QStringList &args, const Console &console);
int runDetach(const QStringList &args, const Console &console);
// Serving: one target in the foreground with vblade's arguments.
int runServe(const QStringList &args, const Console &console);
// This machine's exports: the persisted list (exports, import-vblade-conf) and running them under the
// supervisor in the foreground (supervise, exports run).
int runExports(const QStringList &args, const Console &console);
int runTargets(const QStringList &args, const Console &console);
int runMonitor(const QStringList &args, const Console &console);
int runSupervise(const QStringList &args, const Console &console);
int runImportVbladeConf(const QStringList &args, const Console &console);

} // namespace aoesan::cli
