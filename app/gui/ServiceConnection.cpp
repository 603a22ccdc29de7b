// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServiceConnection.h"

#include <QDBusConnectionInterface>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

#include <csignal>

#include <sys/prctl.h>

#include "log/Logging.h"
#include "service/DbusApi.h"
#include "service/ServiceClient.h"
#include "supervisor/EngineLocation.h"

namespace aoesan::gui {

namespace {

constexpr int kBusStartMs = 10000;
constexpr int kServiceStartMs = 15000;
const QString kPrivateConnection = QStringLiteral("aoesan-private-bus");

// The GUI blocks the stop signals (QuitSignals); its children must get them, and end with it.
void childSetup()
{
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
}

bool nameOwned(const QDBusConnection &bus)
{
    return bus.isConnected() && bus.interface()
        && bus.interface()->isServiceRegistered(QLatin1String(service::kBusName)).value();
}

QString tail(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = f.readAll();
    return QString::fromUtf8(all.right(600)).trimmed();
}

} // namespace

ServiceConnection::ServiceConnection(QObject *parent)
    : QObject(parent)
{ }

ServiceConnection::~ServiceConnection()
{
    stopPrivate();
    if (m_bus.state() != QProcess::NotRunning) {
        QDBusConnection::disconnectFromBus(kPrivateConnection);
        m_bus.terminate();
        if (!m_bus.waitForFinished(2000))
            m_bus.kill();
        m_bus.waitForFinished(1000);
    }
}

void ServiceConnection::stopPrivate(int timeoutMs)
{
    if (m_service.state() == QProcess::NotRunning)
        return;
    m_service.terminate(); // SIGTERM: the service stops every engine before it exits
    if (!m_service.waitForFinished(timeoutMs)) {
        log::logger("ui")->warn("the private aoesan-service did not stop in time; killing it");
        m_service.kill();
        m_service.waitForFinished(1000);
    }
}

bool ServiceConnection::sessionBusConfigured()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return true;
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return !runtime.isEmpty() && QFileInfo(runtime + QStringLiteral("/bus")).exists();
}

std::optional<ServiceConnection::Reached> ServiceConnection::reach(
    const QStringList &privateArguments, const QString &logFile, bool forcePrivate, QString *error)
{
    if (!forcePrivate) {
        // The installed service first, then one already on the session bus.
        std::vector<service::ServiceClient::Bus> order {service::ServiceClient::Bus::System};
        if (sessionBusConfigured())
            order.push_back(service::ServiceClient::Bus::Session);
        if (auto found = service::ServiceClient::findService(order)) {
            const bool system = found->name() == QDBusConnection::systemBus().name();
            return Reached {
                *found, false, system ? QStringLiteral("the system bus") : QStringLiteral("the session bus")};
        }
        // None: start one on the session bus, where it outlives this program like an installed one.
        if (sessionBusConfigured() && QDBusConnection::sessionBus().isConnected()) {
            QString why;
            if (startService(QDBusConnection::sessionBus(), {}, privateArguments, logFile, true, &why))
                return Reached {QDBusConnection::sessionBus(), false, QStringLiteral("the session bus (started now)")};
            log::logger("ui")->warn("could not start aoesan-service on the session bus: {}", why.toStdString());
        }
    }
    if (!startPrivateBus(error))
        return std::nullopt;
    QDBusConnection bus = QDBusConnection::connectToBus(m_address, kPrivateConnection);
    if (!bus.isConnected()) {
        *error = tr("The private D-Bus bus could not be reached: %1").arg(bus.lastError().message());
        return std::nullopt;
    }
    if (!startService(bus, m_address, privateArguments, logFile, false, error))
        return std::nullopt;
    return Reached {bus, true, QStringLiteral("a private bus (%1)").arg(m_address)};
}

