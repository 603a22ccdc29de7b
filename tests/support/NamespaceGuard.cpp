// SPDX-License-Identifier: GPL-3.0-or-later
#include "NamespaceGuard.h"

#include <QtGlobal>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <sys/mount.h>

namespace aoesan::test {

namespace {

QString systemError(const char *what)
{
    return QString::fromUtf8(what) + QStringLiteral(": ") + QString::fromUtf8(std::strerror(errno));
}

int openReadOnly(const char *path, int extraFlags = 0)
{
    return ::open(path, O_RDONLY | O_CLOEXEC | extraFlags);
}

} // namespace

struct NamespaceGuard::State
{
    int originalNet = -1;
    int originalMnt = -1;
    int originalCwd = -1;

    ~State()
    {
        for (const int fd : {originalNet, originalMnt, originalCwd})
            if (fd >= 0)
                ::close(fd);
    }

    // Back to where the thread was; false if the kernel refused.
    bool restore() const
    {
        bool ok = ::setns(originalNet, CLONE_NEWNET) == 0;
        ok = ::setns(originalMnt, CLONE_NEWNS) == 0 && ok;
        ok = ::fchdir(originalCwd) == 0 && ok;
        return ok;
    }
};

NamespaceGuard::NamespaceGuard(Refused, const QString &reason)
    : m_error(reason)
{ }

NamespaceGuard NamespaceGuard::refused(const QString &reason)
{
    return NamespaceGuard(Refused {}, reason);
}

NamespaceGuard::NamespaceGuard(const QString &netns)
{
    if (netns.isEmpty() || netns.contains(QLatin1Char('/'))) {
        m_error = QStringLiteral("'%1' is not a network namespace name").arg(netns);
        return;
    }
    auto state = std::make_unique<State>();
    // thread-self: setns and unshare act on the calling thread, and that is what must be restored.
    state->originalNet = openReadOnly("/proc/thread-self/ns/net");
    state->originalMnt = openReadOnly("/proc/thread-self/ns/mnt");
    state->originalCwd = openReadOnly(".", O_DIRECTORY);
    if (state->originalNet < 0 || state->originalMnt < 0 || state->originalCwd < 0) {
        m_error = systemError("cannot save the current namespaces");
        return;
    }
    const QByteArray path = QStringLiteral("/run/netns/%1").arg(netns).toLocal8Bit();
    const int target = openReadOnly(path.constData());
    if (target < 0) {
        m_error = systemError(path.constData());
        return;
    }
    // A private mount namespace (unshare implies CLONE_FS, so this thread alone gets it) keeps the
    // sysfs mount below from ever showing on the host, and lets us drop it by switching back.
    const bool entered = ::unshare(CLONE_NEWNS) == 0
        && ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0 && ::setns(target, CLONE_NEWNET) == 0
        && ::mount("sysfs", "/sys", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) == 0;
    if (!entered)
        m_error = QStringLiteral("cannot enter network namespace %1: %2")
                      .arg(netns, QString::fromUtf8(std::strerror(errno)));
    ::close(target);
    if (!entered) {
        if (!state->restore())
            qFatal("cannot restore the thread's namespaces after a failed enter");
        return;
    }
    m_state = std::move(state);
}

NamespaceGuard::~NamespaceGuard()
{
    // A test thread left in a lab namespace would run everything after it in the wrong place.
    if (m_state && !m_state->restore())
        qFatal("cannot restore the thread's original namespaces: %s", std::strerror(errno));
}

NamespaceGuard::NamespaceGuard(NamespaceGuard &&other) noexcept
    : m_state(std::move(other.m_state))
    , m_error(std::move(other.m_error))
{ }

} // namespace aoesan::test
