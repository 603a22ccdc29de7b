// SPDX-License-Identifier: GPL-3.0-or-later
// How a bench run is shown: a few lines for a person, or one JSON object for scripts (the fields are
// documented in docs/benchmarks.md; new ones may be added, none is renamed).
#pragma once

#include <QJsonObject>

#include <string>

#include "bench/BenchSpec.h"

namespace aoesan::bench {

std::string benchText(const BenchTarget &target, const BenchSpec &spec, const BenchResult &result);
QJsonObject benchJson(const BenchTarget &target, const BenchSpec &spec, const BenchResult &result);

// "412 us", "1.25 ms", "2.1 s": a latency in the unit that reads best.
std::string latencyText(std::uint64_t nanoseconds);

} // namespace aoesan::bench
