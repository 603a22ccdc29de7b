// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/AddressWatch.h"

#include <QTimer>

#include "cli/Session.h"

namespace aoesan::cli {

AddressWatch::AddressWatch() = default;

AddressWatch::~AddressWatch()
{
    // Discovery and the initiator stop listening before the transports they point at go away.
    m_query.reset();
    m_service.reset();
    m_initiator.reset();
}

std::unique_ptr<AddressWatch> AddressWatch::open(const QStringList &interfaces, std::string *error)
{
    auto opened = openInterfaces(interfaces);
    if (!opened) {
        *error = opened.error().describe();
        return nullptr;
    }
    std::unique_ptr<AddressWatch> watch(new AddressWatch);
    watch->m_transports = std::move(opened).value();
    watch->m_initiator = std::make_unique<initiator::Initiator>(watch->m_clock);
    for (const auto &t : watch->m_transports)
        watch->m_initiator->addTransport(t.get());
    watch->m_service = std::make_unique<discovery::DiscoveryService>(*watch->m_initiator, watch->m_clock);
    for (const auto &t : watch->m_transports)
        watch->m_service->addTransport(t.get());
    watch->m_query = std::make_unique<supervisor::DiscoveryAddressQuery>(*watch->m_service);
    const auto noteAnswer = [w = watch.get()] { w->m_lastAnswer = w->m_clock.now(); };
    connect(watch->m_service.get(), &discovery::DiscoveryService::added, watch.get(), noteAnswer);
    connect(watch->m_service.get(), &discovery::DiscoveryService::changed, watch.get(), noteAnswer);
    watch->m_lastAnswer = watch->m_clock.now();
    watch->m_service->start();
    return watch;
}

void AddressWatch::whenSettled(std::function<void()> ready, initiator::Duration quiet, initiator::Duration maxWait)
{
    const auto started = m_clock.now();
    auto *poll = new QTimer(this);
    poll->setInterval(std::chrono::milliseconds(20));
    connect(poll, &QTimer::timeout, this, [this, poll, started, quiet, maxWait, ready = std::move(ready)] {
        const auto now = m_clock.now();
        const bool settled = m_service->pendingIdentifies() == 0 && now - m_lastAnswer >= quiet;
        if (!settled && now - started < maxWait)
            return;
        poll->deleteLater();
        poll->stop();
        ready();
    });
    poll->start();
}

} // namespace aoesan::cli
