// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl reserve: read, set or release a target's reserve list (AoE r11 Reserve/Release,
// AOE-PROTOCOL §1.9). While the list is not empty, hosts not on it may not read or write the target.
#include "cli/Commands.h"
#include "cli/TargetCommand.h"
#include "protocol/AccessGuard.h"

namespace aoesan::cli {

namespace {

std::string macsText(const std::vector<protocol::MacAddress> &macs)
{
    std::string text;
    for (const auto &m : macs)
        text += (text.empty() ? "" : ", ") + m.toString();
    return text;
}

void printList(std::FILE *out, const TargetAddress &address, const std::vector<protocol::MacAddress> &macs)
{
    if (macs.empty()) {
        std::fprintf(out, "%s reserve list: empty (not reserved)\n", address.name().c_str());
        return;
    }
    std::fprintf(
        out, "%s reserve list: %zu entr%s\n", address.name().c_str(), macs.size(), macs.size() == 1 ? "y" : "ies");
    for (const auto &m : macs)
        std::fprintf(out, "%s\n", m.toString().c_str());
}

} // namespace

int runReserve(const QStringList &args, const Console &console)
{
    TargetCommand command("reserve", console,
        QStringLiteral("Read a target's reserve list (default), set it, or release it; prints the list.\n"
                       "A plain set or release works only while the list is empty or holds this host."));
    const QCommandLineOption set(
        QStringLiteral("set"), QStringLiteral("Reserve for these MACs (comma-separated)."), QStringLiteral("MAC,..."));
    const QCommandLineOption forceSet(QStringLiteral("force-set"),
        QStringLiteral("Reserve for these MACs even if another host holds it."), QStringLiteral("MAC,..."));
    const QCommandLineOption release(QStringLiteral("release"), QStringLiteral("Empty the list (if we may)."));
    const QCommandLineOption forceRelease(
        QStringLiteral("force-release"), QStringLiteral("Empty the list whoever holds it."));
    const QCommandLineOption force(
        QStringLiteral("force"), QStringLiteral("Set a list that leaves this host out (it could not undo it)."));
    QCommandLineParser &parser = command.parser();
    parser.addOptions({set, forceSet, release, forceRelease, force});
    if (const auto stop = command.parse(args))
        return *stop;
    const int chosen = (parser.isSet(set) ? 1 : 0) + (parser.isSet(forceSet) ? 1 : 0) + (parser.isSet(release) ? 1 : 0)
        + (parser.isSet(forceRelease) ? 1 : 0);
    if (chosen > 1)
        return command.usageError("choose one of --set, --force-set, --release and --force-release");
    auto request = protocol::ReserveCommand::Read;
    std::vector<protocol::MacAddress> macs;
    if (parser.isSet(set) || parser.isSet(forceSet)) {
        const QString text = parser.value(parser.isSet(set) ? set : forceSet);
        const auto parsed = parseMacList(text);
        if (!parsed || parsed->empty() || parsed->size() > 255)
            return command.usageError("'" + text.toStdString() + "' is not a comma-separated list of MAC addresses");
        macs = *parsed;
        request = parser.isSet(set) ? protocol::ReserveCommand::Set : protocol::ReserveCommand::ForceSet;
    } else if (parser.isSet(release)) {
        request = protocol::ReserveCommand::Set; // release is a set with no MACs
    } else if (parser.isSet(forceRelease)) {
        request = protocol::ReserveCommand::ForceSet;
    }

    return command.run([&](const initiator::ConfigReply &found) {
        // A list without this host shuts it out: it could not even release what it set (AccessGuard.h).
        const protocol::MacAddress own = found.meta.from.transport->localMac();
        if (protocol::locksOut(macs, {own}) && !parser.isSet(force)) {
            command.fail("after this " + command.target() + " would refuse this host (" + own.toString() + " on "
                + found.meta.from.transport->interfaceName() + "), which then could not use or release it; add "
                + own.toString() + " to the list (nothing was sent); --force sets it anyway");
            return;
        }
        command.initiator().reserve(
            found.meta.from, request, macs, command.context(),
            [&](initiator::Outcome<initiator::ReserveReply> reply) {
                if (!reply) {
                    command.fail(command.target() + ": " + reply.error().message);
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
                    command.fail(command.target() + " refused: " + why);
                    return;
                }
                printList(command.out(), command.address(), reply->reserve.macs);
                command.succeed();
            },
            command.policy());
    });
}

} // namespace aoesan::cli
