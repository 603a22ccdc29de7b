// SPDX-License-Identifier: GPL-3.0-or-later
// SIGTERM, SIGINT and SIGHUP as a Qt signal for the desktop program, so `kill` or the session ending
// stops the exports cleanly instead of leaving clients with dead disks. A handler writes the signal
// number into a pipe read on the event loop (the self-pipe trick): unlike a blocked-signal signalfd
// (core's platform::StopSignals, for aoesan-ctl) it works whichever thread the kernel picks, and Qt's
// xcb event thread runs with every signal unblocked.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace aoesan::ui {

class QuitSignals : public QObject
{
    Q_OBJECT

public:
    // One per process: it owns the process-wide handlers.
    explicit QuitSignals(QObject *parent = nullptr);
    ~QuitSignals() override;
    QuitSignals(const QuitSignals &) = delete;
    QuitSignals &operator=(const QuitSignals &) = delete;

signals:
    void received(int signal);

private:
    void readPipe();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace aoesan::ui
