// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl bench: how fast a target is, as a person would pick one by it: MiB/s, IOPS and latency
// percentiles for a read, write, random or mixed pattern, against any AoE target (aoesan's, vblade's,
// ggaoed's). Finds the target the way identify does, closes that session (its capture would copy every
// bench frame), then runs bench/BenchRunner on its own socket. Writing needs --yes-destroy-data.
#include <QJsonDocument>

#include <atomic>
#include <chrono>
#include <csignal>

#include "bench/BenchReport.h"
#include "bench/BenchRunner.h"
#include "bench/VerifyPattern.h"
#include "cli/Commands.h"
#include "cli/TargetCommand.h"
#include "net/NetworkInterfaces.h"
#include "protocol/Constants.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

namespace {

std::atomic<bool> g_stopRequested {false};

void requestStop(int)
{
    g_stopRequested.store(true);
}

// Ctrl+C during the run ends the measured phase and prints what was measured, instead of losing it.
class InterruptEndsRun
{
public:
    InterruptEndsRun()
    {
        g_stopRequested.store(false);
        struct sigaction action
        {
        };
        action.sa_handler = requestStop;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGINT, &action, &m_previous);
    }
    ~InterruptEndsRun() { ::sigaction(SIGINT, &m_previous, nullptr); }
    InterruptEndsRun(const InterruptEndsRun &) = delete;
    InterruptEndsRun &operator=(const InterruptEndsRun &) = delete;

private:
    struct sigaction m_previous
    {
    };
};

} // namespace

