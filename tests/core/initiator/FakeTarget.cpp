// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeTarget.h"

#include <algorithm>

#include "protocol/Identify.h"

namespace aoesan::test {

using namespace aoesan::protocol;

namespace {

std::span<const std::uint8_t> bytesOf(const QByteArray &a)
{
    return {reinterpret_cast<const std::uint8_t *>(a.constData()), static_cast<std::size_t>(a.size())};
}

bool contains(const std::vector<MacAddress> &list, const MacAddress &mac)
{
    return std::ranges::find(list, mac) != list.end();
}

} // namespace

FakeTarget::FakeTarget(net::MemoryLink *link, std::string interfaceName, MacAddress mac, int mtu, QObject *parent)
    : QObject(parent)
    , m_transport(new net::MemoryTransport(link, std::move(interfaceName), mac, mtu, this))
    , m_mac(mac)
    , m_mtu(mtu)
{
    connect(m_transport, &net::Transport::frameReceived, this, &FakeTarget::onFrame);
}

void FakeTarget::addDisk(const FakeDisk &disk)
{
    auto d = std::make_unique<Disk>();
    d->info = disk;
    m_disks.push_back(std::move(d));
}

FakeDisk *FakeTarget::disk(std::uint16_t shelf, std::uint8_t slot)
{
    for (auto &d : m_disks) {
        if (d->info.shelf == shelf && d->info.slot == slot)
            return &d->info;
    }
    return nullptr;
}

const std::map<std::uint64_t, QByteArray> &FakeTarget::written(std::uint16_t shelf, std::uint8_t slot)
{
    static const std::map<std::uint64_t, QByteArray> none;
    for (auto &d : m_disks) {
        if (d->info.shelf == shelf && d->info.slot == slot)
            return d->sectors;
    }
    return none;
}

QByteArray FakeTarget::patternSector(std::uint64_t lba)
{
    QByteArray sector(static_cast<qsizetype>(kSectorSize), '\0');
    for (qsizetype i = 0; i < sector.size(); ++i)
        sector[i] = static_cast<char>((lba * 7 + static_cast<std::uint64_t>(i)) & 0xFFU);
    return sector;
}

int FakeTarget::requestCount(Command command) const
{
    return static_cast<int>(std::ranges::count_if(m_requests, [command](const QByteArray &f) {
        return f.size() > 19 && static_cast<std::uint8_t>(f[19]) == static_cast<std::uint8_t>(command);
    }));
}

void FakeTarget::releaseHeld()
{
    const QList<QByteArray> held = std::exchange(m_held, {});
    for (const auto &frame : held)
        answer(frame);
}

void FakeTarget::announce(std::uint16_t shelf, std::uint8_t slot, std::uint8_t version)
{
    for (auto &d : m_disks) {
        if (d->info.shelf != shelf || d->info.slot != slot)
            continue;
        Frame f {Header {}, configOf(*d)};
        f.header.destination = MacAddress::broadcast();
        f.header.source = m_mac;
        f.header.version = version;
        f.header.response = true;
        f.header.major = shelf;
        f.header.minor = slot;
        f.header.command = static_cast<std::uint8_t>(Command::QueryConfig);
        f.header.tag = 0;
        const auto bytes = encodeFrame(f);
        if (bytes)
            (void)m_transport->send(bytes.value());
    }
}

void FakeTarget::onFrame(const QByteArray &frame)
{
    const auto header = decodeHeader(bytesOf(frame));
    if (!header || header->response)
        return;
    if (header->destination != m_mac && !header->destination.isBroadcast())
        return;
    if (m_silent || (m_ignoreAta && header->commandCode() == Command::Ata))
        return;
    if (m_dropNext > 0) {
        --m_dropNext;
        return;
    }
    if (m_hold) {
        m_held.append(frame);
        return;
    }
    answer(frame);
}

void FakeTarget::answer(const QByteArray &frame)
{
    const auto request = decodeFrame(bytesOf(frame));
    if (!request)
        return;
    for (auto &d : m_disks) {
        if (!request->header.addresses(d->info.shelf, d->info.slot))
            continue;
        // A non-empty mask list hides the target from every MAC not on it, config queries included.
        if (!d->info.maskList.empty() && !contains(d->info.maskList, request->header.source))
            continue;
        m_requests.append(frame);
        handle(*d, request.value());
    }
}

ConfigArg FakeTarget::configOf(const Disk &disk) const
{
    ConfigArg c;
    c.bufferCount = disk.info.bufferCount;
    c.firmwareVersion = disk.info.firmwareVersion;
    c.sectorCount = disk.info.maxSectors >= 0 ? static_cast<std::uint8_t>(disk.info.maxSectors)
                                              : sectorsPerFrame(static_cast<std::size_t>(m_mtu));
    c.configString = disk.info.configString;
    return c;
}

void FakeTarget::reply(const Frame &request, const Disk &disk, Argument arg, std::uint8_t error)
{
    Frame f {request.header, std::move(arg)};
    f.header.destination = request.header.source;
    f.header.source = m_mac;
    f.header.response = true;
    f.header.error = error != 0;
    f.header.errorCode = error;
    f.header.major = disk.info.shelf;
    f.header.minor = disk.info.slot;
    const auto bytes = encodeFrame(f);
    if (bytes)
        (void)m_transport->send(bytes.value());
}

void FakeTarget::handle(Disk &disk, const Frame &request)
{
    if (const auto *ata = request.as<AtaArg>())
        handleAta(disk, request, *ata);
    else if (const auto *config = request.as<ConfigArg>())
        handleConfig(disk, request, *config);
    else if (const auto *mask = request.as<MacMaskArg>())
        handleMask(disk, request, *mask);
    else if (const auto *reserve = request.as<ReserveArg>())
        handleReserve(disk, request, *reserve);
    else
        reply(request, disk, RawArg {}, static_cast<std::uint8_t>(AoeError::UnrecognizedCommand));
}

void FakeTarget::handleAta(Disk &disk, const Frame &request, const AtaArg &ata)
{
    AtaArg out = ata;
    out.data = {};
    out.errFeature = 0;
    out.sectorCount = 0;
    out.cmdStatus = ata::StatusReady;
    if (!disk.info.reserveList.empty() && !contains(disk.info.reserveList, request.header.source)
        && ata.cmdStatus != ata::IdentifyDevice) {
        reply(request, disk, out, static_cast<std::uint8_t>(AoeError::TargetReserved));
        return;
    }
    const std::uint8_t maxSectors = configOf(disk).effectiveSectorCount();
    if (ata.cmdStatus == ata::IdentifyDevice) {
        IdentifyInfo info {disk.info.serial, disk.info.firmware, disk.info.model,
            static_cast<std::uint32_t>(std::min<std::uint64_t>(disk.info.sectors, 0x0FFFFFFF)), disk.info.sectors, true,
            true, false, false};
        const auto block = buildIdentify(info);
        out.data = block;
        reply(request, disk, out);
        return;
    }
    const bool isRead = ata.cmdStatus == ata::ReadSectorsExt;
    const bool isWrite = ata.cmdStatus == ata::WriteSectorsExt;
    if (!isRead && !isWrite) {
        out.cmdStatus = ata::StatusReady | ata::StatusError;
        out.errFeature = ata::ErrorAborted;
        reply(request, disk, out);
        return;
    }
    if (ata.sectorCount > maxSectors || (isWrite && ata.data.size() < ata.sectorCount * kSectorSize)) {
        reply(request, disk, out, static_cast<std::uint8_t>(AoeError::BadArgument));
        return;
    }
    const std::uint64_t lba = ata.effectiveLba();
    if (lba + ata.sectorCount > disk.info.sectors) {
        out.cmdStatus = ata::StatusReady | ata::StatusError;
        out.errFeature = ata::ErrorIdNotFound;
        reply(request, disk, out);
        return;
    }
    QByteArray data;
    for (std::uint64_t i = 0; i < ata.sectorCount; ++i) {
        if (isWrite) {
            disk.sectors[lba + i] = QByteArray(
                reinterpret_cast<const char *>(ata.data.data() + i * kSectorSize), static_cast<qsizetype>(kSectorSize));
        } else {
            const auto it = disk.sectors.find(lba + i);
            data += it != disk.sectors.end() ? it->second : patternSector(lba + i);
        }
    }
    out.data = bytesOf(data);
    reply(request, disk, out);
}

void FakeTarget::handleConfig(Disk &disk, const Frame &request, const ConfigArg &config)
{
    std::string &stored = disk.info.configString;
    switch (config.command()) {
    case ConfigCommand::Read:
        break;
    case ConfigCommand::TestExact:
        if (config.configString != stored)
            return; // r11: no answer at all
        break;
    case ConfigCommand::TestPrefix:
        if (!stored.starts_with(config.configString))
            return;
        break;
    case ConfigCommand::SetIfEmpty:
        if (!stored.empty() && stored != config.configString) {
            reply(request, disk, configOf(disk), static_cast<std::uint8_t>(AoeError::ConfigStringPresent));
            return;
        }
        stored = config.configString;
        break;
    case ConfigCommand::ForceSet:
        stored = config.configString;
        break;
    default:
        reply(request, disk, configOf(disk), static_cast<std::uint8_t>(AoeError::BadArgument));
        return;
    }
    ConfigArg out = configOf(disk);
    out.ccmd = config.ccmd;
    reply(request, disk, out);
}

void FakeTarget::handleMask(Disk &disk, const Frame &request, const MacMaskArg &mask)
{
    auto &list = disk.info.maskList;
    if (mask.mcmd == static_cast<std::uint8_t>(MacMaskCommand::Edit)) {
        for (std::size_t i = 0; i < mask.directives.size(); ++i) {
            const auto &d = mask.directives[i];
            MacMaskArg failed;
            failed.mcmd = mask.mcmd;
            failed.dirCount = static_cast<std::uint8_t>(i);
            if (d.dcmd == static_cast<std::uint8_t>(DirectiveCommand::Add)) {
                if (contains(list, d.mac))
                    continue;
                if (list.size() >= 32) {
                    failed.merror = static_cast<std::uint8_t>(MacMaskError::ListFull);
                    reply(request, disk, failed);
                    return;
                }
                list.push_back(d.mac);
            } else if (d.dcmd == static_cast<std::uint8_t>(DirectiveCommand::Delete)) {
                std::erase(list, d.mac);
            } else if (d.dcmd != static_cast<std::uint8_t>(DirectiveCommand::None)) {
                failed.merror = static_cast<std::uint8_t>(MacMaskError::BadDirective);
                reply(request, disk, failed);
                return;
            }
        }
    }
    std::vector<MacMaskDirective> entries;
    for (const auto &mac : list)
        entries.push_back({0, mac});
    reply(request, disk, MacMaskArg::withDirectives(static_cast<MacMaskCommand>(mask.mcmd), entries));
}

void FakeTarget::handleReserve(Disk &disk, const Frame &request, const ReserveArg &reserve)
{
    auto &list = disk.info.reserveList;
    ReserveArg out;
    out.rcmd = reserve.rcmd;
    if (reserve.rcmd == static_cast<std::uint8_t>(ReserveCommand::Set)) {
        if (!list.empty() && !contains(list, request.header.source)) {
            out.macs = list;
            reply(request, disk, out, static_cast<std::uint8_t>(AoeError::TargetReserved));
            return;
        }
        list = reserve.macs;
    } else if (reserve.rcmd == static_cast<std::uint8_t>(ReserveCommand::ForceSet)) {
        list = reserve.macs;
    }
    out.macs = list;
    reply(request, disk, out);
}

} // namespace aoesan::test
