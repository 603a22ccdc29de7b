// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/TargetProtocol.h"

#include <algorithm>
#include <cstring>

namespace aoesan::engine {

using namespace protocol;

namespace {

std::uint8_t commandByte(Command c)
{
    return static_cast<std::uint8_t>(c);
}

// Decode errors past an intact command header: the request is answered "bad argument", not ignored.
bool isBadArgument(DecodeErrc code)
{
    switch (code) {
    case DecodeErrc::ConfigStringTooLong:
    case DecodeErrc::ConfigStringBeyondFrame:
    case DecodeErrc::DirectiveCountBeyondFrame:
    case DecodeErrc::MacCountBeyondFrame:
        return true;
    default:
        return false;
    }
}

} // namespace

TargetProtocol::TargetProtocol(TargetIdentity identity, ExportState &state, AtaDevice &device)
    : m_identity(identity)
    , m_state(state)
    , m_device(device)
{ }

void TargetProtocol::setMaxSectors(std::uint8_t sectors)
{
    m_identity.maxSectors = sectors;
    m_device.setMaxSectors(sectors);
}

Header TargetProtocol::replyHeader(const Header &request) const
{
    Header h = request;
    h.destination = request.source;
    h.source = m_identity.mac;
    h.version = kVersion; // always Ver 1, whatever the request carried
    h.response = true;
    h.error = false;
    h.errorCode = 0;
    h.reservedFlags = 0;
    h.major = m_identity.shelf; // our real address, also when the request was a broadcast
    h.minor = m_identity.slot;
    return h;
}

ConfigArg TargetProtocol::configReply(std::uint8_t ccmd) const
{
    return ConfigArg {m_identity.bufferCount, m_identity.firmwareVersion, m_identity.maxSectors, kVersion, ccmd,
        m_state.configString()};
}

bool TargetProtocol::encodeInto(const Frame &frame, std::vector<std::uint8_t> &reply) const
{
    return encodeFrameInto(frame, reply).ok();
}

ReceiveResult TargetProtocol::errorReply(
    const Header &request, AoeError error, std::span<const std::uint8_t> frame, std::vector<std::uint8_t> &reply) const
{
    Header h = replyHeader(request);
    h.error = true;
    h.errorCode = static_cast<std::uint8_t>(error);
    reply.clear();
    encodeHeader(h, reply);
    // Echo what followed the header, as vblade does, up to the 60-byte minimum.
    const std::size_t echo = std::min<std::size_t>(frame.size(), kMinimumFrameSize);
    if (echo > kCommonHeaderSize)
        reply.insert(reply.end(), frame.begin() + kCommonHeaderSize, frame.begin() + static_cast<std::ptrdiff_t>(echo));
    reply.resize(kMinimumFrameSize, 0);
    return {Verdict::Reply, false};
}

ReceiveResult TargetProtocol::receive(std::span<const std::uint8_t> frame, std::vector<std::uint8_t> &reply)
{
    const auto header = decodeHeader(frame, DecodeOptions {false});
    if (!header)
        return {};
    const Header &h = header.value();
    // On lo, and with some drivers, a socket sees its own replies: never answer a response.
    if (h.response || !h.addresses(m_identity.shelf, m_identity.slot))
        return {};
    // A promiscuous interface (a bridge port, a capture running) also hands us unicasts meant for other
    // hosts: another target that happens to share our shelf.slot must not get two answers.
    if (!h.destination.isMulticast() && h.destination != m_identity.mac)
        return {};
    // No host owns a group address: a request "from" one is forged, and its reply would flood the segment.
    if (h.source.isMulticast())
        return {Verdict::Drop, false, true};
    if (!m_state.maskAllows(h.source))
        return {};
    if (h.version != kVersion)
        return errorReply(h, AoeError::UnsupportedVersion, frame, reply);

    const auto decoded = decodeFrame(frame, DecodeOptions {false});
    if (!decoded) {
        if (isBadArgument(decoded.error().code))
            return errorReply(h, AoeError::BadArgument, frame, reply);
        return {}; // shorter than its command's header: nothing sensible to echo
    }
    const Frame &f = decoded.value();
    switch (h.commandCode()) {
    case Command::Ata: {
        const auto &command = *f.as<AtaArg>();
        // Holders of no reservation may still IDENTIFY, so discovery can size a reserved disk.
        if (!m_state.reservationAllows(h.source) && command.cmdStatus != ata::IdentifyDevice)
            return errorReply(h, AoeError::TargetReserved, frame, reply);
        return {Verdict::Ata, false};
    }
    case Command::QueryConfig:
        return handleConfig(h, *f.as<ConfigArg>(), reply);
    case Command::MacMask:
        return handleMask(h, *f.as<MacMaskArg>(), reply);
    case Command::Reserve:
        return handleReserve(h, *f.as<ReserveArg>(), reply);
    case Command::KeyedReserve:
        break;
    }
    return errorReply(h, AoeError::UnrecognizedCommand, frame, reply);
}

ReceiveResult TargetProtocol::handleConfig(const Header &h, const ConfigArg &c, std::vector<std::uint8_t> &reply)
{
    const std::string &current = m_state.configString();
    bool changed = false;
    switch (c.command()) {
    case ConfigCommand::Read:
        break;
    case ConfigCommand::TestExact:
        if (c.configString != current)
            return {}; // the rule is silence, not an error
        break;
    case ConfigCommand::TestPrefix:
        if (!current.starts_with(c.configString))
            return {};
        break;
    case ConfigCommand::SetIfEmpty:
        if (!current.empty() && current != c.configString) {
            Header err = replyHeader(h);
            err.error = true;
            err.errorCode = static_cast<std::uint8_t>(AoeError::ConfigStringPresent);
            encodeInto(Frame {err, configReply(c.ccmd)}, reply);
            return {Verdict::Reply, false};
        }
        changed = current != c.configString;
        m_state.setConfigString(c.configString);
        break;
    case ConfigCommand::ForceSet:
        changed = current != c.configString;
        m_state.setConfigString(c.configString);
        break;
    default: {
        Header err = replyHeader(h);
        err.error = true;
        err.errorCode = static_cast<std::uint8_t>(AoeError::BadArgument);
        encodeInto(Frame {err, configReply(c.ccmd)}, reply);
        return {Verdict::Reply, false};
    }
    }
    encodeInto(Frame {replyHeader(h), configReply(c.ccmd)}, reply);
    return {Verdict::Reply, changed};
}

ReceiveResult TargetProtocol::handleMask(const Header &h, const MacMaskArg &m, std::vector<std::uint8_t> &reply)
{
    MacMaskArg out;
    out.mcmd = m.mcmd;
    const std::vector<MacAddress> before = m_state.masks(); // at most 32
    if (m.mcmd == static_cast<std::uint8_t>(MacMaskCommand::Edit)) {
        if (m_state.wireEdits() == WireEdits::Refuse) {
            // The owner's list is the only one: nothing of the edit is applied, and the reply says so at its
            // first directive (the protocol has no "not allowed", so the unspecified error).
            out.merror = static_cast<std::uint8_t>(MacMaskError::Unspecified);
            out.dirCount = 0;
        }
        for (std::size_t i = 0; i < m.directives.size() && out.merror == 0; ++i) {
            const auto &d = m.directives[i];
            switch (static_cast<DirectiveCommand>(d.dcmd)) {
            case DirectiveCommand::None:
                break;
            case DirectiveCommand::Add:
                if (m_state.addMask(d.mac) == ExportState::MaskEdit::ListFull)
                    out.merror = static_cast<std::uint8_t>(MacMaskError::ListFull);
                break;
            case DirectiveCommand::Delete:
                m_state.removeMask(d.mac);
                break;
            default:
                out.merror = static_cast<std::uint8_t>(MacMaskError::BadDirective);
                break;
            }
            if (out.merror != 0)
                out.dirCount = static_cast<std::uint8_t>(i); // the failing directive; earlier ones stay applied
        }
    } else if (m.mcmd != static_cast<std::uint8_t>(MacMaskCommand::Read)) {
        out.merror = static_cast<std::uint8_t>(MacMaskError::Unspecified);
    }
    if (out.merror == 0) {
        for (const auto &mac : m_state.masks())
            out.directives.push_back({0, mac});
        out.dirCount = static_cast<std::uint8_t>(out.directives.size());
    }
    encodeInto(Frame {replyHeader(h), out}, reply);
    return accessResult(before != m_state.masks());
}

ReceiveResult TargetProtocol::handleReserve(const Header &h, const ReserveArg &r, std::vector<std::uint8_t> &reply)
{
    Header rh = replyHeader(h);
    bool changed = false;
    const auto refuse = [&rh](AoeError error) {
        rh.error = true;
        rh.errorCode = static_cast<std::uint8_t>(error);
    };
    switch (static_cast<ReserveCommand>(r.rcmd)) {
    case ReserveCommand::Read:
        break;
    case ReserveCommand::Set:
    case ReserveCommand::ForceSet:
        if (m_state.wireEdits() == WireEdits::Refuse) {
            refuse(AoeError::TargetReserved); // nobody may reserve it over the wire
            break;
        }
        if (r.rcmd == static_cast<std::uint8_t>(ReserveCommand::Set) && !m_state.reservationAllows(h.source)) {
            refuse(AoeError::TargetReserved);
            break;
        }
        if (r.macs.size() > ExportState::kMaxReservations) {
            refuse(AoeError::BadArgument);
            break;
        }
        changed = m_state.reservations() != r.macs;
        m_state.setReservations(r.macs);
        break;
    default:
        refuse(AoeError::BadArgument);
        break;
    }
    encodeInto(Frame {rh, ReserveArg {r.rcmd, m_state.reservations()}}, reply);
    return accessResult(changed);
}

ReceiveResult TargetProtocol::accessResult(bool changed) const
{
    // Saved only where the owner allows wire edits to outlive the engine (ExportState::save).
    ReceiveResult result {Verdict::Reply};
    result.stateChanged = changed && m_state.wireEdits() == WireEdits::Keep;
    result.accessChanged = changed;
    return result;
}

TargetProtocol::AtaStart TargetProtocol::beginAta(std::span<std::uint8_t> buffer, std::size_t length) const
{
    AtaStart start;
    const auto frame = decodeFrame(buffer.first(length), DecodeOptions {false});
    if (!frame || !frame->as<AtaArg>())
        return start;
    auto data = buffer.subspan(kCommonHeaderSize + kAtaHeaderSize);
    const AtaPlan plan = m_device.plan(*frame->as<AtaArg>(), data);
    if (!plan.needsTransfer) {
        start.done = writeAtaReply(buffer, frame.value(), plan.immediate);
        return start;
    }
    start.pending = true;
    start.transfer = plan.transfer;
    start.data = data.data();
    return start;
}

AtaCompletion TargetProtocol::finishAta(
    std::span<std::uint8_t> buffer, const AtaTransfer &transfer, IoStatus status) const
{
    // Only the 36 header bytes are decoded again: the data region may now hold read data.
    const auto frame = decodeFrame(buffer.first(kCommonHeaderSize + kAtaHeaderSize), DecodeOptions {false});
    if (!frame || !frame->as<AtaArg>())
        return {};
    return writeAtaReply(buffer, frame.value(), AtaDevice::finish(transfer, status));
}

AtaCompletion TargetProtocol::executeAta(std::span<std::uint8_t> buffer, std::size_t length) const
{
    const AtaStart start = beginAta(buffer, length);
    if (!start.pending)
        return start.done;
    const AtaTransfer &t = start.transfer;
    const BlockBackend &backend = m_device.backend();
    const IoStatus status = t.write ? backend.write(t.lba, std::span<const std::uint8_t>(start.data, t.bytes))
                                    : backend.read(t.lba, std::span<std::uint8_t>(start.data, t.bytes));
    return finishAta(buffer, t, status);
}

AtaCompletion TargetProtocol::writeAtaReply(
    std::span<std::uint8_t> buffer, const Frame &request, const AtaOutcome &outcome) const
{
    const AtaArg &command = *request.as<AtaArg>();
    Header rh = replyHeader(request.header);
    if (outcome.aoeError != AoeError::None) {
        rh.error = true;
        rh.errorCode = static_cast<std::uint8_t>(outcome.aoeError);
    }
    std::vector<std::uint8_t> head;
    head.reserve(kCommonHeaderSize);
    encodeHeader(rh, head);
    std::memcpy(buffer.data(), head.data(), kCommonHeaderSize);
    std::uint8_t *arg = buffer.data() + kCommonHeaderSize;
    // aflags and the LBA bytes stay as the request had them.
    arg[1] = outcome.error;
    arg[2] = outcome.sectorCount;
    arg[3] = outcome.status;
    AtaCompletion done;
    done.length = kCommonHeaderSize + kAtaHeaderSize + outcome.dataBytes;
    if (done.length < kMinimumFrameSize) {
        std::memset(buffer.data() + done.length, 0, kMinimumFrameSize - done.length);
        done.length = kMinimumFrameSize;
    }
    done.failed = outcome.aoeError != AoeError::None || (outcome.status & ata::StatusError) != 0;
    if (!done.failed) {
        const bool isWrite = command.cmdStatus == ata::WriteSectors || command.cmdStatus == ata::WriteSectorsExt;
        const bool isRead = command.cmdStatus == ata::ReadSectors || command.cmdStatus == ata::ReadSectorsExt;
        const std::size_t bytes = std::size_t {command.sectorCount} * kSectorSize;
        done.bytesWritten = isWrite ? bytes : 0;
        done.bytesRead = isRead ? bytes : 0;
    }
    return done;
}

std::vector<std::vector<std::uint8_t>> TargetProtocol::announcements() const
{
    Header h;
    h.source = m_identity.mac;
    h.response = true;
    h.major = m_identity.shelf;
    h.minor = m_identity.slot;
    h.command = commandByte(Command::QueryConfig);
    h.tag = 0; // tag bit 31 clear: the Linux initiator takes it and sends IDENTIFY at once
    std::vector<MacAddress> destinations = m_state.masks();
    if (destinations.empty())
        destinations.push_back(MacAddress::broadcast());
    std::vector<std::vector<std::uint8_t>> frames;
    for (const auto &dst : destinations) {
        h.destination = dst;
        if (auto bytes = encodeFrame(Frame {h, configReply(0)}))
            frames.push_back(std::move(bytes).value());
    }
    return frames;
}

} // namespace aoesan::engine
