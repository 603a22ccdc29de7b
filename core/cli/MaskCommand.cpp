// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl mask: read or edit a target's MAC mask list (AoE r11 MAC Mask List, AOE-PROTOCOL §1.8).
// Refuses, unless forced, to send vblade 25 a delete that matches an entry: that crashes vblade (§4.4), and
// an edit after which the target would ignore this host (protocol/AccessGuard.h): it could not even undo it.
#include <algorithm>
#include <cstdio>

#include "cli/Commands.h"
#include "cli/CtlSupport.h"
#include "initiator/Replies.h"
#include "protocol/AccessGuard.h"

namespace aoesan::cli {

namespace {

constexpr const char *kCommand = "mask";

std::string directiveText(const protocol::MacMaskDirective &d)
{
    return (d.dcmd == static_cast<std::uint8_t>(protocol::DirectiveCommand::Add) ? "--add " : "--delete ")
        + d.mac.toString();
}

void printList(const TargetAddress &address, const protocol::MacMaskArg &mask, const initiator::Peer &via)
{
    if (mask.directives.empty()) {
        std::printf("%s MAC mask list: empty (every host may use the target)\n", address.name().c_str());
        return;
    }
    std::printf("%s MAC mask list: %zu entr%s\n", address.name().c_str(), mask.directives.size(),
        mask.directives.size() == 1 ? "y" : "ies");
    bool usOnList = false;
    for (const auto &d : mask.directives) {
        std::printf("%s\n", d.mac.toString().c_str());
        usOnList = usOnList || d.mac == via.transport->localMac();
    }
    if (!usOnList)
        std::fprintf(stderr, "note: this host (%s on %s) is not on the list, so %s now ignores it\n",
            via.transport->localMac().toString().c_str(), via.transport->interfaceName().c_str(),
            address.name().c_str());
}

// Why this edit must not be sent without --force; nullopt when it may.
std::optional<std::string> refusalOf(const TargetAddress &address, const std::vector<protocol::MacAddress> &current,
    const std::vector<protocol::MacMaskDirective> &directives, const initiator::Peer &via, std::uint16_t firmware)
{
    if (protocol::crashesOnListedMaskDelete(firmware)) {
        for (const auto &d : directives) {
            const bool listed = std::ranges::find(current, d.mac) != current.end();
            if (d.dcmd == static_cast<std::uint8_t>(protocol::DirectiveCommand::Delete) && listed)
                return address.name()
                    + " runs vblade 25 or older, which crashes on a MAC mask delete of a listed MAC; restart it with "
                      "a new -m list instead";
        }
    }
    const auto after = protocol::applyMaskDirectives(current, directives);
    const protocol::MacAddress own = via.transport->localMac();
    if (protocol::locksOut(after, {own}))
        return "after this edit " + address.name() + " would ignore this host (" + own.toString() + " on "
            + via.transport->interfaceName() + "), which then could not use it or undo the edit; add " + own.toString()
            + " to the list too";
    return std::nullopt;
}

} // namespace

int runMask(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Read a target's MAC mask list (default) or edit it; prints the list. While the list is not empty the\n"
        "target ignores every host not on it. Directives apply in the order given."));
    const QCommandLineOption iface = interfaceOption(InterfaceChoice::OnlyUp);
    const QCommandLineOption timeout = timeoutOption("3");
    const QCommandLineOption add(
        QStringLiteral("add"), QStringLiteral("Add MAC to the list (repeatable)."), QStringLiteral("MAC"));
    const QCommandLineOption remove(
        QStringLiteral("delete"), QStringLiteral("Delete MAC from the list (repeatable)."), QStringLiteral("MAC"));
    const QCommandLineOption force(QStringLiteral("force"),
        QStringLiteral("Apply the edit even when it shuts this host out, or deletes a listed MAC on vblade 25 "
                       "(which crashes it)."));
    parser.addOptions({iface, timeout, add, remove, force});
    parser.addPositionalArgument(QStringLiteral("SHELF.SLOT"), QStringLiteral("The target, e.g. 7.3 or e7.3."));
    if (const auto stop = parseArguments(parser, kCommand, args))
        return *stop;
    const auto wait = secondsOption(parser, timeout, kCommand);
    if (!wait)
        return kExitUsage;
    const auto address = targetArgument(parser, kCommand);
    if (!address)
        return kExitUsage;
    // optionNames() keeps the command line's order, repeats included: the directives' order.
    std::vector<protocol::MacMaskDirective> directives;
    QStringList adds = parser.values(add);
    QStringList deletes = parser.values(remove);
    for (const QString &name : parser.optionNames()) {
        const bool isAdd = name == QLatin1String("add");
        if (!isAdd && name != QLatin1String("delete"))
            continue;
        const QString text = isAdd ? adds.takeFirst() : deletes.takeFirst();
        const auto mac = protocol::MacAddress::fromString(text.toStdString());
        if (!mac) {
            printError(kCommand, "'" + text.toStdString() + "' is not a MAC address");
            return kExitUsage;
        }
        const auto dcmd = isAdd ? protocol::DirectiveCommand::Add : protocol::DirectiveCommand::Delete;
        directives.push_back({static_cast<std::uint8_t>(dcmd), *mac});
    }
    if (directives.size() > 255) {
        printError(kCommand, "at most 255 directives");
        return kExitUsage;
    }
    int failed = kExitFailure;
    const auto interfaces = chooseInterfaces(kCommand, parser.values(iface), InterfaceChoice::OnlyUp, &failed);
    if (!interfaces)
        return failed;
    auto session = Session::open(kCommand, *interfaces, &failed);
    if (!session)
        return failed;

    const auto policy = initiator::RetryPolicy::within(*wait);
    const auto sendEdit = [&](const initiator::Peer &peer) {
        const auto request = directives.empty()
            ? protocol::MacMaskArg::withDirectives(protocol::MacMaskCommand::Read, {})
            : protocol::MacMaskArg::withDirectives(protocol::MacMaskCommand::Edit, directives);
        session->initiator().macMask(
            peer, request, session.get(),
            [&, peer](initiator::Outcome<initiator::MacMaskReply> reply) {
                if (!reply) {
                    printError(kCommand, address->name() + ": " + reply.error().message);
                    session->finish(kExitFailure);
                    return;
                }
                if (reply->meta.header.error) {
                    printError(kCommand,
                        address->name() + " refused: AoE error " + std::to_string(reply->meta.header.errorCode) + ", "
                            + initiator::aoeErrorText(reply->meta.header.errorCode));
                    session->finish(kExitFailure);
                    return;
                }
                if (reply->mask.merror != 0) {
                    const std::size_t at = reply->mask.dirCount;
                    printError(kCommand,
                        address->name() + " refused "
                            + (at < directives.size() ? directiveText(directives[at])
                                                      : "directive " + std::to_string(at))
                            + ": " + initiator::maskErrorText(reply->mask.merror)
                            + (at > 0 ? " (the directives before it were applied)" : ""));
                    session->finish(kExitFailure);
                    return;
                }
                printList(*address, reply->mask, peer);
                session->finish(kExitOk);
            },
            policy);
    };

    session->locate(*address, policy, [&](initiator::Outcome<initiator::ConfigReply> found) {
        if (!found) {
            printError(kCommand, noAnswerMessage(*address, *session, found.error()));
            session->finish(kExitFailure);
            return;
        }
        const initiator::Peer peer = found->meta.from;
        if (directives.empty()) {
            sendEdit(peer);
            return;
        }
        // Read the list first: the edit is judged by the list it leaves behind.
        session->initiator().macMask(
            peer, protocol::MacMaskArg::withDirectives(protocol::MacMaskCommand::Read, {}), session.get(),
            [&, peer, firmware = found->config.firmwareVersion](initiator::Outcome<initiator::MacMaskReply> list) {
                if (!list) {
                    printError(kCommand, address->name() + ": " + list.error().message);
                    session->finish(kExitFailure);
                    return;
                }
                std::vector<protocol::MacAddress> current;
                for (const auto &e : list->mask.directives)
                    current.push_back(e.mac);
                if (const auto refusal = refusalOf(*address, current, directives, peer, firmware);
                    refusal && !parser.isSet(force)) {
                    printError(kCommand, *refusal + " (nothing was sent); --force applies it anyway");
                    session->finish(kExitFailure);
                    return;
                }
                sendEdit(peer);
            },
            policy);
    });
    return session->exec();
}

} // namespace aoesan::cli
