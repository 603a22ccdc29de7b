// SPDX-License-Identifier: GPL-3.0-or-later
// What the libFuzzer targets share: a check that stops the run with a message (libFuzzer then keeps the
// input as a crash), the records of a multi-frame input, and a QCoreApplication for the Qt parts.
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <vector>

namespace aoesan::fuzz {

using Bytes = std::span<const std::uint8_t>;

[[noreturn]] inline void failed(const char *what, const char *file, int line)
{
    std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", what, file, line);
    std::abort();
}

// An invariant of the code under test; a broken one is a finding like a sanitizer report.
#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            ::aoesan::fuzz::failed(#condition, __FILE__, __LINE__);                                                    \
    } while (false)

// A sequence of records, each a 2-byte big-endian length and that many bytes; the last may be cut short
// (it then holds what is left). The seeds of the multi-frame targets are written this way (make-seeds.sh).
inline std::vector<Bytes> splitRecords(Bytes input)
{
    std::vector<Bytes> records;
    std::size_t at = 0;
    while (input.size() - at >= 2) {
        const std::size_t length = (std::size_t {input[at]} << 8U) | input[at + 1];
        at += 2;
        const std::size_t take = std::min(length, input.size() - at);
        records.push_back(input.subspan(at, take));
        at += take;
    }
    return records;
}

// Qt's event loop, timers and QObject signals need an application object; one for the process.
inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "aoesan-fuzz";
    static char *argv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        new QCoreApplication(argc, argv); // lives as long as the process
}

// Where a target writes its files: a tmpfs when there is one, where the loaders' fsyncs cost nothing (on a
// disk they would make a run a hundred times slower), else the usual temporary directory.
// AOESAN_FUZZ_SCRATCH overrides it (run-fuzzers.sh: a directory of its own that it removes afterwards).
inline QString scratchTemplate()
{
    if (const QString own = qEnvironmentVariable("AOESAN_FUZZ_SCRATCH"); !own.isEmpty())
        return own + QStringLiteral("/aoesan-fuzz-XXXXXX");
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    const QString base = shm.isDir() && shm.isWritable() ? shm.filePath() : QDir::tempPath();
    return base + QStringLiteral("/aoesan-fuzz-XXXXXX");
}

} // namespace aoesan::fuzz
