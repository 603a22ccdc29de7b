// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl reserve: read, set or release a target's reserve list (AoE r11 Reserve/Release,
// AOE-PROTOCOL §1.9). While the list is not empty, hosts not on it may not read or write the target.
#include <cstdio>

#include "cli/Commands.h"
#include "cli/CtlSupport.h"
#include "protocol/AccessGuard.h"

namespace aoesan::cli {

namespace {

constexpr const char *kCommand = "reserve";

std::string macsText(const std::vector<protocol::MacAddress> &macs)
{
    std::string text;
    for (const auto &m : macs)
        text += (text.empty() ? "" : ", ") + m.toString();
    return text;
}

void printList(const TargetAddress &address, const std::vector<protocol::MacAddress> &macs)
{
    if (macs.empty()) {
        std::printf("%s reserve list: empty (not reserved)\n", address.name().c_str());
        return;
    }
    std::printf("%s reserve list: %zu entr%s\n", address.name().c_str(), macs.size(), macs.size() == 1 ? "y" : "ies");
    for (const auto &m : macs)
        std::printf("%s\n", m.toString().c_str());
}

} // namespace

int runReserve(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Read a target's reserve list (default), set it, or release it; prints the list.\n"
                       "A plain set or release works only while the list is empty or holds this host."));
    const QCommandLineOption iface = interfaceOption(InterfaceChoice::OnlyUp);
    const QCommandLineOption timeout = timeoutOption("3");
    const QCommandLineOption set(
        QStringLiteral("set"), QStringLiteral("Reserve for these MACs (comma-separated)."), QStringLiteral("MAC,..."));
    const QCommandLineOption forceSet(QStringLiteral("force-set"),
        QStringLiteral("Reserve for these MACs even if another host holds it."), QStringLiteral("MAC,..."));
    const QCommandLineOption release(QStringLiteral("release"), QStringLiteral("Empty the list (if we may)."));
    const QCommandLineOption forceRelease(
        QStringLiteral("force-release"), QStringLiteral("Empty the list whoever holds it."));
    const QCommandLineOption force(
        QStringLiteral("force"), QStringLiteral("Set a list that leaves this host out (it could not undo it)."));
    parser.addOptions({iface, timeout, set, forceSet, release, forceRelease, force});
    parser.addPositionalArgument(QStringLiteral("SHELF.SLOT"), QStringLiteral("The target, e.g. 7.3 or e7.3."));
    if (const auto stop = parseArguments(parser, kCommand, args))
        return *stop;
    const auto wait = secondsOption(parser, timeout, kCommand);
    if (!wait)
        return kExitUsage;
    const auto address = targetArgument(parser, kCommand);
    if (!address)
        return kExitUsage;
    const int chosen = (parser.isSet(set) ? 1 : 0) + (parser.isSet(forceSet) ? 1 : 0) + (parser.isSet(release) ? 1 : 0)
        + (parser.isSet(forceRelease) ? 1 : 0);
    if (chosen > 1) {
        printError(kCommand, "choose one of --set, --force-set, --release and --force-release");
        return kExitUsage;
    }
    auto command = protocol::ReserveCommand::Read;
    std::vector<protocol::MacAddress> macs;
    if (parser.isSet(set) || parser.isSet(forceSet)) {
        const QString text = parser.value(parser.isSet(set) ? set : forceSet);
        const auto parsed = parseMacList(text);
        if (!parsed || parsed->empty() || parsed->size() > 255) {
            printError(kCommand, "'" + text.toStdString() + "' is not a comma-separated list of MAC addresses");
            return kExitUsage;
        }
        macs = *parsed;
        command = parser.isSet(set) ? protocol::ReserveCommand::Set : protocol::ReserveCommand::ForceSet;
    } else if (parser.isSet(release)) {
        command = protocol::ReserveCommand::Set; // release is a set with no MACs
    } else if (parser.isSet(forceRelease)) {
        command = protocol::ReserveCommand::ForceSet;
    }
    int failed = kExitFailure;
    const auto interfaces = chooseInterfaces(kCommand, parser.values(iface), InterfaceChoice::OnlyUp, &failed);
    if (!interfaces)
        return failed;
    auto session = Session::open(kCommand, *interfaces, &failed);
    if (!session)
        return failed;

    const auto policy = initiator::RetryPolicy::within(*wait);
    session->locate(*address, policy, [&](initiator::Outcome<initiator::ConfigReply> found) {
        if (!found) {
            printError(kCommand, noAnswerMessage(*address, *session, found.error()));
            session->finish(kExitFailure);
            return;
        }
        // A list without this host shuts it out: it could not even release what it set (AccessGuard.h).
        const protocol::MacAddress own = found->meta.from.transport->localMac();
        if (protocol::locksOut(macs, {own}) && !parser.isSet(force)) {
            printError(kCommand,
                "after this " + address->name() + " would refuse this host (" + own.toString() + " on "
                    + found->meta.from.transport->interfaceName() + "), which then could not use or release it; add "
                    + own.toString() + " to the list (nothing was sent); --force sets it anyway");
            session->finish(kExitFailure);
            return;
        }
        session->initiator().reserve(
            found->meta.from, command, macs, session.get(),
            [&](initiator::Outcome<initiator::ReserveReply> reply) {
                if (!reply) {
                    printError(kCommand, address->name() + ": " + reply.error().message);
                    session->finish(kExitFailure);
                    return;
                }
                const auto &h = reply->meta.header;
                if (h.error) {
                    std::string why
                        = "AoE error " + std::to_string(h.errorCode) + ", " + initiator::aoeErrorText(h.errorCode);
                    if (h.errorCode == static_cast<std::uint8_t>(protocol::AoeError::TargetReserved))
                        why = "it is reserved by "
                            + (reply->reserve.macs.empty() ? std::string("another host")
                                                           : macsText(reply->reserve.macs))
                            + " (" + why + "); --force-set or --force-release overrides";
                    printError(kCommand, address->name() + " refused: " + why);
                    session->finish(kExitFailure);
                    return;
                }
                printList(*address, reply->reserve.macs);
                session->finish(kExitOk);
            },
            policy);
    });
    return session->exec();
}

} // namespace aoesan::cli
