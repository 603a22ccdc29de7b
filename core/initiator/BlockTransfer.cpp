// SPDX-License-Identifier: GPL-3.0-or-later
#include "initiator/BlockTransfer.h"

#include <algorithm>
#include <cstring>

namespace aoesan::initiator {

std::optional<Failure> ataReplyFailure(const protocol::Header &header, const protocol::AtaArg &ata, int attempts)
{
    if (header.error) {
        Failure f = Failure::of(Failure::Kind::AoeError,
            "target answered with AoE error " + std::to_string(header.errorCode) + " (" + aoeErrorText(header.errorCode)
                + ")",
            attempts);
        f.aoeError = header.errorCode;
        return f;
    }
    // The Linux initiator's test: BSY, DF, DRQ and ERR must all be clear.
    constexpr std::uint8_t kBad = protocol::ata::StatusBusy | protocol::ata::StatusDeviceFault
        | protocol::ata::StatusDataRequest | protocol::ata::StatusError;
    if ((ata.cmdStatus & kBad) != 0) {
        char text[96];
        std::snprintf(text, sizeof text, "ATA command failed: status 0x%02x, error 0x%02x%s", ata.cmdStatus,
            ata.errFeature, (ata.errFeature & protocol::ata::ErrorIdNotFound) != 0 ? " (sector out of range)" : "");
        Failure f = Failure::of(Failure::Kind::AtaError, text, attempts);
        f.ataStatus = ata.cmdStatus;
        f.ataError = ata.errFeature;
        return f;
    }
    return std::nullopt;
}

void BlockTransfer::start(RequestTracker &tracker, TransferPlan plan, QObject *context, Completion<ReadResult> done)
{
    auto transfer = std::make_shared<BlockTransfer>(tracker, std::move(plan), context, std::move(done));
    transfer->feed();
}

BlockTransfer::BlockTransfer(RequestTracker &tracker, TransferPlan plan, QObject *context, Completion<ReadResult> done)
    : m_tracker(tracker)
    , m_plan(std::move(plan))
    , m_hasContext(context != nullptr)
    , m_context(context)
    , m_done(std::move(done))
{
    m_plan.sectorsPerFrame = std::max(1, m_plan.sectorsPerFrame);
    if (!m_plan.write)
        m_result.data = QByteArray(static_cast<qsizetype>(m_plan.sectors * protocol::kSectorSize), '\0');
}

void BlockTransfer::feed()
{
    // Keep exactly a window's worth submitted: the tracker sends them at once and nothing waits in its queue.
    const int window = m_tracker.window(m_plan.peer);
    while (!m_over && m_next < m_plan.sectors && m_outstanding < window) {
        const std::uint64_t offset = m_next;
        const std::uint64_t count
            = std::min<std::uint64_t>(static_cast<std::uint64_t>(m_plan.sectorsPerFrame), m_plan.sectors - offset);
        m_next += count;
        ++m_outstanding;

        protocol::AtaArg ata;
        ata.aflags
            = static_cast<std::uint8_t>(protocol::aflags::Extended | (m_plan.write ? protocol::aflags::Write : 0));
        ata.sectorCount = static_cast<std::uint8_t>(count);
        ata.cmdStatus = m_plan.write ? protocol::ata::WriteSectorsExt : protocol::ata::ReadSectorsExt;
        ata.lba = m_plan.lba + offset;
        if (m_plan.write) {
            const auto *base = reinterpret_cast<const std::uint8_t *>(m_plan.data.constData());
            ata.data = std::span(base + offset * protocol::kSectorSize, count * protocol::kSectorSize);
        }
        protocol::Frame frame;
        frame.header.command = static_cast<std::uint8_t>(protocol::Command::Ata);
        frame.arg = ata;
        // The tracker copies the frame at submit, so the data span need not outlive this call.
        m_tracker.submit(m_plan.peer, frame, m_plan.policy, m_context.data(),
            [self = shared_from_this(), offset, count](
                Outcome<RawReply> reply) { self->onFrame(offset, count, std::move(reply)); });
    }
}

void BlockTransfer::onFrame(std::uint64_t offset, std::uint64_t count, Outcome<RawReply> reply)
{
    --m_outstanding;
    if (m_over)
        return;
    if (!reply) {
        fail(reply.error());
        return;
    }
    const RawReply &raw = reply.value();
    const auto bytes = std::span(
        reinterpret_cast<const std::uint8_t *>(raw.frame.constData()), static_cast<std::size_t>(raw.frame.size()));
    const auto decoded = protocol::decodeFrame(bytes, protocol::DecodeOptions {false});
    const protocol::AtaArg *ata = decoded ? decoded->as<protocol::AtaArg>() : nullptr;
    if (!ata) {
        fail(Failure::of(Failure::Kind::BadReply, "undecodable ATA reply", raw.meta.attempts));
        return;
    }
    if (auto failure = ataReplyFailure(raw.meta.header, *ata, raw.meta.attempts)) {
        fail(std::move(*failure));
        return;
    }
    const std::size_t length = count * protocol::kSectorSize;
    if (!m_plan.write) {
        if (ata->data.size() < length) {
            fail(Failure::of(Failure::Kind::BadReply,
                "short read reply: " + std::to_string(ata->data.size()) + " of " + std::to_string(length) + " bytes",
                raw.meta.attempts));
            return;
        }
        std::memcpy(m_result.data.data() + offset * protocol::kSectorSize, ata->data.data(), length);
    }
    ++m_result.frames;
    m_result.retransmits += raw.meta.attempts - 1;
    m_finished += count;
    if (m_finished == m_plan.sectors) {
        m_over = true;
        if (m_done && (!m_hasContext || m_context))
            m_done(std::move(m_result));
        return;
    }
    feed();
}

void BlockTransfer::fail(Failure failure)
{
    m_over = true;
    if (m_done && (!m_hasContext || m_context))
        m_done(Unexpected(std::move(failure)));
}

} // namespace aoesan::initiator
