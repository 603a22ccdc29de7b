// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/AsyncIo.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

#include <sys/eventfd.h>
#include <sys/syscall.h>

namespace aoesan::engine {

namespace {

// glibc has no wrappers for the kernel's AIO calls (libaio's are the same thin syscalls).
long ioSetup(unsigned events, aio_context_t *context)
{
    return ::syscall(SYS_io_setup, events, context);
}
long ioDestroy(aio_context_t context)
{
    return ::syscall(SYS_io_destroy, context);
}
long ioSubmit(aio_context_t context, long count, iocb **iocbs)
{
    return ::syscall(SYS_io_submit, context, count, iocbs);
}
long ioGetEvents(aio_context_t context, long minimum, long maximum, io_event *events, timespec *timeout)
{
    return ::syscall(SYS_io_getevents, context, minimum, maximum, events, timeout);
}

} // namespace

Result<std::unique_ptr<AsyncIo>, std::string> AsyncIo::create(unsigned depth)
{
    aio_context_t context = 0;
    if (ioSetup(depth, &context) != 0)
        return Unexpected(std::string("cannot set up asynchronous I/O: ") + std::strerror(errno));
    const int fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (fd < 0) {
        ioDestroy(context);
        return Unexpected(std::string("cannot create an eventfd: ") + std::strerror(errno));
    }
    return std::unique_ptr<AsyncIo>(new AsyncIo(context, fd, depth));
}

AsyncIo::AsyncIo(aio_context_t context, int eventFd, unsigned depth)
    : m_context(context)
    , m_eventFd(eventFd)
    , m_depth(depth)
{
    m_queued.reserve(depth);
}

AsyncIo::~AsyncIo()
{
    // io_destroy waits for what is still in flight, so no completion writes into freed buffers.
    ioDestroy(m_context);
    ::close(m_eventFd);
}

void AsyncIo::queue(int fd, bool write, void *buffer, std::size_t bytes, std::int64_t offset, std::uint64_t cookie)
{
    iocb cb {};
    cb.aio_data = cookie;
    cb.aio_lio_opcode = write ? IOCB_CMD_PWRITE : IOCB_CMD_PREAD;
    cb.aio_fildes = static_cast<std::uint32_t>(fd);
    cb.aio_buf = reinterpret_cast<std::uint64_t>(buffer);
    cb.aio_nbytes = bytes;
    cb.aio_offset = offset;
    cb.aio_flags = IOCB_FLAG_RESFD;
    cb.aio_resfd = static_cast<std::uint32_t>(m_eventFd);
    m_queued.push_back(cb);
}

void AsyncIo::submit(const std::function<void(std::uint64_t, long)> &failed)
{
    std::vector<iocb *> pointers;
    pointers.reserve(m_queued.size());
    for (auto &cb : m_queued)
        pointers.push_back(&cb);
    std::size_t done = 0;
    while (done < pointers.size()) {
        const long n = ioSubmit(m_context, static_cast<long>(pointers.size() - done), pointers.data() + done);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
            m_inFlight += static_cast<unsigned>(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        // The first remaining operation was refused: report it, go on with the rest.
        failed(pointers[done]->aio_data, n < 0 ? -errno : -EIO);
        ++done;
    }
    m_queued.clear();
}

unsigned AsyncIo::reap(const std::function<void(std::uint64_t, long)> &done, bool wait)
{
    std::uint64_t counter = 0;
    [[maybe_unused]] const auto n = ::read(m_eventFd, &counter, sizeof counter);
    io_event events[64];
    unsigned total = 0;
    for (;;) {
        timespec zero {0, 0};
        const long minimum = (wait && total == 0 && m_inFlight > 0) ? 1 : 0;
        const long got = ioGetEvents(m_context, minimum, 64, events, minimum ? nullptr : &zero);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        for (long i = 0; i < got; ++i) {
            --m_inFlight;
            done(events[i].data, static_cast<long>(events[i].res));
        }
        total += static_cast<unsigned>(got);
        if (got < 64)
            break;
    }
    return total;
}

} // namespace aoesan::engine
