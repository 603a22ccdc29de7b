// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/Privileges.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

namespace aoesan::platform {

Result<bool, std::string> dropAllCapabilities()
{
    // Ambient capabilities would survive an exec; clear them first (EINVAL on kernels without them).
    if (::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL)
        return Unexpected(std::string("cannot clear ambient capabilities: ") + std::strerror(errno));
    __user_cap_header_struct header {_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {};
    if (::syscall(SYS_capset, &header, data) != 0)
        return Unexpected(std::string("cannot drop capabilities: ") + std::strerror(errno));
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return Unexpected(std::string("cannot set no_new_privs: ") + std::strerror(errno));
    return true;
}

Result<bool, std::string> dropEffectiveCapabilities()
{
    __user_cap_header_struct header {_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {};
    if (::syscall(SYS_capget, &header, data) != 0)
        return Unexpected(std::string("cannot read capabilities: ") + std::strerror(errno));
    for (auto &d : data)
        d.effective = 0;
    if (::syscall(SYS_capset, &header, data) != 0)
        return Unexpected(std::string("cannot clear the effective capabilities: ") + std::strerror(errno));
    return true;
}

} // namespace aoesan::platform
