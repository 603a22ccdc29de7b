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
#include "util/Result.h"

namespace aoesan::ctl {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1; // no answer, no match, nothing found
inline constexpr int kExitUsage = 2;
inline constexpr int kExitRefused = 3; // the target answered with an error (config present, reserved, ...)

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

// Parses a subcommand's arguments (without the program and command names); prints the error and usage.
bool parseArguments(QCommandLineParser &parser, const char *command, const QStringList &args);
QCommandLineOption interfaceOption();
QCommandLineOption timeoutOption(const char *defaultSeconds);
// A positive number of seconds from an option; nullopt (after printing) when it is not one.
std::optional<initiator::Duration> secondsOption(
    const QCommandLineParser &parser, const QCommandLineOption &option, const char *command);

// Opens each named interface for raw AoE, after checking the capability so that a refusal names its fix.
Result<std::vector<std::unique_ptr<net::Transport>>, std::string> openInterfaces(const QStringList &interfaces);

class Session : public QObject
{
    Q_OBJECT

public:
    // Opens each named interface; on failure prints the transport's error with its fix and returns null.
    static std::unique_ptr<Session> open(const char *command, const QStringList &interfaces);
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

} // namespace aoesan::ctl
