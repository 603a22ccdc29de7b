// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/BenchReport.h"

#include <QJsonArray>

#include <cstdarg>
#include <cstdio>

namespace aoesan::bench {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

__attribute__((format(printf, 1, 2))) std::string format(const char *fmt, ...)
{
    char line[256];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(line, sizeof line, fmt, args);
    va_end(args);
    return line;
}

double perSecond(std::uint64_t n, double seconds)
{
    return seconds > 0 ? double(n) / seconds : 0.0;
}

std::string blockText(std::uint32_t bytes)
{
    if (bytes % (1024 * 1024) == 0)
        return std::to_string(bytes / (1024 * 1024)) + " MiB";
    if (bytes % 1024 == 0)
        return std::to_string(bytes / 1024) + " KiB";
    return std::to_string(bytes) + " bytes";
}

QJsonObject latencyJson(const LatencyHistogram &h)
{
    auto us = [](std::uint64_t ns) { return double(ns) / 1000.0; };
    return QJsonObject {
        {QStringLiteral("p50"), us(h.percentile(0.50))},
        {QStringLiteral("p99"), us(h.percentile(0.99))},
        {QStringLiteral("p99_9"), us(h.percentile(0.999))},
        {QStringLiteral("mean"), h.mean() / 1000.0},
        {QStringLiteral("min"), us(h.min())},
        {QStringLiteral("max"), us(h.max())},
    };
}

QJsonObject directionJson(const DirectionResult &d, double seconds)
{
    return QJsonObject {
        {QStringLiteral("ios"), double(d.ios)},
        {QStringLiteral("bytes"), double(d.bytes)},
        {QStringLiteral("mib_per_s"), perSecond(d.bytes, seconds) / kMiB},
        {QStringLiteral("iops"), perSecond(d.ios, seconds)},
        {QStringLiteral("latency_us"), latencyJson(d.latency)},
    };
}

std::string directionLine(const char *name, const DirectionResult &d, double seconds)
{
    return format("  %-6s %9.1f MiB/s %10.0f IOPS   p50 %s  p99 %s  p99.9 %s\n", name,
        perSecond(d.bytes, seconds) / kMiB, perSecond(d.ios, seconds), latencyText(d.latency.percentile(0.5)).c_str(),
        latencyText(d.latency.percentile(0.99)).c_str(), latencyText(d.latency.percentile(0.999)).c_str());
}

} // namespace

std::string latencyText(std::uint64_t ns)
{
    if (ns < 10'000)
        return format("%.1f us", double(ns) / 1e3);
    if (ns < 1'000'000)
        return format("%.0f us", double(ns) / 1e3);
    if (ns < 1'000'000'000)
        return format("%.2f ms", double(ns) / 1e6);
    return format("%.2f s", double(ns) / 1e9);
}

std::string benchText(const BenchTarget &target, const BenchSpec &spec, const BenchResult &r)
{
    std::string text = format("e%u.%u on %s (%s): %s, %s blocks, depth %u, %.1f s\n", unsigned(target.shelf),
        unsigned(target.slot), target.interface.c_str(), target.mac.toString().c_str(), patternWord(spec.pattern),
        blockText(spec.effectiveBlockBytes()).c_str(), spec.depth, r.seconds);
    if (r.read.ios || !writes(spec.pattern))
        text += directionLine("read", r.read, r.seconds);
    if (r.write.ios || writes(spec.pattern))
        text += directionLine("write", r.write, r.seconds);
    text += format("  frames: %llu sent, %llu answered, %llu retransmitted; errors: %llu\n",
        static_cast<unsigned long long>(r.framesSent), static_cast<unsigned long long>(r.framesReceived),
        static_cast<unsigned long long>(r.retransmits), static_cast<unsigned long long>(r.errors));
    if (spec.verify)
        text += format("  verified: %llu sectors read back, %llu not as written\n",
            static_cast<unsigned long long>(r.verifiedSectors), static_cast<unsigned long long>(r.mismatches));
    const double cpu = r.cpuUserSeconds + r.cpuSystemSeconds;
    text += format("  bench CPU: %.2f s (%.0f %% of one core)\n", cpu, r.seconds > 0 ? 100.0 * cpu / r.seconds : 0.0);
    if (!r.firstProblem.empty())
        text += "  first problem: " + r.firstProblem + "\n";
    return text;
}

QJsonObject benchJson(const BenchTarget &target, const BenchSpec &spec, const BenchResult &r)
{
    QJsonObject json {
        {QStringLiteral("target"),
            QString::fromStdString("e" + std::to_string(target.shelf) + "." + std::to_string(target.slot))},
        {QStringLiteral("interface"), QString::fromStdString(target.interface)},
        {QStringLiteral("mac"), QString::fromStdString(target.mac.toString())},
        {QStringLiteral("pattern"), QString::fromLatin1(patternWord(spec.pattern))},
        {QStringLiteral("block_bytes"), double(spec.effectiveBlockBytes())},
        {QStringLiteral("depth"), double(spec.depth)},
        {QStringLiteral("sectors_per_frame"), double(target.sectorsPerFrame)},
        {QStringLiteral("seconds"), r.seconds},
        {QStringLiteral("read"), directionJson(r.read, r.seconds)},
        {QStringLiteral("write"), directionJson(r.write, r.seconds)},
        {QStringLiteral("mib_per_s"), perSecond(r.read.bytes + r.write.bytes, r.seconds) / kMiB},
        {QStringLiteral("iops"), perSecond(r.read.ios + r.write.ios, r.seconds)},
        {QStringLiteral("latency_us"), latencyJson(r.latency)},
        {QStringLiteral("frames_sent"), double(r.framesSent)},
        {QStringLiteral("frames_answered"), double(r.framesReceived)},
        {QStringLiteral("retransmits"), double(r.retransmits)},
        {QStringLiteral("errors"), double(r.errors)},
        {QStringLiteral("cpu"),
            QJsonObject {{QStringLiteral("user_s"), r.cpuUserSeconds}, {QStringLiteral("system_s"), r.cpuSystemSeconds},
                {QStringLiteral("percent_of_core"),
                    r.seconds > 0 ? 100.0 * (r.cpuUserSeconds + r.cpuSystemSeconds) / r.seconds : 0.0}}},
    };
    if (spec.pattern == Pattern::Mixed)
        json.insert(QStringLiteral("read_percent"), double(spec.readPercent));
    if (spec.verify)
        json.insert(QStringLiteral("verify"),
            QJsonObject {{QStringLiteral("sectors"), double(r.verifiedSectors)},
                {QStringLiteral("mismatches"), double(r.mismatches)}});
    if (!r.firstProblem.empty())
        json.insert(QStringLiteral("first_problem"), QString::fromStdString(r.firstProblem));
    return json;
}

} // namespace aoesan::bench
