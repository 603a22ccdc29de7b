// SPDX-License-Identifier: GPL-3.0-or-later
// The service on the bus: one virtual object tree under /io/github/aoesan1 that answers every call
// itself — Introspect from the compiled-in XML, Properties, ObjectManager and the API's methods — so the
// objects can come and go with exports and targets without a QObject per object. Every call's signature is
// checked against the XML first (InvalidArgs), changes are put to the Authorizer, and signals follow every
// change: InterfacesAdded/Removed and PropertiesChanged (targets coalesced to one signal per 100 ms).
#pragma once

#include <QDBusConnection>
#include <QDBusServiceWatcher>
#include <QDBusVirtualObject>
#include <QHash>
#include <QTimer>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "service/Authorizer.h"
#include "service/CaptureJobs.h"
#include "service/SanService.h"

namespace aoesan::service {

class DbusTree : public QDBusVirtualObject
{
    Q_OBJECT

public:
    // `mode` is "system" or "session" (the Mode property).
    DbusTree(SanService &service, Authorizer &authorizer, QDBusConnection bus, QString mode, QObject *parent = nullptr);

    // The aoesan-engine that captures run (Manager.StartCapture); the installed one unless set.
    void setCaptureEngine(const QString &engine);

    // Registers the tree at /io/github/aoesan1; false when the path is taken.
    bool registerObjects();

    QString introspect(const QString &path) const override;
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override;

    // The properties of the object at `path` for `interface`; empty for an unknown one.
    QVariantMap properties(const QString &path, const QString &interface) const;

private:
    enum class Kind : std::uint8_t { Root, Exports, Targets, Captures, Export, Target, Capture, Unknown };
    Kind kindOf(const QString &path) const;
    QString interfaceOf(Kind kind) const;
    void dispatch(const QDBusMessage &message, const QDBusConnection &connection, Kind kind);
    void handleProperties(const QDBusMessage &message, const QDBusConnection &connection, Kind kind);
    void handleManager(const QDBusMessage &message, const QDBusConnection &connection);
    void handleExport(const QDBusMessage &message, const QDBusConnection &connection, const QString &name);
    void handleTarget(const QDBusMessage &message, const QDBusConnection &connection, quint32 key);
    void handleCapture(const QDBusMessage &message, const QDBusConnection &connection, quint64 id);
    std::optional<quint64> captureIdOf(const QString &path) const;
    void watchCaptures();
    // Runs `change` once `action` is allowed for the caller; replies with its error, or with nothing.
    void authorized(const QDBusMessage &message, const QDBusConnection &connection, const char *action,
        std::function<void(const QDBusMessage &, const QDBusConnection &)> change);

    // Starts the authorisation of `sender`'s oldest waiting change.
    void nextChange(const QString &sender);

    QVariantMap managerProperties() const;
    QVariantMap targetProperties(quint32 key) const;

    void exportAdded(const QString &name);
    void exportChanged(const QString &name);
    void exportRemoved(const QString &name);
    void targetTouched(quint32 key);
    void flushTargets();
    void emitAdded(const QString &path, const QString &interface, const QVariantMap &props);
    void emitRemoved(const QString &path, const QString &interface);
    void emitChanged(const QString &path, const QString &interface, const QVariantMap &props);

    SanService &m_service;
    Authorizer &m_authorizer;
    QDBusConnection m_bus;
    QString m_mode;
    struct PendingChange
    {
        QDBusMessage message;
        QDBusConnection connection;
        QString action;
        std::function<void(const QDBusMessage &, const QDBusConnection &)> change;
    };
    std::map<QString, std::deque<PendingChange>> m_bySender; // changes waiting for polkit, per caller
    QHash<QString, QVariantMap> m_sent; // what clients were last told of each object
    std::map<quint32, bool> m_touchedTargets; // waiting for the next flush
    QTimer m_targetFlush;
    std::unique_ptr<CaptureJobs> m_captures;
    QDBusServiceWatcher *m_captureOwners = nullptr; // ends a capture whose caller left the bus
};

} // namespace aoesan::service
