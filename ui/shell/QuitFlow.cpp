// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/QuitFlow.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include "exports/ExportController.h"
#include "log/Logging.h"

namespace aoesan::ui {

namespace {
// Engines stop within a moment of SIGTERM, and allStopped ends the wait then; these bound a stuck one.
// Leaving before it stopped is safe: the private service is stopped (SIGTERM) when the program ends.
constexpr int kStopTimeoutMs = 4000;
constexpr int kSignalStopTimeoutMs = 1500; // SIGTERM: the session or a service manager waits for us
} // namespace

QuitFlow::QuitFlow(ExportController &exports, QObject *parent)
    : QObject(parent)
    , m_exports(exports)
{
    connect(&m_exports, &ExportController::allStopped, this, [this] {
        if (m_quitting)
            emit quitNow();
    });
    // quitNow may come twice (allStopped, then the timeout); leaving is idempotent.
}

void QuitFlow::requestQuit(QWidget *dialogParent)
{
    if (m_quitting || m_asking)
        return;
    const int active = m_exports.activeCount();
    if (m_exports.servedBySystem()) {
        log::logger("ui")->info("quitting; the aoesan service goes on serving {} export(s)", active);
        m_quitting = true;
        emit stopping();
        emit quitNow();
        return;
    }
    if (active == 0) {
        log::logger("ui")->info("quitting");
        m_quitting = true;
        emit stopping();
        emit quitNow();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Quit aoesan"),
        tr("Stop %n export(s) and quit? Clients using them will lose their disks.", nullptr, active),
        QMessageBox::NoButton, dialogParent);
    box->setObjectName(QStringLiteral("quitQuestion"));
    box->setInformativeText(tr("No aoesan service was running, so this window runs its exports itself; they "
                               "end with it. Installed, the aoesan service keeps them running."));
    auto *stop = box->addButton(tr("&Stop exports and quit"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_asking = true;
    connect(box, &QMessageBox::finished, this, [this, box, stop] {
        m_asking = false;
        if (box->clickedButton() == stop)
            stopAndQuit(kStopTimeoutMs);
    });
    box->open();
}

void QuitFlow::quitWithoutAsking()
{
    if (m_quitting)
        return;
    if (m_exports.servedBySystem()) {
        log::logger("ui")->info("quitting; the aoesan service goes on serving the exports");
        m_quitting = true;
        emit stopping();
        emit quitNow();
        return;
    }
    stopAndQuit(kSignalStopTimeoutMs);
}

void QuitFlow::stopAndQuit(int timeoutMs)
{
    m_quitting = true;
    log::logger("ui")->info("quitting: stopping {} export(s)", m_exports.activeCount());
    // Discovery and notifications end first: the exports going away are not targets going down.
    emit stopping();
    QTimer::singleShot(timeoutMs, this, &QuitFlow::quitNow);
    m_exports.stopAll(); // allStopped (at once when nothing runs) emits quitNow
}

} // namespace aoesan::ui
