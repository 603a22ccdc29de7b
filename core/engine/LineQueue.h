// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's event stream, written by a thread of its own: serving must never wait on its reader. The
// supervisor reads the stream on its event loop; when it falls behind (busy, stopped in a debugger, or
// flooded with events), the pipe fills and a plain write blocks the thread that serves I/O (a storm of
// ever-new initiator MACs once stopped an export from answering that way). Lines are queued here up to a
// bound; past it, lines a later one makes up for (counters, client sightings, warnings) are dropped and
// counted, and the lines that say what the engine is (started, restored, error, stopped) are always kept.
#pragma once

#include <QByteArray>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace aoesan::engine {

class LineQueue
{
public:
    enum class Kind : std::uint8_t { Essential, Droppable };
    // `droppedLine(n)`: the line written once the queue has room again after n lines were dropped.
    LineQueue(std::FILE *out, std::size_t maxQueuedBytes, std::function<QByteArray(std::uint64_t)> droppedLine);
    // Writes what is queued for up to two seconds; a reader that takes longer loses the rest.
    ~LineQueue();
    LineQueue(const LineQueue &) = delete;
    LineQueue &operator=(const LineQueue &) = delete;

    // Never blocks on the reader. `line` has no newline.
    void post(QByteArray line, Kind kind);
    // Waits until every line posted so far is written (or the stream broke); false after `timeout`.
    bool drain(std::chrono::milliseconds timeout);
    std::uint64_t dropped() const;

private:
    // A line, or (with `dropped` > 0) the place where that many lines were dropped: the reader is told
    // there, in order.
    struct Entry
    {
        QByteArray line;
        std::uint64_t dropped = 0;
    };
    // Shared with the writer thread, which may outlive this object when its reader never reads again.
    struct Shared
    {
        std::mutex mutex;
        std::condition_variable changed;
        std::deque<Entry> lines;
        std::size_t queuedBytes = 0;
        std::uint64_t posted = 0;
        std::uint64_t written = 0; // lines written or given up on
        std::uint64_t dropped = 0; // in all
        bool stopping = false;
        bool broken = false; // a write failed: the reader is gone
    };
    static void writerLoop(
        std::shared_ptr<Shared> shared, std::FILE *out, std::function<QByteArray(std::uint64_t)> droppedLine);

    std::shared_ptr<Shared> m_shared;
    std::size_t m_maxQueuedBytes;
    std::thread m_writer;
};

} // namespace aoesan::engine
