// SPDX-License-Identifier: GPL-3.0-or-later
// The values the initiator deals in: where a request goes (Peer), how hard it tries (RetryPolicy), and
// what comes back (typed replies, or a Failure that says why nothing useful did).
#pragma once

#include <QByteArray>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "initiator/Clock.h"
#include "protocol/Arguments.h"
#include "protocol/Header.h"
#include "protocol/Identify.h"
#include "util/Result.h"

namespace aoesan::net {
class Transport;
}

namespace aoesan::initiator {

// One way to one target: the local interface, the target's MAC and its address. A broadcast MAC means
// "whoever answers first" (used before the MAC is known); the shelf and slot may be broadcast too.
struct Peer
{
    net::Transport *transport = nullptr;
    protocol::MacAddress mac = protocol::MacAddress::broadcast();
    std::uint16_t shelf = 0;
    std::uint8_t slot = 0;

    bool operator==(const Peer &) const = default;
};

// Retransmission: the first wait, doubled after each silent attempt up to maxTimeout.
struct RetryPolicy
{
    Duration firstTimeout = std::chrono::milliseconds(250); // the Linux initiator's starting RTT guess
    Duration maxTimeout = std::chrono::seconds(2);
    int attempts = 4; // transmissions in all, the first included
    Duration total {}; // when not zero: give up this long after the first transmission, whatever is left

    // Total time the policy waits before giving up.
    Duration budget() const;
    // A policy that keeps retransmitting (same back-off) and gives up exactly `total` after the first send.
    static RetryPolicy within(Duration limit);
};

struct Failure
{
    enum class Kind : std::uint8_t {
        Timeout, // no answer after every attempt
        SendFailed, // the transport refused the frame
        AoeError, // the reply had the E flag (see aoeError)
        AtaError, // the ATA status reported an error (see ataStatus, ataError)
        BadReply, // the reply could not be decoded or is too short
        Cancelled, // the transport went away
    };

    Kind kind = Kind::Timeout;
    std::string message;
    std::uint8_t aoeError = 0;
    std::uint8_t ataStatus = 0;
    std::uint8_t ataError = 0;
    int attempts = 0;

    static Failure of(Kind kind, std::string message, int attempts = 0)
    {
        Failure f;
        f.kind = kind;
        f.message = std::move(message);
        f.attempts = attempts;
        return f;
    }
};

template<typename T> using Outcome = Result<T, Failure>;
template<typename T> using Completion = std::function<void(Outcome<T>)>;

// What every reply carries: who answered (the peer with the answering MAC), its header, how long it
// took from the first transmission and how many transmissions were needed.
struct ReplyMeta
{
    Peer from;
    protocol::Header header;
    Duration rtt {};
    int attempts = 1;
};

// A raw reply: the whole received frame, for the typed wrappers to decode.
struct RawReply
{
    ReplyMeta meta;
    QByteArray frame;
};

// Config, MAC mask and reserve replies come back even with the E flag set (error 4 and 6 replies carry
// the current string or list); check meta.header.error.
struct ConfigReply
{
    ReplyMeta meta;
    protocol::ConfigArg config;
};

struct MacMaskReply
{
    ReplyMeta meta;
    protocol::MacMaskArg mask;
};

struct ReserveReply
{
    ReplyMeta meta;
    protocol::ReserveArg reserve;
};

struct IdentifyReply
{
    ReplyMeta meta;
    protocol::IdentifyInfo info;
    QByteArray block; // the raw 512 bytes
};

struct ReadResult
{
    QByteArray data;
    int frames = 0;
    int retransmits = 0;
};

struct WriteResult
{
    std::uint64_t sectors = 0;
    int frames = 0;
    int retransmits = 0;
};

// Human text for an AoE error code (AOE-PROTOCOL §1.3).
std::string aoeErrorText(std::uint8_t code);
// Human text for a MAC mask reply's MError (AOE-PROTOCOL §1.8).
std::string maskErrorText(std::uint8_t merror);

} // namespace aoesan::initiator
