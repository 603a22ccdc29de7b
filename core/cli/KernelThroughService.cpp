// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/KernelThroughService.h"

#include "kernel/KernelDevice.h"
#include "service/DbusApi.h"
#include "service/ServiceClient.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

namespace {

// An older service (before Attach) answers UnknownMethod: then the command works in-process, as with none.
bool olderService(const service::ServiceError &e)
{
    return e.name == QLatin1String(service::error::kUnknownMethod);
}

} // namespace

std::optional<int> attachThroughService(const Command &command, std::uint16_t shelf, std::uint8_t slot,
    const QStringList &interfaces, initiator::Duration timeout)
{
    const auto bus = service::ServiceClient::findService();
    if (!bus)
        return std::nullopt;
    service::ServiceClient client(*bus);
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout).count();
    const QString target = kernel::deviceName(shelf, slot);
    std::fprintf(command.err(), "aoesan-ctl attach: asking the aoesan service to attach %s\n", qPrintable(target));
    const auto done = client.attach(target, interfaces, static_cast<uint>(std::max<long long>(1, seconds)));
    if (!done) {
        if (olderService(done.error()))
            return std::nullopt;
        command.error(done.error().message.toStdString());
        return service::exitCodeFor(done.error());
    }
    std::fprintf(command.out(), "%s\n", qPrintable(done.value()));
    return ExitOk;
}

std::optional<int> detachThroughService(const Command &command, std::uint16_t shelf, std::uint8_t slot)
{
    const auto bus = service::ServiceClient::findService();
    if (!bus)
        return std::nullopt;
    service::ServiceClient client(*bus);
    const QString target = kernel::deviceName(shelf, slot);
    const auto done = client.detach(target);
    if (!done) {
        if (olderService(done.error()))
            return std::nullopt;
        command.error(done.error().message.toStdString());
        return service::exitCodeFor(done.error());
    }
    std::fprintf(command.out(), "%s released\n", qPrintable(target));
    return ExitOk;
}

} // namespace aoesan::cli
