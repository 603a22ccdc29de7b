// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProbeMode.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <cerrno>
#include <cstdio>
#include <memory>
#include <unistd.h>
#include <vector>

#include "discovery/DiscoveryService.h"
#include "discovery/ProbeEvent.h"
#include "discovery/ProbeRequest.h"
#include "discovery/TargetRequests.h"
#include "initiator/SystemClock.h"
#include "log/Logging.h"
#include "net/PacketCapability.h"
#include "net/PcapTransport.h"
#include "net/TransportErrorWord.h"
#include "platform/Privileges.h"
#include "util/CommandHelp.h"
#include "util/ErrorWords.h"
#include "util/ExitCode.h"

namespace aoesan::engine {

namespace {

constexpr qsizetype kMaxCommandBytes = 8192; // the longest valid command (255 MACs, 1 KiB encoded) is ~4.6 KiB

// One event per line, flushed at once: the reader acts on each line as it comes.
void emitLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void emitEvent(const discovery::ProbeEvent &event)
{
    emitLine(discovery::probeEventLine(event));
}

// What TargetRequests answers with (reply, request-error: discovery/ProbeRequest.h).
void emitObject(const QJsonObject &event)
{
    emitLine(QJsonDocument(event).toJson(QJsonDocument::Compact));
}

// Exit codes are util/ExitCode.h's: no permission is 3, as for `serve`, since restarting will not help.
int fail(const char *code, const std::string &message, const std::string &fix, int exitCode)
{
    emitEvent(discovery::probe::Error {
        QString::fromLatin1(code), QString::fromStdString(message), QString::fromStdString(fix)});
    std::fprintf(stderr, "aoesan-engine probe: %s%s%s\n", message.c_str(), fix.empty() ? "" : ". ", fix.c_str());
    return exitCode;
}

} // namespace

int runProbe(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Discover AoE targets on the given interfaces and write one JSON object per event on stdout\n"
                       "(docs/probe-events.md) until stdin closes. On stdin, a line \"probe\" probes at once,\n"
                       "\"forget-down\" forgets the targets that are down, and identify, config, config-set, mask,\n"
                       "mask-edit, reserve and reserve-set act on one target (answered by reply or request-error).\n")
        + QString::fromLatin1(kExitCodeHelp));
    parser.addHelpOption();
    const QCommandLineOption iface({QStringLiteral("i"), QStringLiteral("interface")},
        QStringLiteral("Ethernet interface to watch (repeat for several)."), QStringLiteral("IFACE"));
    const QCommandLineOption interval(QStringLiteral("interval"),
        QStringLiteral("Seconds between probes (default 10); down after 3 intervals."), QStringLiteral("SECS"),
        QStringLiteral("10"));
    const QCommandLineOption maxTargets(QStringLiteral("max-targets"),
        QStringLiteral("The most targets to keep (default 4096, 16 to 1048576): answers from further new "
                       "shelf.slots are refused and counted, against a station forging config replies."),
        QStringLiteral("N"), QString::number(discovery::kDefaultMaxTargets));
    parser.addOptions({iface, interval, maxTargets});
    const bool parsed = parser.parse(QStringList {QStringLiteral("aoesan-engine probe")} + args);
    // Help first, before the log file or a socket is opened.
    if (parser.isSet(QStringLiteral("help")) || (!parsed && isHelpRequest(args))) {
        std::printf("%s", qPrintable(commandHelpText(parser, QStringLiteral("aoesan-engine probe"))));
        return ExitOk;
    }
    // stdout is the event stream: logs go to stderr (and the file) only.
    log::initLogging({"aoesan-engine", std::nullopt, true, true});
    if (!parsed)
        return fail(error_word::kBadArguments, parser.errorText().toStdString(), {}, ExitUsage);
    bool ok = false;
    const double seconds = parser.value(interval).toDouble(&ok);
    if (!ok || seconds < 0.05 || seconds > 3600)
        return fail(error_word::kBadArguments, "--interval needs 0.05 to 3600 seconds", {}, ExitUsage);
    const unsigned keep = parser.value(maxTargets).toUInt(&ok);
    if (!ok || keep < discovery::kMinMaxTargets || keep > discovery::kMaxMaxTargets)
        return fail(error_word::kBadArguments, discovery::maxTargetsNeeds(parser.value(maxTargets).toStdString()), {},
            ExitUsage);
    const QStringList names = parser.values(iface);
    if (names.isEmpty())
        return fail(error_word::kBadArguments, "name at least one interface with -i IFACE", {}, ExitUsage);

    if (const auto refused = net::checkPacketCapability(QCoreApplication::applicationFilePath().toStdString()))
        return fail(error_word::kNoPermission, refused->message, refused->fix, ExitNoPermission);
    std::vector<std::unique_ptr<net::PcapTransport>> transports;
    for (const QString &name : names) {
        auto opened = net::PcapTransport::open(name.toStdString());
        if (!opened) {
            const auto &e = opened.error();
            return fail(net::errorWord(e.code), e.message, e.fix,
                e.code == net::TransportError::Code::NoPermission ? ExitNoPermission : ExitFailed);
        }
        transports.push_back(std::move(opened).value());
    }
    // The sockets are open: nothing later needs a privilege (the dumpcap model).
    if (auto dropped = platform::dropAllCapabilities(); !dropped)
        emitEvent(discovery::probe::Warning {
            QStringLiteral("could not drop capabilities: %1").arg(QString::fromStdString(dropped.error())), {}});

    initiator::SystemClock clock;
    initiator::Initiator initiator(clock);
    discovery::DiscoveryOptions options;
    options.interval = std::chrono::duration_cast<initiator::Duration>(std::chrono::duration<double>(seconds));
    options.maxTargets = keep;
    discovery::DiscoveryService service(initiator, clock, options);
    QObject context;
    using discovery::DiscoveryService;
    using discovery::TargetInfo;
    using Kind = discovery::probe::TargetEvent::Kind;
    const auto say = [](Kind kind) {
        return [kind](const TargetInfo &t) { emitEvent(discovery::probe::TargetEvent {kind, t}); };
    };
    QObject::connect(&service, &DiscoveryService::added, &context, say(Kind::Added));
    QObject::connect(&service, &DiscoveryService::changed, &context, say(Kind::Changed));
    QObject::connect(&service, &DiscoveryService::stateChanged, &context, say(Kind::State));
    QObject::connect(&service, &DiscoveryService::removed, &context, say(Kind::Removed));
    QObject::connect(&service, &DiscoveryService::rttMeasured, &context, say(Kind::Rtt));
    QObject::connect(&service, &DiscoveryService::limitChanged, &context,
        [](const discovery::DiscoveryLimit &limit) { emitEvent(discovery::probe::Limit {limit}); });
    QObject::connect(
        &service, &DiscoveryService::transportFailed, &context, [](const QString &name, const QString &message) {
            emitEvent(discovery::probe::Warning {message, name});
        });

    // Commands on stdin, one a line (discovery/ProbeRequest.h); a bad line gets a request-error event.
    discovery::TargetRequests requests(initiator, service, &emitObject);
    const auto runCommand = [&](const QByteArray &line) {
        if (line.trimmed().isEmpty())
            return;
        const auto request = discovery::parseProbeRequest(line);
        if (!request) {
            const auto &e = request.error();
            emitEvent(discovery::RequestFailure {e.id, discovery::requestKind(e.request), std::nullopt,
                QString::fromLatin1(discovery::request_error::kBadRequest), e.message, {}, std::nullopt});
            return;
        }
        switch (request->kind) {
        case discovery::ProbeRequest::Kind::Probe:
            service.probeNow();
            break;
        case discovery::ProbeRequest::Kind::ForgetDown:
            service.forgetDown();
            break;
        default:
            requests.run(*request);
            break;
        }
    };

    // stdin is the lifeline: when the reader goes away (EOF or error), so does the probe.
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QByteArray pending;
    QObject::connect(&input, &QSocketNotifier::activated, &context, [&] {
        char buffer[512];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        if (n <= 0) {
            input.setEnabled(false);
            QCoreApplication::exit(0);
            return;
        }
        pending.append(buffer, static_cast<qsizetype>(n));
        for (qsizetype eol = pending.indexOf('\n'); eol >= 0; eol = pending.indexOf('\n')) {
            runCommand(pending.left(eol));
            pending.remove(0, eol + 1);
        }
        // A reader that never ends its line does not grow the buffer without bound.
        if (pending.size() > kMaxCommandBytes) {
            runCommand(pending);
            pending.clear();
        }
    });

    discovery::probe::Started started;
    started.pid = QCoreApplication::applicationPid();
    started.interval = std::chrono::duration_cast<std::chrono::milliseconds>(options.interval);
    for (const auto &t : transports) {
        service.addTransport(t.get());
        started.interfaces.push_back(
            {QString::fromStdString(t->interfaceName()), QString::fromStdString(t->localMac().toString()), t->mtu()});
    }
    emitEvent(started);
    service.start();
    const int code = QCoreApplication::exec();
    emitEvent(discovery::probe::Stopped {QString::fromLatin1(discovery::probe::kStopReasonStdinClosed)});
    return code;
}

} // namespace aoesan::engine
