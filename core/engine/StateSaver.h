// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the export state file on a thread of its own. A config, mask or reserve change is answered at
// once, and the file follows: saving (write, fsync, rename) on the thread that serves I/O once held a READ
// for 14 s behind it on a slow disk. Changes that come faster than the disk takes them are coalesced:
// the file always ends up holding the latest state, and stop() (or the destructor) waits for it.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "engine/ExportState.h"
#include "util/Result.h"

namespace aoesan::engine {

class StateSaver
{
public:
    using Save = std::function<Result<bool, std::string>(const ExportState &)>;
    using Warn = std::function<void(const std::string &)>;

    // `save` defaults to ExportState::save; `warn` hears of a failed save (the first, then at most one
    // every 10 s while they keep failing, and when saving works again).
    explicit StateSaver(Warn warn, Save save = {});
    ~StateSaver();
    StateSaver(const StateSaver &) = delete;
    StateSaver &operator=(const StateSaver &) = delete;

    // Takes a copy; never waits for the disk.
    void changed(const ExportState &state);
    // Waits until the latest state given is saved (or its save failed).
    void flush();
    std::uint64_t saves() const; // attempts made, for tests and figures

private:
    void loop();
    void report(const ExportState &state, const Result<bool, std::string> &result);

    Warn m_warn;
    Save m_save;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::optional<ExportState> m_pending;
    bool m_saving = false;
    bool m_stopping = false;
    std::uint64_t m_saves = 0;
    // Saver thread only.
    bool m_failing = false;
    std::uint64_t m_nextWarningAt = 0;
    std::thread m_thread;
};

} // namespace aoesan::engine
