// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-engine serving inside a Lab's target namespace, for the net and vm tests: started with
// --events, it is ready once its `started` event is out; its JSON event stream is read back from the
// lab's log of the process, and it is stopped with a signal and its exit code checked.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <csignal>
#include <functional>

#include "Lab.h"

namespace aoesan::test {

class EngineProcess
{
public:
    EngineProcess(Lab &lab, QString enginePath);

    // Starts `aoesan-engine serve --events ARGUMENTS` in the target namespace and waits for `started`.
    // False with error() set (and the log in it) when it exits or stays silent instead.
    bool start(const QStringList &serveArguments, int timeoutMs = 10000);

    const QJsonObject &started() const { return m_started; }
    qint64 pid() const;
    bool running() const;
    // What the engine printed so far: JSON lines on stdout, human lines on stderr, interleaved.
    QString log() const;
    // The JSON events in the log, in order; with a name, only those.
    QList<QJsonObject> events(const QString &name = {}) const;
    // Waits for an event named `name` for which `accept` holds (any, without it).
    bool waitForEvent(const QString &name, int timeoutMs, const std::function<bool(const QJsonObject &)> &accept = {});

    // Sends `signal` and waits; the exit code, or -1 when it died of a signal or had to be killed.
    int stop(int signal = SIGTERM, int timeoutMs = 5000);
    const QString &error() const { return m_error; }

private:
    Lab &m_lab;
    QString m_enginePath;
    QProcess *m_process = nullptr;
    QJsonObject m_started;
    QString m_error;
};

} // namespace aoesan::test
