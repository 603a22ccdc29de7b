// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/TargetServer.h"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <poll.h>
#include <unistd.h>

#include <sys/eventfd.h>
#include <sys/socket.h>

#include "net/NetworkInterfaces.h"
#include "protocol/Constants.h"

namespace aoesan::engine {

namespace {

constexpr std::size_t kPage = 4096;
constexpr std::size_t kDataOffset = protocol::kCommonHeaderSize + protocol::kAtaHeaderSize; // 36
constexpr std::size_t kReceiveBatch = 32;
constexpr int kJumboMtu = 9000;

std::uint64_t nowMs()
{
    using namespace std::chrono;
    return static_cast<std::uint64_t>(duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count());
}

} // namespace

TargetServer::TargetServer(
    net::PacketSocket &socket, TargetProtocol &protocol, ExportState &state, ServerOptions options, ServerEvents events)
    : m_socket(socket)
    , m_protocol(protocol)
    , m_state(state)
    , m_options(options)
    , m_events(std::move(events))
    , m_clientEventsLeft(kClientEventsPerSecond)
    , m_saver([this](const std::string &w) {
        if (m_events.warning)
            m_events.warning(w);
    })
{
    m_stopFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    m_mtu = m_socket.interfaceInfo().mtu;
    // Room for a jumbo frame even when serving starts at 1500, so that a larger MTU set while serving can be
    // used without new buffers (64 buffers of 12 KiB instead of 4 KiB).
    const std::size_t mtu = static_cast<std::size_t>(std::max({m_mtu, kJumboMtu, 0}));
    m_frameCapacity = std::max(protocol::kEthernetHeaderSize + mtu, kDataOffset + protocol::kIdentifySize);
    if (m_options.buffers < kReceiveBatch + m_options.workers)
        m_options.buffers = kReceiveBatch + m_options.workers;
    allocateBuffers();
}

TargetServer::~TargetServer()
{
    {
        const std::lock_guard lock(m_queueMutex);
        m_stopping = true;
    }
    m_queueReady.notify_all();
    for (auto &w : m_workers)
        w.join();
    for (auto *a : m_allocations)
        std::free(a);
    if (m_stopFd >= 0)
        ::close(m_stopFd);
}

void TargetServer::allocateBuffers()
{
    // Each frame starts 36 bytes before a page boundary, so read data (and write data) at offset 36
    // is page-aligned, as O_DIRECT wants it.
    const std::size_t size = kPage + ((m_frameCapacity - kDataOffset + kPage - 1) / kPage) * kPage;
    for (std::size_t i = 0; i < m_options.buffers; ++i) {
        auto *allocation = static_cast<std::uint8_t *>(std::aligned_alloc(kPage, size));
        if (!allocation)
            break;
        m_allocations.push_back(allocation);
        m_pool.push_back(Buffer {allocation + kPage - kDataOffset, allocation, 0, m_pool.size()});
    }
}

bool TargetServer::tryTakeBuffer(Buffer &out)
{
    const std::lock_guard lock(m_poolMutex);
    if (m_pool.empty())
        return false;
    out = m_pool.back();
    m_pool.pop_back();
    return true;
}

TargetServer::Buffer TargetServer::takeBuffer()
{
    std::unique_lock lock(m_poolMutex);
    m_poolReturned.wait(lock, [this] { return !m_pool.empty(); });
    Buffer b = m_pool.back();
    m_pool.pop_back();
    return b;
}

void TargetServer::returnBuffer(Buffer buffer)
{
    {
        const std::lock_guard lock(m_poolMutex);
        m_pool.push_back(buffer);
    }
    m_poolReturned.notify_one();
}

void TargetServer::stop()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto n = ::write(m_stopFd, &one, sizeof one);
}

CounterSnapshot TargetServer::counters() const
{
    return {m_framesIn.load(), m_framesOut.load(), m_bytesRead.load(), m_bytesWritten.load(), m_errors.load(),
        m_clientCount.load(), m_droppedGroupSource.load(), m_readCommands.load(), m_writeCommands.load(),
        m_sendFailures.load()};
}

