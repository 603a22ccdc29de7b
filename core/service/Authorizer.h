// SPDX-License-Identifier: GPL-3.0-or-later
// Who may change what: every change the service makes for a caller is first put to an Authorizer. The
// system service asks polkit (CheckAuthorization, the caller as a system-bus-name subject); a person's own
// session service lets everything through, because only that person can reach their session bus.
#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QObject>

#include <chrono>
#include <deque>
#include <functional>
#include <optional>

#include "service/ServiceError.h"

namespace aoesan::service {

class Authorizer
{
public:
    // nullopt: allowed. Otherwise NotAuthorized or AuthorizationUnavailable with what to do.
    using Done = std::function<void(std::optional<ServiceError>)>;
    virtual ~Authorizer() = default;
    // Decides for the sender of `call` whether it may do `action`; `done` runs later (never inside check()).
    virtual void check(const QDBusMessage &call, const QString &action, Done done) = 0;
};

class AllowAll final : public Authorizer
{
public:
    void check(const QDBusMessage &call, const QString &action, Done done) override;
};

class PolkitAuthorizer final : public QObject, public Authorizer
{
    Q_OBJECT

public:
    struct Timeouts
    {
        std::chrono::milliseconds quiet {10000}; // no password can be asked: polkit answers at once
        std::chrono::milliseconds interactive {120000}; // a person may be typing a password
    };
    PolkitAuthorizer(QDBusConnection bus, Timeouts timeouts, QObject *parent = nullptr);

    void check(const QDBusMessage &call, const QString &action, Done done) override;

    // The sentence for a denied action, with the fix (the group, or a password in a desktop session).
    static QString deniedMessage(const QString &action);

private:
    struct Question
    {
        QDBusMessage call;
        QString action;
        Done done;
    };
    void ask(Question question);
    void next();

    QDBusConnection m_bus;
    Timeouts m_timeouts;
    // The bus limits the replies one connection may wait for; a burst of calls waits its turn here.
    std::deque<Question> m_waiting;
    int m_inFlight = 0;
};

} // namespace aoesan::service
