// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl stat: discover the targets on the chosen interfaces and print them exactly as aoe-stat does
// (or as JSON), as soon as the answers stop coming: about a second of quiet after the last new answer
// or IDENTIFY, never longer than --wait.
#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

#include "cli/Commands.h"
#include "cli/Session.h"
#include "discovery/DiscoveryService.h"
#include "discovery/StatReport.h"
#include "discovery/TargetJson.h"
#include "kernel/AoeDriver.h"
#include "kernel/KernelStat.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

namespace {

int printKernelView(const Command &command, const QRegularExpression &filter, bool json)
{
    const kernel::AoeDriver driver;
    if (!driver.loaded())
        return command.failure("the aoe driver is not loaded (`aoesan-ctl attach SHELF.SLOT -i IFACE` loads it)");
    const auto devices = driver.devices();
    if (json) {
        std::vector<kernel::KernelDevice> kept;
        for (const auto &d : devices) {
            if (!kernel::kernelStatReport({d}, filter).empty())
                kept.push_back(d);
        }
        std::fprintf(command.out(), "%s",
            QJsonDocument(kernel::devicesToJson(kept)).toJson(QJsonDocument::Indented).constData());
        return ExitOk;
    }
    const std::string report = kernel::kernelStatReport(devices, filter);
    std::fputs(report.c_str(), command.out());
    if (devices.empty())
        return command.failure("the aoe driver has no devices");
    return report.empty() ? ExitFailed : ExitOk;
}

} // namespace

int runStat(const QStringList &args, const Console &console)
{
    const Command command("stat", console);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Discover AoE targets and print them in aoe-stat's format, sorted by shelf and slot:\n"
                       "device, size (10^9-byte GB), interfaces, payload bytes per frame, state.\n"
                       "Finishes about a second after the last answer. Needs no aoe kernel driver.\n"
                       "With --kernel: the devices the Linux aoe driver has, read from sysfs."));
    const QCommandLineOption iface = interfaceOption(InterfaceChoice::AllUp);
    const QCommandLineOption wait(QStringLiteral("wait"),
        QStringLiteral("Wait at most this many seconds for answers (default 5)."), QStringLiteral("SECS"),
        QStringLiteral("5"));
    const QCommandLineOption quiet(QStringLiteral("quiet"),
        QStringLiteral("Seconds without a new answer that end the wait (default 1)."), QStringLiteral("SECS"),
        QStringLiteral("1"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array for scripts."));
    const QCommandLineOption kernelView(QStringLiteral("kernel"),
        QStringLiteral("Print the Linux aoe driver's devices instead, exactly as aoe-stat does (states such as up,\n"
                       "down, down,closewait); sends nothing."));
    const QCommandLineOption maxTargets(QStringLiteral("max-targets"),
        QStringLiteral("The most targets to list (default 4096, 16 to 1048576): answers from further new\n"
                       "shelf.slots are refused, against a station forging config replies."),
        QStringLiteral("N"), QString::number(discovery::kDefaultMaxTargets));
    parser.addOptions({iface, wait, quiet, json, kernelView, maxTargets});
    parser.addPositionalArgument(QStringLiteral("REGEX"),
        QStringLiteral("Print only the lines this regular expression matches."), QStringLiteral("[REGEX]"));
    if (const auto stop = command.parseArguments(parser, args))
        return *stop;
    const auto maxWait = command.seconds(parser, wait);
    const auto quietTime = command.seconds(parser, quiet);
    if (!maxWait || !quietTime)
        return ExitUsage;
    const auto keep = wholeNumber(parser.value(maxTargets), discovery::kMinMaxTargets, discovery::kMaxMaxTargets);
    if (!keep)
        return command.usageError(discovery::maxTargetsNeeds(parser.value(maxTargets).toStdString()));
    if (parser.positionalArguments().size() > 1)
        return command.usageError("at most one REGEX");
    QRegularExpression filter;
    if (!parser.positionalArguments().isEmpty()) {
        filter.setPattern(parser.positionalArguments().first());
        if (!filter.isValid())
            return command.usageError("bad REGEX: " + filter.errorString().toStdString());
    }
    if (parser.isSet(kernelView)) {
        if (parser.isSet(iface) || parser.isSet(wait) || parser.isSet(quiet) || parser.isSet(maxTargets))
            return command.usageError(
                "--kernel reads the aoe driver's devices: -i, --wait, --quiet and --max-targets do not apply");
        return printKernelView(command, filter, parser.isSet(json));
    }
    // Without -i: every Ethernet interface that is up, as a person at a terminal expects.
    const auto names = chooseInterfaces(command, parser.values(iface), InterfaceChoice::AllUp);
    if (!names)
        return names.error();
    auto opened = Session::open(command, names.value());
    if (!opened)
        return opened.error();
    const std::unique_ptr<Session> session = std::move(opened).value();

    discovery::DiscoveryOptions options;
    options.interval = *maxWait + std::chrono::seconds(1); // one pass: no second round within the wait
    options.maxTargets = *keep;
    discovery::DiscoveryService service(session->initiator(), session->clock(), options);
    for (auto *t : session->transports())
        service.addTransport(t);

    const auto started = session->clock().now();
    auto lastActivity = started;
    const auto noteActivity = [&] { lastActivity = session->clock().now(); };
    QObject::connect(&service, &discovery::DiscoveryService::added, session.get(), noteActivity);
    QObject::connect(&service, &discovery::DiscoveryService::changed, session.get(), noteActivity);
    QObject::connect(&service, &discovery::DiscoveryService::transportFailed, session.get(),
        [&](const QString &name, const QString &message) {
            command.error(name.toStdString() + ": " + message.toStdString());
            session->finish(ExitFailed);
        });
    QTimer poll;
    poll.setInterval(std::chrono::milliseconds(20));
    QObject::connect(&poll, &QTimer::timeout, session.get(), [&] {
        const auto now = session->clock().now();
        const bool settled = service.pendingIdentifies() == 0 && now - lastActivity >= *quietTime;
        if (settled || now - started >= *maxWait)
            session->finish(ExitOk);
    });
    service.start();
    poll.start();
    const int code = session->exec();
    if (code != ExitOk)
        return code;

    const auto targets = service.targets();
    if (parser.isSet(json)) {
        std::vector<discovery::TargetInfo> kept;
        for (const auto &t : targets) {
            if (!discovery::statReport({t}, filter).empty())
                kept.push_back(t);
        }
        std::fprintf(command.out(), "%s",
            QJsonDocument(discovery::targetsToJson(kept)).toJson(QJsonDocument::Indented).constData());
        return ExitOk;
    }
    const std::string report = discovery::statReport(targets, filter);
    std::fputs(report.c_str(), command.out());
    if (targets.empty())
        return command.failure("no AoE target answered on " + session->interfaceList());
    // Like aoe-stat's closing grep: nothing printed is a non-zero exit.
    return report.empty() ? ExitFailed : ExitOk;
}

} // namespace aoesan::cli
