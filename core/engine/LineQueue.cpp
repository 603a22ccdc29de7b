// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/LineQueue.h"

#include "util/SignalFreeThread.h"

namespace aoesan::engine {

LineQueue::LineQueue(std::FILE *out, std::size_t maxQueuedBytes, std::function<QByteArray(std::uint64_t)> droppedLine)
    : m_shared(std::make_shared<Shared>())
    , m_maxQueuedBytes(maxQueuedBytes)
    , m_writer(util::startSignalFreeThread([shared = m_shared, out, line = std::move(droppedLine)]() mutable {
        writerLoop(shared, out, std::move(line));
    }))
{ }

LineQueue::~LineQueue()
{
    drain(std::chrono::seconds(2));
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->stopping = true;
    }
    m_shared->changed.notify_all();
    // A writer still blocked in write() has a reader that stopped reading; it holds its own share of
    // the queue, and the process ends without waiting for it.
    if (drain(std::chrono::milliseconds(0)))
        m_writer.join();
    else
        m_writer.detach();
}

void LineQueue::post(QByteArray line, Kind kind)
{
    {
        const std::lock_guard lock(m_shared->mutex);
        if (m_shared->broken)
            return;
        auto &lines = m_shared->lines;
        if (kind == Kind::Droppable
            && m_shared->queuedBytes + static_cast<std::size_t>(line.size()) > m_maxQueuedBytes) {
            ++m_shared->dropped;
            if (lines.empty() || lines.back().dropped == 0)
                lines.push_back({{}, 0});
            ++lines.back().dropped;
            return;
        }
        m_shared->queuedBytes += static_cast<std::size_t>(line.size()) + 1;
        line.append('\n');
        lines.push_back({std::move(line), 0});
        ++m_shared->posted;
    }
    m_shared->changed.notify_all();
}

bool LineQueue::drain(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_shared->mutex);
    const std::uint64_t target = m_shared->posted;
    return m_shared->changed.wait_for(lock, timeout, [&] { return m_shared->broken || m_shared->written >= target; });
}

std::uint64_t LineQueue::dropped() const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->dropped;
}

void LineQueue::writerLoop(
    std::shared_ptr<Shared> shared, std::FILE *out, std::function<QByteArray(std::uint64_t)> droppedLine)
{
    std::unique_lock lock(shared->mutex);
    for (;;) {
        shared->changed.wait(lock, [&] { return shared->stopping || !shared->lines.empty(); });
        if (shared->lines.empty())
            return;
        std::deque<Entry> batch;
        batch.swap(shared->lines);
        shared->queuedBytes = 0;
        lock.unlock();

        std::uint64_t count = 0; // posted lines in this batch
        bool ok = true;
        for (Entry &entry : batch) {
            if (entry.dropped > 0) {
                if (!droppedLine)
                    continue;
                entry.line = droppedLine(entry.dropped).append('\n');
            } else {
                ++count;
            }
            ok = std::fwrite(entry.line.constData(), 1, static_cast<std::size_t>(entry.line.size()), out)
                == static_cast<std::size_t>(entry.line.size());
            if (!ok)
                break;
        }
        ok = ok && std::fflush(out) == 0;

        lock.lock();
        shared->written += count;
        if (!ok) {
            // The reader is gone; nothing more can be said, and no one waits for it.
            shared->broken = true;
            shared->lines.clear();
            shared->queuedBytes = 0;
            shared->written = shared->posted;
        }
        shared->changed.notify_all();
    }
}

} // namespace aoesan::engine
