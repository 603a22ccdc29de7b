// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's serve event reader (core/engine/ServeEvent): the input is one line of `aoesan-engine serve
// --events`. Any line parses to an event (Garbage at worst) without crashing; writing that event and reading
// the line back gives the same event (the reader's result is something the writer can say).
#include "FuzzSupport.h"
#include "engine/ServeEvent.h"

using namespace aoesan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray line(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const engine::ServeEvent event = engine::parseServeEvent(line);
    if (const auto *garbage = std::get_if<engine::serve::Garbage>(&event))
        FUZZ_CHECK(garbage->line == line);
    const QByteArray written = engine::serveEventLine(event);
    FUZZ_CHECK(engine::parseServeEvent(written) == event);
    return 0;
}
