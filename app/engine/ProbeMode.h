// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-engine probe: runs discovery on the named interfaces and streams its events as JSON Lines on
// stdout (docs/probe-events.md) until stdin closes. The GUI runs it; it needs CAP_NET_RAW to open the
// interfaces and drops every capability right after.
#pragma once

#include <QStringList>

namespace aoesan::engine {

// `args` are the words after "probe". Returns the process exit code.
int runProbe(const QStringList &args);

} // namespace aoesan::engine
