// SPDX-License-Identifier: GPL-3.0-or-later
#include "log/LogBuffer.h"

#include <algorithm>

#include "log/Logging.h"

namespace aoesan::ui {

void LogBuffer::append(LogEntry entry)
{
    const std::lock_guard lock(m_mutex);
    if (m_pending.size() >= kMaxPending) {
        ++m_dropped;
        return;
    }
    m_pending.push_back(std::move(entry));
}

std::vector<LogEntry> LogBuffer::take()
{
    const std::lock_guard lock(m_mutex);
    std::vector<LogEntry> out = std::exchange(m_pending, {});
    if (m_dropped > 0) {
        out.push_back({QDateTime::currentDateTime(), 3, QStringLiteral("ui"),
            QStringLiteral("%1 log messages were dropped").arg(m_dropped)});
        m_dropped = 0;
    }
    return out;
}

void LogBufferSink::sink_it_(const spdlog::details::log_msg &message)
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(message.time.time_since_epoch()).count();
    m_buffer->append({QDateTime::fromMSecsSinceEpoch(ms), static_cast<int>(message.level),
        QString::fromUtf8(message.logger_name.data(), static_cast<qsizetype>(message.logger_name.size())),
        QString::fromUtf8(message.payload.data(), static_cast<qsizetype>(message.payload.size()))});
}

void attachSink(const std::shared_ptr<spdlog::sinks::sink> &sink, const std::vector<std::string> &loggerNames)
{
    // core/log has no call to add a sink later; loggers are made on first use with the installed sinks.
    // Making the GUI's loggers now and adding ours before any thread logs is race-free.
    for (const auto &name : loggerNames)
        (void)log::logger(name);
    spdlog::apply_all([&sink](const std::shared_ptr<spdlog::logger> &logger) {
        auto &sinks = logger->sinks();
        if (std::ranges::find(sinks, sink) == sinks.end())
            sinks.push_back(sink);
    });
}

} // namespace aoesan::ui
