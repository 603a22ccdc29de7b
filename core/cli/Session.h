// SPDX-License-Identifier: GPL-3.0-or-later
// The network side of aoesan-ctl's initiator commands (stat, identify, config, mask, reserve): which
// interfaces to use, opening them with a message that says how to fix a refusal, and a session that owns
// the transports and an initiator, finds a target's MAC (a config query to shelf.slot on every interface,
// first answer wins) and runs the event loop until the command is done.
#pragma once

#include <QCommandLineOption>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/Command.h"
#include "cli/TargetAddress.h"
#include "initiator/Initiator.h"
#include "initiator/SystemClock.h"
#include "net/Transport.h"
#include "net/TransportError.h"
#include "util/Result.h"

namespace aoesan::cli {

// Opens each named interface for raw AoE, after checking the capability so that a refusal names its fix.
Result<std::vector<std::unique_ptr<net::Transport>>, net::TransportError> openInterfaces(const QStringList &interfaces);
// The exit code for a transport that could not be opened: 3 for a missing permission, else 1.
int exitCodeFor(const net::TransportError &error);

enum class InterfaceChoice : std::uint8_t {
    AllUp, // stat: every Ethernet interface that is up
    OnlyUp, // a command to one target: the only interface that is up; several is a usage error
};
// -i/--interface IFACE, repeatable, with the default `choice` makes in its help.
QCommandLineOption interfaceOption(InterfaceChoice choice);
// The -i interfaces given, or the ones chosen as `choice` says; on failure the exit code, after printing why.
Result<QStringList, int> chooseInterfaces(const Command &command, const QStringList &given, InterfaceChoice choice);

class Session : public QObject
{
    Q_OBJECT

public:
    // Opens each named interface; on failure prints the transport's error with its fix and gives the exit
    // code (1, or 3 for a missing permission).
    static Result<std::unique_ptr<Session>, int> open(const Command &command, const QStringList &interfaces);
    ~Session() override;

    initiator::Initiator &initiator() { return *m_initiator; }
    initiator::Clock &clock() { return m_clock; }
    std::vector<net::Transport *> transports() const;
    std::string interfaceList() const; // "veth-i,veth-i1" for messages

    // Query Config (read) to address on every interface, broadcast MAC; the first answer wins.
    void locate(TargetAddress address, const initiator::RetryPolicy &policy,
        initiator::Completion<initiator::ConfigReply> done);
    // Runs the event loop until finish(); returns the code given to it (at once if it was given already).
    int exec();
    void finish(int code);

private:
    explicit Session(std::FILE *out);

    std::FILE *m_out; // flushed when the command is done
    std::optional<int> m_exitCode;
    initiator::SystemClock m_clock;
    initiator::Initiator *m_initiator;
    std::vector<std::unique_ptr<net::Transport>> m_transports;
};

// The message for a target that never answered: what was tried and the usual reasons.
std::string noAnswerMessage(const TargetAddress &address, const Session &session, const initiator::Failure &failure);

} // namespace aoesan::cli
