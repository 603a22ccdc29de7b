// SPDX-License-Identifier: GPL-3.0-or-later
// The bridge from spdlog (any thread) to the log dock (GUI thread): the sink appends entries under a
// mutex, the model takes them on its own timer. No QObject is touched from a logging thread, and either
// side may go first at shutdown because both hold the buffer by shared_ptr.
#pragma once

#include <QDateTime>
#include <QString>

#include <memory>
#include <mutex>
#include <vector>

#include <spdlog/sinks/base_sink.h>

namespace aoesan::ui {

struct LogEntry
{
    QDateTime time;
    int level = 0; // spdlog::level::level_enum
    QString source; // the logger: discovery, supervisor, ui, ...
    QString message;
    // spdlog's lines are technical: English by design, for bug reports and the log file. Lines written
    // for a person (LogModel::note) are in the person's language.
    bool technical = true;
};

class LogBuffer
{
public:
    void append(LogEntry entry);
    std::vector<LogEntry> take();

private:
    static constexpr std::size_t kMaxPending = 10000; // a log storm must not eat the memory
    std::mutex m_mutex;
    std::vector<LogEntry> m_pending;
    std::size_t m_dropped = 0;
};

class LogBufferSink final : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit LogBufferSink(std::shared_ptr<LogBuffer> buffer)
        : m_buffer(std::move(buffer))
    { }

protected:
    void sink_it_(const spdlog::details::log_msg &message) override;
    void flush_() override { }

private:
    std::shared_ptr<LogBuffer> m_buffer;
};

// Adds a sink to the loggers that exist now and to those named here (created if needed), so events of
// the GUI process reach the dock. Call it early, before other threads log.
void attachSink(const std::shared_ptr<spdlog::sinks::sink> &sink, const std::vector<std::string> &loggerNames);

} // namespace aoesan::ui
