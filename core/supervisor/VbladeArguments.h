// SPDX-License-Identifier: GPL-3.0-or-later
// vblade's way of describing an export — `[-b n] [-d] [-s] [-r] [-m macs] [-o off] [-l len] shelf slot
// netif file` — turned into an ExportRecord, for `aoesan-ctl exports add` and for importing Debian's
// vblade-persistence files. The engine's own parser reads the words, so both mean exactly what
// `aoesan-engine serve` would make of them.
#pragma once

#include <QString>
#include <QStringList>

#include "supervisor/ExportRecord.h"
#include "util/Result.h"

namespace aoesan::supervisor {

// `words` are vblade's arguments without the program name. Relative file names are resolved against
// `workingDirectory`. The record is validated; autostart and the config string are left to the caller.
Result<ExportRecord, QString> recordFromVbladeArguments(
    const QString &name, const QStringList &words, const QString &workingDirectory);

} // namespace aoesan::supervisor
