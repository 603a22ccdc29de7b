// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/QProcessLauncher.h"

#include <csignal>
#include <unistd.h>

#include <sys/prctl.h>

#include "platform/StopSignals.h"

namespace aoesan::supervisor {

namespace {

// A line longer than this is not an event: it is passed on cut, so the reader reports garbage
// instead of this process buffering without limit.
constexpr qsizetype kMaxLineBytes = 1 << 20;

} // namespace

QProcessLauncher::QProcessLauncher(EngineCommand command)
    : m_command(std::move(command))
{ }

std::unique_ptr<EngineProcess> QProcessLauncher::launch(const QStringList &arguments)
{
    return std::make_unique<QtEngineProcess>(m_command, arguments);
}

QtEngineProcess::QtEngineProcess(const EngineCommand &command, const QStringList &arguments)
{
    m_process.setProgram(command.program);
    m_process.setArguments(command.leadingArguments + arguments);
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_process.setChildProcessModifier([]() {
        // The supervisor may block SIGTERM/SIGINT (to read them from a signalfd) or ignore SIGPIPE; a
        // child inherits both across exec, and an engine that cannot be stopped is no use. If the supervisor
        // dies without stopping it, the engine stops cleanly instead of serving on unsupervised. (The kernel
        // clears the parent-death signal when exec'ing a program with file capabilities; an installed engine
        // then stops at its next counters line, when the closed pipe raises SIGPIPE.)
        platform::resetSignalsInChild();
        // Its own session: a Ctrl-C in the supervisor's terminal reaches the supervisor only, which
        // then stops every engine in order instead of racing them.
        ::setsid();
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &QtEngineProcess::readOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this,
        [this]() { emit errorOutput(m_process.readAllStandardError()); });
    connect(&m_process, &QProcess::finished, this, &QtEngineProcess::onFinished);
    // Queued: some start failures are reported from inside start(), before the caller has connected.
    connect(&m_process, &QProcess::errorOccurred, this, &QtEngineProcess::onError, Qt::QueuedConnection);
    m_process.start();
}

QtEngineProcess::~QtEngineProcess()
{
    // Nobody is listening any more; do not let QProcess's destructor block on a process that ignores us.
    disconnect(&m_process, nullptr, this, nullptr);
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

qint64 QtEngineProcess::pid() const
{
    return m_process.state() != QProcess::NotRunning ? m_process.processId() : 0;
}

void QtEngineProcess::terminate()
{
    if (m_process.state() == QProcess::Running)
        m_process.terminate();
}

void QtEngineProcess::kill()
{
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill();
}

void QtEngineProcess::readOutput()
{
    m_pending += m_process.readAllStandardOutput();
    emitLines(false);
}

void QtEngineProcess::emitLines(bool atEnd)
{
    qsizetype start = 0;
    for (qsizetype nl = m_pending.indexOf('\n'); nl >= 0; nl = m_pending.indexOf('\n', start)) {
        emit lineReceived(m_pending.mid(start, nl - start));
        start = nl + 1;
    }
    m_pending.remove(0, start);
    if ((atEnd && !m_pending.isEmpty()) || m_pending.size() > kMaxLineBytes) {
        emit lineReceived(m_pending.left(kMaxLineBytes));
        m_pending.clear();
    }
}

void QtEngineProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_pending += m_process.readAllStandardOutput();
    emitLines(true);
    const QByteArray rest = m_process.readAllStandardError();
    if (!rest.isEmpty())
        emit errorOutput(rest);
    emit finished(status == QProcess::CrashExit ? ProcessExit::signalled() : ProcessExit::exited(exitCode));
}

void QtEngineProcess::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_finished)
        return;
    m_finished = true;
    emit finished(
        ProcessExit::failedToStart(QStringLiteral("%1: %2").arg(m_process.program(), m_process.errorString())));
}

} // namespace aoesan::supervisor
