// SPDX-License-Identifier: GPL-3.0-or-later
// The probe event reader (core/discovery/ProbeEvent): the input is one line of `aoesan-engine probe`. Any line
// parses to an event (Garbage with a reason at worst) without crashing; writing that event and reading the
// line back gives the same event. Targets that parse keep the bounds discovery promises.
#include "FuzzSupport.h"
#include "discovery/ProbeEvent.h"

using namespace aoesan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray line(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const discovery::ProbeEvent event = discovery::parseProbeEvent(line);
    if (const auto *garbage = std::get_if<discovery::probe::Garbage>(&event)) {
        FUZZ_CHECK(garbage->line == line && !garbage->why.isEmpty());
        return 0;
    }
    const QByteArray written = discovery::probeEventLine(event);
    const discovery::ProbeEvent again = discovery::parseProbeEvent(written);
    FUZZ_CHECK(again == event);
    return 0;
}
