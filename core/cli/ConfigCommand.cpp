// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl config: read, test or set a target's config string (aoecfg's job). Prints the string the
// target holds afterwards; exit 1 when nothing answers, a test does not match or the target refuses a set.
#include "cli/Commands.h"
#include "cli/TargetCommand.h"

namespace aoesan::cli {

namespace {

struct Action
{
    protocol::ConfigCommand command = protocol::ConfigCommand::Read;
    std::string text;
};

std::string quoted(const std::string &s)
{
    return "'" + s + "'";
}

} // namespace

int runConfig(const QStringList &args, const Console &console)
{
    TargetCommand command("config", console,
        QStringLiteral(
            "Read a target's config string (default), test it, or set it. Prints the string the target holds."));
    const QCommandLineOption test(
        QStringLiteral("test"), QStringLiteral("Succeed only if the string is exactly S."), QStringLiteral("S"));
    const QCommandLineOption prefix(
        QStringLiteral("prefix"), QStringLiteral("Succeed only if the string starts with S."), QStringLiteral("S"));
    const QCommandLineOption set(
        QStringLiteral("set"), QStringLiteral("Set the string to S if it is empty."), QStringLiteral("S"));
    const QCommandLineOption forceSet(
        QStringLiteral("force-set"), QStringLiteral("Set the string to S regardless."), QStringLiteral("S"));
    command.parser().addOptions({test, prefix, set, forceSet});
    if (const auto stop = command.parse(args))
        return *stop;
    Action action;
    int chosen = 0;
    for (const auto &[option, which] : {std::pair {&test, protocol::ConfigCommand::TestExact},
             std::pair {&prefix, protocol::ConfigCommand::TestPrefix},
             std::pair {&set, protocol::ConfigCommand::SetIfEmpty},
             std::pair {&forceSet, protocol::ConfigCommand::ForceSet}}) {
        if (!command.parser().isSet(*option))
            continue;
        ++chosen;
        action = Action {which, command.parser().value(*option).toStdString()};
    }
    if (chosen > 1)
        return command.usageError("choose one of --test, --prefix, --set and --force-set");
    if (action.text.size() > protocol::kMaxConfigStringLength)
        return command.usageError("a config string holds at most 1024 bytes");

    return command.run([&](const initiator::ConfigReply &found) {
        if (action.command == protocol::ConfigCommand::Read) {
            std::fprintf(command.out(), "%s\n", found.config.configString.c_str());
            command.succeed();
            return;
        }
        const std::string current = found.config.configString;
        const bool isTest = action.command == protocol::ConfigCommand::TestExact
            || action.command == protocol::ConfigCommand::TestPrefix;
        // A test that does not match is answered with silence; the target just answered, so a short wait is
        // enough to call it a mismatch.
        const initiator::RetryPolicy testPolicy
            = initiator::RetryPolicy::within(std::min<initiator::Duration>(command.timeout(), std::chrono::seconds(1)));
        command.initiator().queryConfig(
            found.meta.from, action.command, action.text, command.context(),
            [&, current, isTest](initiator::Outcome<initiator::ConfigReply> reply) {
                if (!reply) {
                    if (isTest && reply.error().kind == initiator::Failure::Kind::Timeout)
                        command.fail(command.target() + ": config string " + quoted(current) + " does not match "
                            + quoted(action.text));
                    else
                        command.fail(command.target() + ": " + reply.error().message);
                    return;
                }
                const auto &h = reply->meta.header;
                if (h.error) {
                    std::string why
                        = "AoE error " + std::to_string(h.errorCode) + ", " + initiator::aoeErrorText(h.errorCode);
                    if (h.errorCode == static_cast<std::uint8_t>(protocol::AoeError::ConfigStringPresent))
                        why = "its config string is already " + quoted(reply->config.configString) + " (" + why
                            + "); --force-set replaces it";
                    command.fail(command.target() + " refused: " + why);
                    return;
                }
                std::fprintf(command.out(), "%s\n", reply->config.configString.c_str());
                command.succeed();
            },
            isTest ? testPolicy : command.policy());
    });
}

} // namespace aoesan::cli