int runBench(const QStringList &args, const Console &console)
{
    TargetCommand command("bench", console,
        QStringLiteral("Measure a target's speed: MiB/s, IOPS, latency percentiles (p50, p99, p99.9) and "
                       "retransmits, with DEPTH requests in flight. Reads by default; writing patterns and "
                       "--verify overwrite the target's data and need --yes-destroy-data."));
    auto &parser = command.parser();
    const QCommandLineOption read(QStringLiteral("read"), QStringLiteral("Sequential reads (the default)."));
    const QCommandLineOption write(QStringLiteral("write"), QStringLiteral("Sequential writes."));
    const QCommandLineOption randread(QStringLiteral("randread"), QStringLiteral("Random reads."));
    const QCommandLineOption randwrite(QStringLiteral("randwrite"), QStringLiteral("Random writes."));
    const QCommandLineOption mixed(
        QStringLiteral("mixed"), QStringLiteral("Random reads and writes, --read-percent of them reads."));
    const QCommandLineOption readPercent(QStringLiteral("read-percent"),
        QStringLiteral("With --mixed: the share of reads in percent (default 70)."), QStringLiteral("N"),
        QStringLiteral("70"));
    const QCommandLineOption bs(QStringLiteral("bs"),
        QStringLiteral("Bytes per request: 4k, 64k, 1m... (default 64k sequential, 4k random)."), QStringLiteral("N"));
    const QCommandLineOption depth(QStringLiteral("depth"), QStringLiteral("Requests in flight (default 16)."),
        QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption window(QStringLiteral("window"),
        QStringLiteral("Frames on the wire at most (default: the Buffer Count the target announces, as the Linux "
                       "aoe driver does; more may overrun it)."),
        QStringLiteral("N"));
    const QCommandLineOption secs(QStringLiteral("seconds"), QStringLiteral("How long to measure (default 10)."),
        QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption verify(QStringLiteral("verify"),
        QStringLiteral("Write a checkable pattern, check every read of it, and read back all written blocks at "
                       "the end; any difference fails the run."));
    const QCommandLineOption yes(QStringLiteral("yes-destroy-data"),
        QStringLiteral("Allow the writes of --write, --randwrite, --mixed and --verify: the target's data is lost."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object instead of text."));
    parser.addOptions(
        {read, write, randread, randwrite, mixed, readPercent, bs, depth, window, secs, verify, yes, json});
    if (const auto stop = command.parse(args))
        return *stop;

    bench::BenchSpec spec;
    int patterns = 0;
    for (const auto &[option, pattern] : {std::pair {&read, bench::Pattern::Read},
             std::pair {&write, bench::Pattern::Write}, std::pair {&randread, bench::Pattern::RandRead},
             std::pair {&randwrite, bench::Pattern::RandWrite}, std::pair {&mixed, bench::Pattern::Mixed}}) {
        if (parser.isSet(*option)) {
            ++patterns;
            spec.pattern = pattern;
        }
    }
    if (patterns > 1)
        return command.usageError("choose one of --read, --write, --randread, --randwrite and --mixed");
    if (parser.isSet(bs)) {
        const auto bytes = bench::parseByteSize(parser.value(bs).toStdString());
        if (!bytes || *bytes == 0 || *bytes % bench::kSectorBytes != 0 || *bytes > (16U << 20U))
            return command.usageError("--bs " + parser.value(bs).toStdString()
                + " is not a block size: a multiple of 512 bytes up to 16m, e.g. 4k or 64k");
        spec.blockBytes = static_cast<std::uint32_t>(*bytes);
    }
    const auto inFlight = wholeNumber(parser.value(depth), 1, 256);
    if (!inFlight)
        return command.usageError("--depth must be a whole number from 1 to 256");
    spec.depth = *inFlight;
    if (parser.isSet(window)) {
        const auto frames = wholeNumber(parser.value(window), 1, 65535);
        if (!frames)
            return command.usageError("--window must be a whole number of frames from 1 to 65535");
        spec.window = *frames;
    }
    const auto duration = command.seconds(parser, secs);
    if (!duration)
        return ExitUsage;
    spec.seconds = std::chrono::duration<double>(*duration).count();
    const auto percent = wholeNumber(parser.value(readPercent), 0, 100);
    if (!percent)
        return command.usageError("--read-percent must be 0 to 100");
    spec.readPercent = *percent;
    spec.verify = parser.isSet(verify);
    if (spec.verify && !bench::writes(spec.pattern))
        return command.usageError("--verify checks what the run writes: use it with --write, --randwrite or --mixed");
    if (bench::writes(spec.pattern) && !parser.isSet(yes))
        return command.usageError("--" + std::string(bench::patternWord(spec.pattern)) + " overwrites "
            + command.target() + "'s data; add --yes-destroy-data if that is what you want");

    // Find the target and its size; the session (and its capture) is closed when run() returns.
    bench::BenchTarget target;
    const int found = command.run([&](const initiator::ConfigReply &config) {
        command.initiator().identify(
            config.meta.from, command.context(),
            [&, config](initiator::Outcome<initiator::IdentifyReply> reply) {
                if (!reply) {
                    command.fail(command.target() + ": IDENTIFY failed: " + reply.error().message);
                    return;
                }
                target.interface = config.meta.from.transport->interfaceName();
                target.mac = config.meta.from.mac;
                target.shelf = command.address().shelf;
                target.slot = command.address().slot;
                target.sectors = reply->info.sectors();
                target.bufferCount = config.config.bufferCount;
                target.sectorsPerFrame = config.config.effectiveSectorCount();
                command.succeed();
            },
            command.policy());
    });
    if (found != ExitOk)
        return found;
    const auto info = net::findInterface(target.interface);
    if (!info)
        return command.failure(info.error());
    target.sectorsPerFrame
        = std::min<unsigned>(target.sectorsPerFrame, protocol::sectorsPerFrame(static_cast<std::size_t>(info->mtu)));
    if (const auto wrong = bench::specProblem(spec, target))
        return command.usageError(*wrong);
    InterruptEndsRun interrupt;
    const auto result = bench::runBench(target, spec, &g_stopRequested);
    if (!result)
        return command.failure(command.target() + ": " + result.error());
    if (parser.isSet(json))
        std::fprintf(command.out(), "%s\n",
            QJsonDocument(bench::benchJson(target, spec, *result)).toJson(QJsonDocument::Compact).constData());
    else
        std::fputs(bench::benchText(target, spec, *result).c_str(), command.out());
    if (result->errors || result->mismatches)
        return command.failure(command.target() + ": " + result->firstProblem);
    return ExitOk;
}

} // namespace aoesan::cli