void TargetServer::account(const AtaCompletion &done)
{
    if (done.failed)
        m_errors.fetch_add(1, std::memory_order_relaxed);
    if (done.bytesRead) {
        m_bytesRead.fetch_add(done.bytesRead, std::memory_order_relaxed);
        m_readCommands.fetch_add(1, std::memory_order_relaxed);
    }
    if (done.bytesWritten) {
        m_bytesWritten.fetch_add(done.bytesWritten, std::memory_order_relaxed);
        m_writeCommands.fetch_add(1, std::memory_order_relaxed);
    }
}

void TargetServer::workerLoop()
{
    for (;;) {
        Buffer b;
        {
            std::unique_lock lock(m_queueMutex);
            m_queueReady.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return;
            b = m_queue.front();
            m_queue.pop_front();
        }
        const AtaCompletion done = m_protocol.executeAta(std::span(b.frame, m_frameCapacity), b.length);
        account(done);
        if (done.length > 0 && m_socket.send(std::span<const std::uint8_t>(b.frame, done.length)))
            m_framesOut.fetch_add(1, std::memory_order_relaxed);
        returnBuffer(b);
    }
}

bool TargetServer::submitAsync(Buffer &b)
{
    const auto start = m_protocol.beginAta(std::span(b.frame, m_frameCapacity), b.length);
    if (!start.pending) {
        account(start.done);
        if (start.done.length > 0 && m_socket.send(std::span<const std::uint8_t>(b.frame, start.done.length)))
            m_framesOut.fetch_add(1, std::memory_order_relaxed);
        return false;
    }
    const BlockBackend &backend = m_protocol.device().backend();
    m_aioSlots[b.index] = AioSlot {b, start.transfer, start.data};
    m_aio->queue(backend.ioFd(), start.transfer.write, start.data, start.transfer.bytes,
        backend.byteOffset(start.transfer.lba), b.index);
    return true;
}

void TargetServer::reapAsync(bool wait)
{
    std::vector<net::PacketBuffer> replies;
    std::vector<Buffer> finished;
    const auto complete = [&](std::uint64_t cookie, long result) {
        AioSlot &slot = m_aioSlots[static_cast<std::size_t>(cookie)];
        const AtaTransfer &t = slot.transfer;
        IoStatus status = result == static_cast<long>(t.bytes) ? IoStatus::Ok : IoStatus::Failed;
        if (result == -EINVAL) {
            // O_DIRECT refused this size or alignment: serve it synchronously through the page cache.
            const BlockBackend &backend = m_protocol.device().backend();
            status = t.write ? backend.write(t.lba, std::span<const std::uint8_t>(slot.data, t.bytes))
                             : backend.read(t.lba, std::span<std::uint8_t>(slot.data, t.bytes));
        }
        const AtaCompletion done = m_protocol.finishAta(std::span(slot.buffer.frame, m_frameCapacity), t, status);
        account(done);
        if (done.length > 0)
            replies.push_back({slot.buffer.frame, done.length, done.length});
        finished.push_back(slot.buffer);
    };
    m_aio->reap(complete, wait);
    if (!replies.empty()) {
        const int sent = m_socket.send(std::span<const net::PacketBuffer>(replies));
        if (sent > 0)
            m_framesOut.fetch_add(static_cast<std::uint64_t>(sent), std::memory_order_relaxed);
    }
    for (const auto &b : finished)
        returnBuffer(b);
}

TargetServer::Buffer TargetServer::takeBufferServingAsync()
{
    Buffer b;
    // The receive thread is also the completion thread: never sleep on the pool, reap instead.
    while (!tryTakeBuffer(b))
        reapAsync(true);
    return b;
}

