// SPDX-License-Identifier: GPL-3.0-or-later
// The aoesan-ctl subcommands: each takes its arguments (after the command name) and returns the exit code.
#pragma once

#include <QStringList>

namespace aoesan::cli {

int runInterfaces(const QStringList &args);
int runStat(const QStringList &args);
int runIdentify(const QStringList &args);
int runConfig(const QStringList &args);
int runMask(const QStringList &args);
int runReserve(const QStringList &args);
int runServe(const QStringList &args);

} // namespace aoesan::cli
