// SPDX-License-Identifier: GPL-3.0-or-later
#include "kernel/AttachJob.h"

namespace aoesan::kernel {

AttachJob::AttachJob(AoeDriver &driver, AttachRequest request, QObject *parent)
    : QObject(parent)
    , m_driver(driver)
    , m_request(std::move(request))
{
    m_timer.setInterval(m_request.pollInterval);
    connect(&m_timer, &QTimer::timeout, this, &AttachJob::poll);
}

void AttachJob::start()
{
    m_started = std::chrono::steady_clock::now();
    const QString name = deviceName(m_request.shelf, m_request.slot);
    // Everything, the first step included, runs from the event loop: finished() never fires inside start().
    QTimer::singleShot(0, this, [this, name] {
        if (m_request.interfaces.isEmpty()) {
            finish(Unexpected(QStringLiteral("no interface to find %1 on").arg(name)));
            return;
        }
        const auto used = m_driver.use(m_request.interfaces);
        if (!used) {
            finish(Unexpected(used.error()));
            return;
        }
        if (!used->isEmpty())
            emit progress(*used);
        if (const auto discovered = m_driver.discover(); !discovered) {
            finish(Unexpected(discovered.error()));
            return;
        }
        m_lastDiscover = std::chrono::steady_clock::now();
        emit progress(QStringLiteral("waiting for %1 on %2").arg(name, m_request.interfaces.join(QLatin1Char(','))));
        m_lastSeen = QStringLiteral("the aoe driver has no %1").arg(name);
        m_timer.start();
        poll();
    });
}

void AttachJob::poll()
{
    if (m_done)
        return;
    const auto now = std::chrono::steady_clock::now();
    const QString name = deviceName(m_request.shelf, m_request.slot);
    if (const auto d = m_driver.device(m_request.shelf, m_request.slot)) {
        const std::uint64_t sectors = d->sectors.value_or(0);
        const bool sizeRight = m_request.expectedSectors ? sectors == *m_request.expectedSectors : sectors > 0;
        if (d->up() && sizeRight && m_driver.nodeExists(*d)) {
            finish(d->devicePath());
            return;
        }
        if (!d->up())
            m_lastSeen = QStringLiteral("%1 is %2")
                             .arg(name, d->state.isEmpty() ? QStringLiteral("in no known state") : d->state);
        else if (!sizeRight && m_request.expectedSectors)
            m_lastSeen = QStringLiteral("%1 has %2 sectors, discovery saw %3")
                             .arg(name)
                             .arg(sectors)
                             .arg(*m_request.expectedSectors);
        else if (!sizeRight)
            m_lastSeen = QStringLiteral("%1 has no size yet").arg(name);
        else
            m_lastSeen
                = QStringLiteral("%1 has no device node %2 (is udev or devtmpfs running?)").arg(name, d->devicePath());
    }
    if (now - m_started >= m_request.timeout) {
        const double seconds = static_cast<double>(m_request.timeout.count()) / 1000.0;
        finish(Unexpected(
            QStringLiteral("%1 is not usable after %2 s: %3").arg(name, QString::number(seconds, 'g', 3), m_lastSeen)));
        return;
    }
    // A config reply can be lost and the driver only asks again every 60 s: ask again now and then.
    if (now - m_lastDiscover >= m_request.rediscoverInterval) {
        m_lastDiscover = now;
        if (const auto discovered = m_driver.discover(); !discovered)
            finish(Unexpected(discovered.error()));
    }
}

void AttachJob::finish(Result<QString, QString> result)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    emit finished(result);
}

} // namespace aoesan::kernel
