// SPDX-License-Identifier: GPL-3.0-or-later
// What `aoesan-ctl bench` measures (the access pattern, block size, requests in flight, duration) and what
// it measured: one home for both, shared by the runner, the text and JSON reports and the tests.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "bench/LatencyHistogram.h"
#include "protocol/MacAddress.h"

namespace aoesan::bench {

enum class Pattern : std::uint8_t { Read, Write, RandRead, RandWrite, Mixed };

// The words as the command line and the JSON report spell them: read, write, randread, randwrite, mixed.
const char *patternWord(Pattern pattern);
std::optional<Pattern> patternFromWord(const std::string &word);
bool writes(Pattern pattern); // it changes the target's data
bool isRandom(Pattern pattern);
// "4096", "4k", "64K", "1m", "1MiB": a byte count as --bs takes it; nullopt when it is not one.
std::optional<std::uint64_t> parseByteSize(const std::string &text);

struct BenchSpec
{
    Pattern pattern = Pattern::Read;
    std::uint32_t blockBytes = 0; // a whole number of sectors; 0: 64 KiB sequential, 4 KiB random
    unsigned depth = 16; // I/Os in flight
    double seconds = 10;
    bool verify = false; // writes carry VerifyPattern's stamps; reads of them and a final read-back check them
    unsigned window = 0; // frames on the wire at most; 0: the target's Buffer Count, as the Linux driver does
    unsigned readPercent = 70; // --mixed: the share of reads
    std::uint64_t seed = 0x5eed; // where random offsets start, so two runs can do the same I/O

    std::uint32_t effectiveBlockBytes() const { return blockBytes ? blockBytes : (isRandom(pattern) ? 4096 : 65536); }
};

// The target as the command found it.
struct BenchTarget
{
    std::string interface;
    protocol::MacAddress mac; // the target's
    std::uint16_t shelf = 0;
    std::uint8_t slot = 0;
    std::uint64_t sectors = 0; // from IDENTIFY
    unsigned sectorsPerFrame = 2; // the smaller of the MTU's and the target's
    unsigned bufferCount = 0; // what the target says it can hold (Query Config)
};

struct DirectionResult
{
    std::uint64_t ios = 0;
    std::uint64_t bytes = 0;
    LatencyHistogram latency;
};

struct BenchResult
{
    double seconds = 0; // from the first request to the last reply of the measured phase
    DirectionResult read;
    DirectionResult write;
    LatencyHistogram latency; // every I/O, reads and writes
    std::uint64_t framesSent = 0; // including retransmits
    std::uint64_t framesReceived = 0; // replies that matched a request
    std::uint64_t retransmits = 0;
    std::uint64_t errors = 0; // I/Os answered with an AoE or ATA error
    std::uint64_t verifiedSectors = 0; // sectors read back and compared (during the run and after it)
    std::uint64_t mismatches = 0; // sectors that were not what this run wrote
    std::string firstProblem; // the first error or mismatch, for a person
    double cpuUserSeconds = 0; // the bench's own CPU, so a reader sees whether it was the ceiling
    double cpuSystemSeconds = 0;
};

} // namespace aoesan::bench
