// SPDX-License-Identifier: GPL-3.0-or-later
// The seam between the supervisor and real processes: it asks a ProcessLauncher for an engine and
// talks to the EngineProcess it gets back through signals. QProcessLauncher starts real programs;
// unit tests hand in a fake that starts, prints and dies on command.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>

namespace aoesan::supervisor {

// How a process ended.
struct ProcessExit
{
    enum class Kind : std::uint8_t {
        Exited, // it called exit(code)
        Signalled, // a signal ended it (a crash, or our SIGKILL)
        FailedToStart, // it never ran: no such program, not executable
    };
    Kind kind = Kind::Exited;
    int code = 0; // the exit code for Exited
    QString detail; // for FailedToStart: what the system said

    static ProcessExit exited(int code) { return {Kind::Exited, code, {}}; }
    static ProcessExit signalled() { return {Kind::Signalled, 0, {}}; }
    static ProcessExit failedToStart(const QString &why) { return {Kind::FailedToStart, 0, why}; }
};

class EngineProcess : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~EngineProcess() override = default;

    // The process id once running; 0 before and after.
    virtual qint64 pid() const = 0;
    // SIGTERM: the engine stops serving, reports `stopped` and exits 0.
    virtual void terminate() = 0;
    // SIGKILL.
    virtual void kill() = 0;

signals:
    // One line of standard output, without the newline.
    void lineReceived(const QByteArray &line);
    // Whatever arrived on standard error (not split into lines).
    void errorOutput(const QByteArray &text);
    // Emitted exactly once, after every line; the object may be deleted afterwards.
    void finished(const aoesan::supervisor::ProcessExit &exit);
};

class ProcessLauncher
{
public:
    virtual ~ProcessLauncher() = default;
    // Starts the engine with these arguments (the first one is the mode, "serve"). Never emits
    // anything before it returns: the caller connects first. A start failure arrives as finished().
    virtual std::unique_ptr<EngineProcess> launch(const QStringList &arguments) = 0;
};

} // namespace aoesan::supervisor

Q_DECLARE_METATYPE(aoesan::supervisor::ProcessExit)
