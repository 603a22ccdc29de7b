// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl boot serve: a boot server for one export in the foreground until SIGTERM or Ctrl+C (boot::BootServer:
// dnsmasq with a configuration of its own). One line per client on stdout; what it does on stderr.
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

#include "boot/BootEvents.h"
#include "boot/BootServer.h"
#include "cli/Command.h"
#include "cli/Commands.h"
#include "platform/StopSignals.h"
#include "service/DbusApi.h"
#include "service/ServiceClient.h"
#include "util/CommandHelp.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

namespace {

// Where and to whom a boot server answers: the options boot serve and boot start share.
struct WhereOptions
{
    QCommandLineOption iface {{QStringLiteral("i"), QStringLiteral("interface")},
        QStringLiteral("The interface the machines boot on (required; it needs an IPv4 address)."),
        QStringLiteral("IF")};
    QCommandLineOption range {QStringLiteral("range"),
        QStringLiteral("Hand out addresses FIRST to LAST: for a segment with no DHCP server of its own."),
        QStringLiteral("FIRST,LAST")};
    QCommandLineOption proxy {QStringLiteral("proxy"),
        QStringLiteral("Proxy DHCP: another DHCP server gives the addresses, this one only the boot information.")};
    QCommandLineOption mac {QStringLiteral("mac"),
        QStringLiteral("Answer only this machine (repeatable; default: every machine that asks)."),
        QStringLiteral("MAC")};
};

int runBootServe(const QStringList &args, const Console &console)
{
    const Command command("boot serve", console);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Boot machines from an AoE export over the network until Ctrl+C or SIGTERM: DHCP (or proxy DHCP) and TFTP\n"
        "on one interface through dnsmasq, with a configuration of its own (the system's dnsmasq is not used).\n"
        "iPXE clients get the root path (option 17, aoe:eX.Y) and sanboot it; PXE ROMs that are not iPXE get\n"
        "iPXE by TFTP first (undionly.kpxe for BIOS, ipxe.efi for UEFI, from Debian's package ipxe). One line is\n"
        "printed per client that asked, with what it was given. Needs root (the DHCP and TFTP ports).\n\n"
        "The same kept running by the aoesan service for an export, also across restarts (no root needed; polkit\n"
        "asks): aoesan-ctl boot start NAME -i IF (--range FIRST,LAST | --proxy) [--mac MAC]..., aoesan-ctl boot\n"
        "status NAME [--json], aoesan-ctl boot stop NAME."));
    const WhereOptions where;
    const QCommandLineOption &iface = where.iface, &range = where.range, &proxy = where.proxy, &mac = where.mac;
    const QCommandLineOption root(QStringLiteral("root"),
        QStringLiteral("What the machines boot: aoe:eSHELF.SLOT, e.g. aoe:e0.1 (required)."), QStringLiteral("URI"));
    const QCommandLineOption settings(QStringLiteral("settings"),
        QStringLiteral("Read -i, --root, --range or --proxy and --mac from this file (the service's boot/NAME.json;\n"
                       "aoesan-boot@NAME.service runs the boot server of an export this way)."),
        QStringLiteral("FILE"));
    const QCommandLineOption events(QStringLiteral("events"),
        QStringLiteral("Also write what happens to FILE as JSON Lines (started, client, failed), for the service."),
        QStringLiteral("FILE"));
    parser.addOptions({iface, root, range, proxy, mac, settings, events});
    if (const auto stop = command.parseArguments(parser, args))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return command.usageError("unexpected argument '" + parser.positionalArguments().first().toStdString() + "'");
    // The events file first, so that a failure to read the settings reaches the service too. It starts empty at
    // every run: its reader (the service) takes a shorter file as a new run.
    QFile eventsFile(parser.value(events));
    if (parser.isSet(events) && !eventsFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return command.failure(
            "cannot write " + parser.value(events).toStdString() + ": " + eventsFile.errorString().toStdString());
    const auto record = [&](boot::BootEvent event) {
        if (!eventsFile.isOpen())
            return;
        event.timeMs = QDateTime::currentMSecsSinceEpoch();
        eventsFile.write(boot::encodeBootEvent(event));
        eventsFile.flush();
    };
    Result<boot::BootServerOptions, QString> options = Unexpected(QString());
    if (parser.isSet(settings)) {
        if (parser.isSet(iface) || parser.isSet(root) || parser.isSet(range) || parser.isSet(proxy)
            || parser.isSet(mac))
            return command.usageError("--settings FILE gives the interface, the root path and the rest: give no -i, "
                                      "--root, --range, --proxy or --mac with it");
        const auto request = boot::readBootRequest(parser.value(settings));
        if (!request) {
            record(boot::BootEvent::failed(request.error()));
            return command.failure(request.error().toStdString());
        }
        options = boot::optionsFor(request.value());
    } else {
        if (parser.values(iface).size() != 1)
            return command.usageError("name the one interface the machines boot on with -i IF");
        if (!parser.isSet(root))
            return command.usageError("name what they boot with --root aoe:eSHELF.SLOT");
        options = boot::makeBootOptions(
            parser.value(iface), parser.value(root), parser.value(range), parser.isSet(proxy), parser.values(mac));
    }
    if (!options) {
        record(boot::BootEvent::failed(options.error()));
        return command.usageError(options.error().toStdString());
    }
    if (::geteuid() != 0) {
        const std::string why = "a DHCP and TFTP server needs root (ports 67 and 69): run it with sudo";
        record(boot::BootEvent::failed(QString::fromStdString(why)));
        command.error(why);
        return ExitNoPermission;
    }

    platform::StopSignals stopSignals;
    boot::BootServer server(options.value());
    int exitCode = ExitOk;
    QObject::connect(&server, &boot::BootServer::started, [&] {
        std::fprintf(command.err(), "aoesan-ctl boot serve: %s: %s, TFTP iPXE for PXE ROMs%s\n",
            qPrintable(server.options().rootPath), qPrintable(server.describe()),
            server.options().macs.isEmpty()
                ? ""
                : qPrintable(QStringLiteral("; only %1").arg(server.options().macs.join(QStringLiteral(", ")))));
        record(boot::BootEvent::started(server.describe()));
    });
    QObject::connect(&server, &boot::BootServer::client, [&](const boot::BootClientEvent &event) {
        std::fprintf(command.out(), "%s\n", qPrintable(event.text()));
        std::fflush(command.out());
        record(boot::BootEvent::clientAsked(event));
    });
    QObject::connect(&server, &boot::BootServer::failed, [&](const QString &why) {
        command.error(why.toStdString());
        record(boot::BootEvent::failed(why));
        exitCode = ExitFailed;
        QCoreApplication::exit(exitCode);
    });
    QObject::connect(&stopSignals, &platform::StopSignals::received, [&](int) { QCoreApplication::exit(ExitOk); });
    if (const auto started = server.start(); !started) {
        record(boot::BootEvent::failed(started.error()));
        return command.failure(started.error().toStdString());
    }
    const int code = QCoreApplication::exec();
    server.stop();
    return code != ExitOk ? code : exitCode;
}

