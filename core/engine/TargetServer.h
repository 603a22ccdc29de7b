// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's serving loop for one export: receives batches of frames from a PacketSocket, answers
// control commands at once on the receive thread, and runs ATA commands either inline (page cache:
// cheapest per byte) or on a pool of I/O workers (O_DIRECT / O_SYNC: storage latency overlaps, many
// requests in flight). Replies are built in the request's own buffer; nothing is copied on the data path.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/AsyncIo.h"
#include "engine/ClientTable.h"
#include "engine/StateSaver.h"
#include "engine/TargetProtocol.h"
#include "net/PacketSocket.h"

namespace aoesan::engine {

struct CounterSnapshot
{
    std::uint64_t framesIn = 0;
    std::uint64_t framesOut = 0;
    std::uint64_t bytesRead = 0;
    std::uint64_t bytesWritten = 0;
    std::uint64_t errors = 0; // AoE or ATA errors answered
    std::uint64_t clients = 0; // initiator MACs kept (the most recent; see ClientTable)
    std::uint64_t droppedGroupSource = 0; // requests from a broadcast or multicast source MAC, never answered
    std::uint64_t readCommands = 0; // READ frames served (iostat's reads)
    std::uint64_t writeCommands = 0; // WRITE frames served
    std::uint64_t sendFailures = 0; // replies the socket refused (each lost alone; the initiator retries)
};

// Who may use the export after an initiator changed it over the wire (MAC Mask List, Reserve/Release).
struct AccessChange
{
    std::vector<protocol::MacAddress> masks;
    std::vector<protocol::MacAddress> reservations;
    protocol::MacAddress by; // the host whose edit came last
};

struct ServerEvents
{
    // At most kClientEventsPerSecond a second; the rest are counted and said in one clientsUnlisted.
    std::function<void(const protocol::MacAddress &)> clientSeen;
    std::function<void(std::uint64_t unlisted, std::uint64_t kept)> clientsUnlisted; // at most once a second
    std::function<void(const CounterSnapshot &)> counters; // about once a second
    std::function<void(const std::string &)> warning;
    // After a change of the mask or reserve list: at once, then at most once a second with the latest lists
    // (a host flapping the list costs one event a second).
    std::function<void(const AccessChange &)> accessChanged;
};

struct ServerOptions
{
    // Kernel AIO for READ/WRITE (O_DIRECT exports): many in flight from the receive thread itself.
    // Takes precedence over workers; falls back to them if AIO cannot be set up.
    bool asyncIo = false;
    unsigned workers = 0; // 0: ATA inline on the receive thread
    std::size_t buffers = 64; // frames that may be in flight inside the engine
    int stopFd = -1; // optional: a signalfd (or any fd) whose readability means "stop"
};

class TargetServer
{
public:
    TargetServer(net::PacketSocket &socket, TargetProtocol &protocol, ExportState &state, ServerOptions options,
        ServerEvents events);
    ~TargetServer();
    TargetServer(const TargetServer &) = delete;
    TargetServer &operator=(const TargetServer &) = delete;

    // Announces the export, then serves until stop(). Returns an error text if the socket fails.
    Result<bool, std::string> run();
    // Async-signal-safe: may be called from a SIGTERM handler or any thread.
    void stop();

    CounterSnapshot counters() const;

private:
    struct Buffer
    {
        std::uint8_t *frame = nullptr; // 36 bytes before a page boundary: ATA data is page-aligned
        std::uint8_t *allocation = nullptr;
        std::size_t length = 0;
        std::size_t index = 0; // stable: names the buffer as an AIO cookie
    };
    struct AioSlot
    {
        Buffer buffer;
        AtaTransfer transfer;
        std::uint8_t *data = nullptr;
    };

    void allocateBuffers();
    Buffer takeBuffer();
    bool tryTakeBuffer(Buffer &out);
    void returnBuffer(Buffer buffer);
    void workerLoop();
    void handleBatch(std::vector<Buffer> &batch, std::size_t received);
    void noteClient(const std::uint8_t *frame);
    void emitCountersIfDue();
    // Once a second: a changed MTU changes the sectors per frame, and the initiators are told at once.
    void followMtu();
    void announce();
    void noteAccessChange(const std::uint8_t *frame);
    void emitAccessChange();
    // Sends every reply, past one that fails (counted, warned about at most every 10 s).
    void sendAll(std::span<const net::PacketBuffer> replies);
    void account(const AtaCompletion &done);
    // Submits one ATA transfer to the kernel; false when it must be served another way.
    bool submitAsync(Buffer &buffer);
    // Sends the replies of finished AIO operations and frees their buffers; with `wait`, blocks for one.
    void reapAsync(bool wait);
    Buffer takeBufferServingAsync();
    enum class Link : std::uint8_t { Back, Stop, Gone };
    // The socket reported an error: a link that went down is waited for (the socket stays bound to the
    // interface and works again once it is up); an interface that went away ends serving.
    Link waitForLink();
    bool linkIsUp(bool &gone) const;
    bool stopRequested(int timeoutMs);

    net::PacketSocket &m_socket;
    TargetProtocol &m_protocol;
    ExportState &m_state;
    ServerOptions m_options;
    ServerEvents m_events;
    std::size_t m_frameCapacity = 0; // bytes a buffer holds: the MTU at start, and at least a jumbo frame
    int m_mtu = 0; // the interface's MTU as last seen; receive thread only
    int m_stopFd = -1;

    std::mutex m_poolMutex;
    std::condition_variable m_poolReturned;
    std::vector<Buffer> m_pool;
    std::vector<std::uint8_t *> m_allocations;

    std::mutex m_queueMutex;
    std::condition_variable m_queueReady;
    std::deque<Buffer> m_queue;
    bool m_stopping = false; // guarded by m_queueMutex
    std::vector<std::thread> m_workers;

    std::unique_ptr<AsyncIo> m_aio; // receive thread only
    std::vector<AioSlot> m_aioSlots; // by buffer index
    ClientTable m_clients; // receive thread only
    unsigned m_clientEventsLeft = 0; // this second's; receive thread only
    std::uint64_t m_unlistedClients = 0; // new clients not said one by one this second
    StateSaver m_saver;
    std::uint64_t m_nextCountersAt = 0;
    std::uint64_t m_nextAccessEventAt = 0; // receive thread only
    bool m_accessEventDue = false; // a change not said yet
    protocol::MacAddress m_accessChangedBy;
    std::uint64_t m_nextSendWarningAt = 0; // receive thread only
    std::uint64_t m_now = 0; // the receive thread's clock in ms, read once per batch
    static constexpr unsigned kClientEventsPerSecond = 32;
    // Below this many frames in a batch, inline replies go out one by one (see handleBatch).
    static constexpr std::size_t kPipelineBatch = 8;
    // In a bigger batch, inline replies go out this many per system call (see handleBatch).
    static constexpr std::size_t kSendGroup = 8;

    std::atomic<std::uint64_t> m_framesIn {0};
    std::atomic<std::uint64_t> m_framesOut {0};
    std::atomic<std::uint64_t> m_bytesRead {0};
    std::atomic<std::uint64_t> m_bytesWritten {0};
    std::atomic<std::uint64_t> m_errors {0};
    std::atomic<std::uint64_t> m_droppedGroupSource {0};
    std::atomic<std::uint64_t> m_readCommands {0};
    std::atomic<std::uint64_t> m_writeCommands {0};
    std::atomic<std::uint64_t> m_sendFailures {0};
    std::atomic<std::uint64_t> m_clientCount {0}; // m_clients.size(), readable from any thread
};

} // namespace aoesan::engine
