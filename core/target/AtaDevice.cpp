#include "target/AtaDevice.h"

#include <algorithm>
#include <cstring>

namespace aoesan::target {

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
    : m_backend(backend), m_maxSectors(maxSectors)
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

AtaOutcome AtaDevice::execute(const AtaArg &request, std::span<std::uint8_t> out) const
{
    const std::uint8_t count = request.sectorCount;
    switch (request.cmdStatus) {
    case ata::IdentifyDevice:
        // Linux asks for one sector; aoe-sancheck's path probes pad the request, so only the answer's size is fixed.
        std::memcpy(out.data(), m_identify.data(), kIdentifySize);
        return {AoeError::None, ata::StatusReady, 0, 0, kIdentifySize};

    case ata::ReadSectors:
    case ata::ReadSectorsExt: {
        if (count > m_maxSectors)
            return {AoeError::BadArgument, 0, 0, count, 0};
        const std::size_t bytes = std::size_t{count} * kSectorSize;
        return fromIo(m_backend.read(request.effectiveLba(), out.first(bytes)), count, bytes);
    }

    case ata::WriteSectors:
    case ata::WriteSectorsExt: {
        const std::size_t bytes = std::size_t{count} * kSectorSize;
        if (count > m_maxSectors || request.data.size() < bytes)
            return {AoeError::BadArgument, 0, 0, count, 0};
        return fromIo(m_backend.write(request.effectiveLba(), request.data.first(bytes)), count, 0);
    }

    case ata::FlushCache:
    case ata::FlushCacheExt:
        return m_backend.flush() == IoStatus::Ok ? AtaOutcome{} : failed(ata::ErrorAborted, 0);

    case ata::CheckPowerMode:
        return {AoeError::None, ata::StatusReady, 0, 0xFF, 0}; // 0xFF: active or idle

    default:
        return failed(ata::ErrorAborted, count);
    }
}

} // namespace aoesan::target
