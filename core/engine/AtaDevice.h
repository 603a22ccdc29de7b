// SPDX-License-Identifier: GPL-3.0-or-later
// The ATA device an export presents: IDENTIFY, READ/WRITE SECTORS (LBA28) and EXT (LBA48),
// FLUSH CACHE (EXT) as a real fdatasync, CHECK POWER MODE; anything else is aborted.
// Stateless apart from the backend, so I/O workers may call execute() concurrently.
#pragma once

#include <atomic>
#include <cstdint>
#include <span>

#include "engine/BlockBackend.h"
#include "protocol/Arguments.h"
#include "protocol/Constants.h"
#include "protocol/Identify.h"

namespace aoesan::engine {

struct AtaOutcome
{
    protocol::AoeError aoeError = protocol::AoeError::None; // set: answer with the E flag and this code
    std::uint8_t status = protocol::ata::StatusReady;
    std::uint8_t error = 0; // ATA error register
    std::uint8_t sectorCount = 0; // sectors not done
    std::size_t dataBytes = 0; // bytes of read or IDENTIFY data written to the output
};

// A READ or WRITE that passed every check and now only needs its bytes moved.
struct AtaTransfer
{
    bool write = false;
    std::uint64_t lba = 0;
    std::uint8_t count = 0;
    std::size_t bytes = 0;
};

// What a command needs: either an answer right away, or a transfer and then finish().
struct AtaPlan
{
    bool needsTransfer = false;
    AtaTransfer transfer;
    AtaOutcome immediate;
};

class AtaDevice
{
public:
    // maxSectors: the most sectors per command this export advertises (from the interface MTU).
    AtaDevice(const BlockBackend &backend, protocol::IdentifyInfo identity, std::uint8_t maxSectors);

    // Runs one ATA command. `request.data` holds write data; read and IDENTIFY data go to `out`,
    // which must hold maxSectors × 512 bytes.
    AtaOutcome execute(const protocol::AtaArg &request, std::span<std::uint8_t> out) const;

    // The same in two steps, for callers that move the bytes themselves: plan() answers everything
    // but READ/WRITE at once (IDENTIFY data goes to `out`); finish() turns a transfer's result into
    // the outcome.
    AtaPlan plan(const protocol::AtaArg &request, std::span<std::uint8_t> out) const;
    static AtaOutcome finish(const AtaTransfer &transfer, IoStatus status);

    const BlockBackend &backend() const { return m_backend; }

    const protocol::IdentifyBlock &identifyBlock() const { return m_identify; }
    std::uint8_t maxSectors() const { return m_maxSectors.load(std::memory_order_relaxed); }
    // The interface's MTU changed while serving: commands larger than a reply can now carry are refused
    // (an AoE error the initiator sees) rather than answered with a frame the interface cannot send.
    // Any thread; I/O threads see the new limit on their next command.
    void setMaxSectors(std::uint8_t sectors) { m_maxSectors.store(sectors, std::memory_order_relaxed); }

    // True for the commands whose cost is disk I/O (worth running off the receive thread).
    static bool touchesStorage(std::uint8_t command);

private:
    const BlockBackend &m_backend;
    protocol::IdentifyBlock m_identify;
    std::atomic<std::uint8_t> m_maxSectors;
};

} // namespace aoesan::engine
