// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/ProbeProcess.h"

#include <QTimer>

#include <csignal>

#include <sys/prctl.h>

#include "platform/StopSignals.h"

namespace aoesan::supervisor {

namespace {
constexpr qsizetype kMaxLineBytes = 4 << 20; // a target with many paths is a few KiB; this is garbage
constexpr int kStopGraceMs = 3000;
} // namespace

QProcessProbeLauncher::QProcessProbeLauncher(QString program, QStringList leadingArguments)
    : m_program(std::move(program))
    , m_leading(std::move(leadingArguments))
{ }

std::unique_ptr<ProbeProcess> QProcessProbeLauncher::launch(const QStringList &arguments)
{
    return std::make_unique<QtProbeProcess>(m_program, m_leading + (QStringList {QStringLiteral("probe")} + arguments));
}

QtProbeProcess::QtProbeProcess(const QString &program, const QStringList &arguments)
{
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    // The probe must not outlive its reader, even after a crash; the reader blocks the stop signals to read them
    // from a signalfd, and the probe must get them.
    m_process.setChildProcessModifier(platform::resetSignalsInChild);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &QtProbeProcess::readOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this,
        [this] { emit errorOutput(m_process.readAllStandardError()); });
    connect(&m_process, &QProcess::finished, this, &QtProbeProcess::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &QtProbeProcess::onError, Qt::QueuedConnection);
    m_process.start(QIODevice::ReadWrite);
}

QtProbeProcess::~QtProbeProcess()
{
    disconnect(&m_process, nullptr, this, nullptr);
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

qint64 QtProbeProcess::pid() const
{
    return m_process.state() != QProcess::NotRunning ? m_process.processId() : 0;
}

void QtProbeProcess::writeLine(const QByteArray &line)
{
    if (m_process.state() == QProcess::Running)
        m_process.write(line + '\n');
}

void QtProbeProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    QTimer::singleShot(kStopGraceMs, this, [this] {
        if (m_process.state() != QProcess::NotRunning)
            m_process.terminate();
        QTimer::singleShot(kStopGraceMs, this, [this] {
            if (m_process.state() != QProcess::NotRunning)
                m_process.kill();
        });
    });
}

void QtProbeProcess::readOutput()
{
    m_pending += m_process.readAllStandardOutput();
    qsizetype start = 0;
    for (qsizetype nl = m_pending.indexOf('\n'); nl >= 0; nl = m_pending.indexOf('\n', start)) {
        emit lineReceived(m_pending.mid(start, nl - start));
        start = nl + 1;
    }
    m_pending.remove(0, start);
    if (m_pending.size() > kMaxLineBytes) {
        emit lineReceived(m_pending.left(kMaxLineBytes));
        m_pending.clear();
    }
}

void QtProbeProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_finished)
        return;
    m_finished = true;
    readOutput();
    if (!m_pending.isEmpty())
        emit lineReceived(std::exchange(m_pending, {}));
    const QByteArray rest = m_process.readAllStandardError();
    if (!rest.isEmpty())
        emit errorOutput(rest);
    emit finished(status == QProcess::CrashExit ? supervisor::ProcessExit::signalled()
                                                : supervisor::ProcessExit::exited(exitCode));
}

void QtProbeProcess::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_finished)
        return;
    m_finished = true;
    emit finished(supervisor::ProcessExit::failedToStart(
        QStringLiteral("%1: %2").arg(m_process.program(), m_process.errorString())));
}

} // namespace aoesan::supervisor
