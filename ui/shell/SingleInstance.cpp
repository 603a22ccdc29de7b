// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/SingleInstance.h"

#include <QCoreApplication>
#include <QLocalServer>
#include <QLocalSocket>

#include <unistd.h>

namespace aoesan::ui {

namespace {
constexpr int kConnectMs = 500;
const QByteArray kActivate = QByteArrayLiteral("activate\n");
const QByteArray kRaised = QByteArrayLiteral("raised\n");
} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
    , m_name(QStringLiteral("%1-%2").arg(key).arg(::getuid()))
{ }

SingleInstance::Claim SingleInstance::claim()
{
    {
        QLocalSocket probe;
        probe.connectToServer(m_name);
        // Startup, before the window exists: a short wait here blocks nothing a person sees.
        if (probe.waitForConnected(kConnectMs)) {
            probe.write(kActivate);
            probe.waitForBytesWritten(kConnectMs);
            QByteArray answer;
            while (!answer.contains('\n') && probe.waitForReadyRead(kConnectMs))
                answer += probe.readAll();
            probe.disconnectFromServer();
            return answer.startsWith(kRaised) ? Claim::Raised : Claim::NoAnswer;
        }
    }
    // Nobody answered: a socket file left by a crashed instance would stop listen().
    QLocalServer::removeServer(m_name);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name))
        return Claim::First; // cannot guard; better two windows than none
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *client = m_server->nextPendingConnection()) {
            connect(client, &QLocalSocket::readyRead, this, [this, client] {
                if (client->readAll().contains("activate")) {
                    emit activationRequested(); // connected directly: the window is shown when this returns
                    client->write(kRaised);
                    client->flush();
                }
                client->disconnectFromServer();
            });
            connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
        }
    });
    return Claim::First;
}

bool SingleInstance::anotherRuns() const
{
    QLocalSocket probe;
    probe.connectToServer(m_name);
    const bool found = probe.waitForConnected(kConnectMs);
    probe.abort();
    return found;
}

QString SingleInstance::message(Claim claim)
{
    switch (claim) {
    case Claim::Raised:
        return QCoreApplication::translate(
            "SingleInstance", "aoesan is already running; its window was brought to the front.");
    case Claim::NoAnswer:
        return QCoreApplication::translate(
            "SingleInstance", "aoesan is already running; it was asked to show its window but did not answer.");
    case Claim::First:
        break;
    }
    return {};
}

} // namespace aoesan::ui
