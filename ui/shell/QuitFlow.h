// SPDX-License-Identifier: GPL-3.0-or-later
// Quitting. When the exports run in a service that outlives this program (the installed one, or one on
// the session bus), quit at once: they keep serving. When they run in the private service this program
// started (no service was reachable; lab mode), that service ends with it: with exports running, ask
// first ("Stop 3 exports and quit?"), stop them, and quit once they have stopped (or after a short
// timeout). Without exports, quit at once. Never a nested event loop.
// quitNow must end the event loop with QCoreApplication::exit(), not quit(): since Qt 6, quit() first
// closes every visible window and gives up when one refuses, and the main window refuses its close
// (it hides to the tray) — Quit then only hid the window, and m_quitting made every later Quit and
// SIGTERM a no-op.
#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace aoesan::ui {

class ExportController;

class QuitFlow : public QObject
{
    Q_OBJECT

public:
    explicit QuitFlow(ExportController &exports, QObject *parent = nullptr);

    void requestQuit(QWidget *dialogParent);
    // For SIGTERM and the session ending: stop the exports and quit, nobody to ask.
    void quitWithoutAsking();
    bool isQuitting() const { return m_quitting; }

signals:
    // Quitting has begun (after the question, if any): discovery and notifications stop.
    void stopping();
    // Emitted when it is time to leave (maybe twice): main connects it to QCoreApplication::exit.
    void quitNow();

private:
    void stopAndQuit(int timeoutMs);

    ExportController &m_exports;
    bool m_quitting = false;
    bool m_asking = false;
};

} // namespace aoesan::ui
