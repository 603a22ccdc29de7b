// SPDX-License-Identifier: GPL-3.0-or-later
// Where a damaged file is kept for the person to look at: PATH.corrupt-<UTC time>, with -2, -3, ... added when
// that name is taken. Every loader that sets a damaged file aside (export list, engine state, service and GUI
// settings) names it here, so two damaged files in one second never share a name: a rename onto a taken name
// fails (the damaged file, or a link to a device, would stay where the next save writes), and removing the
// older one first would lose the copy a person was told about.
#pragma once

#include <QString>

namespace aoesan::util {

// A name next to `path` that nothing (no file, no link, not even a dangling one) holds yet.
QString unusedAsideName(const QString &path);

} // namespace aoesan::util
