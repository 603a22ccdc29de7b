// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-service: the one owner of this machine's exports and of discovery, on the D-Bus system bus
// (or the session bus with --session), run by systemd as aoesan.service. Builds the SanService and its
// D-Bus tree and hands over to the event loop; SIGTERM stops every engine cleanly before it exits.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <unistd.h>

#include "Version.h"
#include "log/Logging.h"
#include "platform/BlockDevicesUdev.h"
#include "platform/Privileges.h"
#include "platform/StopSignals.h"
#include "service/AoeUnitLoader.h"
#include "service/Authorizer.h"
#include "service/DbusApi.h"
#include "service/DbusTree.h"
#include "service/SanService.h"
#include "supervisor/EngineLocation.h"
#include "supervisor/QProcessLauncher.h"
#include "supervisor/SupervisorClock.h"
#include "util/CommandHelp.h"
#include "util/ExitCode.h"

using namespace aoesan;

namespace {

QString xdgDir(const char *variable, const QString &fallback)
{
    const QString base = qEnvironmentVariable(variable);
    return (base.isEmpty() || !QDir::isAbsolutePath(base) ? QDir::homePath() + fallback : base)
        + QStringLiteral("/aoesan");
}

int fail(const QString &message, int code = ExitFailed)
{
    std::fprintf(stderr, "aoesan-service: %s\n", qPrintable(message));
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("aoesan-service"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersionString));
    // Before any other thread: the stop signals are read from a signalfd in the event loop.
    platform::StopSignals stopSignals;

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The aoesan service: owns this machine's AoE exports (one supervised aoesan-engine each) and runs\n"
        "discovery, and publishes both on D-Bus as io.github.aoesan1 (docs/dbus-api.md). Changes are\n"
        "authorised with polkit on the system bus; on the session bus (--session) only its owner can call.\n"
        "The system bus is the one DBUS_SYSTEM_BUS_ADDRESS names, else the standard one.\n"
        "Exit codes: 0 stopped by SIGTERM, 1 failed (no bus, the name is taken), 2 usage error."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption session(
        QStringLiteral("session"), QStringLiteral("Run on the session bus, for one person."));
    const QCommandLineOption configDir(QStringLiteral("config-dir"),
        QStringLiteral("Where exports.json and service.json are (default /etc/aoesan; with --session "
                       "$XDG_CONFIG_HOME/aoesan)."),
        QStringLiteral("DIR"));
    const QCommandLineOption stateDir(QStringLiteral("state-dir"),
        QStringLiteral("Where the engines keep their state (default /var/lib/aoesan; with --session "
                       "$XDG_STATE_HOME/aoesan)."),
        QStringLiteral("DIR"));
    const QCommandLineOption interfaces(QStringList {QStringLiteral("i"), QStringLiteral("interface")},
        QStringLiteral("Watch this interface (repeatable). Default: the saved setting, else every Ethernet "
                       "interface that is up."),
        QStringLiteral("IF"));
    const QCommandLineOption interval(QStringLiteral("interval"),
        QStringLiteral("Seconds between probes (default: the saved setting, 10)."), QStringLiteral("SECS"));
    const QCommandLineOption noDiscovery(
        QStringLiteral("no-discovery"), QStringLiteral("Run no discovery (exports only)."));
    const QCommandLineOption engine(QStringLiteral("engine"),
        QStringLiteral("The aoesan-engine to run (default: the installed one, or $AOESAN_ENGINE)."),
        QStringLiteral("PATH"));
    const QCommandLineOption polkitTimeout(QStringLiteral("polkit-timeout"),
        QStringLiteral("How long to wait for polkit, in ms (default 10000, 120000 while a password may be asked)."),
        QStringLiteral("MS"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
        QStringLiteral("trace, debug, info, warn, error (default info)."), QStringLiteral("LEVEL"));
    const QCommandLineOption kernelRoot(QStringLiteral("kernel-root"),
        QStringLiteral("Where the aoe driver's /sys and /dev files are (default /; tests give a made-up tree)."),
        QStringLiteral("DIR"));
    const QCommandLineOption modprobe(QStringLiteral("modprobe"),
        QStringLiteral("Load the aoe driver with this program, given modprobe's arguments (default: modprobe as "
                       "root, else systemd's aoesan-aoe@IFLIST.service)."),
        QStringLiteral("PROGRAM"));
    parser.addOptions({session, configDir, stateDir, interfaces, interval, noDiscovery, engine, polkitTimeout, logLevel,
        kernelRoot, modprobe});
    if (isHelpRequest(QCoreApplication::arguments().mid(1))) {
        std::printf("%s", qPrintable(commandHelpText(parser, QStringLiteral("aoesan-service"))));
        return ExitOk;
    }
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(parser.errorText() + QStringLiteral(" (try --help)"), ExitUsage);
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("aoesan-service %s\n", kVersionString);
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument '%1' (try --help)").arg(parser.positionalArguments().first()),
            ExitUsage);

