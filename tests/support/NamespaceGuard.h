// SPDX-License-Identifier: GPL-3.0-or-later
// Puts the calling thread into one of a Lab's network namespaces for a scope, so a test can open a
// transport there in-process, and brings it back when the scope ends.
#pragma once

#include <QString>

#include <memory>

namespace aoesan::test {

class NamespaceGuard
{
public:
    // Enters the named namespace (as `ip netns` names it) on the calling thread only. /sys is mounted
    // afresh in a private mount namespace too, because sysfs shows the interfaces of the namespace it
    // was mounted in, not of the thread reading it; that is what `ip netns exec` does as well.
    explicit NamespaceGuard(const QString &netns);
    // A guard that did not enter anything, carrying the reason.
    static NamespaceGuard refused(const QString &reason);
    // Restores the thread's original network and mount namespaces and working directory.
    ~NamespaceGuard();
    NamespaceGuard(NamespaceGuard &&other) noexcept;
    NamespaceGuard &operator=(NamespaceGuard &&other) = delete;
    NamespaceGuard(const NamespaceGuard &) = delete;
    NamespaceGuard &operator=(const NamespaceGuard &) = delete;

    bool ok() const { return m_state != nullptr; }
    const QString &error() const { return m_error; }

private:
    struct Refused
    {
    };
    NamespaceGuard(Refused, const QString &reason);

    struct State;
    std::unique_ptr<State> m_state; // null when entering failed or after a move
    QString m_error;
};

} // namespace aoesan::test
