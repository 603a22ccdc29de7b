// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/TargetCommand.h"

#include "util/ExitCode.h"

namespace aoesan::cli {

TargetCommand::TargetCommand(const char *name, const Console &console, const QString &description, int defaultTimeout)
    : Command(name, console)
    , m_interface(interfaceOption(InterfaceChoice::OnlyUp))
    , m_timeoutOption(QStringLiteral("timeout"),
          QStringLiteral("Give up after this many seconds without an answer (default %1).").arg(defaultTimeout),
          QStringLiteral("SECS"), QString::number(defaultTimeout))
{
    m_parser.setApplicationDescription(description);
    m_parser.addOptions({m_interface, m_timeoutOption});
    m_parser.addPositionalArgument(QStringLiteral("SHELF.SLOT"), QStringLiteral("The target, e.g. 7.3 or e7.3."));
}

TargetCommand::~TargetCommand() = default;

std::optional<int> TargetCommand::parse(const QStringList &args)
{
    if (const auto stop = parseArguments(m_parser, args))
        return stop;
    const auto wait = seconds(m_parser, m_timeoutOption);
    if (!wait)
        return ExitUsage;
    m_timeout = *wait;
    const QStringList given = m_parser.positionalArguments();
    if (given.size() != 1)
        return usageError("give one SHELF.SLOT, e.g. 7.3");
    const auto address = parseTargetAddress(given.first());
    if (!address)
        return usageError("'" + given.first().toStdString() + "' is not SHELF.SLOT (shelf 0-65534, slot 0-254)");
    m_address = *address;
    return std::nullopt;
}

initiator::RetryPolicy TargetCommand::policy() const
{
    return initiator::RetryPolicy::within(m_timeout);
}

int TargetCommand::run(Found found)
{
    const auto interfaces = chooseInterfaces(*this, m_parser.values(m_interface), InterfaceChoice::OnlyUp);
    if (!interfaces)
        return interfaces.error();
    auto opened = Session::open(*this, interfaces.value());
    if (!opened)
        return opened.error();
    m_session = std::move(opened).value();
    m_session->locate(m_address, policy(), [this, found = std::move(found)](auto config) {
        if (!config) {
            fail(noAnswerMessage(m_address, *m_session, config.error()));
            return;
        }
        found(config.value());
    });
    const int code = m_session->exec();
    m_session.reset(); // with the completions still pending, which point at the command's locals
    return code;
}

void TargetCommand::succeed()
{
    m_session->finish(ExitOk);
}

void TargetCommand::fail(const std::string &message)
{
    error(message);
    m_session->finish(ExitFailed);
}

} // namespace aoesan::cli