void TargetServer::noteClient(const std::uint8_t *frame)
{
    protocol::MacAddress::Bytes bytes {};
    std::memcpy(bytes.data(), frame + 6, bytes.size());
    const protocol::MacAddress source(bytes);
    // This machine itself (the service's discovery probing every interval, aoesan-ctl here): answered, so
    // that it finds its own exports, but no client of the export, or every export would always show one.
    if (source == m_socket.interfaceInfo().mac)
        return;
    const ClientTable::Seen seen = m_clients.note(source, m_now);
    if (seen == ClientTable::Seen::Known)
        return;
    m_clientCount.store(m_clients.size(), std::memory_order_relaxed);
    // A storm of ever-new source MACs must not become a storm of events: a few are named each second,
    // the rest counted in one line.
    if (seen == ClientTable::Seen::New && m_clientEventsLeft > 0) {
        --m_clientEventsLeft;
        if (m_events.clientSeen)
            m_events.clientSeen(source);
        return;
    }
    ++m_unlistedClients;
}

void TargetServer::noteAccessChange(const std::uint8_t *frame)
{
    protocol::MacAddress::Bytes bytes {};
    std::memcpy(bytes.data(), frame + 6, bytes.size());
    m_accessChangedBy = protocol::MacAddress(bytes);
    m_accessEventDue = true;
    if (m_now >= m_nextAccessEventAt)
        emitAccessChange(); // else said by emitCountersIfDue once the second is over
}

void TargetServer::emitAccessChange()
{
    m_accessEventDue = false;
    m_nextAccessEventAt = m_now + 1000;
    if (m_events.accessChanged)
        m_events.accessChanged(AccessChange {m_state.masks(), m_state.reservations(), m_accessChangedBy});
}

void TargetServer::handleBatch(std::vector<Buffer> &batch, std::size_t received)
{
    std::vector<net::PacketBuffer> replies;
    std::vector<std::vector<std::uint8_t>> controlReplies;
    replies.reserve(received);
    controlReplies.reserve(received);
    std::vector<std::size_t> handedOff;

    for (std::size_t i = 0; i < received; ++i) {
        Buffer &b = batch[i];
        m_framesIn.fetch_add(1, std::memory_order_relaxed);
        std::vector<std::uint8_t> reply;
        const ReceiveResult r = m_protocol.receive(std::span<const std::uint8_t>(b.frame, b.length), reply);
        if (r.verdict == Verdict::Drop) {
            if (r.groupSource)
                m_droppedGroupSource.fetch_add(1, std::memory_order_relaxed);
            continue;
        }
        if (b.length >= 12)
            noteClient(b.frame);
        if (r.stateChanged)
            m_saver.changed(m_state); // saved by its own thread: I/O never waits for the disk's fsync
        if (r.accessChanged)
            noteAccessChange(b.frame);
        if (r.verdict == Verdict::Reply) {
            const auto *header = reply.data();
            if (reply.size() > 15 && (header[14] & protocol::flags::Error) != 0)
                m_errors.fetch_add(1, std::memory_order_relaxed);
            controlReplies.push_back(std::move(reply));
            auto &kept = controlReplies.back();
            replies.push_back({kept.data(), kept.size(), kept.size()});
            continue;
        }
        if (m_aio) {
            if (submitAsync(b))
                handedOff.push_back(i);
            continue;
        }
        if (m_options.workers > 0) {
            {
                const std::lock_guard lock(m_queueMutex);
                m_queue.push_back(b);
            }
            m_queueReady.notify_one();
            handedOff.push_back(i);
            continue;
        }
        const AtaCompletion done = m_protocol.executeAta(std::span(b.frame, m_frameCapacity), b.length);
        account(done);
        if (done.length > 0)
            replies.push_back({b.frame, done.length, done.length});
        // A small batch is a lightly loaded export (one initiator at low depth, iPXE): each reply goes out
        // as soon as it is ready, so the initiator works on it while the next frame is read from disk. A
        // big batch goes out kSendGroup replies per call: few system calls, and the initiator is never
        // left idle while the rest of a batch of 32 is read (sent whole at its end, 4 KiB mixed I/O at
        // depth 16 ran at 0.82x vblade's IOPS; sent by 8, 1.0x, tests/bench/soak.sh).
        if (received <= kPipelineBatch || replies.size() >= kSendGroup) {
            sendAll(replies);
            replies.clear();
        }
    }

    if (m_aio)
        m_aio->submit([&](std::uint64_t cookie, long) {
            // Refused by the kernel (e.g. an fd AIO cannot take): serve it synchronously.
            AioSlot &slot = m_aioSlots[static_cast<std::size_t>(cookie)];
            const AtaCompletion done
                = m_protocol.executeAta(std::span(slot.buffer.frame, m_frameCapacity), slot.buffer.length);
            account(done);
            if (done.length > 0 && m_socket.send(std::span<const std::uint8_t>(slot.buffer.frame, done.length)))
                m_framesOut.fetch_add(1, std::memory_order_relaxed);
            returnBuffer(slot.buffer);
        });
    sendAll(replies);
    // Buffers now owned by workers or the kernel are replaced with fresh ones for the next receive.
    for (const std::size_t i : handedOff)
        batch[i] = m_aio ? takeBufferServingAsync() : takeBuffer();
}

