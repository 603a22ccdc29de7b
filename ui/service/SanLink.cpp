// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/SanLink.h"

#include <QDBusVariant>
#include <QTimer>

#include "service/DbusApi.h"

namespace aoesan::ui {

ServiceLink::ServiceLink(QDBusConnection bus, Owner owner, QObject *parent)
    : SanLink(parent)
    , m_client(std::move(bus))
    , m_owner(owner)
    , m_connected(m_client.serviceRunning())
{
    connect(&m_client, &service::ServiceClient::exportUpdated, this, &SanLink::exportUpdated);
    connect(&m_client, &service::ServiceClient::exportRemoved, this, &SanLink::exportRemoved);
    connect(&m_client, &service::ServiceClient::targetUpdated, this, &SanLink::targetUpdated);
    connect(&m_client, &service::ServiceClient::targetRemoved, this, &SanLink::targetRemoved);
    connect(&m_client, &service::ServiceClient::managerUpdated, this, &SanLink::managerUpdated);
    connect(&m_client, &service::ServiceClient::serviceAppeared, this, [this] {
        m_connected = true;
        emit serviceAppeared();
    });
    connect(&m_client, &service::ServiceClient::serviceVanished, this, [this] {
        m_connected = false;
        emit serviceVanished();
    });
}

void ServiceLink::follow()
{
    // The first load announces every object (the views fill from the signals alone).
    m_client.follow();
}

void ServiceLink::addExport(const supervisor::ExportRecord &record, bool start, bool force, Done done)
{
    m_client.addExportAsync(record, start, force, std::move(done));
}

void ServiceLink::exportCall(const QString &name, const QString &method, const QVariantList &args, Done done)
{
    m_client.exportCallAsync(name, method, args, std::move(done));
}

void SanLink::startBoot(const QString &name, const service::BootRequest &request, Done done)
{
    exportCall(name, QStringLiteral("StartBoot"), {service::bootOptions(request)}, std::move(done));
}

void SanLink::stopBoot(const QString &name, Done done)
{
    exportCall(name, QStringLiteral("StopBoot"), {}, std::move(done));
}

void SanLink::startCapture(int, const QVariantMap &, Done done)
{
    managerProperty(QStringLiteral("StartCapture"), std::move(done)); // answered later: not here
}

void SanLink::stopCapture(const QString &, Done done)
{
    managerProperty(QStringLiteral("Stop"), std::move(done));
}

void SanLink::captureProperties(const QString &, Done done)
{
    managerProperty(QStringLiteral("Capture"), std::move(done));
}

void ServiceLink::startCapture(int fd, const QVariantMap &options, Done done)
{
    m_client.startCaptureAsync(fd, options, std::move(done));
}

void ServiceLink::stopCapture(const QString &path, Done done)
{
    m_client.stopCaptureAsync(path, std::move(done));
}

void ServiceLink::captureProperties(const QString &path, Done done)
{
    m_client.capturePropertiesAsync(path, std::move(done));
}

void ServiceLink::startBoot(const QString &name, const service::BootRequest &request, Done done)
{
    m_client.startBootAsync(name, request, std::move(done));
}

void ServiceLink::stopBoot(const QString &name, Done done)
{
    m_client.stopBootAsync(name, std::move(done));
}

void ServiceLink::managerCall(const QString &method, const QVariantList &args, Done done)
{
    // ProbeNow changes nothing: no password for it.
    const bool change = method != QLatin1String("ProbeNow");
    m_client.callAsync(QLatin1String(service::kRootPath), QLatin1String(service::kManagerInterface), method, args,
        std::move(done), change);
}

void SanLink::managerProperty(const QString &name, Done done)
{
    // Answered later, as the bus would.
    QTimer::singleShot(0, this, [name, done = std::move(done)] {
        done(Unexpected(service::ServiceError {
            QStringLiteral("org.freedesktop.DBus.Error.UnknownProperty"), QStringLiteral("No property %1").arg(name)}));
    });
}

void ServiceLink::managerProperty(const QString &name, Done done)
{
    // Reading changes nothing: no password prompt.
    m_client.callAsync(
        QLatin1String(service::kRootPath), QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"),
        {QLatin1String(service::kManagerInterface), name},
        [done = std::move(done)](Result<QVariantList, service::ServiceError> reply) {
            // Get answers one variant; the caller wants what is inside it.
            if (reply && !reply->isEmpty() && reply->first().canConvert<QDBusVariant>())
                reply->first() = reply->first().value<QDBusVariant>().variant();
            done(std::move(reply));
        },
        false);
}

void ServiceLink::request(std::uint16_t shelf, std::uint8_t slot, const QString &line, Done done)
{
    m_client.requestAsync(shelf, slot, line, std::move(done));
}

} // namespace aoesan::ui
