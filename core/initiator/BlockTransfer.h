// SPDX-License-Identifier: GPL-3.0-or-later
// One READ or WRITE of many sectors, cut into ATA EXT frames and fed to the tracker only as fast as the
// peer's window drains, so a large transfer never queues thousands of frames in memory.
#pragma once

#include <QByteArray>
#include <QPointer>

#include <memory>

#include "initiator/RequestTracker.h"

namespace aoesan::initiator {

struct TransferPlan
{
    Peer peer;
    std::uint64_t lba = 0;
    std::uint64_t sectors = 0;
    int sectorsPerFrame = 1;
    bool write = false;
    QByteArray data; // what a write sends; sectors × 512 bytes
    RetryPolicy policy;
};

class BlockTransfer : public std::enable_shared_from_this<BlockTransfer>
{
public:
    // Starts the transfer; `done` gets the read data (or, for a write, an empty ReadResult with counts).
    static void start(RequestTracker &tracker, TransferPlan plan, QObject *context, Completion<ReadResult> done);

    BlockTransfer(RequestTracker &tracker, TransferPlan plan, QObject *context, Completion<ReadResult> done);

private:
    void feed();
    void onFrame(std::uint64_t offset, std::uint64_t count, Outcome<RawReply> reply);
    void fail(Failure failure);

    RequestTracker &m_tracker;
    TransferPlan m_plan;
    bool m_hasContext;
    QPointer<QObject> m_context;
    Completion<ReadResult> m_done;
    ReadResult m_result;
    std::uint64_t m_next = 0; // first sector (relative) not yet submitted
    std::uint64_t m_finished = 0; // sectors whose frames completed
    int m_outstanding = 0;
    bool m_over = false;
};

// Turns an AoE error flag or a failed ATA status of a reply into a Failure; nullopt when the reply is good.
std::optional<Failure> ataReplyFailure(const protocol::Header &header, const protocol::AtaArg &ata, int attempts);

} // namespace aoesan::initiator