void TargetServer::sendAll(std::span<const net::PacketBuffer> replies)
{
    std::size_t at = 0;
    while (at < replies.size()) {
        const int sent = m_socket.send(replies.subspan(at));
        if (sent > 0) {
            m_framesOut.fetch_add(static_cast<std::uint64_t>(sent), std::memory_order_relaxed);
            at += static_cast<std::size_t>(sent);
            continue;
        }
        // The reply at `at` could not go out (too big for an MTU lowered while serving, no buffer space):
        // only it is lost, and the initiator asks again; the rest of the batch is still sent.
        m_sendFailures.fetch_add(1, std::memory_order_relaxed);
        const std::uint64_t now = nowMs();
        if (m_events.warning && now >= m_nextSendWarningAt) {
            m_nextSendWarningAt = now + 10000; // one line per 10 s, not one per frame
            m_events.warning("a reply of " + std::to_string(replies[at].length) + " bytes could not be sent on "
                + m_socket.interfaceInfo().name + ": " + std::strerror(sent < 0 ? -sent : EIO)
                + " (was the MTU lowered while serving?); the initiator will retry");
        }
        ++at;
    }
}

void TargetServer::emitCountersIfDue()
{
    const std::uint64_t now = nowMs();
    m_now = now;
    if (m_accessEventDue && now >= m_nextAccessEventAt)
        emitAccessChange();
    if (now < m_nextCountersAt)
        return;
    m_nextCountersAt = now + 1000;
    m_clientEventsLeft = kClientEventsPerSecond;
    if (m_unlistedClients > 0 && m_events.clientsUnlisted)
        m_events.clientsUnlisted(m_unlistedClients, m_clients.size());
    m_unlistedClients = 0;
    followMtu();
    if (m_events.counters)
        m_events.counters(counters());
}

void TargetServer::announce()
{
    for (const auto &frame : m_protocol.announcements())
        if (m_socket.send(frame))
            m_framesOut.fetch_add(1, std::memory_order_relaxed);
}

