#include "shell/QuitFlow.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include "exports/ExportController.h"

namespace aoesan::ui {

namespace {
constexpr int kStopTimeoutMs = 8000;
}

QuitFlow::QuitFlow(ExportController &exports, QObject *parent)
    : QObject(parent)
    , m_exports(exports)
{
    connect(&m_exports, &ExportController::allStopped, this, [this] {
        if (m_quitting)
            emit quitNow();
    });
}

void QuitFlow::requestQuit(QWidget *dialogParent)
{
    if (m_quitting || m_asking)
        return;
    const int active = m_exports.activeCount();
    if (active == 0) {
        m_quitting = true;
        emit quitNow();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Quit aoesan"),
        tr("Stop %n export(s) and quit? Clients using them will lose their disks.", nullptr, active),
        QMessageBox::NoButton, dialogParent);
    box->setObjectName(QStringLiteral("quitQuestion"));
    auto *stop = box->addButton(tr("Stop exports and quit"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_asking = true;
    connect(box, &QMessageBox::finished, this, [this, box, stop] {
        m_asking = false;
        if (box->clickedButton() == stop)
            stopAndQuit();
    });
    box->open();
}

void QuitFlow::quitWithoutAsking()
{
    if (!m_quitting)
        stopAndQuit();
}

void QuitFlow::stopAndQuit()
{
    m_quitting = true;
    m_exports.stopAll();
    // An engine that ignores SIGTERM is killed by the supervisor; this is the last resort.
    QTimer::singleShot(kStopTimeoutMs, this, &QuitFlow::quitNow);
}

} // namespace aoesan::ui