// boot start|stop|status: an export's boot server run by the aoesan service (Export.StartBoot), which keeps it
// running across restarts, as the GUI's "Network boot…" does.
std::optional<service::ServiceClient> serviceFor(const Command &command)
{
    const auto bus = service::ServiceClient::findService();
    if (!bus) {
        command.error("no aoesan service answers: `boot start/stop/status` run an export's boot server through it "
                      "(sudo systemctl start aoesan); `aoesan-ctl boot serve` runs one in the foreground without it");
        return std::nullopt;
    }
    return std::make_optional<service::ServiceClient>(*bus);
}

int runBootStart(const QStringList &args, const Console &console)
{
    const Command command("boot start", console);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Have the aoesan service run the network boot server of export NAME (aoesan-ctl exports list):\n"
                       "the machines boot aoe:eSHELF.SLOT of that export. It runs until `aoesan-ctl boot stop NAME`,\n"
                       "also after a restart of the service. What it serves and who asked: aoesan-ctl boot status."));
    const WhereOptions where;
    const QCommandLineOption &iface = where.iface, &range = where.range, &proxy = where.proxy, &mac = where.mac;
    parser.addOptions({iface, range, proxy, mac});
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The export the machines boot."));
    if (const auto stop = command.parseArguments(parser, args))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return command.usageError("name the one export the machines boot: aoesan-ctl boot start NAME -i IF ...");
    if (parser.values(iface).size() != 1)
        return command.usageError("name the one interface the machines boot on with -i IF");
    if (parser.isSet(proxy) == parser.isSet(range))
        return command.usageError("give either --range FIRST,LAST (this segment has no DHCP server of its own) or "
                                  "--proxy (another DHCP server hands out the addresses)");
    QVariantMap options {{QLatin1String(service::boot_key::kInterface), parser.value(iface)}};
    if (parser.isSet(range))
        options.insert(QLatin1String(service::boot_key::kRange), parser.value(range));
    if (parser.isSet(proxy))
        options.insert(QLatin1String(service::boot_key::kProxy), true);
    if (parser.isSet(mac))
        options.insert(QLatin1String(service::boot_key::kMacs), parser.values(mac));
    auto client = serviceFor(command);
    if (!client)
        return ExitFailed;
    const QString name = parser.positionalArguments().first();
    if (const auto done = client->startBoot(name, options); !done) {
        command.error(done.error().message.toStdString());
        return service::exitCodeFor(done.error());
    }
    std::fprintf(
        command.out(), "boot server of '%s' started (aoesan-ctl boot status %s)\n", qPrintable(name), qPrintable(name));
    return ExitOk;
}

