// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/EngineEvents.h"

#include <unistd.h>

#include "engine/ServeEvent.h"

namespace aoesan::engine {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

ServeCounters wireCounters(const CounterSnapshot &c)
{
    return {c.framesIn, c.framesOut, c.bytesRead, c.bytesWritten, c.errors, c.clients, c.droppedGroupSource,
        c.readCommands, c.writeCommands, c.sendFailures};
}

QStringList macTexts(const std::vector<protocol::MacAddress> &macs)
{
    QStringList list;
    for (const auto &m : macs)
        list << q(m.toString());
    return list;
}

} // namespace

// Queued lines beyond this are dropped (counters, client sightings and warnings only): a minute of a busy
// export's counters is about 15 KiB, so a reader this far behind has stopped reading.
constexpr std::size_t kMaxQueuedEventBytes = std::size_t {1} << 20U;

EngineEvents::EngineEvents(bool json, std::FILE *out, std::FILE *human)
    : m_json(json)
    , m_out(out)
    , m_human(human)
{
    if (m_json)
        m_queue = std::make_unique<LineQueue>(m_out, kMaxQueuedEventBytes, [](std::uint64_t dropped) {
            return serveEventLine(serve::Warning {QStringLiteral("%1 events were dropped: their reader fell behind "
                                                                 "(the export kept serving)")
                                                      .arg(dropped)});
        });
}

void EngineEvents::write(const ServeEvent &event, LineQueue::Kind kind)
{
    if (m_queue)
        m_queue->post(serveEventLine(event), kind); // the supervisor reads line by line
}

bool EngineEvents::flush(std::chrono::milliseconds timeout)
{
    if (m_queue)
        return m_queue->drain(timeout);
    std::fflush(m_human);
    return true;
}

void EngineEvents::started(const StartedInfo &i)
{
    const ServeOptions &o = i.options;
    if (!m_json) {
        std::fprintf(m_human, "pid %d: e%u.%u, %llu sectors %s%s%s\n", int(::getpid()), unsigned(o.shelf),
            unsigned(o.slot), static_cast<unsigned long long>(i.sectors), o.readOnly ? "O_RDONLY" : "O_RDWR",
            o.direct ? " O_DIRECT" : "", o.sync ? " O_SYNC" : "");
        return;
    }
    serve::Started s;
    s.pid = qint64(::getpid());
    s.shelf = int(o.shelf);
    s.slot = int(o.slot);
    s.interface = q(o.interface);
    s.mac = q(i.mac.toString());
    s.mtu = i.mtu;
    s.file = q(o.path);
    s.sectors = i.sectors;
    s.bytes = i.sectors * 512;
    s.offset = o.offsetSectors;
    s.readOnly = o.readOnly;
    s.direct = o.direct;
    s.sync = o.sync;
    s.bufferCount = int(o.bufferCount);
    s.maxSectors = int(i.maxSectors);
    s.workers = int(i.workers);
    s.io = q(i.io);
    s.masks = macTexts(i.masks);
    s.configString = QString::fromLatin1(i.configString.data(), qsizetype(i.configString.size()));
    s.stateFile = q(i.stateFile);
    write(s, LineQueue::Kind::Essential);
}

void EngineEvents::counters(const CounterSnapshot &c)
{
    if (m_json)
        write(serve::Counters {wireCounters(c)}, LineQueue::Kind::Droppable);
}

void EngineEvents::clientSeen(const protocol::MacAddress &mac)
{
    if (m_json)
        write(serve::Client {q(mac.toString())}, LineQueue::Kind::Droppable);
    else
        std::fprintf(m_human, "client %s\n", mac.toString().c_str());
}

void EngineEvents::clientsUnlisted(std::uint64_t unlisted, std::uint64_t kept)
{
    if (m_json)
        write(serve::Clients {unlisted, kept}, LineQueue::Kind::Droppable);
    else
        std::fprintf(m_human, "%llu more %s (not listed one by one; %llu kept)\n",
            static_cast<unsigned long long>(unlisted), unlisted == 1 ? "client" : "clients",
            static_cast<unsigned long long>(kept));
}

void EngineEvents::warning(const std::string &message)
{
    if (m_json)
        write(serve::Warning {q(message)}, LineQueue::Kind::Droppable);
    else
        std::fprintf(m_human, "%s: warning: %s\n", m_program.c_str(), message.c_str());
}

void EngineEvents::restored(const std::vector<protocol::MacAddress> &masks,
    const std::vector<protocol::MacAddress> &reservations, const std::string &stateFile)
{
    if (m_json) {
        write(serve::Restored {macTexts(masks), macTexts(reservations), q(stateFile)}, LineQueue::Kind::Essential);
        return;
    }
    std::fprintf(m_human, "%s: restored from %s: %s\n", m_program.c_str(), stateFile.c_str(),
        accessText(masks, reservations).c_str());
}

void EngineEvents::accessChanged(const AccessChange &change, bool kept)
{
    // Essential: who may use the export is what the owner must be able to see, and there is one a second at most.
    if (m_json) {
        write(serve::Access {macTexts(change.masks), macTexts(change.reservations), q(change.by.toString()), kept},
            LineQueue::Kind::Essential);
        return;
    }
    const std::string lists = accessText(change.masks, change.reservations);
    std::fprintf(m_human, "%s: %s changed who may use the export: %s%s\n", m_program.c_str(),
        change.by.toString().c_str(), lists.empty() ? "every host" : lists.c_str(),
        kept ? " (kept for the next start)" : " (until the engine stops)");
}

std::string accessText(
    const std::vector<protocol::MacAddress> &masks, const std::vector<protocol::MacAddress> &reservations)
{
    std::string text;
    if (!masks.empty())
        text = "MAC mask of " + std::to_string(masks.size()) + (masks.size() == 1 ? " host" : " hosts")
            + " (other hosts are ignored)";
    if (!reservations.empty())
        text += (text.empty() ? "" : "; ") + std::string("reserve list of ") + std::to_string(reservations.size())
            + (reservations.size() == 1 ? " host" : " hosts") + " (other hosts may not read or write)";
    return text;
}

void EngineEvents::error(const std::string &code, const std::string &message, const std::string &fix)
{
    if (m_json)
        write(serve::Error {q(code), q(message), q(fix)}, LineQueue::Kind::Essential);
    // A person reading stderr gets it too, also when the supervisor captures stdout.
    const char *between = fix.empty() ? "" : (!message.empty() && message.back() == '.') ? " " : ". ";
    std::fprintf(m_human, "%s: error: %s%s%s\n", m_program.c_str(), message.c_str(), between, fix.c_str());
}

void EngineEvents::stopped(const std::string &reason, const CounterSnapshot &c)
{
    if (m_json)
        write(serve::Stopped {q(reason), wireCounters(c)}, LineQueue::Kind::Essential);
}

} // namespace aoesan::engine
