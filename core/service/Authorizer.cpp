// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/Authorizer.h"

#include <QDBusArgument>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QTimer>

#include "log/Logging.h"
#include "service/DbusApi.h"

namespace aoesan::service {

namespace {

constexpr char kPolkitName[] = "org.freedesktop.PolicyKit1";
constexpr char kPolkitPath[] = "/org/freedesktop/PolicyKit1/Authority";
constexpr char kPolkitInterface[] = "org.freedesktop.PolicyKit1.Authority";
constexpr uint kAllowUserInteraction = 1;
constexpr int kMaxInFlight = 16; // well under dbus-daemon's max_replies_per_connection

QString whatActionDoes(const QString &action)
{
    if (action == QLatin1String(action::kManageExports))
        return QStringLiteral("manage this machine's AoE exports");
    if (action == QLatin1String(action::kConfigureDiscovery))
        return QStringLiteral("change what AoE discovery watches");
    if (action == QLatin1String(action::kChangeTargets))
        return QStringLiteral("change the settings of an AoE target");
    if (action == QLatin1String(action::kAttachTargets))
        return QStringLiteral("use AoE targets as disks of this computer");
    if (action == QLatin1String(action::kNetworkBoot))
        return QStringLiteral("boot machines over the network from an AoE export");
    if (action == QLatin1String(action::kCaptureTraffic))
        return QStringLiteral("capture AoE network traffic");
    return action;
}

// (sa{sv}) system-bus-name subject for `sender`.
QDBusArgument subjectFor(const QString &sender)
{
    QDBusArgument subject;
    subject.beginStructure();
    subject << QStringLiteral("system-bus-name");
    subject.beginMap(QMetaType::fromType<QString>(), QMetaType::fromType<QDBusVariant>());
    subject.beginMapEntry();
    subject << QStringLiteral("name") << QDBusVariant(sender);
    subject.endMapEntry();
    subject.endMap();
    subject.endStructure();
    return subject;
}

QDBusArgument noDetails()
{
    QDBusArgument details;
    details.beginMap(QMetaType::fromType<QString>(), QMetaType::fromType<QString>());
    details.endMap();
    return details;
}

} // namespace

void AllowAll::check(const QDBusMessage &, const QString &, Done done)
{
    QTimer::singleShot(0, [done = std::move(done)] { done(std::nullopt); });
}

PolkitAuthorizer::PolkitAuthorizer(QDBusConnection bus, Timeouts timeouts, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
    , m_timeouts(timeouts)
{ }

QString PolkitAuthorizer::deniedMessage(const QString &action)
{
    return QStringLiteral("You are not allowed to %1 (polkit action %2). Ask an administrator to add you to the "
                          "group aoesan (sudo usermod -aG aoesan NAME, then log in again), or do it from your "
                          "desktop session, where you can give an administrator's password.")
        .arg(whatActionDoes(action), action);
}

void PolkitAuthorizer::check(const QDBusMessage &call, const QString &action, Done done)
{
    m_waiting.push_back(Question {call, action, std::move(done)});
    next();
}

void PolkitAuthorizer::next()
{
    while (m_inFlight < kMaxInFlight && !m_waiting.empty()) {
        Question q = std::move(m_waiting.front());
        m_waiting.pop_front();
        ++m_inFlight;
        ask(std::move(q));
    }
}

void PolkitAuthorizer::ask(Question question)
{
    const QDBusMessage &call = question.call;
    const QString action = question.action;
    Done finished = [this, done = std::move(question.done)](std::optional<ServiceError> e) {
        --m_inFlight;
        done(std::move(e));
        next();
    };
    const bool interactive = call.isInteractiveAuthorizationAllowed();
    QDBusMessage ask = QDBusMessage::createMethodCall(QLatin1String(kPolkitName), QLatin1String(kPolkitPath),
        QLatin1String(kPolkitInterface), QStringLiteral("CheckAuthorization"));
    ask << QVariant::fromValue(subjectFor(call.service())) << action << QVariant::fromValue(noDetails())
        << (interactive ? kAllowUserInteraction : 0U) << QString();
    const auto timeout = interactive ? m_timeouts.interactive : m_timeouts.quiet;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(ask, static_cast<int>(timeout.count())), this);
    const QString caller = call.service();
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [watcher, action, caller, timeout, done = std::move(finished)] {
            watcher->deleteLater();
            const QDBusMessage reply = watcher->reply();
            if (reply.type() != QDBusMessage::ReplyMessage) {
                log::logger("service")->warn("polkit did not decide {} for {}: {} {}", action.toStdString(),
                    caller.toStdString(), reply.errorName().toStdString(), reply.errorMessage().toStdString());
                const bool silent = reply.errorName() == QLatin1String("org.freedesktop.DBus.Error.NoReply")
                    || reply.errorName() == QLatin1String("org.freedesktop.DBus.Error.Timeout");
                done(ServiceError {QLatin1String(error::kAuthorizationUnavailable),
                    silent ? QStringLiteral("polkit, which decides who may change the service, did not answer within "
                                            "%1 s. Nothing was changed. Check that polkitd runs "
                                            "(systemctl status polkit) and try again.")
                                 .arg(timeout.count() / 1000)
                           : QStringLiteral("polkit, which decides who may change the service, could not be asked "
                                            "(%1). Nothing was changed. Check that polkitd is installed and "
                                            "runs (systemctl status polkit).")
                                 .arg(reply.errorMessage())});
                return;
            }
            bool authorized = false;
            bool challenge = false;
            QMap<QString, QString> details;
            const auto arg = reply.arguments().value(0).value<QDBusArgument>();
            arg.beginStructure();
            arg >> authorized >> challenge;
            arg.beginMap();
            while (!arg.atEnd()) {
                QString key;
                QString value;
                arg.beginMapEntry();
                arg >> key >> value;
                arg.endMapEntry();
                details.insert(key, value);
            }
            arg.endMap();
            arg.endStructure();
            if (authorized) {
                done(std::nullopt);
                return;
            }
            log::logger("service")->info("polkit refused {} to {}", action.toStdString(), caller.toStdString());
            QString message = deniedMessage(action);
            if (details.value(QStringLiteral("polkit.dismissed")) == QLatin1String("true"))
                message = QStringLiteral("The password dialog was closed, so nothing was changed. ") + message;
            done(ServiceError {QLatin1String(error::kNotAuthorized), message});
        });
}

} // namespace aoesan::service
