// SPDX-License-Identifier: GPL-3.0-or-later
// The event stream of `aoesan-engine serve --events` (docs/engine-events.md), defined once: its event and
// field names, each event as a value, the writer (value -> line) the engine uses and the reader (line ->
// value) the supervisor uses. The error words are util/ErrorWords.h, the exit codes util/ExitCode.h.
// Readers ignore unknown fields and keep unknown events by name, so a newer engine still works with an
// older supervisor; a line that is not a JSON object with an "event" is Garbage, never a crash.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <variant>

namespace aoesan::engine {

namespace serve {

// The "event" field's values.
namespace name {
inline constexpr QLatin1StringView kStarted {"started"};
inline constexpr QLatin1StringView kRestored {"restored"};
inline constexpr QLatin1StringView kAccess {"access"};
inline constexpr QLatin1StringView kCounters {"counters"};
inline constexpr QLatin1StringView kClient {"client"};
inline constexpr QLatin1StringView kClients {"clients"};
inline constexpr QLatin1StringView kWarning {"warning"};
inline constexpr QLatin1StringView kError {"error"};
inline constexpr QLatin1StringView kStopped {"stopped"};
inline constexpr std::array kAll {
    kStarted, kRestored, kAccess, kCounters, kClient, kClients, kWarning, kError, kStopped};
} // namespace name

// The keys of the events' objects.
namespace field {
inline constexpr QLatin1StringView kEvent {"event"};
// started
inline constexpr QLatin1StringView kPid {"pid"};
inline constexpr QLatin1StringView kShelf {"shelf"};
inline constexpr QLatin1StringView kSlot {"slot"};
inline constexpr QLatin1StringView kInterface {"interface"};
inline constexpr QLatin1StringView kMac {"mac"}; // also client
inline constexpr QLatin1StringView kMtu {"mtu"};
inline constexpr QLatin1StringView kFile {"file"};
inline constexpr QLatin1StringView kSectors {"sectors"};
inline constexpr QLatin1StringView kBytes {"bytes"};
inline constexpr QLatin1StringView kOffset {"offset"};
inline constexpr QLatin1StringView kReadOnly {"readOnly"};
inline constexpr QLatin1StringView kDirect {"direct"};
inline constexpr QLatin1StringView kSync {"sync"};
inline constexpr QLatin1StringView kBufferCount {"bufferCount"};
inline constexpr QLatin1StringView kMaxSectors {"maxSectors"};
inline constexpr QLatin1StringView kWorkers {"workers"};
inline constexpr QLatin1StringView kIo {"io"};
inline constexpr QLatin1StringView kMasks {"masks"}; // also restored
inline constexpr QLatin1StringView kConfigString {"configString"};
inline constexpr QLatin1StringView kStateFile {"stateFile"}; // also restored
// restored
inline constexpr QLatin1StringView kReservations {"reservations"}; // also access
// access (also masks, reservations)
inline constexpr QLatin1StringView kBy {"by"};
inline constexpr QLatin1StringView kKept {"kept"};
// counters and stopped
inline constexpr QLatin1StringView kFramesIn {"framesIn"};
inline constexpr QLatin1StringView kFramesOut {"framesOut"};
inline constexpr QLatin1StringView kBytesRead {"bytesRead"};
inline constexpr QLatin1StringView kBytesWritten {"bytesWritten"};
inline constexpr QLatin1StringView kErrors {"errors"};
inline constexpr QLatin1StringView kClients {"clients"}; // also clients
inline constexpr QLatin1StringView kDroppedGroupSource {"droppedGroupSource"};
inline constexpr QLatin1StringView kReadCommands {"readCommands"};
inline constexpr QLatin1StringView kWriteCommands {"writeCommands"};
inline constexpr QLatin1StringView kSendFailures {"sendFailures"};
// clients
inline constexpr QLatin1StringView kUnlisted {"unlisted"};
// warning and error
inline constexpr QLatin1StringView kMessage {"message"};
inline constexpr QLatin1StringView kCode {"code"}; // a util/ErrorWords.h word
inline constexpr QLatin1StringView kFix {"fix"};
// stopped
inline constexpr QLatin1StringView kReason {"reason"};
inline constexpr std::array kAll {kEvent, kPid, kShelf, kSlot, kInterface, kMac, kMtu, kFile, kSectors, kBytes, kOffset,
    kReadOnly, kDirect, kSync, kBufferCount, kMaxSectors, kWorkers, kIo, kMasks, kConfigString, kStateFile,
    kReservations, kBy, kKept, kFramesIn, kFramesOut, kBytesRead, kBytesWritten, kErrors, kClients, kDroppedGroupSource,
    kReadCommands, kWriteCommands, kSendFailures, kUnlisted, kMessage, kCode, kFix, kReason};
} // namespace field

// The `io` values of `started`: how READ/WRITE are served.
namespace io {
inline constexpr char kAio[] = "aio"; // kernel AIO, for O_DIRECT exports
inline constexpr char kThreads[] = "threads"; // I/O threads
inline constexpr char kInline[] = "inline"; // on the receive thread
} // namespace io

// The `reason` of `stopped` after SIGTERM or SIGINT.
inline constexpr char kStopReasonSignal[] = "signal";

} // namespace serve

// What a serving engine counts, in `counters` and (the final values) in `stopped`.
struct ServeCounters
{
    std::uint64_t framesIn = 0;
    std::uint64_t framesOut = 0;
    std::uint64_t bytesRead = 0;
    std::uint64_t bytesWritten = 0;
    std::uint64_t errors = 0; // AoE or ATA errors answered
    std::uint64_t clients = 0; // initiator MACs the engine keeps: all it saw, up to the 1,024 most recent
    std::uint64_t droppedGroupSource = 0; // requests from a broadcast or multicast source MAC, never answered
    std::uint64_t readCommands = 0; // READ frames served
    std::uint64_t writeCommands = 0; // WRITE frames served
    std::uint64_t sendFailures = 0; // replies the socket refused
    bool operator==(const ServeCounters &) const = default;
};

namespace serve {

struct Started
{
    qint64 pid = 0;
    int shelf = 0;
    int slot = 0;
    QString interface;
    QString mac; // the engine's own on `interface`
    int mtu = 0;
    QString file;
    std::uint64_t sectors = 0;
    std::uint64_t bytes = 0;
    std::uint64_t offset = 0; // in sectors
    bool readOnly = false;
    bool direct = false;
    bool sync = false;
    int bufferCount = 0;
    int maxSectors = 0;
    int workers = 0;
    QString io; // an io:: word
    QStringList masks; // the MAC mask in force: -m, or the one kept in the state file
    QString configString;
    QString stateFile;
    bool operator==(const Started &) const = default;
};
// A MAC mask or reserve list kept in the state file is in force again (said right after `started`).
struct Restored
{
    QStringList masks;
    QStringList reservations;
    QString stateFile;
    bool operator==(const Restored &) const = default;
};
// An initiator changed the MAC mask or reserve list over the wire: the lists now in force, who changed them
// last, and whether they are kept for the next start (--wire-edits keep). At most one a second.
struct Access
{
    QStringList masks;
    QStringList reservations;
    QString by;
    bool kept = false;
    bool operator==(const Access &) const = default;
};
struct Counters
{
    ServeCounters counters;
    bool operator==(const Counters &) const = default;
};
struct Client
{
    QString mac;
    bool operator==(const Client &) const = default;
};
// New initiators that were not named in a `client` event each (more than 32 in a second: a storm of source
// MACs), said once a second with the number the engine keeps.
struct Clients
{
    std::uint64_t unlisted = 0;
    std::uint64_t clients = 0;
    bool operator==(const Clients &) const = default;
};
struct Warning
{
    QString message;
    bool operator==(const Warning &) const = default;
};
struct Error
{
    QString code; // a util/ErrorWords.h word
    QString message;
    QString fix;
    bool operator==(const Error &) const = default;
};
struct Stopped
{
    QString reason;
    ServeCounters counters;
    bool operator==(const Stopped &) const = default;
};
struct Unknown
{
    QString name; // an event this reader does not know yet
    bool operator==(const Unknown &) const = default;
};
struct Garbage
{
    QByteArray line; // not a JSON object with an "event": the engine did not write it, or it is broken
    bool operator==(const Garbage &) const = default;
};

} // namespace serve

using ServeEvent = std::variant<serve::Started, serve::Restored, serve::Access, serve::Counters, serve::Client,
    serve::Clients, serve::Warning, serve::Error, serve::Stopped, serve::Unknown, serve::Garbage>;

// One line of the stream, without its newline: a compact JSON object (keys in order, as QJsonDocument
// writes them). Unknown is written as an event with only its name, Garbage as its line.
QByteArray serveEventLine(const ServeEvent &event);
// The inverse: parseServeEvent(serveEventLine(e)) == e for every event the engine writes.
ServeEvent parseServeEvent(const QByteArray &line);

} // namespace aoesan::engine
