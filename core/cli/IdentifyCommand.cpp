// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl identify: what a target's IDENTIFY DEVICE says (aoeping -I, plus the size).
#include <cstdio>

#include "cli/Commands.h"
#include "cli/CtlSupport.h"
#include "protocol/SizeFormat.h"

namespace aoesan::cli {

namespace {

constexpr const char *kCommand = "identify";

void printIdentify(
    const TargetAddress &address, const initiator::ConfigReply &config, const initiator::IdentifyReply &reply)
{
    const auto &info = reply.info;
    const double mib = static_cast<double>(info.sizeBytes()) / (1024.0 * 1024.0);
    std::printf("device:           %s\n", address.name().c_str());
    std::printf("mac:              %s\n", reply.meta.from.mac.toString().c_str());
    std::printf("interface:        %s\n", reply.meta.from.transport->interfaceName().c_str());
    std::printf("model:            %s\n", info.model.c_str());
    std::printf("serial:           %s\n", info.serial.c_str());
    std::printf("firmware:         %s\n", info.firmware.c_str());
    std::printf("sectors:          %llu\n", static_cast<unsigned long long>(info.sectors()));
    std::printf("size:             %s (%llu bytes, %.1f MiB)\n", protocol::aoeStatSize(info.sectors()).c_str(),
        static_cast<unsigned long long>(info.sizeBytes()), mib);
    std::printf("lba48:            %s\n", info.lba48 ? "yes" : "no");
    std::printf("flush cache:      %s\n", info.flush ? "yes" : "no");
    std::printf("flush cache ext:  %s\n", info.flushExt ? "yes" : "no");
    std::printf("smart:            %s\n", info.smart ? "yes" : "no");
    std::printf("buffer count:     %u\n", static_cast<unsigned>(config.config.bufferCount));
    std::printf("max sectors:      %u\n", static_cast<unsigned>(config.config.effectiveSectorCount()));
    std::printf("aoe firmware:     0x%04x\n", static_cast<unsigned>(config.config.firmwareVersion));
}

} // namespace

int runIdentify(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Send IDENTIFY DEVICE to SHELF.SLOT and print model, serial, firmware, size and features."));
    const QCommandLineOption iface = interfaceOption(InterfaceChoice::OnlyUp);
    const QCommandLineOption timeout = timeoutOption("3");
    parser.addOptions({iface, timeout});
    parser.addPositionalArgument(QStringLiteral("SHELF.SLOT"), QStringLiteral("The target, e.g. 7.3 or e7.3."));
    if (const auto stop = parseArguments(parser, kCommand, args))
        return *stop;
    const auto wait = secondsOption(parser, timeout, kCommand);
    if (!wait)
        return kExitUsage;
    const auto address = targetArgument(parser, kCommand);
    if (!address)
        return kExitUsage;
    int failed = kExitFailure;
    const auto interfaces = chooseInterfaces(kCommand, parser.values(iface), InterfaceChoice::OnlyUp, &failed);
    if (!interfaces)
        return failed;
    auto session = Session::open(kCommand, *interfaces, &failed);
    if (!session)
        return failed;

    const auto policy = initiator::RetryPolicy::within(*wait);
    session->locate(*address, policy, [&](initiator::Outcome<initiator::ConfigReply> config) {
        if (!config) {
            printError(kCommand, noAnswerMessage(*address, *session, config.error()));
            session->finish(kExitFailure);
            return;
        }
        const initiator::ConfigReply found = config.value();
        session->initiator().identify(
            found.meta.from, session.get(),
            [&, found](initiator::Outcome<initiator::IdentifyReply> reply) {
                if (!reply) {
                    const bool refused = reply.error().kind == initiator::Failure::Kind::AoeError
                        || reply.error().kind == initiator::Failure::Kind::AtaError;
                    printError(kCommand, address->name() + ": IDENTIFY failed: " + reply.error().message);
                    session->finish(refused ? kExitFailure : kExitFailure);
                    return;
                }
                printIdentify(*address, found, reply.value());
                session->finish(kExitOk);
            },
            policy);
    });
    return session->exec();
}

} // namespace aoesan::cli
