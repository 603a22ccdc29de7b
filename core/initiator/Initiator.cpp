// SPDX-License-Identifier: GPL-3.0-or-later
#include "initiator/Initiator.h"

#include <QMetaObject>

#include "initiator/BlockTransfer.h"
#include "net/Transport.h"

namespace aoesan::initiator {

namespace {

protocol::Frame requestFrame(protocol::Command command, protocol::Argument arg)
{
    protocol::Frame frame;
    frame.header.command = static_cast<std::uint8_t>(command);
    frame.arg = std::move(arg);
    return frame;
}

// Decodes the reply's argument as T; a BadReply when it is not one.
template<typename T> Outcome<T> decodeAs(const RawReply &raw)
{
    const auto bytes = std::span(
        reinterpret_cast<const std::uint8_t *>(raw.frame.constData()), static_cast<std::size_t>(raw.frame.size()));
    const auto decoded = protocol::decodeFrame(bytes, protocol::DecodeOptions {false});
    if (!decoded)
        return Unexpected(
            Failure::of(Failure::Kind::BadReply, "undecodable reply: " + decoded.error().message(), raw.meta.attempts));
    const T *arg = decoded->template as<T>();
    if (!arg)
        return Unexpected(Failure::of(Failure::Kind::BadReply, "reply of the wrong command", raw.meta.attempts));
    return *arg;
}

// Adapts a raw completion into a typed one; `make` builds T from the raw reply and its decoded argument.
template<typename Arg, typename T, typename Make> Completion<RawReply> typed(Completion<T> done, Make make)
{
    return [done = std::move(done), make = std::move(make)](Outcome<RawReply> raw) {
        if (!raw) {
            done(Unexpected(raw.error()));
            return;
        }
        auto arg = decodeAs<Arg>(raw.value());
        if (!arg) {
            done(Unexpected(arg.error()));
            return;
        }
        done(make(raw.value(), std::move(arg).value()));
    };
}

} // namespace

std::string aoeErrorText(std::uint8_t code)
{
    switch (static_cast<protocol::AoeError>(code)) {
    case protocol::AoeError::None:
        return "no error";
    case protocol::AoeError::UnrecognizedCommand:
        return "unrecognized command";
    case protocol::AoeError::BadArgument:
        return "bad argument";
    case protocol::AoeError::DeviceUnavailable:
        return "device unavailable";
    case protocol::AoeError::ConfigStringPresent:
        return "config string present";
    case protocol::AoeError::UnsupportedVersion:
        return "unsupported version";
    case protocol::AoeError::TargetReserved:
        return "target is reserved";
    }
    return "unknown error";
}

std::string maskErrorText(std::uint8_t merror)
{
    switch (static_cast<protocol::MacMaskError>(merror)) {
    case protocol::MacMaskError::None:
        return "no error";
    case protocol::MacMaskError::Unspecified:
        return "unspecified error";
    case protocol::MacMaskError::BadDirective:
        return "bad directive";
    case protocol::MacMaskError::ListFull:
        return "the list is full";
    }
    return "unknown error";
}

Duration RetryPolicy::budget() const
{
    Duration sum {};
    Duration wait = std::min(firstTimeout, maxTimeout);
    for (int i = 0; i < attempts; ++i) {
        sum += wait;
        wait = std::min(wait * 2, maxTimeout);
    }
    return total > Duration::zero() ? std::min(sum, total) : sum;
}

RetryPolicy RetryPolicy::within(Duration limit)
{
    RetryPolicy policy;
    policy.attempts = 1;
    while (policy.budget() < limit && policy.attempts < 1000)
        ++policy.attempts;
    policy.total = limit;
    return policy;
}

Initiator::Initiator(Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_tracker(new RequestTracker(clock, this))
{ }

void Initiator::queryConfig(const Peer &peer, protocol::ConfigCommand command, const std::string &configString,
    QObject *context, Completion<ConfigReply> done, const RetryPolicy &policy)
{
    protocol::ConfigArg arg;
    arg.ccmd = static_cast<std::uint8_t>(command);
    arg.configString = configString;
    m_tracker->submit(peer, requestFrame(protocol::Command::QueryConfig, arg), policy, context,
        typed<protocol::ConfigArg>(std::move(done), [](const RawReply &raw, protocol::ConfigArg c) {
            return ConfigReply {raw.meta, std::move(c)};
        }));
}

void Initiator::identify(const Peer &peer, QObject *context, Completion<IdentifyReply> done, const RetryPolicy &policy)
{
    protocol::AtaArg arg;
    arg.sectorCount = 1;
    arg.cmdStatus = protocol::ata::IdentifyDevice;
    arg.lba = std::uint64_t {0xA0} << 24U; // the device register in lba3, as the Linux initiator sends it
    auto finish = [done = std::move(done)](Outcome<RawReply> raw) {
        if (!raw) {
            done(Unexpected(raw.error()));
            return;
        }
        const RawReply &r = raw.value();
        const auto bytes = std::span(
            reinterpret_cast<const std::uint8_t *>(r.frame.constData()), static_cast<std::size_t>(r.frame.size()));
        const auto decoded = protocol::decodeFrame(bytes, protocol::DecodeOptions {false});
        const protocol::AtaArg *ata = decoded ? decoded->as<protocol::AtaArg>() : nullptr;
        if (!ata) {
            done(Unexpected(Failure::of(Failure::Kind::BadReply, "undecodable IDENTIFY reply", r.meta.attempts)));
            return;
        }
        if (auto failure = ataReplyFailure(r.meta.header, *ata, r.meta.attempts)) {
            done(Unexpected(std::move(*failure)));
            return;
        }
        const auto info = protocol::parseIdentify(ata->data);
        if (!info) {
            done(Unexpected(Failure::of(Failure::Kind::BadReply, info.error().message(), r.meta.attempts)));
            return;
        }
        QByteArray block(
            reinterpret_cast<const char *>(ata->data.data()), static_cast<qsizetype>(protocol::kIdentifySize));
        done(IdentifyReply {r.meta, info.value(), std::move(block)});
    };
    m_tracker->submit(peer, requestFrame(protocol::Command::Ata, arg), policy, context, std::move(finish));
}

void Initiator::macMask(const Peer &peer, const protocol::MacMaskArg &request, QObject *context,
    Completion<MacMaskReply> done, const RetryPolicy &policy)
{
    m_tracker->submit(peer, requestFrame(protocol::Command::MacMask, request), policy, context,
        typed<protocol::MacMaskArg>(std::move(done), [](const RawReply &raw, protocol::MacMaskArg m) {
            return MacMaskReply {raw.meta, std::move(m)};
        }));
}

void Initiator::reserve(const Peer &peer, protocol::ReserveCommand command,
    const std::vector<protocol::MacAddress> &macs, QObject *context, Completion<ReserveReply> done,
    const RetryPolicy &policy)
{
    protocol::ReserveArg arg;
    arg.rcmd = static_cast<std::uint8_t>(command);
    arg.macs = macs;
    m_tracker->submit(peer, requestFrame(protocol::Command::Reserve, arg), policy, context,
        typed<protocol::ReserveArg>(std::move(done), [](const RawReply &raw, protocol::ReserveArg r) {
            return ReserveReply {raw.meta, std::move(r)};
        }));
}

int Initiator::sectorsPerFrame(const Peer &peer) const
{
    const auto config = m_tracker->peerConfig(peer);
    if (!config || !peer.transport)
        return 0;
    const protocol::ConfigArg arg {0, 0, config->sectorCount, protocol::kVersion, 0, {}};
    const int byMtu = protocol::sectorsPerFrame(static_cast<std::size_t>(std::max(0, peer.transport->mtu())));
    // An MTU too small for one sector still gets one: the send fails with a clear error rather than hanging.
    return std::max(1, std::min<int>(arg.effectiveSectorCount(), byMtu));
}

void Initiator::read(const Peer &peer, std::uint64_t lba, std::uint64_t sectors, QObject *context,
    Completion<ReadResult> done, const RetryPolicy &policy)
{
    if (peer.mac.isBroadcast() || sectorsPerFrame(peer) == 0) {
        // Learn the MAC, Buffer Count and Sector Count first; the config reply teaches the tracker.
        queryConfig(
            peer, protocol::ConfigCommand::Read, {}, context,
            [this, lba, sectors, context, policy, done = std::move(done)](Outcome<ConfigReply> config) mutable {
                if (!config) {
                    done(Unexpected(config.error()));
                    return;
                }
                // The answer must have taught us the path, or asking again would loop forever.
                if (sectorsPerFrame(config->meta.from) == 0) {
                    done(Unexpected(Failure::of(Failure::Kind::BadReply, "the target's config reply is unusable")));
                    return;
                }
                read(config->meta.from, lba, sectors, context, std::move(done), policy);
            },
            policy);
        return;
    }
    if (sectors == 0) {
        QMetaObject::invokeMethod(
            this, [done = std::move(done)]() { done(ReadResult {}); }, Qt::QueuedConnection);
        return;
    }
    TransferPlan plan {peer, lba, sectors, sectorsPerFrame(peer), false, {}, policy};
    BlockTransfer::start(*m_tracker, std::move(plan), context, std::move(done));
}

void Initiator::write(const Peer &peer, std::uint64_t lba, const QByteArray &data, QObject *context,
    Completion<WriteResult> done, const RetryPolicy &policy)
{
    if (data.size() % static_cast<qsizetype>(protocol::kSectorSize) != 0) {
        QMetaObject::invokeMethod(
            this,
            [done = std::move(done)]() {
                done(Unexpected(Failure::of(Failure::Kind::SendFailed, "write data is not a whole number of sectors")));
            },
            Qt::QueuedConnection);
        return;
    }
    if (peer.mac.isBroadcast() || sectorsPerFrame(peer) == 0) {
        queryConfig(
            peer, protocol::ConfigCommand::Read, {}, context,
            [this, lba, data, context, policy, done = std::move(done)](Outcome<ConfigReply> config) mutable {
                if (!config) {
                    done(Unexpected(config.error()));
                    return;
                }
                // The answer must have taught us the path, or asking again would loop forever.
                if (sectorsPerFrame(config->meta.from) == 0) {
                    done(Unexpected(Failure::of(Failure::Kind::BadReply, "the target's config reply is unusable")));
                    return;
                }
                write(config->meta.from, lba, data, context, std::move(done), policy);
            },
            policy);
        return;
    }
    const auto sectors = static_cast<std::uint64_t>(data.size()) / protocol::kSectorSize;
    TransferPlan plan {peer, lba, sectors, sectorsPerFrame(peer), true, data, policy};
    BlockTransfer::start(
        *m_tracker, std::move(plan), context, [sectors, done = std::move(done)](Outcome<ReadResult> r) {
            if (!r) {
                done(Unexpected(r.error()));
                return;
            }
            done(WriteResult {sectors, r->frames, r->retransmits});
        });
}

Result<std::uint32_t, Failure> Initiator::broadcastConfigQuery(net::Transport *transport)
{
    if (!transport)
        return Unexpected(Failure::of(Failure::Kind::SendFailed, "no interface"));
    protocol::Frame frame = requestFrame(protocol::Command::QueryConfig, protocol::ConfigArg {});
    frame.header.destination = protocol::MacAddress::broadcast();
    frame.header.source = transport->localMac();
    frame.header.major = protocol::kBroadcastMajor;
    frame.header.minor = protocol::kBroadcastMinor;
    frame.header.tag = m_tracker->allocateTag();
    auto bytes = protocol::encodeFrame(frame);
    if (!bytes)
        return Unexpected(Failure::of(Failure::Kind::SendFailed, bytes.error().message()));
    auto sent = transport->send(bytes.value());
    if (!sent)
        return Unexpected(Failure::of(Failure::Kind::SendFailed, sent.error().describe()));
    return frame.header.tag;
}

} // namespace aoesan::initiator