int runBootStop(const QStringList &args, const Console &console)
{
    const Command command("boot stop", console);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Stop the network boot server the aoesan service runs for export NAME, and forget it."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The export."));
    if (const auto stop = command.parseArguments(parser, args))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return command.usageError("name the one export: aoesan-ctl boot stop NAME");
    auto client = serviceFor(command);
    if (!client)
        return ExitFailed;
    if (const auto done = client->stopBoot(parser.positionalArguments().first()); !done) {
        command.error(done.error().message.toStdString());
        return service::exitCodeFor(done.error());
    }
    return ExitOk;
}

int runBootStatus(const QStringList &args, const Console &console)
{
    const Command command("boot status", console);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Show the network boot server of export NAME: its state, what it serves, the machines that asked\n"
        "(the last 50) and the iPXE script that boots the export from another DHCP server's setup."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("The service's Boot JSON as it is."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The export."));
    if (const auto stop = command.parseArguments(parser, args))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return command.usageError("name the one export: aoesan-ctl boot status NAME");
    auto client = serviceFor(command);
    if (!client)
        return ExitFailed;
    const auto boot = client->bootOf(parser.positionalArguments().first());
    if (!boot) {
        command.error(boot.error().message.toStdString());
        return service::exitCodeFor(boot.error());
    }
    if (parser.isSet(json)) {
        std::fprintf(command.out(), "%s\n", qPrintable(boot.value()));
        return ExitOk;
    }
    const QJsonObject o = QJsonDocument::fromJson(boot->toUtf8()).object();
    const auto text = [&](const char *key) { return o.value(QLatin1String(key)).toString(); };
    std::fprintf(command.out(), "state:     %s\n", qPrintable(text(service::boot_key::kState)));
    std::fprintf(command.out(), "boots:     %s\n", qPrintable(text(service::boot_key::kRootPath)));
    if (!text(service::boot_key::kServing).isEmpty())
        std::fprintf(command.out(), "serving:   %s\n", qPrintable(text(service::boot_key::kServing)));
    if (!text(service::boot_key::kError).isEmpty())
        std::fprintf(command.out(), "error:     %s\n", qPrintable(text(service::boot_key::kError)));
    QStringList macs;
    for (const auto &m : o.value(QLatin1String(service::boot_key::kMacs)).toArray())
        macs << m.toString();
    if (!macs.isEmpty())
        std::fprintf(command.out(), "only:      %s\n", qPrintable(macs.join(QStringLiteral(", "))));
    for (const auto &c : o.value(QLatin1String(service::boot_key::kClients)).toArray()) {
        const QJsonObject asked = c.toObject();
        std::fprintf(command.out(), "client:    %s %s\n",
            qPrintable(QDateTime::fromMSecsSinceEpoch(asked.value(QLatin1String("time")).toInteger())
                           .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
            qPrintable(asked.value(QLatin1String("text")).toString()));
    }
    std::fprintf(command.out(), "iPXE script:\n%s", qPrintable(text(service::boot_key::kScript)));
    return ExitOk;
}

} // namespace

int runBoot(const QStringList &args, const Console &console)
{
    const Command command("boot", console);
    // serve is the one boot command: its help is the help of boot (and of the manual page's section).
    if (isHelpRequest(args))
        return runBootServe({QStringLiteral("--help")}, console);
    if (args.isEmpty())
        return command.usageError("say what to do: aoesan-ctl boot serve -i IF --root aoe:eX.Y (--range FIRST,LAST | "
                                  "--proxy)");
    if (args.first() == QLatin1String("serve"))
        return runBootServe(args.mid(1), console);
    if (args.first() == QLatin1String("start"))
        return runBootStart(args.mid(1), console);
    if (args.first() == QLatin1String("stop"))
        return runBootStop(args.mid(1), console);
    if (args.first() == QLatin1String("status"))
        return runBootStatus(args.mid(1), console);
    return command.usageError("unknown boot command '" + args.first().toStdString()
        + "' (try: aoesan-ctl boot serve, start, stop or status)");
}

} // namespace aoesan::cli
