// SPDX-License-Identifier: GPL-3.0-or-later
// What a serving engine tells the world: with --events, one JSON object per line on stdout for the
// supervisor (the lines are engine/ServeEvent.h's, documented in docs/engine-events.md), written by a
// thread of their own so that a slow reader never holds up serving (engine/LineQueue.h); otherwise short
// human lines on stderr, as vblade prints. Safe to call from any thread.
#pragma once

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "engine/LineQueue.h"
#include "engine/ServeEvent.h"
#include "engine/ServeOptions.h"
#include "engine/TargetServer.h"
#include "protocol/MacAddress.h"

namespace aoesan::engine {

struct StartedInfo
{
    const ServeOptions &options;
    const protocol::MacAddress &mac;
    int mtu = 0;
    std::uint64_t sectors = 0;
    std::uint8_t maxSectors = 0;
    unsigned workers = 0;
    std::string io; // a serve::io word (aio, threads, inline): how READ/WRITE are served
    std::string stateFile;
    std::string configString;
    std::vector<protocol::MacAddress> masks; // the list in force: -m, or the one kept in the state file
};

// "MAC mask of 2 hosts (other hosts are ignored); reserve list of 1 host (...)", for the log and stderr;
// empty when both lists are (every host may use the export).
std::string accessText(
    const std::vector<protocol::MacAddress> &masks, const std::vector<protocol::MacAddress> &reservations);

class EngineEvents
{
public:
    // `out` must stay open until this is destroyed (or flush() returned true): a thread writes to it.
    EngineEvents(bool json, std::FILE *out = stdout, std::FILE *human = stderr);
    // Who speaks on the human lines ("aoesan-ctl serve: error: ..."); "aoesan-engine serve" by default.
    void setProgram(std::string program) { m_program = std::move(program); }

    void started(const StartedInfo &info);
    void counters(const CounterSnapshot &c);
    void clientSeen(const protocol::MacAddress &mac);
    // New initiators not named one by one (a storm of source MACs), and how many the engine keeps now.
    void clientsUnlisted(std::uint64_t unlisted, std::uint64_t kept);
    void warning(const std::string &message);
    // A MAC mask or reserve list kept in the state file is in force again: hosts not on it are ignored
    // (or refused), which a person must hear about rather than find out.
    void restored(const std::vector<protocol::MacAddress> &masks, const std::vector<protocol::MacAddress> &reservations,
        const std::string &stateFile);
    // An initiator changed who may use the export (TargetServer's AccessChange); `kept`: saved for the next start.
    void accessChanged(const AccessChange &change, bool kept);
    // code: a stable word for programs, one of util/ErrorWords.h.
    void error(const std::string &code, const std::string &message, const std::string &fix = {});
    void stopped(const std::string &reason, const CounterSnapshot &c);
    // Waits until every event so far is written; false when the reader did not take them in `timeout`.
    bool flush(std::chrono::milliseconds timeout = std::chrono::seconds(2));

private:
    void write(const ServeEvent &event, LineQueue::Kind kind);
    bool m_json;
    std::unique_ptr<LineQueue> m_queue; // with json only
    std::string m_program = "aoesan-engine serve";
    std::FILE *m_out;
    std::FILE *m_human;
};

} // namespace aoesan::engine
