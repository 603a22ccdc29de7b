// SPDX-License-Identifier: GPL-3.0-or-later
// The supervisor's names for one line of `aoesan-engine serve --events`: the stream itself (its words, the
// events as values, the writer and this reader) is defined once, in engine/ServeEvent.h, and documented in
// docs/engine-events.md. Unknown fields are ignored and unknown event names are kept as such, so a newer
// engine still works with an older supervisor; a line that is not a JSON object is Garbage, never a crash.
#pragma once

#include <QByteArray>

#include "engine/ServeEvent.h"
#include "util/ErrorWords.h"
#include "util/ExitCode.h"

namespace aoesan::supervisor {

using EngineCounters = engine::ServeCounters;
namespace event = engine::serve;
using EngineEvent = engine::ServeEvent;

inline EngineEvent parseEngineEvent(const QByteArray &line)
{
    return engine::parseServeEvent(line);
}

} // namespace aoesan::supervisor
