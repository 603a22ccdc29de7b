// Quitting: with exports running, ask first ("Stop 3 exports and quit?"), stop them, and quit once they
// have stopped (or after a timeout). Without exports, quit at once. Never a nested event loop.
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
    // Emitted when it is time to leave: main connects it to QCoreApplication::quit.
    void quitNow();

private:
    void stopAndQuit();

    ExportController &m_exports;
    bool m_quitting = false;
    bool m_asking = false;
};

} // namespace aoesan::ui
