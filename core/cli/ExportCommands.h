// SPDX-License-Identifier: GPL-3.0-or-later
// The aoesan-ctl subcommands that manage local exports: the persisted list (exports, import-vblade-conf)
// and running them under the supervisor in the foreground (supervise, exports run).
#pragma once

#include <QStringList>

namespace aoesan::cli {

int runExports(const QStringList &args);
int runSupervise(const QStringList &args);
int runImportVbladeConf(const QStringList &args);

} // namespace aoesan::cli
