// SPDX-License-Identifier: GPL-3.0-or-later
// The real ProcessLauncher: runs `program leadingArguments... arguments...` with QProcess. The leading
// arguments let a caller wrap the engine — `ip netns exec NS aoesan-engine` in a lab, `setpriv ...`
// to take a capability away, or a test's fake engine with its misbehaviour switches.
#pragma once

#include <QProcess>

#include "supervisor/ProcessLauncher.h"

namespace aoesan::supervisor {

struct EngineCommand
{
    QString program;
    QStringList leadingArguments;
};

class QProcessLauncher final : public ProcessLauncher
{
public:
    explicit QProcessLauncher(EngineCommand command);

    std::unique_ptr<EngineProcess> launch(const QStringList &arguments) override;

    const EngineCommand &command() const { return m_command; }

private:
    EngineCommand m_command;
};

// An EngineProcess over a QProcess: stdout split into lines, stderr passed on, one finished().
class QtEngineProcess final : public EngineProcess
{
    Q_OBJECT

public:
    QtEngineProcess(const EngineCommand &command, const QStringList &arguments);
    ~QtEngineProcess() override;

    qint64 pid() const override;
    void terminate() override;
    void kill() override;

private:
    void readOutput();
    void emitLines(bool atEnd);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);

    QProcess m_process;
    QByteArray m_pending; // stdout after the last newline
    bool m_finished = false;
};

} // namespace aoesan::supervisor
