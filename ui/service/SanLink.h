// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's one view of the aoesan service: its exports, targets and Manager properties (the mirror) and
// the calls that change them, each answered later in the event loop. ServiceLink is the real one over
// D-Bus (service::ServiceClient); the GUI tests put an in-process service behind it. The controllers
// (ExportController, DiscoveryController) only read and call through this.
#pragma once

#include <QObject>
#include <QVariantList>

#include <functional>
#include <map>

#include "service/ServiceClient.h"
#include "service/ServiceError.h"
#include "util/Result.h"

namespace aoesan::ui {

class SanLink : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<QVariantList, service::ServiceError>)>;

    // Who runs the service, which decides what quitting the GUI does to the exports.
    enum class Owner : std::uint8_t {
        System, // the installed service (system bus) or one on the person's session bus: it outlives the GUI
        Gui, // a private service the GUI started on a private bus: it ends with the GUI
    };

    using QObject::QObject;

    virtual Owner owner() const = 0;
    // The service owns its name now (false between its going away and its coming back).
    virtual bool isConnected() const = 0;
    virtual const std::map<QString, service::ExportView> &exports() const = 0;
    virtual const std::map<quint32, service::TargetView> &targets() const = 0;
    virtual const service::ManagerView &manager() const = 0;

    virtual void addExport(const supervisor::ExportRecord &record, bool start, bool force, Done done) = 0;
    // Export.Start ({force}), Stop, Remove, Change (record).
    virtual void exportCall(const QString &name, const QString &method, const QVariantList &args, Done done) = 0;
    // Export.StartBoot and StopBoot: the export's network boot server.
    virtual void startBoot(const QString &name, const service::BootRequest &request, Done done);
    virtual void stopBoot(const QString &name, Done done);
    // Manager.StartCapture onto the open file `fd` (the first reply value is the capture's object path), and that
    // capture's Stop and properties (GetAll: the first reply value is the a{sv}). A link without captures
    // answers UnknownMethod.
    virtual void startCapture(int fd, const QVariantMap &options, Done done);
    virtual void stopCapture(const QString &path, Done done);
    virtual void captureProperties(const QString &path, Done done);
    // Manager.ProbeNow, ForgetDownTargets, SetInterfaces (as, u).
    virtual void managerCall(const QString &method, const QVariantList &args, Done done) = 0;
    // Target.Request: `line` is "config e7.3" without an id; the reply's first value is the `reply` JSON.
    virtual void request(std::uint16_t shelf, std::uint8_t slot, const QString &line, Done done) = 0;
    // One Manager property read afresh (org.freedesktop.DBus.Properties.Get); the reply's first value is the
    // property's value. A link that has no such property answers UnknownProperty (an older service does too).
    virtual void managerProperty(const QString &name, Done done);

signals:
    void exportUpdated(const QString &name);
    void exportRemoved(const QString &name);
    void targetUpdated(quint32 key, bool added);
    void targetRemoved(quint32 key, const aoesan::discovery::TargetInfo &last);
    void managerUpdated();
    void serviceAppeared();
    void serviceVanished();
};

// The real link: a ServiceClient following the service on `bus`.
class ServiceLink : public SanLink
{
    Q_OBJECT

public:
    ServiceLink(QDBusConnection bus, Owner owner, QObject *parent = nullptr);

    // Loads the mirror and follows the service from now on.
    void follow();
    service::ServiceClient &client() { return m_client; }

    Owner owner() const override { return m_owner; }
    bool isConnected() const override { return m_connected; }
    const std::map<QString, service::ExportView> &exports() const override { return m_client.exports(); }
    const std::map<quint32, service::TargetView> &targets() const override { return m_client.targets(); }
    const service::ManagerView &manager() const override { return m_client.manager(); }
    void addExport(const supervisor::ExportRecord &record, bool start, bool force, Done done) override;
    void exportCall(const QString &name, const QString &method, const QVariantList &args, Done done) override;
    void startBoot(const QString &name, const service::BootRequest &request, Done done) override;
    void stopBoot(const QString &name, Done done) override;
    void startCapture(int fd, const QVariantMap &options, Done done) override;
    void stopCapture(const QString &path, Done done) override;
    void captureProperties(const QString &path, Done done) override;
    void managerCall(const QString &method, const QVariantList &args, Done done) override;
    void request(std::uint16_t shelf, std::uint8_t slot, const QString &line, Done done) override;
    void managerProperty(const QString &name, Done done) override;

private:
    service::ServiceClient m_client;
    Owner m_owner;
    bool m_connected = false;
};

} // namespace aoesan::ui
