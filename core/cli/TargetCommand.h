// SPDX-License-Identifier: GPL-3.0-or-later
// The shape that identify, config, mask and reserve share: -i IFACE and --timeout SECS, one SHELF.SLOT,
// the only Ethernet interface that is up unless -i names some, opening them (a missing permission says
// its fix, exit 3), the target found by a config query on each (no answer: what was tried, exit 1), and
// the event loop run until the command's own requests end it. A command adds only its options, its
// checks and what it does with the target once found:
//
//     TargetCommand command("identify", console, description);
//     if (const auto stop = command.parse(args))
//         return *stop;
//     return command.run([&](const initiator::ConfigReply &found) {
//         command.initiator().identify(found.meta.from, command.context(), ... command.succeed(); ...);
//     });
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <functional>
#include <memory>

#include "cli/Command.h"
#include "cli/Session.h"
#include "cli/TargetAddress.h"

namespace aoesan::cli {

class TargetCommand : public Command
{
public:
    // Adds -i and --timeout (default 3 s, or `defaultTimeout`) and SHELF.SLOT to parser(); the command adds its own
    // options after.
    TargetCommand(const char *name, const Console &console, const QString &description, int defaultTimeout = 3);
    ~TargetCommand();

    QCommandLineParser &parser() { return m_parser; }
    const QCommandLineParser &parser() const { return m_parser; }
    // Reads the words: help, usage errors, then --timeout and the one SHELF.SLOT, in that order. The exit
    // code when the command ends here (0 after help, 2 after a usage error); nullopt when it goes on.
    std::optional<int> parse(const QStringList &args);

    const TargetAddress &address() const { return m_address; }
    std::string target() const { return m_address.name(); } // "e7.3", for messages
    initiator::Duration timeout() const { return m_timeout; }
    initiator::RetryPolicy policy() const; // every request within --timeout

    using Found = std::function<void(const initiator::ConfigReply &found)>;
    // Opens the interfaces and hands the target's first config answer to `found`, which sends the command's
    // own requests and ends with succeed() or fail(). Returns the exit code.
    int run(Found found);

    // For `found` and the completions it starts (valid while run() runs).
    initiator::Initiator &initiator() { return m_session->initiator(); }
    QObject *context() { return m_session.get(); } // the completions' context: lives as long as the session
    void succeed(); // ends run() with 0
    void fail(const std::string &message); // prints "aoesan-ctl NAME: message"; ends run() with 1

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_interface;
    QCommandLineOption m_timeoutOption;
    TargetAddress m_address;
    initiator::Duration m_timeout {};
    std::unique_ptr<Session> m_session;
};

} // namespace aoesan::cli
