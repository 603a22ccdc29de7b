// SPDX-License-Identifier: GPL-3.0-or-later
// SIGTERM and SIGINT (and SIGHUP) as a Qt signal, for long-running front ends such as
// `aoesan-ctl supervise`: the signals are blocked and read from a signalfd in the event loop, so the
// handler may do anything (stop engines, log, quit) instead of only what is async-signal-safe.
// Children started through QProcessLauncher get an unblocked mask back.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace aoesan::platform {

class StopSignals : public QObject
{
    Q_OBJECT

public:
    // Blocks the signals in the calling thread; create it in main() before any other thread starts.
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

    bool ok() const { return m_fd >= 0; }

signals:
    // signal: SIGTERM, SIGINT or SIGHUP.
    void received(int signal);

private:
    void readSignal();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
};

// For QProcess::setChildProcessModifier (async-signal-safe): the child gets an empty signal mask and the default
// SIGTERM, SIGINT and SIGPIPE back (a mask blocked for StopSignals survives exec: dnsmasq under `boot serve` ignored
// SIGTERM until it was killed), and SIGTERM when this process dies, so nothing outlives a killed parent.
void resetSignalsInChild();

// The name of a signal for logs ("SIGTERM").
QString signalName(int signal);

} // namespace aoesan::platform
