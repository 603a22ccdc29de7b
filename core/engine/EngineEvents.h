// SPDX-License-Identifier: GPL-3.0-or-later
// What a serving engine tells the world: with --events, one JSON object per line on stdout for the
// supervisor (the lines are engine/ServeEvent.h's, documented in docs/engine-events.md); otherwise short
// human lines on stderr, as vblade prints.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

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

// "MAC mask of 2 hosts (other hosts are ignored); reserve list of 1 host (...)", for the log and stderr.
std::string restoredText(
    const std::vector<protocol::MacAddress> &masks, const std::vector<protocol::MacAddress> &reservations);

class EngineEvents
{
public:
    EngineEvents(bool json, std::FILE *out = stdout, std::FILE *human = stderr);
    // Who speaks on the human lines ("aoesan-ctl serve: error: ..."); "aoesan-engine serve" by default.
    void setProgram(std::string program) { m_program = std::move(program); }

    void started(const StartedInfo &info);
    void counters(const CounterSnapshot &c);
    void clientSeen(const protocol::MacAddress &mac);
    void warning(const std::string &message);
    // A MAC mask or reserve list kept in the state file is in force again: hosts not on it are ignored
    // (or refused), which a person must hear about rather than find out.
    void restored(const std::vector<protocol::MacAddress> &masks, const std::vector<protocol::MacAddress> &reservations,
        const std::string &stateFile);
    // code: a stable word for programs, one of util/ErrorWords.h.
    void error(const std::string &code, const std::string &message, const std::string &fix = {});
    void stopped(const std::string &reason, const CounterSnapshot &c);

private:
    void write(const ServeEvent &event);
    bool m_json;
    std::string m_program = "aoesan-engine serve";
    std::FILE *m_out;
    std::FILE *m_human;
};

} // namespace aoesan::engine
