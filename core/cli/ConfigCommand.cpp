// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl config: read, test or set a target's config string (aoecfg's job). Prints the string the
// target holds afterwards; exit 1 when nothing answers or a test does not match, 3 when a set is refused.
#include <cstdio>

#include "cli/Commands.h"
#include "cli/CtlSupport.h"

namespace aoesan::cli {

namespace {

constexpr const char *kCommand = "config";

struct Action
{
    protocol::ConfigCommand command = protocol::ConfigCommand::Read;
    std::string text;
    const char *option = nullptr;
};

std::string quoted(const std::string &s)
{
    return "'" + s + "'";
}

} // namespace

int runConfig(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Read a target's config string (default), test it, or set it. Prints the string the target holds."));
    const QCommandLineOption iface = interfaceOption(InterfaceChoice::OnlyUp);
    const QCommandLineOption timeout = timeoutOption("3");
    const QCommandLineOption test(
        QStringLiteral("test"), QStringLiteral("Succeed only if the string is exactly S."), QStringLiteral("S"));
    const QCommandLineOption prefix(
        QStringLiteral("prefix"), QStringLiteral("Succeed only if the string starts with S."), QStringLiteral("S"));
    const QCommandLineOption set(
        QStringLiteral("set"), QStringLiteral("Set the string to S if it is empty."), QStringLiteral("S"));
    const QCommandLineOption forceSet(
        QStringLiteral("force-set"), QStringLiteral("Set the string to S regardless."), QStringLiteral("S"));
    parser.addOptions({iface, timeout, test, prefix, set, forceSet});
    parser.addPositionalArgument(QStringLiteral("SHELF.SLOT"), QStringLiteral("The target, e.g. 7.3 or e7.3."));
    if (const auto stop = parseArguments(parser, kCommand, args))
        return *stop;
    const auto wait = secondsOption(parser, timeout, kCommand);
    if (!wait)
        return kExitUsage;
    const auto address = targetArgument(parser, kCommand);
    if (!address)
        return kExitUsage;
    Action action;
    int chosen = 0;
    for (const auto &[option, command] : {std::pair {&test, protocol::ConfigCommand::TestExact},
             std::pair {&prefix, protocol::ConfigCommand::TestPrefix},
             std::pair {&set, protocol::ConfigCommand::SetIfEmpty},
             std::pair {&forceSet, protocol::ConfigCommand::ForceSet}}) {
        if (!parser.isSet(*option))
            continue;
        ++chosen;
        action = Action {command, parser.value(*option).toStdString(), nullptr};
    }
    if (chosen > 1) {
        printError(kCommand, "choose one of --test, --prefix, --set and --force-set");
        return kExitUsage;
    }
    if (action.text.size() > protocol::kMaxConfigStringLength) {
        printError(kCommand, "a config string holds at most 1024 bytes");
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
    session->locate(*address, policy, [&](initiator::Outcome<initiator::ConfigReply> found) {
        if (!found) {
            printError(kCommand, noAnswerMessage(*address, *session, found.error()));
            session->finish(kExitFailure);
            return;
        }
        if (action.command == protocol::ConfigCommand::Read) {
            std::printf("%s\n", found->config.configString.c_str());
            session->finish(kExitOk);
            return;
        }
        const std::string current = found->config.configString;
        const bool isTest = action.command == protocol::ConfigCommand::TestExact
            || action.command == protocol::ConfigCommand::TestPrefix;
        // A test that does not match is answered with silence; the target just answered, so a short wait is
        // enough to call it a mismatch.
        initiator::RetryPolicy testPolicy
            = initiator::RetryPolicy::within(std::min<initiator::Duration>(*wait, std::chrono::seconds(1)));
        session->initiator().queryConfig(
            found->meta.from, action.command, action.text, session.get(),
            [&, current, isTest](initiator::Outcome<initiator::ConfigReply> reply) {
                if (!reply) {
                    if (isTest && reply.error().kind == initiator::Failure::Kind::Timeout) {
                        printError(kCommand,
                            address->name() + ": config string " + quoted(current) + " does not match "
                                + quoted(action.text));
                    } else {
                        printError(kCommand, address->name() + ": " + reply.error().message);
                    }
                    session->finish(kExitFailure);
                    return;
                }
                const auto &h = reply->meta.header;
                if (h.error) {
                    std::string why
                        = "AoE error " + std::to_string(h.errorCode) + ", " + initiator::aoeErrorText(h.errorCode);
                    if (h.errorCode == static_cast<std::uint8_t>(protocol::AoeError::ConfigStringPresent))
                        why = "its config string is already " + quoted(reply->config.configString) + " (" + why
                            + "); --force-set replaces it";
                    printError(kCommand, address->name() + " refused: " + why);
                    session->finish(kExitFailure);
                    return;
                }
                std::printf("%s\n", reply->config.configString.c_str());
                session->finish(kExitOk);
            },
            isTest ? testPolicy : policy);
    });
    return session->exec();
}

} // namespace aoesan::cli
