// SPDX-License-Identifier: GPL-3.0-or-later
#include "SupervisorFakes.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace aoesan::test {

supervisor::TimerId FakeSupervisorClock::schedule(
    std::chrono::milliseconds delay, QObject *context, std::function<void()> action)
{
    const supervisor::TimerId id = m_next++;
    m_timers.emplace(id, Timer {m_now + delay, context, std::move(action)});
    return id;
}

void FakeSupervisorClock::cancel(supervisor::TimerId id)
{
    m_timers.erase(id);
}

std::optional<std::chrono::milliseconds> FakeSupervisorClock::nextDue() const
{
    std::optional<std::chrono::milliseconds> earliest;
    for (const auto &[id, timer] : m_timers) {
        if (!earliest || timer.due < *earliest)
            earliest = timer.due;
    }
    if (!earliest)
        return std::nullopt;
    return *earliest - m_now;
}

void FakeSupervisorClock::advance(std::chrono::milliseconds by)
{
    const auto end = m_now + by;
    for (;;) {
        // The earliest due timer (ties in scheduling order), if it falls within the step.
        auto next = m_timers.end();
        for (auto it = m_timers.begin(); it != m_timers.end(); ++it) {
            if (it->second.due <= end && (next == m_timers.end() || it->second.due < next->second.due))
                next = it;
        }
        if (next == m_timers.end())
            break;
        Timer timer = std::move(next->second);
        m_timers.erase(next);
        m_now = timer.due;
        if (timer.context)
            timer.action();
    }
    m_now = end;
}

void FakeEngineProcess::kill()
{
    ++m_kills;
    if (!m_ended)
        end(supervisor::ProcessExit::signalled());
}

void FakeEngineProcess::printStarted()
{
    const QJsonObject o {{QStringLiteral("event"), QStringLiteral("started")}, {QStringLiteral("pid"), m_pid},
        {QStringLiteral("mac"), QStringLiteral("02:00:00:00:b0:01")}, {QStringLiteral("sectors"), 2048}};
    print(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void FakeEngineProcess::printError(const QString &code, const QString &message, const QString &fix)
{
    const QJsonObject o {{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("code"), code},
        {QStringLiteral("message"), message}, {QStringLiteral("fix"), fix}};
    print(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void FakeEngineProcess::printStopped()
{
    print(QByteArrayLiteral(R"({"event":"stopped","reason":"signal","framesIn":3})"));
}

void FakeEngineProcess::end(const supervisor::ProcessExit &exit)
{
    if (m_ended)
        return;
    m_ended = true;
    emit finished(exit);
}

std::unique_ptr<supervisor::EngineProcess> FakeProcessLauncher::launch(const QStringList &arguments)
{
    m_lastArguments = arguments;
    auto process = std::make_unique<FakeEngineProcess>(m_nextPid++, arguments);
    m_launched.emplace_back(process.get());
    return process;
}

} // namespace aoesan::test
