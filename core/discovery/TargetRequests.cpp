// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/TargetRequests.h"

#include <algorithm>

#include "discovery/DiscoveryService.h"
#include "log/Logging.h"
#include "net/Transport.h"
#include "protocol/AccessGuard.h"
#include "protocol/Constants.h"

namespace aoesan::discovery {

namespace {

using Kind = ProbeRequest::Kind;

std::vector<protocol::MacAddress> macsOf(const protocol::MacMaskArg &mask)
{
    std::vector<protocol::MacAddress> macs;
    for (const auto &d : mask.directives)
        macs.push_back(d.mac);
    return macs;
}

std::string aoeRefusal(const protocol::Header &h)
{
    return "AoE error " + std::to_string(h.errorCode) + ", " + initiator::aoeErrorText(h.errorCode);
}

} // namespace

struct TargetRequests::Job
{
    ProbeRequest request;
    initiator::Peer peer;
    std::uint16_t firmwareVersion = 0;

    protocol::MacAddress ownMac() const { return peer.transport->localMac(); }
    std::string device() const { return request.target.deviceName(); }
};

TargetRequests::TargetRequests(initiator::Initiator &initiator, DiscoveryService &discovery, Answer answer,
    initiator::RetryPolicy policy, QObject *parent)
    : QObject(parent)
    , m_initiator(initiator)
    , m_discovery(discovery)
    , m_answer(std::move(answer))
    , m_policy(policy)
{ }

void TargetRequests::run(const ProbeRequest &request)
{
    Job job;
    job.request = request;
    const auto target = m_discovery.target(request.target);
    if (target) {
        const auto transports = m_initiator.transports();
        // The first path whose interface is still open; its backend gets the request.
        for (const auto &path : target->paths) {
            const auto t = std::ranges::find_if(
                transports, [&](const net::Transport *x) { return x->interfaceName() == path.interfaceName; });
            if (t == transports.end())
                continue;
            job.peer = initiator::Peer {*t, path.mac, request.target.shelf, request.target.slot};
            job.firmwareVersion = path.firmwareVersion;
            break;
        }
    }
    if (!job.peer.transport) {
        RequestFailure failure {request.id, request.kind, request.target,
            QString::fromLatin1(request_error::kNoSuchTarget),
            QStringLiteral("discovery knows no path to %1").arg(QString::fromStdString(request.target.deviceName())),
            {}, std::nullopt};
        m_answer(requestFailureToJson(failure));
        return;
    }
    switch (request.kind) {
    case Kind::Identify:
        identify(job);
        break;
    case Kind::ConfigRead:
    case Kind::ConfigSet:
        config(job);
        break;
    case Kind::MaskRead:
    case Kind::MaskEdit:
        mask(job);
        break;
    case Kind::ReserveRead:
    case Kind::ReserveSet:
        reserve(job);
        break;
    case Kind::Probe:
    case Kind::ForgetDown:
        break;
    }
}

void TargetRequests::fail(const Job &job, const char *code, std::string message, std::vector<protocol::MacAddress> macs)
{
    log::logger("discovery")->warn("{} {}: {}", requestWord(job.request.kind), job.device(), message);
    m_answer(requestFailureToJson({job.request.id, job.request.kind, job.request.target, QString::fromLatin1(code),
        QString::fromStdString(job.device() + ": " + message), std::move(macs), job.ownMac()}));
}

void TargetRequests::succeed(const Job &job, RequestReply reply)
{
    reply.id = job.request.id;
    reply.kind = job.request.kind;
    reply.target = job.request.target;
    reply.interface = QString::fromStdString(job.peer.transport->interfaceName());
    reply.ownMac = job.ownMac();
    m_answer(replyToJson(reply));
}

// The request got no reply to look at: silence, or a reply the initiator already read as an error.
void TargetRequests::failed(const Job &job, const initiator::Failure &failure)
{
    const bool timeout = failure.kind == initiator::Failure::Kind::Timeout;
    fail(job, timeout ? request_error::kNoAnswer : request_error::kRefused, failure.message);
}

void TargetRequests::identify(const Job &job)
{
    m_initiator.identify(
        job.peer, this,
        [this, job](initiator::Outcome<initiator::IdentifyReply> reply) {
            if (!reply) {
                failed(job, reply.error());
                return;
            }
            const auto &info = reply->info;
            RequestReply r;
            r.targetMac = reply->meta.from.mac;
            r.identify = IdentifySummary {info.model, info.serial, info.firmware, info.sectors(), info.lba48};
            succeed(job, std::move(r));
            // Discovery's own record follows, so the target's row shows what IDENTIFY says now.
            m_discovery.identifyAgain(job.request.target);
        },
        m_policy);
}

void TargetRequests::config(const Job &job)
{
    const bool set = job.request.kind == Kind::ConfigSet;
    // A set the person confirmed replaces whatever is there (force set); a plain set fails on any string.
    m_initiator.queryConfig(
        job.peer, set ? protocol::ConfigCommand::ForceSet : protocol::ConfigCommand::Read,
        set ? job.request.configString : std::string(), this,
        [this, job](initiator::Outcome<initiator::ConfigReply> reply) {
            if (!reply) {
                failed(job, reply.error());
                return;
            }
            if (reply->meta.header.error) {
                fail(job, request_error::kRefused, aoeRefusal(reply->meta.header));
                return;
            }
            RequestReply r;
            r.targetMac = reply->meta.from.mac;
            r.configString = reply->config.configString;
            succeed(job, std::move(r));
        },
        m_policy);
}

void TargetRequests::mask(const Job &job)
{
    // An edit reads the list first: the lock-out rule and vblade's crash both depend on what is listed.
    m_initiator.macMask(
        job.peer, protocol::MacMaskArg::withDirectives(protocol::MacMaskCommand::Read, {}), this,
        [this, job](initiator::Outcome<initiator::MacMaskReply> reply) {
            if (!reply) {
                failed(job, reply.error());
                return;
            }
            if (reply->meta.header.error) {
                fail(job, request_error::kRefused, aoeRefusal(reply->meta.header));
                return;
            }
            if (job.request.kind == Kind::MaskEdit) {
                maskEdit(job, macsOf(reply->mask));
                return;
            }
            RequestReply r;
            r.targetMac = reply->meta.from.mac;
            r.macs = macsOf(reply->mask);
            succeed(job, std::move(r));
        },
        m_policy);
}

void TargetRequests::maskEdit(const Job &job, const std::vector<protocol::MacAddress> &current)
{
    const auto &directives = job.request.directives;
    if (protocol::crashesOnListedMaskDelete(job.firmwareVersion)) {
        for (const auto &d : directives) {
            const bool isDelete = d.dcmd == static_cast<std::uint8_t>(protocol::DirectiveCommand::Delete);
            if (isDelete && std::ranges::find(current, d.mac) != current.end()) {
                fail(job, request_error::kUnsafeDelete,
                    "it runs vblade 25 or older, which crashes on a MAC mask delete of a listed MAC (nothing was "
                    "sent); restart it with a new -m list instead");
                return;
            }
        }
    }
    auto after = protocol::applyMaskDirectives(current, directives);
    if (!job.request.allowLockout && protocol::locksOut(after, {job.ownMac()})) {
        fail(job, request_error::kLocksOut,
            "the MAC mask would no longer hold this host (" + job.ownMac().toString() + " on "
                + job.peer.transport->interfaceName() + "); nothing was sent",
            std::move(after));
        return;
    }
    m_initiator.macMask(
        job.peer, protocol::MacMaskArg::withDirectives(protocol::MacMaskCommand::Edit, directives), this,
        [this, job](initiator::Outcome<initiator::MacMaskReply> reply) {
            if (!reply) {
                failed(job, reply.error());
                return;
            }
            if (reply->meta.header.error) {
                fail(job, request_error::kRefused, aoeRefusal(reply->meta.header));
                return;
            }
            if (reply->mask.merror != 0) {
                fail(job, request_error::kRefused,
                    "directive " + std::to_string(reply->mask.dirCount + 1)
                        + " refused: " + initiator::maskErrorText(reply->mask.merror)
                        + (reply->mask.dirCount > 0 ? " (the directives before it were applied)" : ""));
                return;
            }
            RequestReply r;
            r.targetMac = reply->meta.from.mac;
            r.macs = macsOf(reply->mask);
            succeed(job, std::move(r));
        },
        m_policy);
}

void TargetRequests::reserve(const Job &job)
{
    const bool set = job.request.kind == Kind::ReserveSet;
    // A reserve set replaces the whole list: the list it leaves is the one given.
    if (set && !job.request.allowLockout && protocol::locksOut(job.request.macs, {job.ownMac()})) {
        fail(job, request_error::kLocksOut,
            "the reserve list would not hold this host (" + job.ownMac().toString() + " on "
                + job.peer.transport->interfaceName() + "); nothing was sent",
            job.request.macs);
        return;
    }
    auto command = protocol::ReserveCommand::Read;
    if (set)
        command = job.request.override ? protocol::ReserveCommand::ForceSet : protocol::ReserveCommand::Set;
    m_initiator.reserve(
        job.peer, command, set ? job.request.macs : std::vector<protocol::MacAddress> {}, this,
        [this, job](initiator::Outcome<initiator::ReserveReply> reply) {
            if (!reply) {
                failed(job, reply.error());
                return;
            }
            const auto &h = reply->meta.header;
            if (h.error && h.errorCode == static_cast<std::uint8_t>(protocol::AoeError::TargetReserved)) {
                fail(job, request_error::kReserved, "it is reserved by another host (" + aoeRefusal(h) + ")",
                    reply->reserve.macs);
                return;
            }
            if (h.error) {
                fail(job, request_error::kRefused, aoeRefusal(h));
                return;
            }
            RequestReply r;
            r.targetMac = reply->meta.from.mac;
            r.macs = reply->reserve.macs;
            succeed(job, std::move(r));
        },
        m_policy);
}

} // namespace aoesan::discovery
