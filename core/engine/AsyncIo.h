// SPDX-License-Identifier: GPL-3.0-or-later
// Linux kernel AIO (io_submit) for O_DIRECT exports: many reads and writes in flight from one thread,
// completions signalled on an eventfd the serving loop polls. With O_DIRECT the kernel queues the I/O
// and returns at once, so storage latency overlaps without a thread per request (ggaoed's design).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <linux/aio_abi.h>

#include "util/Result.h"

namespace aoesan::engine {

class AsyncIo
{
public:
    // `depth`: the most operations in flight at once.
    static Result<std::unique_ptr<AsyncIo>, std::string> create(unsigned depth);
    ~AsyncIo();
    AsyncIo(const AsyncIo &) = delete;
    AsyncIo &operator=(const AsyncIo &) = delete;

    // Readable when completions are waiting.
    int eventFd() const { return m_eventFd; }
    unsigned inFlight() const { return m_inFlight; }
    unsigned depth() const { return m_depth; }

    // Queues one operation; submit() hands the queue to the kernel in one system call.
    void queue(int fd, bool write, void *buffer, std::size_t bytes, std::int64_t offset, std::uint64_t cookie);
    // Returns the cookies of queued operations the kernel refused, with -errno, through `failed`.
    void submit(const std::function<void(std::uint64_t cookie, long result)> &failed);
    // Calls `done(cookie, bytes or -errno)` for every finished operation; with `wait`, blocks for one.
    unsigned reap(const std::function<void(std::uint64_t cookie, long result)> &done, bool wait);

private:
    AsyncIo(aio_context_t context, int eventFd, unsigned depth);

    aio_context_t m_context;
    int m_eventFd;
    unsigned m_depth;
    unsigned m_inFlight = 0;
    std::vector<iocb> m_queued;
};

} // namespace aoesan::engine