    const bool onSession = parser.isSet(session);
    service::SanServiceOptions options;
    options.configDir = parser.isSet(configDir) ? parser.value(configDir)
        : onSession                             ? xdgDir("XDG_CONFIG_HOME", QStringLiteral("/.config"))
                                                : QStringLiteral("/etc/aoesan");
    options.stateDir = parser.isSet(stateDir) ? parser.value(stateDir)
        : onSession                           ? xdgDir("XDG_STATE_HOME", QStringLiteral("/.local/state"))
                                              : QStringLiteral("/var/lib/aoesan");
    for (const QString *dir : {&options.configDir, &options.stateDir}) {
        if (!QDir::isAbsolutePath(*dir))
            return fail(QStringLiteral("'%1' is not an absolute directory").arg(*dir), ExitUsage);
    }
    options.interfaces = parser.values(interfaces);
    options.discovery = !parser.isSet(noDiscovery);
    if (parser.isSet(interval)) {
        bool ok = false;
        const int seconds = parser.value(interval).toInt(&ok);
        if (!ok || seconds < service::kMinIntervalSeconds || seconds > service::kMaxIntervalSeconds)
            return fail(QStringLiteral("--interval must be %1 to %2 seconds")
                            .arg(service::kMinIntervalSeconds)
                            .arg(service::kMaxIntervalSeconds),
                ExitUsage);
        options.interval = std::chrono::seconds(seconds);
    }
    if (parser.isSet(kernelRoot)) {
        options.kernelRoot = parser.value(kernelRoot);
        if (!QDir::isAbsolutePath(options.kernelRoot) || !QFileInfo(options.kernelRoot).isDir())
            return fail(
                QStringLiteral("--kernel-root '%1' is not an absolute directory").arg(options.kernelRoot), ExitUsage);
    }
    if (parser.isSet(modprobe)) {
        const QString program = parser.value(modprobe);
        options.kernelLoader = [program](const QStringList &names) { return kernel::modprobeAoeWith(program, names); };
    } else if (::geteuid() != 0) {
        // The system service may not load modules: systemd does it in a unit of its own.
        options.kernelLoader = service::systemdAoeLoader(options.kernelRoot);
    }
    // Boot servers need root (DHCP and TFTP ports, dnsmasq's capabilities): the system service, which is not root,
    // has systemd run them (aoesan-boot@NAME.service); a service run as root, or a person's own, runs them itself.
    if (!onSession && ::geteuid() != 0)
        options.bootLauncher = [] { return service::systemdBootLauncher(); };
    service::PolkitAuthorizer::Timeouts timeouts;
    if (parser.isSet(polkitTimeout)) {
        bool ok = false;
        const int ms = parser.value(polkitTimeout).toInt(&ok);
        if (!ok || ms < 1)
            return fail(QStringLiteral("--polkit-timeout must be a number of milliseconds"), ExitUsage);
        timeouts.quiet = timeouts.interactive = std::chrono::milliseconds(ms);
    }
    // No log file: systemd's journal keeps stderr.
    log::LogOptions logOptions {"aoesan-service", std::nullopt, false, true};
    if (parser.isSet(logLevel)) {
        if (!log::parseLevel(parser.value(logLevel).toStdString()))
            return fail(QStringLiteral("unknown log level '%1'").arg(parser.value(logLevel)), ExitUsage);
        logOptions.level = parser.value(logLevel).toStdString();
    }
    log::initLogging(logOptions);
    // The unit's CAP_NET_RAW is for the engines (ambient, inherited); the service itself opens no raw socket.
    if (auto dropped = platform::dropEffectiveCapabilities(); !dropped)
        log::logger("service")->warn("{}", dropped.error());

    QDBusConnection bus = onSession ? QDBusConnection::sessionBus() : QDBusConnection::systemBus();
    if (!bus.isConnected())
        return fail(
            QStringLiteral("cannot reach the %1 bus: %2")
                .arg(onSession ? QStringLiteral("session") : QStringLiteral("system"), bus.lastError().message()));

    const QString enginePath = parser.isSet(engine) ? parser.value(engine) : supervisor::findEngine();
    if (enginePath.isEmpty())
        log::logger("service")->warn(
            "no aoesan-engine found ({}); exports and discovery will fail until it is installed",
            supervisor::engineSearchDescription().toStdString());
    const QString program = enginePath.isEmpty() ? QStringLiteral("aoesan-engine") : enginePath;
    supervisor::QProcessLauncher engines({program, {}});
    supervisor::QProcessProbeLauncher probes(program);
    supervisor::SteadySupervisorClock clock;
    platform::SystemBlockDevices devices;
    service::SanService san(options, engines, probes, clock, &devices);

    service::AllowAll allowAll;
    service::PolkitAuthorizer polkit(bus, timeouts);
    service::Authorizer &authorizer = onSession ? static_cast<service::Authorizer &>(allowAll) : polkit;
    service::DbusTree tree(san, authorizer, bus, onSession ? QStringLiteral("session") : QStringLiteral("system"));
    tree.setCaptureEngine(program);
    if (!tree.registerObjects())
        return fail(QStringLiteral("cannot register %1 on the bus").arg(QLatin1String(service::kRootPath)));
    san.start();
    // The name last: a client that sees it finds the whole tree already there.
    const auto claimed = bus.interface()->registerService(QLatin1String(service::kBusName),
        QDBusConnectionInterface::DontQueueService, QDBusConnectionInterface::DontAllowReplacement);
    if (!claimed.isValid() || claimed.value() != QDBusConnectionInterface::ServiceRegistered) {
        san.shutdown();
        return fail(QStringLiteral("cannot own the name %1 on the bus (%2). Another aoesan-service may be running, "
                                   "or the D-Bus policy (io.github.aoesan1.conf) does not let this user own it.")
                        .arg(QLatin1String(service::kBusName),
                            claimed.isValid() ? QStringLiteral("it is taken") : claimed.error().message()));
    }
    log::logger("service")->info("aoesan-service {} on the {} bus: {} exports, config {}", kVersionString,
        onSession ? "session" : "system", san.records().size(), options.configDir.toStdString());

    bool stopping = false;
    QObject::connect(&stopSignals, &platform::StopSignals::received, &app, [&](int signal) {
        if (stopping)
            return;
        stopping = true;
        log::logger("service")->info("{}: stopping every export", platform::signalName(signal).toStdString());
        san.shutdown();
    });
    QObject::connect(&san, &service::SanService::stopped, &app, [] { QCoreApplication::exit(ExitOk); });
    return QCoreApplication::exec();
}
