// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl identify: what a target's IDENTIFY DEVICE says (aoeping -I, plus the size).
#include "cli/Commands.h"
#include "cli/TargetCommand.h"
#include "protocol/SizeFormat.h"

namespace aoesan::cli {

namespace {

void printIdentify(std::FILE *out, const TargetAddress &address, const initiator::ConfigReply &config,
    const initiator::IdentifyReply &reply)
{
    const auto &info = reply.info;
    const double mib = static_cast<double>(info.sizeBytes()) / (1024.0 * 1024.0);
    std::fprintf(out, "device:           %s\n", address.name().c_str());
    std::fprintf(out, "mac:              %s\n", reply.meta.from.mac.toString().c_str());
    std::fprintf(out, "interface:        %s\n", reply.meta.from.transport->interfaceName().c_str());
    std::fprintf(out, "model:            %s\n", info.model.c_str());
    std::fprintf(out, "serial:           %s\n", info.serial.c_str());
    std::fprintf(out, "firmware:         %s\n", info.firmware.c_str());
    std::fprintf(out, "sectors:          %llu\n", static_cast<unsigned long long>(info.sectors()));
    std::fprintf(out, "size:             %s (%llu bytes, %.1f MiB)\n", protocol::aoeStatSize(info.sectors()).c_str(),
        static_cast<unsigned long long>(info.sizeBytes()), mib);
    std::fprintf(out, "lba48:            %s\n", info.lba48 ? "yes" : "no");
    std::fprintf(out, "flush cache:      %s\n", info.flush ? "yes" : "no");
    std::fprintf(out, "flush cache ext:  %s\n", info.flushExt ? "yes" : "no");
    std::fprintf(out, "smart:            %s\n", info.smart ? "yes" : "no");
    std::fprintf(out, "buffer count:     %u\n", static_cast<unsigned>(config.config.bufferCount));
    std::fprintf(out, "max sectors:      %u\n", static_cast<unsigned>(config.config.effectiveSectorCount()));
    std::fprintf(out, "aoe firmware:     0x%04x\n", static_cast<unsigned>(config.config.firmwareVersion));
}

} // namespace

int runIdentify(const QStringList &args, const Console &console)
{
    TargetCommand command("identify", console,
        QStringLiteral("Send IDENTIFY DEVICE to SHELF.SLOT and print model, serial, firmware, size and features."));
    if (const auto stop = command.parse(args))
        return *stop;
    return command.run([&](const initiator::ConfigReply &found) {
        command.initiator().identify(
            found.meta.from, command.context(),
            [&, found](initiator::Outcome<initiator::IdentifyReply> reply) {
                if (!reply) {
                    command.fail(command.target() + ": IDENTIFY failed: " + reply.error().message);
                    return;
                }
                printIdentify(command.out(), command.address(), found, reply.value());
                command.succeed();
            },
            command.policy());
    });
}

} // namespace aoesan::cli
