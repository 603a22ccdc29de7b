// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServiceRig.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <csignal>

#include "service/DbusApi.h"

namespace aoesan::test {

ServiceRig::ServiceRig(ServiceRigOptions options)
    : m_options(std::move(options))
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return;
    }
    m_bus = std::make_unique<QProcess>();
    m_bus->setProgram(QStringLiteral(AOESAN_DBUS_RIG));
    m_bus->setArguments({QStringLiteral("--mode"), m_options.polkit, QStringLiteral("--dir"), m_dir.path()});
    m_bus->setProcessChannelMode(QProcess::SeparateChannels);
    m_bus->start(); // stdin stays open: the rig ends when this process does
    if (!m_bus->waitForStarted(5000)) {
        m_error = QStringLiteral("private-bus.py did not start: ") + m_bus->errorString();
        return;
    }
    QElapsedTimer t;
    t.start();
    while (!m_bus->canReadLine() && t.elapsed() < 30000 && m_bus->state() == QProcess::Running)
        m_bus->waitForReadyRead(500);
    m_address = QString::fromUtf8(m_bus->readLine()).trimmed();
    if (!m_address.startsWith(QLatin1String("unix:")))
        m_error
            = QStringLiteral("the private bus did not come up: ") + QString::fromUtf8(m_bus->readAllStandardError());
}

ServiceRig::~ServiceRig()
{
    if (m_service && m_service->state() != QProcess::NotRunning)
        stopService(SIGTERM, 10000);
    for (const auto &name : m_connections)
        QDBusConnection::disconnectFromBus(name);
    if (m_bus && m_bus->state() != QProcess::NotRunning) {
        m_bus->terminate();
        if (!m_bus->waitForFinished(10000))
            m_bus->kill();
        m_bus->waitForFinished(2000);
    }
}

bool ServiceRig::startService(const QStringList &arguments)
{
    if (!ok())
        return false;
    if (m_service && m_service->state() != QProcess::NotRunning)
        stopService(SIGKILL);
    m_service = std::make_unique<QProcess>();
    QStringList args;
    if (m_options.session)
        args << QStringLiteral("--session");
    args << QStringLiteral("--config-dir") << configDir() << QStringLiteral("--state-dir") << stateDir()
         << QStringLiteral("--engine") << QStringLiteral(AOESAN_ENGINE_PATH) << arguments;
    QString program = QStringLiteral(AOESAN_SERVICE_PATH);
    if (!m_options.netns.isEmpty()) {
        args.prepend(program);
        args = QStringList {QStringLiteral("netns"), QStringLiteral("exec"), m_options.netns} + args;
        program = QStringLiteral("ip");
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(
        m_options.session ? QStringLiteral("DBUS_SESSION_BUS_ADDRESS") : QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"),
        m_address);
    env.insert(QStringLiteral("AOESAN_LOG"), QStringLiteral("info"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_dir.filePath(QStringLiteral("xdg-state")));
    m_service->setProcessEnvironment(env);
    m_service->setStandardOutputFile(m_dir.filePath(QStringLiteral("service-%1.log").arg(++m_logs)));
    m_service->setProcessChannelMode(QProcess::MergedChannels);
    m_service->setProgram(program);
    m_service->setArguments(args);
    m_service->start(QIODevice::ReadOnly);
    if (!m_service->waitForStarted(5000)) {
        m_error = QStringLiteral("aoesan-service did not start: ") + m_service->errorString();
        return false;
    }
    QDBusConnection probe = connect(QStringLiteral("rig-watch"));
    const bool owned = waitFor(
        [&] {
            return m_service->state() == QProcess::Running
                && probe.interface()->isServiceRegistered(QLatin1String(service::kBusName)).value();
        },
        15000);
    if (!owned)
        m_error = QStringLiteral("aoesan-service did not take its name: ") + serviceLog();
    return owned;
}

int ServiceRig::stopService(int signal, int timeoutMs)
{
    if (!m_service || m_service->state() == QProcess::NotRunning)
        return m_service ? m_service->exitCode() : -1;
    ::kill(static_cast<pid_t>(m_service->processId()), signal);
    if (!m_service->waitForFinished(timeoutMs)) {
        m_service->kill();
        m_service->waitForFinished(2000);
        return -1;
    }
    // The name must be gone before the next start, or that start could see the old owner.
    QDBusConnection probe = connect(QStringLiteral("rig-watch"));
    waitFor([&] { return !probe.interface()->isServiceRegistered(QLatin1String(service::kBusName)).value(); }, 5000);
    return m_service->exitStatus() == QProcess::NormalExit ? m_service->exitCode() : -1;
}

qint64 ServiceRig::servicePid() const
{
    return m_service ? m_service->processId() : 0;
}

bool ServiceRig::serviceRunning() const
{
    return m_service && m_service->state() == QProcess::Running;
}

QString ServiceRig::serviceLog() const
{
    QFile f(m_dir.filePath(QStringLiteral("service-%1.log").arg(m_logs)));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QDBusConnection ServiceRig::connect(const QString &name)
{
    const QString unique = QStringLiteral("aoesan-rig-%1-%2").arg(name).arg(quintptr(this));
    if (!m_connections.contains(unique))
        m_connections << unique;
    QDBusConnection c = QDBusConnection::connectToBus(m_address, unique);
    if (!c.isConnected()) {
        QDBusConnection::disconnectFromBus(unique);
        c = QDBusConnection::connectToBus(m_address, unique);
    }
    return c;
}

bool ServiceRig::polkitMock(const QString &method, const QVariantList &arguments)
{
    QDBusConnection c = connect(QStringLiteral("rig-polkit"));
    QDBusMessage m = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.PolicyKit1"),
        QStringLiteral("/org/freedesktop/PolicyKit1/Authority"), QStringLiteral("org.freedesktop.DBus.Mock"), method);
    m.setArguments(arguments);
    return c.call(m, QDBus::Block, 5000).type() == QDBusMessage::ReplyMessage;
}

bool ServiceRig::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!condition()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

} // namespace aoesan::test
