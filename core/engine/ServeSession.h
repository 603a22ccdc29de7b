// SPDX-License-Identifier: GPL-3.0-or-later
// One export from start to stop, shared by `aoesan-engine serve` and `aoesan-ctl serve`: open the
// backing file and the packet socket, give up every capability, load the persisted state, announce,
// serve until SIGTERM/SIGINT, and report each step through EngineEvents.
#pragma once

#include <string>

#include "engine/EngineEvents.h"
#include "engine/ServeOptions.h"
#include "protocol/Identify.h"
#include "util/ExitCode.h"

namespace aoesan::engine {

// The IDENTIFY strings of an export: serial "shelf.slot:hash" (unique per machine, file and window,
// stable across restarts, so the Linux initiator sees the same disk), model and firmware from aoesan.
protocol::IdentifyInfo exportIdentity(const ServeOptions &options);

// Where the export's state persists unless --state-file or --no-state says otherwise.
std::string defaultStateFile(const ServeOptions &options);

int runServe(const ServeOptions &options, EngineEvents &events);

} // namespace aoesan::engine
