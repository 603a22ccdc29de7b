// SPDX-License-Identifier: GPL-3.0-or-later
// The target side of AoE for one export, without any I/O: which frames to answer, drop or hand to
// the ATA device, and the bytes of every reply (AOE-PROTOCOL §2). The receive path runs receive();
// ATA commands then run through executeAta() in place, possibly on another thread.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "engine/AtaDevice.h"
#include "engine/ExportState.h"
#include "protocol/Frame.h"

namespace aoesan::engine {

struct TargetIdentity
{
    std::uint16_t shelf = 0;
    std::uint8_t slot = 0;
    protocol::MacAddress mac;
    std::uint16_t bufferCount = 16; // the Linux initiator needs at least 2
    std::uint16_t firmwareVersion = 0;
    std::uint8_t maxSectors = 2; // from the interface MTU
};

enum class Verdict : std::uint8_t {
    Drop, // not for us, a response, masked out, or too short to answer
    Reply, // the reply is in the output buffer
    Ata, // an ATA command that passed every check: call executeAta()
};

struct AtaCompletion
{
    std::size_t length = 0; // of the reply in the buffer; 0: nothing to send
    std::size_t bytesRead = 0;
    std::size_t bytesWritten = 0;
    bool failed = false; // an AoE error or an ATA error status went back
};

struct ReceiveResult
{
    Verdict verdict = Verdict::Drop;
    bool stateChanged = false; // the state file must be written: the config string changed, or a list it keeps
    // Dropped because the sender claims a group (broadcast or multicast) MAC: answering would send the
    // reply, up to 1 KiB for a 32-byte request, to every host on the segment (a reflection attack).
    bool groupSource = false;
    // The MAC mask or reserve list changed over the wire: who may use the export is not what it was, which
    // the engine says (the `access` event) so that the owner sees it.
    bool accessChanged = false;
};

class TargetProtocol
{
public:
    TargetProtocol(TargetIdentity identity, ExportState &state, AtaDevice &device);

    // Sectors per frame, as config replies advertise them and ATA commands may ask for them. Changed when
    // the interface's MTU changes while serving; from the receive thread, like receive().
    std::uint8_t maxSectors() const { return m_identity.maxSectors; }
    void setMaxSectors(std::uint8_t sectors);

    // Classifies a received frame and, for everything but ATA I/O, builds the reply in `reply`.
    // Must be called from one thread at a time: it reads and changes the export state.
    ReceiveResult receive(std::span<const std::uint8_t> frame, std::vector<std::uint8_t> &reply);

    // Runs the ATA command of a frame receive() returned Verdict::Ata for, and rewrites `buffer` in
    // place into the reply (read data lands at byte 36). `buffer` must hold 36 + maxSectors × 512
    // bytes. Thread-safe.
    AtaCompletion executeAta(std::span<std::uint8_t> buffer, std::size_t length) const;

    // executeAta in two steps, for a caller that moves the bytes itself (asynchronous I/O): when
    // `pending`, transfer `transfer.bytes` between the backend and `data` (inside `buffer`), then call
    // finishAta with the result. The request's header stays intact in the buffer until then.
    struct AtaStart
    {
        bool pending = false;
        AtaTransfer transfer;
        std::uint8_t *data = nullptr;
        AtaCompletion done; // when not pending: the reply is already in the buffer
    };
    AtaStart beginAta(std::span<std::uint8_t> buffer, std::size_t length) const;
    AtaCompletion finishAta(std::span<std::uint8_t> buffer, const AtaTransfer &transfer, IoStatus status) const;

    // The unsolicited config reply sent at start: broadcast, or one per masked MAC.
    std::vector<std::vector<std::uint8_t>> announcements() const;

    const TargetIdentity &identity() const { return m_identity; }
    const AtaDevice &device() const { return m_device; }

private:
    protocol::Header replyHeader(const protocol::Header &request) const;
    protocol::ConfigArg configReply(std::uint8_t ccmd) const;
    bool encodeInto(const protocol::Frame &frame, std::vector<std::uint8_t> &reply) const;
    ReceiveResult accessResult(bool changed) const;
    ReceiveResult errorReply(const protocol::Header &request, protocol::AoeError error,
        std::span<const std::uint8_t> frame, std::vector<std::uint8_t> &reply) const;
    AtaCompletion writeAtaReply(
        std::span<std::uint8_t> buffer, const protocol::Frame &request, const AtaOutcome &outcome) const;
    ReceiveResult handleConfig(
        const protocol::Header &h, const protocol::ConfigArg &c, std::vector<std::uint8_t> &reply);
    ReceiveResult handleMask(
        const protocol::Header &h, const protocol::MacMaskArg &m, std::vector<std::uint8_t> &reply);
    ReceiveResult handleReserve(
        const protocol::Header &h, const protocol::ReserveArg &r, std::vector<std::uint8_t> &reply);

    TargetIdentity m_identity;
    ExportState &m_state;
    AtaDevice &m_device;
};

} // namespace aoesan::engine
