// SPDX-License-Identifier: GPL-3.0-or-later
#include "targets/KernelDevicesFeed.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <utility>

#include "kernel/KernelStat.h"
#include "log/Logging.h"
#include "service/SanLink.h"

namespace aoesan::ui {

KernelDevicesFeed::KernelDevicesFeed(SanLink &link, QObject *parent)
    : QObject(parent)
    , m_link(link)
{
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, &KernelDevicesFeed::refreshNow);
    connect(&m_link, &SanLink::serviceVanished, this, [this] {
        m_available = false;
        apply({});
    });
    connect(&m_link, &SanLink::serviceAppeared, this, [this] {
        m_toldUnavailable = false;
        refreshNow();
    });
}

void KernelDevicesFeed::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(static_cast<int>(interval.count()));
}

void KernelDevicesFeed::start()
{
    m_timer.start();
    refreshNow();
}

void KernelDevicesFeed::stop()
{
    m_timer.stop();
}

void KernelDevicesFeed::refreshNow()
{
    // One read at a time: a slow service does not pile up calls.
    if (m_inFlight || !m_link.isConnected())
        return;
    m_inFlight = true;
    m_link.managerProperty(QStringLiteral("KernelDevices"), [this](Result<QVariantList, service::ServiceError> reply) {
        m_inFlight = false;
        if (!reply)
            onUnavailable(reply.error().name + QStringLiteral(": ") + reply.error().message);
        else if (reply->isEmpty() || !reply->first().canConvert<QString>())
            onUnavailable(QStringLiteral("KernelDevices is not text"));
        else
            onReply(reply->first().toString());
    });
}

std::optional<kernel::KernelDevice> KernelDevicesFeed::device(std::uint16_t shelf, std::uint8_t slot) const
{
    for (const auto &d : m_devices)
        if (d.shelf == shelf && d.slot == slot)
            return d;
    return std::nullopt;
}

void KernelDevicesFeed::apply(std::vector<kernel::KernelDevice> devices)
{
    if (devices == m_devices)
        return;
    m_devices = std::move(devices);
    emit devicesChanged(m_devices);
}

void KernelDevicesFeed::onReply(const QString &json)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray()) {
        onUnavailable(QStringLiteral("KernelDevices is not a JSON array: %1").arg(error.errorString()));
        return;
    }
    m_available = true;
    m_toldUnavailable = false;
    apply(kernel::devicesFromJson(doc.array()));
}

void KernelDevicesFeed::onUnavailable(const QString &why)
{
    // An older service has no such property: say it once, quietly, and show nothing.
    if (!m_toldUnavailable)
        log::logger("ui")->debug("kernel devices not available: {}", why.toStdString());
    m_toldUnavailable = true;
    // What the service said before no longer holds; a list given by apply() (a mirror, a test) stays.
    if (std::exchange(m_available, false))
        apply({});
}

} // namespace aoesan::ui