bool ServiceConnection::startPrivateBus(QString *error)
{
    m_runtime = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/aoesan-bus-XXXXXX"));
    if (!m_runtime->isValid()) {
        *error = tr("No directory for a private D-Bus bus: %1").arg(m_runtime->errorString());
        return false;
    }
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (daemon.isEmpty()) {
        *error = tr("No aoesan service is running and dbus-daemon is not installed, so aoesan cannot start one "
                    "of its own. Install the dbus-daemon package, or install and start aoesan's service.");
        return false;
    }
    m_bus.setChildProcessModifier(childSetup);
    m_bus.setStandardErrorFile(m_runtime->filePath(QStringLiteral("dbus-daemon.log")));
    m_bus.start(daemon,
        {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
            QStringLiteral("--print-address=1"), QStringLiteral("--address=unix:dir=%1").arg(m_runtime->path())});
    QDeadlineTimer deadline(kBusStartMs);
    QByteArray out;
    while (!out.contains('\n') && !deadline.hasExpired() && m_bus.state() != QProcess::NotRunning) {
        m_bus.waitForReadyRead(100);
        out += m_bus.readAllStandardOutput();
    }
    m_address = QString::fromUtf8(out).section(QLatin1Char('\n'), 0, 0).trimmed();
    if (m_address.isEmpty()) {
        *error = tr("A private D-Bus bus could not be started: %1")
                     .arg(tail(m_runtime->filePath(QStringLiteral("dbus-daemon.log"))));
        return false;
    }
    log::logger("ui")->info("private D-Bus bus at {} (dbus-daemon {})", m_address.toStdString(), m_bus.processId());
    return true;
}

bool ServiceConnection::startService(const QDBusConnection &bus, const QString &address, const QStringList &arguments,
    const QString &logFile, bool detached, QString *error)
{
    const QString program = supervisor::findServiceProgram();
    if (program.isEmpty()) {
        *error = tr("No aoesan service is running, and aoesan-service was not found to start one (%1).")
                     .arg(supervisor::serviceSearchDescription());
        return false;
    }
    QDir().mkpath(QFileInfo(logFile).absolutePath());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!address.isEmpty())
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
    const QStringList args = QStringList {QStringLiteral("--session")} + arguments;
    log::logger("ui")->info("starting {} {} (log {})", program.toStdString(), args.join(QLatin1Char(' ')).toStdString(),
        logFile.toStdString());
    if (detached) {
        // It outlives this program: no pdeath signal, its own session.
        QProcess p;
        p.setProgram(program);
        p.setArguments(args);
        p.setProcessEnvironment(env);
        p.setStandardOutputFile(QProcess::nullDevice());
        p.setStandardErrorFile(logFile, QIODevice::Append);
        p.setChildProcessModifier([] {
            sigset_t none;
            sigemptyset(&none);
            ::sigprocmask(SIG_SETMASK, &none, nullptr);
            ::setsid();
        });
        if (!p.startDetached()) {
            *error = p.errorString();
            return false;
        }
        if (!waitForName(bus, nullptr, kServiceStartMs)) {
            *error = tr("aoesan-service did not appear on the bus: %1").arg(tail(logFile));
            return false;
        }
        return true;
    }
    m_service.setProgram(program);
    m_service.setArguments(args);
    m_service.setProcessEnvironment(env);
    m_service.setStandardOutputFile(QProcess::nullDevice());
    m_service.setStandardErrorFile(logFile, QIODevice::Append);
    m_service.setChildProcessModifier(childSetup);
    m_service.start();
    if (!m_service.waitForStarted(5000)) {
        *error = tr("aoesan-service could not be started: %1").arg(m_service.errorString());
        return false;
    }
    if (!waitForName(bus, &m_service, kServiceStartMs)) {
        *error = tr("aoesan-service did not appear on the bus: %1").arg(tail(logFile));
        stopPrivate(1000);
        return false;
    }
    log::logger("ui")->info("private aoesan-service {} runs", m_service.processId());
    return true;
}

bool ServiceConnection::waitForName(const QDBusConnection &bus, QProcess *process, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (nameOwned(bus))
            return true;
        if (process && process->state() == QProcess::NotRunning)
            return false;
        if (process)
            process->waitForFinished(50);
        else
            QThread::msleep(50);
    }
    return nameOwned(bus);
}

} // namespace aoesan::gui
