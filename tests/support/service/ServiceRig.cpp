// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServiceRig.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <csignal>
#include <pwd.h>
#include <unistd.h>

#include <sys/stat.h>

#include "service/DbusApi.h"

namespace aoesan::test {

ServiceRig::ServiceRig(ServiceRigOptions options)
    : m_options(std::move(options))
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return;
    }
    QStringList rigArgs {QStringLiteral("--mode"), m_options.polkit, QStringLiteral("--dir"), m_dir.path()};
    if (!m_options.runAs.isEmpty()) {
        const passwd *user = ::getpwnam(m_options.runAs.toLocal8Bit().constData());
        if (!user) {
            m_error = QStringLiteral("no user %1 here").arg(m_options.runAs);
            return;
        }
        rigArgs << QStringLiteral("--service-user") << m_options.runAs;
        // The service's user must reach the bus and own its directories, as systemd's StateDirectory= gives.
        ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
        for (const QString &dir : {configDir(), stateDir(), m_dir.filePath(QStringLiteral("xdg-state"))}) {
            QDir().mkpath(dir);
            if (::chown(QFile::encodeName(dir).constData(), user->pw_uid, user->pw_gid) != 0) {
                m_error = QStringLiteral("cannot give %1 to %2").arg(dir, m_options.runAs);
                return;
            }
        }
        m_uid = static_cast<int>(user->pw_uid);
        m_gid = static_cast<int>(user->pw_gid);
    }
    m_bus = std::make_unique<QProcess>();
    m_bus->setProgram(QStringLiteral(AOESAN_DBUS_RIG));
    m_bus->setArguments(rigArgs);
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
    if (!m_options.runAs.isEmpty()) {
        const UnitCapabilities caps = unitCapabilities(QStringLiteral(AOESAN_UNIT_FILE));
        const auto set = [](const QStringList &names) {
            QStringList plus {QStringLiteral("-all")};
            for (const auto &n : names)
                plus << QStringLiteral("+") + n.mid(4); // setpriv wants net_raw, not cap_net_raw
            return plus.join(QLatin1Char(','));
        };
        QStringList wrapper {QStringLiteral("--reuid=%1").arg(m_uid), QStringLiteral("--regid=%1").arg(m_gid),
            QStringLiteral("--clear-groups"), QStringLiteral("--inh-caps=") + set(caps.ambient),
            QStringLiteral("--ambient-caps=") + set(caps.ambient),
            QStringLiteral("--bounding-set=") + set(caps.bounding)};
        if (caps.noNewPrivileges)
            wrapper << QStringLiteral("--no-new-privs");
        args.prepend(program);
        args = wrapper + args;
        program = QStringLiteral("setpriv");
    }
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

UnitCapabilities unitCapabilities(const QString &unitFile)
{
    UnitCapabilities caps;
    QFile f(unitFile);
    if (!f.open(QIODevice::ReadOnly))
        return caps;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        const QString value = line.section(QLatin1Char('='), 1).trimmed().toLower();
        if (line.startsWith(QLatin1String("AmbientCapabilities=")))
            caps.ambient << value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        else if (line.startsWith(QLatin1String("CapabilityBoundingSet=")))
            caps.bounding << value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        else if (line.startsWith(QLatin1String("NoNewPrivileges=")))
            caps.noNewPrivileges = value == QLatin1String("yes") || value == QLatin1String("true");
    }
    return caps;
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
