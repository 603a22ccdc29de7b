// SPDX-License-Identifier: GPL-3.0-or-later
// The measuring loop of `aoesan-ctl bench`: one raw AF_PACKET socket on the target's interface, `depth`
// I/Os in flight, each split into frames of at most sectorsPerFrame sectors, requests sent with sendmmsg
// and replies taken with recvmmsg in batches, a tag that indexes the frame slot directly (no lookup per
// reply), retransmission of frames that waited too long, and latencies into a histogram. It blocks the
// calling thread for the run; it is a tool, not aoesan's initiator, and it talks to one target.
#pragma once

#include <atomic>
#include <string>

#include "bench/BenchSpec.h"
#include "util/Result.h"

namespace aoesan::bench {

// Checks the spec against the target (block size, depth, a target smaller than a block); the message for a
// person when they do not fit.
std::optional<std::string> specProblem(const BenchSpec &spec, const BenchTarget &target);

// Runs the spec; `stop` (may be null) ends the measured phase early, as Ctrl+C does. The error is for a
// person: the socket could not be opened, or the target stopped answering (with what was measured lost).
Result<BenchResult, std::string> runBench(
    const BenchTarget &target, const BenchSpec &spec, const std::atomic<bool> *stop = nullptr);

} // namespace aoesan::bench
