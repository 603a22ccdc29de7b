// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineProcess.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <signal.h>

namespace aoesan::test {

EngineProcess::EngineProcess(Lab &lab, QString enginePath)
    : m_lab(lab)
    , m_enginePath(std::move(enginePath))
{ }

bool EngineProcess::start(const QStringList &serveArguments, int timeoutMs)
{
    m_process = m_lab.start(m_lab.targetNamespace(),
        QStringList {m_enginePath, QStringLiteral("serve"), QStringLiteral("--events")} + serveArguments);
    if (!m_process) {
        m_error = QStringLiteral("cannot start %1").arg(m_enginePath);
        return false;
    }
    if (!waitForEvent(QStringLiteral("started"), timeoutMs)) {
        m_error = QStringLiteral("no `started` event from aoesan-engine %1; it printed:\n%2")
                      .arg(serveArguments.join(QLatin1Char(' ')), log());
        return false;
    }
    m_started = events(QStringLiteral("started")).constFirst();
    return true;
}

qint64 EngineProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

bool EngineProcess::running() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString EngineProcess::log() const
{
    return m_process ? m_lab.logOf(m_process) : QString();
}

QList<QJsonObject> EngineProcess::events(const QString &name) const
{
    QList<QJsonObject> list;
    for (const QString &line : log().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!line.startsWith(QLatin1Char('{')))
            continue;
        const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
        if (!event.isEmpty() && (name.isEmpty() || event.value(QStringLiteral("event")).toString() == name))
            list.append(event);
    }
    return list;
}

bool EngineProcess::waitForEvent(
    const QString &name, int timeoutMs, const std::function<bool(const QJsonObject &)> &accept)
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        for (const QJsonObject &event : events(name))
            if (!accept || accept(event))
                return true;
        if (clock.elapsed() > timeoutMs || !m_process)
            return false;
        // Sleeps a little and notices an engine that exited meanwhile.
        if (m_process->state() == QProcess::NotRunning || m_process->waitForFinished(25)) {
            for (const QJsonObject &event : events(name))
                if (!accept || accept(event))
                    return true;
            return false;
        }
    }
}

int EngineProcess::stop(int signal, int timeoutMs)
{
    if (!m_process)
        return -1;
    if (m_process->state() != QProcess::NotRunning) {
        ::kill(static_cast<pid_t>(m_process->processId()), signal);
        if (!m_process->waitForFinished(timeoutMs)) {
            m_lab.stop(m_process, 0); // it ignored the signal: SIGKILL, and the test says so
            return -1;
        }
    }
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

} // namespace aoesan::test
