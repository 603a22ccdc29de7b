// SPDX-License-Identifier: GPL-3.0-or-later
// A stand-in for `aoesan-engine serve --events` with selectable misbehaviour, so the supervisor is
// tested against real processes (real pipes, signals, exit codes) without a network:
//   aoesan_fake_engine [--behave WHAT]... serve ARGS...
// WHAT: ok (default), crash-at-start, crash-after=MS, hang, ignore-term, garbage, exit=N, no-permission,
// fail-first=N:COUNTFILE (crash at start the first N launches, counted in COUNTFILE, then ok).
// Prints "argv: ..." on stderr so a test can see what it was given.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <poll.h>
#include <string>
#include <unistd.h>
#include <vector>

#include <sys/signalfd.h>

namespace {

struct Behaviour
{
    bool crashAtStart = false;
    long crashAfterMs = -1;
    bool hang = false;
    bool ignoreTerm = false;
    bool garbage = false;
    int exitCode = -1;
    bool noPermission = false;
};

void line(const std::string &text)
{
    std::printf("%s\n", text.c_str());
    std::fflush(stdout);
}

// Reads, increments and writes the launch count; true while this launch should still crash.
bool stillFailing(const std::string &spec)
{
    const auto colon = spec.find(':');
    const long failures = std::strtol(spec.substr(0, colon).c_str(), nullptr, 10);
    const std::string path = spec.substr(colon + 1);
    long count = 0;
    std::ifstream(path) >> count;
    std::ofstream(path) << count + 1;
    return count < failures;
}

[[noreturn]] void crash(const char *why)
{
    std::fprintf(stderr, "fake engine: %s\n", why);
    std::fflush(stderr);
    std::signal(SIGABRT, SIG_DFL);
    std::abort();
}

} // namespace

int main(int argc, char **argv)
{
    Behaviour b;
    std::string args;
    int i = 1;
    for (; i < argc && std::strcmp(argv[i], "serve") != 0; ++i) {
        if (std::strcmp(argv[i], "--behave") != 0 || i + 1 >= argc)
            continue;
        const std::string what = argv[++i];
        if (what == "crash-at-start")
            b.crashAtStart = true;
        else if (what.rfind("crash-after=", 0) == 0)
            b.crashAfterMs = std::strtol(what.c_str() + 12, nullptr, 10);
        else if (what == "hang")
            b.hang = true;
        else if (what == "ignore-term")
            b.ignoreTerm = true;
        else if (what == "garbage")
            b.garbage = true;
        else if (what.rfind("exit=", 0) == 0)
            b.exitCode = int(std::strtol(what.c_str() + 5, nullptr, 10));
        else if (what == "no-permission")
            b.noPermission = true;
        else if (what.rfind("fail-first=", 0) == 0)
            b.crashAtStart = stillFailing(what.substr(11));
    }
    for (int a = i; a < argc; ++a)
        args += std::string(" ") + argv[a];
    std::fprintf(stderr, "argv:%s\n", args.c_str());

    if (b.crashAtStart)
        crash("crashing at start as asked");
    if (b.noPermission) {
        line(
            R"x({"event":"error","code":"no-permission","message":"no permission to send and receive raw Ethernet frames (CAP_NET_RAW is missing)","fix":"run as root"})x");
        return 3;
    }
    if (b.exitCode >= 0) {
        std::fprintf(stderr, "fake engine: exiting with %d as asked\n", b.exitCode);
        return b.exitCode;
    }
    if (b.hang) {
        for (;;)
            ::pause();
    }

    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    if (b.ignoreTerm) {
        std::signal(SIGTERM, SIG_IGN);
        sigdelset(&stop, SIGTERM);
    }
    ::sigprocmask(SIG_BLOCK, &stop, nullptr);
    const int fd = ::signalfd(-1, &stop, SFD_CLOEXEC);

    line("{\"event\":\"started\",\"pid\":" + std::to_string(::getpid())
        + R"(,"shelf":7,"slot":3,"interface":"fake0","mac":"02:00:00:00:b0:01","sectors":2048})");
    long elapsed = 0;
    long frames = 0;
    for (;;) {
        pollfd p {fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, 100);
        if (ready > 0) {
            signalfd_siginfo info {};
            if (::read(fd, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
                line(R"({"event":"stopped","reason":"signal","framesIn":)" + std::to_string(frames) + "}");
                return 0;
            }
        }
        elapsed += 100;
        frames += 10;
        if (b.garbage) {
            line("this is not JSON");
            std::fwrite("\x01\x02{\"half\":", 1, 10, stdout);
            line("");
        }
        line(R"({"event":"counters","framesIn":)" + std::to_string(frames) + R"(,"framesOut":)" + std::to_string(frames)
            + R"(,"bytesRead":0,"bytesWritten":0,"errors":0,"clients":0})");
        if (b.crashAfterMs >= 0 && elapsed >= b.crashAfterMs)
            crash("crashing later as asked");
    }
}
