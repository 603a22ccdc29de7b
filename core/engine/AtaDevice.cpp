// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/AtaDevice.h"

#include <algorithm>
#include <cstring>

namespace aoesan::engine {

using namespace protocol;

namespace {

AtaOutcome failed(std::uint8_t ataError, std::uint8_t remaining)
{
    return {AoeError::None, ata::StatusReady | ata::StatusError, ataError, remaining, 0};
}

AtaOutcome fromIo(IoStatus status, std::uint8_t count, std::size_t bytes)
{
    switch (status) {
    case IoStatus::Ok:
        return {AoeError::None, ata::StatusReady, 0, 0, bytes};
    case IoStatus::OutOfRange:
        return failed(ata::ErrorIdNotFound, count);
    case IoStatus::ReadOnly:
    case IoStatus::Failed:
        break;
    }
    return failed(ata::ErrorAborted, count);
}

} // namespace

AtaDevice::AtaDevice(const BlockBackend &backend, IdentifyInfo identity, std::uint8_t maxSectors)
    : m_backend(backend)
    , m_maxSectors(maxSectors)
{
    identity.lba28Sectors = static_cast<std::uint32_t>(std::min<std::uint64_t>(backend.sectors(), ata::Lba28Mask));
    identity.lba48Sectors = backend.sectors();
    identity.lba48 = true;
    identity.flush = true;
    identity.flushExt = true;
    m_identify = buildIdentify(identity);
}

bool AtaDevice::touchesStorage(std::uint8_t command)
{
    switch (command) {
    case ata::ReadSectors:
    case ata::ReadSectorsExt:
    case ata::WriteSectors:
    case ata::WriteSectorsExt:
    case ata::FlushCache:
    case ata::FlushCacheExt:
        return true;
    default:
        return false;
    }
}

AtaPlan AtaDevice::plan(const AtaArg &request, std::span<std::uint8_t> out) const
{
    const std::uint8_t count = request.sectorCount;
    AtaPlan p;
    switch (request.cmdStatus) {
    case ata::IdentifyDevice:
        // Linux asks for one sector; aoe-sancheck's path probes pad the request, so only the answer's size is fixed.
        std::memcpy(out.data(), m_identify.data(), kIdentifySize);
        p.immediate = {AoeError::None, ata::StatusReady, 0, 0, kIdentifySize};
        return p;

    case ata::ReadSectors:
    case ata::ReadSectorsExt:
    case ata::WriteSectors:
    case ata::WriteSectorsExt: {
        const bool write = request.cmdStatus == ata::WriteSectors || request.cmdStatus == ata::WriteSectorsExt;
        const std::size_t bytes = std::size_t {count} * kSectorSize;
        if (count > maxSectors() || (write && request.data.size() < bytes)) {
            p.immediate = {AoeError::BadArgument, 0, 0, count, 0};
            return p;
        }
        const AtaTransfer transfer {write, request.effectiveLba(), count, bytes};
        if (const IoStatus status = m_backend.check(transfer.lba, bytes, write); status != IoStatus::Ok) {
            p.immediate = finish(transfer, status);
            return p;
        }
        p.needsTransfer = true;
        p.transfer = transfer;
        return p;
    }

    case ata::FlushCache:
    case ata::FlushCacheExt:
        p.immediate = m_backend.flush() == IoStatus::Ok ? AtaOutcome {} : failed(ata::ErrorAborted, 0);
        return p;

    case ata::CheckPowerMode:
        p.immediate = {AoeError::None, ata::StatusReady, 0, 0xFF, 0}; // 0xFF: active or idle
        return p;

    default:
        p.immediate = failed(ata::ErrorAborted, count);
        return p;
    }
}

AtaOutcome AtaDevice::finish(const AtaTransfer &transfer, IoStatus status)
{
    return fromIo(status, transfer.count, transfer.write ? 0 : transfer.bytes);
}

AtaOutcome AtaDevice::execute(const AtaArg &request, std::span<std::uint8_t> out) const
{
    const AtaPlan p = plan(request, out);
    if (!p.needsTransfer)
        return p.immediate;
    const AtaTransfer &t = p.transfer;
    const IoStatus status
        = t.write ? m_backend.write(t.lba, request.data.first(t.bytes)) : m_backend.read(t.lba, out.first(t.bytes));
    return finish(t, status);
}

} // namespace aoesan::engine
