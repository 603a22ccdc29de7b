// SPDX-License-Identifier: GPL-3.0-or-later
// What the aoesan-ctl subcommands share: exit codes, SHELF.SLOT and MAC parsing, opening interfaces
// with a message that says how to fix a refusal, and a session that finds a target's MAC (a config
// query to shelf.slot on every given interface, first answer wins) and runs the event loop until done.
#pragma once

#include <QCommandLineParser>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

#include "initiator/Initiator.h"
#include "initiator/SystemClock.h"
#include "net/Transport.h"
#include "net/TransportError.h"
#include "util/ExitCode.h"
#include "util/Result.h"

namespace aoesan::cli {

// The one exit-code table (util/ExitCode.h), under the names the subcommands use.
inline constexpr int kExitOk = ExitOk;
inline constexpr int kExitFailure = ExitFailed; // no answer, no match, refused by the target or by a guard
inline constexpr int kExitUsage = ExitUsage;
inline constexpr int kExitNoPermission = ExitNoPermission; // no CAP_NET_RAW, a file this user may not open

struct TargetAddress
{
    std::uint16_t shelf = 0;
    std::uint8_t slot = 0;
    std::string name() const;
};

// "7.3" or "e7.3"; shelf 0-65534, slot 0-254 (the broadcast values are not a target).
std::optional<TargetAddress> parseTargetAddress(const QString &text);
std::optional<std::vector<protocol::MacAddress>> parseMacList(const QString &text);
// The one SHELF.SLOT positional argument of identify, config, mask and reserve; nullopt after printing
// what is wrong (none, several, or not an address).
std::optional<TargetAddress> targetArgument(const QCommandLineParser &parser, const char *command);

// Prints "aoesan-ctl <command>: <message>" to stderr.
void printError(const char *command, const std::string &message);

// Parses a subcommand's arguments (without the program and command names). Returns the exit code when the
// command must end here: 0 after printing its help for -h/--help (on stdout, before anything is opened or
// sent), 2 after printing the error and the usage; nullopt when the command goes on.
std::optional<int> parseArguments(QCommandLineParser &parser, const char *command, const QStringList &args);
// "aoesan-ctl <command>", as usage lines name it.
QString usageName(const char *command);
enum class InterfaceChoice : std::uint8_t;
QCommandLineOption interfaceOption(InterfaceChoice choice);
QCommandLineOption timeoutOption(const char *defaultSeconds);
// A positive number of seconds from an option; nullopt (after printing) when it is not one.
std::optional<initiator::Duration> secondsOption(
    const QCommandLineParser &parser, const QCommandLineOption &option, const char *command);

// Opens each named interface for raw AoE, after checking the capability so that a refusal names its fix.
Result<std::vector<std::unique_ptr<net::Transport>>, net::TransportError> openInterfaces(const QStringList &interfaces);
// The exit code for a transport that could not be opened: 3 for a missing permission, else 1.
int exitCodeFor(const net::TransportError &error);

enum class InterfaceChoice : std::uint8_t {
    AllUp, // stat: every Ethernet interface that is up
    OnlyUp, // a command to one target: the only interface that is up; several is a usage error
};
// The -i interfaces given, or the ones chosen as `choice` says. On failure prints why and sets `exitCode`.
std::optional<QStringList> chooseInterfaces(
    const char *command, const QStringList &given, InterfaceChoice choice, int *exitCode);

class Session : public QObject
{
    Q_OBJECT

public:
    // Opens each named interface; on failure prints the transport's error with its fix, sets `exitCode`
    // (1, or 3 for a missing permission) and returns null.
    static std::unique_ptr<Session> open(const char *command, const QStringList &interfaces, int *exitCode);
    ~Session() override;

    initiator::Initiator &initiator() { return *m_initiator; }
    initiator::Clock &clock() { return m_clock; }
    std::vector<net::Transport *> transports() const;
    std::string interfaceList() const; // "veth-i,veth-i1" for messages

    // Query Config (read) to address on every interface, broadcast MAC; the first answer wins.
    void locate(TargetAddress address, const initiator::RetryPolicy &policy,
        initiator::Completion<initiator::ConfigReply> done);
    // Runs the event loop until finish(); returns the code given to it.
    int exec();
    void finish(int code);

private:
    explicit Session(const char *command);

    const char *m_command;
    initiator::SystemClock m_clock;
    initiator::Initiator *m_initiator;
    std::vector<std::unique_ptr<net::Transport>> m_transports;
};

// The message for a target that never answered: what was tried and the usual reasons.
std::string noAnswerMessage(const TargetAddress &address, const Session &session, const initiator::Failure &failure);

} // namespace aoesan::cli
