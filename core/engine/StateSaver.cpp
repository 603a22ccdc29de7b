// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/StateSaver.h"

#include <chrono>

#include "util/SignalFreeThread.h"

namespace aoesan::engine {

namespace {

std::uint64_t nowMs()
{
    using namespace std::chrono;
    return static_cast<std::uint64_t>(duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count());
}

} // namespace

StateSaver::StateSaver(Warn warn, Save save)
    : m_warn(std::move(warn))
    , m_save(save ? std::move(save) : Save([](const ExportState &s) { return s.save(); }))
    , m_thread(util::startSignalFreeThread([this] { loop(); }))
{ }

StateSaver::~StateSaver()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join(); // saves what is pending first: the file must hold the last state
}

void StateSaver::changed(const ExportState &state)
{
    {
        const std::lock_guard lock(m_mutex);
        m_pending = state;
    }
    m_changed.notify_all();
}

void StateSaver::flush()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_pending && !m_saving; });
}

std::uint64_t StateSaver::saves() const
{
    const std::lock_guard lock(m_mutex);
    return m_saves;
}

void StateSaver::loop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stopping || m_pending; });
        if (!m_pending)
            return;
        const ExportState state = std::move(*m_pending);
        m_pending.reset();
        m_saving = true;
        lock.unlock();
        const auto result = m_save(state);
        report(state, result);
        lock.lock();
        ++m_saves;
        m_saving = false;
        m_changed.notify_all();
    }
}

void StateSaver::report(const ExportState &state, const Result<bool, std::string> &result)
{
    if (!m_warn)
        return;
    if (result) {
        if (m_failing)
            m_warn("export state " + state.path() + " is saved again");
        m_failing = false;
        return;
    }
    const std::uint64_t now = nowMs();
    if (!m_failing || now >= m_nextWarningAt) {
        m_warn(result.error());
        m_nextWarningAt = now + 10000;
    }
    m_failing = true;
}

} // namespace aoesan::engine
