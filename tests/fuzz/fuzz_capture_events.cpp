// SPDX-License-Identifier: GPL-3.0-or-later
// The capture event reader (core/net/CaptureEvents): the input is one line of `aoesan-engine capture`. A line
// is an event or nothing, never a crash; an event that parses is written and read back the same.
#include "FuzzSupport.h"
#include "net/CaptureEvents.h"

using namespace aoesan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray line(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    if (const auto event = net::parseCaptureEvent(line)) {
        const QByteArray written = net::encodeCaptureEvent(*event);
        FUZZ_CHECK(written.endsWith('\n'));
        const auto again = net::parseCaptureEvent(written);
        FUZZ_CHECK(again && *again == *event);
    }
    return 0;
}
