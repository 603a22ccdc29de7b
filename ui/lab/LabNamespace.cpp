// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/LabNamespace.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <string>
#include <unistd.h>

#include <linux/capability.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

namespace aoesan::ui::lab {

namespace {

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool writeFile(const char *path, const std::string &text)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    return ok;
}

// Keeps the capabilities the lab's helpers need across execve as a non-root user: they must be
// permitted and inheritable before they can be raised as ambient capabilities.
bool keepAmbient(std::initializer_list<int> caps)
{
    __user_cap_header_struct header {_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] {};
    if (::syscall(SYS_capget, &header, data) != 0)
        return false;
    for (const int cap : caps)
        data[cap / 32].inheritable |= 1U << (cap % 32);
    if (::syscall(SYS_capset, &header, data) != 0)
        return false;
    for (const int cap : caps) {
        if (::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, static_cast<unsigned long>(cap), 0UL, 0UL) != 0)
            return false;
    }
    return true;
}

} // namespace

bool requested(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--lab") == 0)
            return true;
    }
    return false;
}

StepResult enterUserNamespace()
{
    if (::geteuid() == 0 && !qEnvironmentVariableIsSet("AOESAN_LAB_FORCE_USERNS"))
        return {};
    const uid_t uid = ::geteuid();
    const gid_t gid = ::getegid();
    if (::unshare(CLONE_NEWUSER) != 0) {
        return {false,
            QCoreApplication::translate("Lab",
                "Lab mode could not create a user namespace (%1). Allow unprivileged user namespaces "
                "(sysctl kernel.unprivileged_userns_clone=1, or user.max_user_namespaces > 0), or start "
                "aoesan --lab as root.")
                .arg(errnoText())};
    }
    // Our own ids inside as outside: the display server and the session bus still recognise us.
    if (!writeFile("/proc/self/setgroups", "deny")
        || !writeFile("/proc/self/uid_map", std::to_string(uid) + " " + std::to_string(uid) + " 1\n")
        || !writeFile("/proc/self/gid_map", std::to_string(gid) + " " + std::to_string(gid) + " 1\n")) {
        return {false,
            QCoreApplication::translate("Lab", "Lab mode could not map the user ids of its namespace (%1).")
                .arg(errnoText())};
    }
    if (!keepAmbient({CAP_NET_ADMIN, CAP_NET_RAW, CAP_SYS_ADMIN}))
        return {false,
            QCoreApplication::translate("Lab", "Lab mode could not keep its network capabilities (%1).")
                .arg(errnoText())};
    return {};
}

StepResult enterNetworkNamespace()
{
    if (::unshare(CLONE_NEWNET | CLONE_NEWNS) != 0)
        return {false,
            QCoreApplication::translate("Lab",
                "Lab mode could not create a private network namespace (%1). Start aoesan --lab as root, "
                "or allow unprivileged user namespaces.")
                .arg(errnoText())};
    // Nothing mounted here may leak back to the machine's own mount table.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return {false,
            QCoreApplication::translate("Lab", "Lab mode could not make its mounts private (%1).").arg(errnoText())};
    // sysfs shows the network devices of the namespace that mounted it: a fresh one shows the lab's.
    if (::mount("sysfs", "/sys", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0)
        return {false,
            QCoreApplication::translate("Lab", "Lab mode could not mount sysfs for its namespace (%1).")
                .arg(errnoText())};
    return {};
}

} // namespace aoesan::ui::lab
