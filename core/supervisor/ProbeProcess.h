// SPDX-License-Identifier: GPL-3.0-or-later
// The seam between its reader (the service) and `aoesan-engine probe`: a launcher hands out a ProbeProcess that
// streams lines and takes commands on stdin ("probe"). The probe runs until its stdin closes, so unlike
// the supervisor's EngineProcess this one keeps a pipe open to it. Tests hand in a fake.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QStringList>

#include <memory>

#include "supervisor/ProcessLauncher.h"

namespace aoesan::supervisor {

class ProbeProcess : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~ProbeProcess() override = default;

    virtual qint64 pid() const = 0;
    // One command line for the probe ("probe" sends a probe at once).
    virtual void writeLine(const QByteArray &line) = 0;
    // Closes stdin, which ends the probe; SIGTERM then SIGKILL if it lingers.
    virtual void stop() = 0;

signals:
    void lineReceived(const QByteArray &line);
    void errorOutput(const QByteArray &text);
    // Exactly once; the object may be deleted afterwards.
    void finished(const aoesan::supervisor::ProcessExit &exit);
};

class ProbeLauncher
{
public:
    virtual ~ProbeLauncher() = default;
    // Starts the probe with these arguments (after the mode word "probe"). Emits nothing before it
    // returns; a start failure arrives as finished(FailedToStart).
    virtual std::unique_ptr<ProbeProcess> launch(const QStringList &arguments) = 0;
};

// Runs `program leading... probe arguments...` with QProcess.
class QProcessProbeLauncher final : public ProbeLauncher
{
public:
    QProcessProbeLauncher(QString program, QStringList leadingArguments = {});
    std::unique_ptr<ProbeProcess> launch(const QStringList &arguments) override;
    const QString &program() const { return m_program; }

private:
    QString m_program;
    QStringList m_leading;
};

class QtProbeProcess final : public ProbeProcess
{
    Q_OBJECT

public:
    QtProbeProcess(const QString &program, const QStringList &arguments);
    ~QtProbeProcess() override;

    qint64 pid() const override;
    void writeLine(const QByteArray &line) override;
    void stop() override;

private:
    void readOutput();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);

    QProcess m_process;
    QByteArray m_pending;
    bool m_finished = false;
};

} // namespace aoesan::supervisor