void TargetServer::followMtu()
{
    const net::InterfaceInfo &served = m_socket.interfaceInfo();
    const auto now = net::findInterface(served.name);
    if (!now || now->index != served.index || now->mtu == m_mtu)
        return; // gone or replaced: the next receive says so
    const int was = m_mtu;
    m_mtu = now->mtu;
    const std::uint8_t fits = protocol::sectorsPerFrame(static_cast<std::size_t>(m_mtu));
    const std::uint8_t held = protocol::sectorsPerFrame(m_frameCapacity - protocol::kEthernetHeaderSize);
    const std::uint8_t sectors = std::min(fits, held);
    if (sectors == 0) {
        if (m_events.warning)
            m_events.warning("the MTU of " + served.name + " changed from " + std::to_string(was) + " to "
                + std::to_string(m_mtu) + ", too small for AoE (it needs at least 548); replies cannot be sent until"
                + " it is raised");
        return;
    }
    const std::uint8_t before = m_protocol.maxSectors();
    m_protocol.setMaxSectors(sectors);
    if (m_events.warning)
        m_events.warning("the MTU of " + served.name + " changed from " + std::to_string(was) + " to "
            + std::to_string(m_mtu) + ": " + std::to_string(sectors) + (sectors == 1 ? " sector" : " sectors")
            + " per frame now (were " + std::to_string(before) + ")"
            + (sectors < fits ? "; restart the export to use more" : "") + "; the initiators are told");
    // A config reply to every initiator: the Linux driver takes the new Sector Count from it at once.
    announce();
}

bool TargetServer::stopRequested(int timeoutMs)
{
    pollfd fds[2] = {{m_stopFd, POLLIN, 0}, {m_options.stopFd, POLLIN, 0}};
    const int ready = ::poll(fds, 2, timeoutMs);
    return ready > 0 && ((fds[0].revents & POLLIN) || (fds[1].revents & POLLIN));
}

bool TargetServer::linkIsUp(bool &gone) const
{
    const net::InterfaceInfo &served = m_socket.interfaceInfo();
    const auto now = net::findInterface(served.name);
    // Gone, or another interface under the same name now (a new index): this socket can never reach it,
    // and the engine no longer holds the privilege to open another one; its supervisor starts a new engine.
    gone = !now || now->index != served.index;
    return !gone && now->up && (now->carrier || now->operState == "unknown");
}

TargetServer::Link TargetServer::waitForLink()
{
    // Reading the pending error clears it, so the next poll() does not report it again.
    int pending = 0;
    socklen_t length = sizeof pending;
    ::getsockopt(m_socket.fd(), SOL_SOCKET, SO_ERROR, &pending, &length);
    const net::InterfaceInfo &served = m_socket.interfaceInfo();
    bool gone = false;
    if (linkIsUp(gone))
        return Link::Back; // a passing error (e.g. a frame the device refused); nothing to wait for
    if (gone)
        return Link::Gone;
    if (m_events.warning)
        m_events.warning("the link of " + served.name + " is down (" + (pending ? std::strerror(pending) : "no carrier")
            + "); waiting for it to come back");
    for (;;) {
        emitCountersIfDue();
        if (stopRequested(250))
            return Link::Stop;
        if (linkIsUp(gone))
            break;
        if (gone)
            return Link::Gone;
    }
    ::getsockopt(m_socket.fd(), SOL_SOCKET, SO_ERROR, &pending, &length);
    followMtu(); // a link brought back up often comes with a new MTU
    // Initiators that lost the target while it was away find it again at once, as after a start.
    announce();
    if (m_events.warning)
        m_events.warning("the link of " + served.name + " is back; serving again");
    return Link::Back;
}

