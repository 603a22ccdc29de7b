// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery for the headless supervisor (`aoesan-ctl supervise`, `exports run`): before the first
// start it listens for a moment on the exports' interfaces, so an export never takes a shelf.slot that
// another host already serves there, and it keeps watching so a restart after a crash asks again.
// Needs CAP_NET_RAW for aoesan-ctl itself (the systemd units give it); without it the caller warns and
// starts without the check.
#pragma once

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "discovery/DiscoveryService.h"
#include "initiator/Initiator.h"
#include "initiator/SystemClock.h"
#include "net/Transport.h"
#include "supervisor/DiscoveryAddressQuery.h"

namespace aoesan::cli {

class AddressWatch final : public QObject
{
    Q_OBJECT

public:
    // Opens `interfaces` and starts discovery there; null with the reason (and its fix) in `error`.
    static std::unique_ptr<AddressWatch> open(const QStringList &interfaces, std::string *error);
    ~AddressWatch() override;

    // Calls `ready` once the answers have stopped coming (`quiet` after the last one, at most `maxWait`).
    void whenSettled(std::function<void()> ready, initiator::Duration quiet = std::chrono::seconds(1),
        initiator::Duration maxWait = std::chrono::seconds(4));

    const supervisor::AddressInUseQuery &query() const { return *m_query; }

private:
    AddressWatch();

    initiator::SystemClock m_clock;
    std::vector<std::unique_ptr<net::Transport>> m_transports;
    std::unique_ptr<initiator::Initiator> m_initiator;
    std::unique_ptr<discovery::DiscoveryService> m_service;
    std::unique_ptr<supervisor::DiscoveryAddressQuery> m_query;
    initiator::TimePoint m_lastAnswer {};
};

} // namespace aoesan::cli
