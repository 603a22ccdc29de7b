// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl attach and detach: a target as a local disk through the Linux aoe driver. Through the service when
// one runs; otherwise in-process as root: find the target with a config query and learn its size with IDENTIFY
// (so a wrong shelf.slot fails within --timeout and a device of another size is not taken for it), make the
// driver use the interface it answered on, and wait for /dev/etherd/eX.Y (kernel::AttachJob).
#include <QCoreApplication>

#include <chrono>
#include <unistd.h>

#include "cli/Commands.h"
#include "cli/KernelThroughService.h"
#include "cli/TargetCommand.h"
#include "kernel/AoeDriver.h"
#include "kernel/AttachJob.h"
#include "net/NetworkInterfaces.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

namespace {

// The kernel does not receive the frames of its own host: an export of this machine cannot become its disk.
bool isThisMachine(const protocol::MacAddress &mac)
{
    const auto interfaces = net::listInterfaces();
    if (!interfaces)
        return false;
    for (const auto &i : interfaces.value()) {
        if (i.mac == mac)
            return true;
    }
    return false;
}

QString rootHint()
{
    return QStringLiteral("run it as root, or start the aoesan service (it attaches for members of group aoesan)");
}

} // namespace

int runAttach(const QStringList &args, const Console &console)
{
    TargetCommand command("attach", console,
        QStringLiteral("Use SHELF.SLOT as a disk of this machine through the Linux aoe driver: load the driver for\n"
                       "the interface the target answers on (never every interface), trigger discovery, wait until\n"
                       "its block device exists with the size the target reports, and print the device's path as\n"
                       "the last line (/dev/etherd/e0.1). Through the aoesan service when it runs; otherwise needs\n"
                       "root."),
        20);
    if (const auto stop = command.parse(args))
        return *stop;
    const QStringList given = command.parser().values(QStringLiteral("interface"));
    if (const auto viaService
        = attachThroughService(command, command.address().shelf, command.address().slot, given, command.timeout()))
        return *viaService;
    if (::geteuid() != 0) {
        command.error("loading the aoe driver and writing /dev/etherd/discover need root; " + rootHint().toStdString());
        return ExitNoPermission;
    }

    const auto started = std::chrono::steady_clock::now();
    kernel::AoeDriver driver;
    std::unique_ptr<kernel::AttachJob> job;
    return command.run([&](const initiator::ConfigReply &found) {
        if (isThisMachine(found.meta.from.mac)) {
            command.fail(command.target()
                + " is served by this machine: the kernel does not see its own frames, so it cannot be a disk here. "
                  "Use its backing file or device itself (aoesan-ctl exports list shows it)");
            return;
        }
        command.initiator().identify(
            found.meta.from, command.context(),
            [&, found](initiator::Outcome<initiator::IdentifyReply> reply) {
                if (!reply) {
                    command.fail(command.target() + ": IDENTIFY failed: " + reply.error().message);
                    return;
                }
                kernel::AttachRequest request;
                request.shelf = command.address().shelf;
                request.slot = command.address().slot;
                request.interfaces = {QString::fromStdString(found.meta.from.transport->interfaceName())};
                request.expectedSectors = reply.value().info.sectors();
                const auto spent
                    = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
                request.timeout = std::max(std::chrono::milliseconds(1000),
                    std::chrono::duration_cast<std::chrono::milliseconds>(command.timeout()) - spent);
                std::fprintf(command.err(), "aoesan-ctl attach: %s answers on %s from %s, %llu sectors\n",
                    command.target().c_str(), request.interfaces.first().toUtf8().constData(),
                    found.meta.from.mac.toString().c_str(), static_cast<unsigned long long>(*request.expectedSectors));
                job = std::make_unique<kernel::AttachJob>(driver, request);
                QObject::connect(job.get(), &kernel::AttachJob::progress, command.context(), [&](const QString &line) {
                    std::fprintf(command.err(), "aoesan-ctl attach: %s\n", line.toUtf8().constData());
                });
                QObject::connect(job.get(), &kernel::AttachJob::finished, command.context(),
                    [&](const Result<QString, QString> &result) {
                        if (!result) {
                            command.fail(result.error().toStdString());
                            return;
                        }
                        const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - started);
                        std::fprintf(command.err(), "aoesan-ctl attach: %s is usable after %.2f s\n",
                            command.target().c_str(), static_cast<double>(took.count()) / 1000.0);
                        std::fprintf(command.out(), "%s\n", result.value().toUtf8().constData());
                        command.succeed();
                    });
                job->start();
            },
            command.policy());
    });
}

int runDetach(const QStringList &args, const Console &console)
{
    const Command command("detach", console);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Release SHELF.SLOT, a disk attached through the Linux aoe driver (aoe-flush eX.Y). Refused,\n"
                       "naming them, while it or a partition is mounted, open or held by device-mapper or RAID. The\n"
                       "driver sees the target again at its next discovery (every 60 s) as long as it answers;\n"
                       "the aoesan service keeps a detached disk detached. Through the service when it runs;\n"
                       "otherwise needs root."));
    parser.addPositionalArgument(QStringLiteral("SHELF.SLOT"), QStringLiteral("The target, e.g. 7.3 or e7.3."));
    if (const auto stop = command.parseArguments(parser, args))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return command.usageError("give one SHELF.SLOT, e.g. 7.3");
    const auto address = parseTargetAddress(parser.positionalArguments().first());
    if (!address)
        return command.usageError("'" + parser.positionalArguments().first().toStdString()
            + "' is not SHELF.SLOT (shelf 0-65534, slot 0-254)");
    if (const auto viaService = detachThroughService(command, address->shelf, address->slot))
        return *viaService;
    if (::geteuid() != 0) {
        command.error("writing /dev/etherd/flush needs root; " + rootHint().toStdString());
        return ExitNoPermission;
    }
    const kernel::AoeDriver driver;
    if (!driver.loaded())
        return command.failure(address->name() + " is not attached: the aoe driver is not loaded");
    if (const auto done = driver.detach(address->shelf, address->slot); !done)
        return command.failure(done.error().toStdString());
    // The driver forgets the device before the write returns; a device still listed means it refused.
    for (int i = 0; i < 30 && driver.device(address->shelf, address->slot); ++i)
        ::usleep(100 * 1000);
    if (const auto still = driver.device(address->shelf, address->slot))
        return command.failure(
            address->name() + " is still there after the flush (state " + still->state.toStdString() + ")");
    std::fprintf(command.out(), "%s released\n", address->name().c_str());
    return ExitOk;
}

} // namespace aoesan::cli
