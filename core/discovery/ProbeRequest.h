// SPDX-License-Identifier: GPL-3.0-or-later
// The commands a reader writes on `aoesan-engine probe`'s stdin and the events that answer the per-target
// ones (docs/probe-events.md): one home for their words, read and written here by the engine and the GUI.
// A command line is words separated by spaces; a per-target command carries the reader's request id,
// which its answer (`reply` or `request-error`) echoes. A line that is not a valid command is an error
// value naming what is wrong, never a crash.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "discovery/TargetInfo.h"
#include "protocol/Arguments.h"
#include "protocol/MacAddress.h"
#include "util/Result.h"

namespace aoesan::discovery {

// One command line. `probe` and `forget-down` take no arguments; the others are `WORD ID DEVICE ...`.
struct ProbeRequest
{
    enum class Kind : std::uint8_t {
        Probe, // probe: broadcast and re-probe now
        ForgetDown, // forget-down: forget the targets that are down
        Identify, // identify ID DEVICE
        ConfigRead, // config ID DEVICE
        ConfigSet, // config-set ID DEVICE [TEXT]  (TEXT percent-encoded; none for the empty string)
        MaskRead, // mask ID DEVICE
        MaskEdit, // mask-edit ID DEVICE [--allow-lockout] +MAC|-MAC...
        ReserveRead, // reserve ID DEVICE
        ReserveSet, // reserve-set ID DEVICE [--allow-lockout] [--override] [MAC...]  (no MAC: release)
    };

    Kind kind = Kind::Probe;
    std::uint32_t id = 0; // the reader's request id, 1 or more; 0 for probe and forget-down
    TargetId target;
    std::string configString; // ConfigSet: raw bytes, at most 1024
    std::vector<protocol::MacMaskDirective> directives; // MaskEdit, in order, 1 to 255
    std::vector<protocol::MacAddress> macs; // ReserveSet, 0 to 255
    bool allowLockout = false; // MaskEdit, ReserveSet: apply even when this host would be shut out
    bool override = false; // ReserveSet: force-set, even while another host holds the reservation

    bool perTarget() const { return kind != Kind::Probe && kind != Kind::ForgetDown; }
    bool operator==(const ProbeRequest &) const = default;
};

// The command word of a kind ("mask-edit").
const char *requestWord(ProbeRequest::Kind kind);
std::optional<ProbeRequest::Kind> requestKind(QStringView word);

// "e7.3" or "7.3"; shelf 0-65534 and slot 0-254 (the broadcast values name no target).
std::optional<TargetId> parseDeviceName(QStringView text);

struct RequestParseError
{
    std::uint32_t id = 0; // when the line got as far as a valid id
    QString request; // the command word, when there was one
    QString message;
};

// One line from stdin, without its newline. An empty or blank line is an error too (the reader skips it).
Result<ProbeRequest, RequestParseError> parseProbeRequest(const QByteArray &line);
// The line for a request (no newline); parseProbeRequest(formatProbeRequest(r)) == r for a valid r.
QByteArray formatProbeRequest(const ProbeRequest &request);

// Stable `code` words of a request-error event.
namespace request_error {
inline constexpr char kBadRequest[] = "bad-request"; // the command line is wrong
inline constexpr char kNoSuchTarget[] = "no-such-target"; // discovery knows no reachable path to it
inline constexpr char kNoAnswer[] = "no-answer"; // the target did not answer in time
inline constexpr char kRefused[] = "refused"; // the target answered with an AoE or MAC mask error
inline constexpr char kReserved[] = "reserved"; // another host holds the reservation (`macs` says who)
inline constexpr char kLocksOut[] = "locks-out"; // the change would shut this host out (`macs`: the result)
inline constexpr char kUnsafeDelete[] = "unsafe-delete"; // vblade 25 or older crashes on that delete
} // namespace request_error

// What IDENTIFY said, as a reply carries it.
struct IdentifySummary
{
    std::string model;
    std::string serial;
    std::string firmware;
    std::uint64_t sectors = 0;
    bool lba48 = false;

    bool operator==(const IdentifySummary &) const = default;
};

// The `reply` event: a per-target request succeeded. `macs` is the mask or reserve list the target holds
// afterwards; `configString` the config string it holds; `identify` IDENTIFY's answer.
struct RequestReply
{
    std::uint32_t id = 0;
    ProbeRequest::Kind kind = ProbeRequest::Kind::Identify;
    TargetId target;
    QString interface; // the local interface used
    protocol::MacAddress targetMac;
    protocol::MacAddress ownMac; // this host's MAC on that interface
    std::optional<IdentifySummary> identify;
    std::optional<std::string> configString;
    std::optional<std::vector<protocol::MacAddress>> macs;

    bool operator==(const RequestReply &) const = default;
};

// The `request-error` event: a per-target request failed or was refused before anything was sent.
struct RequestFailure
{
    std::uint32_t id = 0; // 0 when the line had no valid id
    std::optional<ProbeRequest::Kind> kind;
    std::optional<TargetId> target;
    QString code; // a request_error word
    QString message; // English, for logs; the GUI words its own text from `code`
    std::vector<protocol::MacAddress> macs; // locks-out: the list it would leave; reserved: the holders
    std::optional<protocol::MacAddress> ownMac;

    bool operator==(const RequestFailure &) const = default;
};

QJsonObject replyToJson(const RequestReply &reply);
QJsonObject requestFailureToJson(const RequestFailure &failure);
// The readers' side; an error names the missing or mistyped field.
Result<RequestReply, QString> replyFromJson(const QJsonObject &event);
Result<RequestFailure, QString> requestFailureFromJson(const QJsonObject &event);

} // namespace aoesan::discovery