Result<bool, std::string> TargetServer::run()
{
    if (m_stopFd < 0)
        return Unexpected(std::string("cannot create the stop event: ") + std::strerror(errno));
    if (m_options.asyncIo) {
        auto aio = AsyncIo::create(static_cast<unsigned>(m_options.buffers));
        if (aio) {
            m_aio = std::move(aio).value();
            m_aioSlots.resize(m_options.buffers);
            m_options.workers = 0;
        } else if (m_events.warning) {
            m_events.warning(aio.error() + "; serving with I/O threads instead");
        }
    }
    for (unsigned i = 0; i < m_options.workers; ++i)
        m_workers.emplace_back([this] { workerLoop(); });

    // An engine started while its link is down (a cable out, an interface not yet up at boot) says so and
    // waits; its announcement goes out once the link is up, where an initiator can hear it.
    bool gone = false;
    bool stopBeforeServing = false;
    if (!linkIsUp(gone)) {
        m_nextCountersAt = nowMs() + 1000;
        const Link link = waitForLink();
        if (link == Link::Gone)
            return Unexpected("the network interface " + m_socket.interfaceInfo().name + " went away");
        stopBeforeServing = link == Link::Stop;
    } else {
        announce();
    }

    std::vector<Buffer> batch(kReceiveBatch);
    for (auto &b : batch)
        b = takeBuffer();
    std::vector<net::PacketBuffer> views(kReceiveBatch);
    m_now = nowMs();
    m_nextCountersAt = m_now + 1000;

    // While frames keep coming, receive without polling first: a busy export then costs one receive
    // and one send system call per batch, as vblade's read and write per frame, instead of three.
    // poll() runs when the socket is idle, for AIO completions, and every few milliseconds for the
    // stop signal.
    bool busy = false;
    std::uint64_t nextHousekeeping = 0;
    while (!stopBeforeServing) {
        bool socketError = false; // from poll() or the receive: the link went down, or the interface away
        const std::uint64_t now = nowMs(); // the vDSO's clock: no system call
        if (!busy || m_aio || now >= nextHousekeeping) {
            nextHousekeeping = now + 20;
            pollfd fds[4] = {{m_socket.fd(), POLLIN, 0}, {m_stopFd, POLLIN, 0}, {m_options.stopFd, POLLIN, 0},
                {m_aio ? m_aio->eventFd() : -1, POLLIN, 0}};
            const int ready = ::poll(fds, 4, busy ? 0 : 250); // negative fds are ignored by poll
            if (ready < 0 && errno != EINTR)
                return Unexpected(std::string("poll failed: ") + std::strerror(errno));
            if ((fds[1].revents & POLLIN) || (fds[2].revents & POLLIN))
                break;
            if (fds[3].revents & POLLIN)
                reapAsync(false);
            socketError = (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) != 0;
            if (!socketError && !busy && !(fds[0].revents & POLLIN)) {
                emitCountersIfDue();
                continue;
            }
        }
        int got = 0;
        if (!socketError) {
            for (std::size_t i = 0; i < batch.size(); ++i)
                views[i] = {batch[i].frame, m_frameCapacity, 0};
            got = m_socket.receive(views);
            socketError = got == -ENETDOWN || got == -ENXIO || got == -ENODEV;
        }
        if (socketError) {
            const Link link = waitForLink();
            if (link == Link::Stop)
                break;
            if (link == Link::Gone)
                return Unexpected("the network interface " + m_socket.interfaceInfo().name + " went away");
            busy = false;
            continue;
        }
        if (got < 0)
            return Unexpected("receive failed on " + m_socket.interfaceInfo().name + ": " + std::strerror(-got));
        // One frame alone is sparse traffic (a broadcast query, an initiator at depth 1): the socket is
        // most likely empty now, so the next round polls instead of asking it again for nothing. With 64
        // exports on one interface, a storm of broadcast queries cost each engine 5 system calls a query
        // (poll, receive, send, receive in vain, poll); now 3, as vblade's read, write and wait.
        busy = got > 1;
        if (got > 0) {
            for (int i = 0; i < got; ++i)
                batch[static_cast<std::size_t>(i)].length = views[static_cast<std::size_t>(i)].length;
            handleBatch(batch, static_cast<std::size_t>(got));
        }
        emitCountersIfDue();
    }

    while (m_aio && m_aio->inFlight() > 0)
        reapAsync(true);
    if (m_accessEventDue)
        emitAccessChange(); // the last lists in force are said before `stopped`
    m_saver.flush(); // the state file holds the last change before `stopped` is said
    for (auto &b : batch)
        returnBuffer(b);
    {
        const std::lock_guard lock(m_queueMutex);
        m_stopping = true;
    }
    m_queueReady.notify_all();
    for (auto &w : m_workers)
        w.join();
    m_workers.clear();
    return true;
}

} // namespace aoesan::engine
