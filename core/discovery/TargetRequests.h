// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the per-target requests of `aoesan-engine probe` (identify, config, mask, reserve: ProbeRequest)
// with the probe's own initiator, on a path discovery knows, and answers each with exactly one reply or
// request-error event. The edits that can shut this host out (a MAC mask or reserve list without this
// host's MAC on that interface) are refused with `locks-out` unless the request allows it, by the shared
// rule of protocol/AccessGuard.h; a MAC mask delete that crashes vblade 25 is refused with `unsafe-delete`.
#pragma once

#include <QObject>

#include <functional>

#include "discovery/ProbeRequest.h"
#include "initiator/Initiator.h"

namespace aoesan::discovery {

class DiscoveryService;

class TargetRequests : public QObject
{
    Q_OBJECT

public:
    using Answer = std::function<void(const QJsonObject &event)>;

    TargetRequests(initiator::Initiator &initiator, DiscoveryService &discovery, Answer answer,
        initiator::RetryPolicy policy = initiator::RetryPolicy::within(std::chrono::seconds(3)),
        QObject *parent = nullptr);

    // A per-target request; its answer comes later from the event loop (or at once when it is refused).
    void run(const ProbeRequest &request);

private:
    struct Job;
    void fail(const Job &job, const char *code, std::string message, std::vector<protocol::MacAddress> macs = {});
    void succeed(const Job &job, RequestReply reply);
    void failed(const Job &job, const initiator::Failure &failure);
    void identify(const Job &job);
    void config(const Job &job);
    void mask(const Job &job);
    void maskEdit(const Job &job, const std::vector<protocol::MacAddress> &current);
    void reserve(const Job &job);

    initiator::Initiator &m_initiator;
    DiscoveryService &m_discovery;
    Answer m_answer;
    initiator::RetryPolicy m_policy;
};

} // namespace aoesan::discovery
