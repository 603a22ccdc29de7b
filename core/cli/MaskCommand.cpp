// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl mask: read or edit a target's MAC mask list (AoE r11 MAC Mask List, AOE-PROTOCOL §1.8).
// Refuses, unless forced, to send vblade 25 a delete that matches an entry: that crashes vblade (§4.4), and
// an edit after which the target would ignore this host (protocol/AccessGuard.h): it could not even undo it.
#include <algorithm>

#include "cli/Commands.h"
#include "cli/TargetCommand.h"
#include "initiator/Replies.h"
#include "protocol/AccessGuard.h"

namespace aoesan::cli {

namespace {

std::string directiveText(const protocol::MacMaskDirective &d)
{
    return (d.dcmd == static_cast<std::uint8_t>(protocol::DirectiveCommand::Add) ? "--add " : "--delete ")
        + d.mac.toString();
}

void printList(
    const Console &console, const TargetAddress &address, const protocol::MacMaskArg &mask, const initiator::Peer &via)
{
    if (mask.directives.empty()) {
        std::fprintf(console.out, "%s MAC mask list: empty (every host may use the target)\n", address.name().c_str());
        return;
    }
    std::fprintf(console.out, "%s MAC mask list: %zu entr%s\n", address.name().c_str(), mask.directives.size(),
        mask.directives.size() == 1 ? "y" : "ies");
    bool usOnList = false;
    for (const auto &d : mask.directives) {
        std::fprintf(console.out, "%s\n", d.mac.toString().c_str());
        usOnList = usOnList || d.mac == via.transport->localMac();
    }
    if (!usOnList)
        std::fprintf(console.err, "note: this host (%s on %s) is not on the list, so %s now ignores it\n",
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

int runMask(const QStringList &args, const Console &console)
{
    TargetCommand command("mask", console,
        QStringLiteral(
            "Read a target's MAC mask list (default) or edit it; prints the list. While the list is not empty the\n"
            "target ignores every host not on it. Directives apply in the order given."));
    const QCommandLineOption add(
        QStringLiteral("add"), QStringLiteral("Add MAC to the list (repeatable)."), QStringLiteral("MAC"));
    const QCommandLineOption remove(
        QStringLiteral("delete"), QStringLiteral("Delete MAC from the list (repeatable)."), QStringLiteral("MAC"));
    const QCommandLineOption force(QStringLiteral("force"),
        QStringLiteral("Apply the edit even when it shuts this host out, or deletes a listed MAC on vblade 25 "
                       "(which crashes it)."));
    QCommandLineParser &parser = command.parser();
    parser.addOptions({add, remove, force});
    if (const auto stop = command.parse(args))
        return *stop;
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
        if (!mac)
            return command.usageError("'" + text.toStdString() + "' is not a MAC address");
        const auto dcmd = isAdd ? protocol::DirectiveCommand::Add : protocol::DirectiveCommand::Delete;
        directives.push_back({static_cast<std::uint8_t>(dcmd), *mac});
    }
    if (directives.size() > 255)
        return command.usageError("at most 255 directives");

    const auto sendEdit = [&](const initiator::Peer &peer) {
        const auto request = directives.empty()
            ? protocol::MacMaskArg::withDirectives(protocol::MacMaskCommand::Read, {})
            : protocol::MacMaskArg::withDirectives(protocol::MacMaskCommand::Edit, directives);
        command.initiator().macMask(
            peer, request, command.context(),
            [&, peer](initiator::Outcome<initiator::MacMaskReply> reply) {
                if (!reply) {
                    command.fail(command.target() + ": " + reply.error().message);
                    return;
                }
                if (reply->meta.header.error) {
                    command.fail(command.target() + " refused: AoE error "
                        + std::to_string(reply->meta.header.errorCode) + ", "
                        + initiator::aoeErrorText(reply->meta.header.errorCode));
                    return;
                }
                if (reply->mask.merror != 0) {
                    const std::size_t at = reply->mask.dirCount;
                    command.fail(command.target() + " refused "
                        + (at < directives.size() ? directiveText(directives[at]) : "directive " + std::to_string(at))
                        + ": " + initiator::maskErrorText(reply->mask.merror)
                        + (at > 0 ? " (the directives before it were applied)" : ""));
                    return;
                }
                printList(console, command.address(), reply->mask, peer);
                command.succeed();
            },
            command.policy());
    };

    return command.run([&](const initiator::ConfigReply &found) {
        const initiator::Peer peer = found.meta.from;
        if (directives.empty()) {
            sendEdit(peer);
            return;
        }
        // Read the list first: the edit is judged by the list it leaves behind.
        command.initiator().macMask(
            peer, protocol::MacMaskArg::withDirectives(protocol::MacMaskCommand::Read, {}), command.context(),
            [&, peer, firmware = found.config.firmwareVersion](initiator::Outcome<initiator::MacMaskReply> list) {
                if (!list) {
                    command.fail(command.target() + ": " + list.error().message);
                    return;
                }
                std::vector<protocol::MacAddress> current;
                for (const auto &e : list->mask.directives)
                    current.push_back(e.mac);
                if (const auto refusal = refusalOf(command.address(), current, directives, peer, firmware);
                    refusal && !parser.isSet(force)) {
                    command.fail(*refusal + " (nothing was sent); --force applies it anyway");
                    return;
                }
                sendEdit(peer);
            },
            command.policy());
    });
}

} // namespace aoesan::cli
