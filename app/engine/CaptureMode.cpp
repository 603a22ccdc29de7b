// SPDX-License-Identifier: GPL-3.0-or-later
#include "CaptureMode.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <cstdio>
#include <unistd.h>

#include "log/Logging.h"
#include "net/CaptureEvents.h"
#include "net/LiveCapture.h"
#include "net/PacketCapability.h"
#include "net/PcapFile.h"
#include "net/TransportErrorWord.h"
#include "platform/Privileges.h"
#include "platform/StopSignals.h"
#include "util/CommandHelp.h"
#include "util/ErrorWords.h"
#include "util/ExitCode.h"

namespace aoesan::engine {

namespace {

constexpr int kCountersMs = 500;

void say(const net::CaptureEvent &event)
{
    const QByteArray line = net::encodeCaptureEvent(event);
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);
}

int fail(const char *code, const QString &message, const QString &fix, int exitCode)
{
    net::CaptureEvent e;
    e.kind = net::CaptureEvent::Kind::Error;
    e.code = QLatin1String(code);
    e.message = message;
    e.fix = fix;
    say(e);
    std::fprintf(stderr, "aoesan-engine capture: %s\n", qPrintable(message));
    return exitCode;
}

} // namespace

int runCapture(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Capture AoE frames on one interface as pcap onto a file descriptor, with events as JSON Lines on stdout\n"
        "(docs/capture-events.md), until stdin closes, SIGTERM, --seconds or --count. aoesan-service runs it for\n"
        "Manager.StartCapture; people use aoesan-ctl capture."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption iface({QStringLiteral("i"), QStringLiteral("interface")},
        QStringLiteral("The interface (required)."), QStringLiteral("IFACE"));
    const QCommandLineOption boot(
        QStringLiteral("boot"), QStringLiteral("Also DHCP, proxy DHCP, TFTP (any UDP) and ARP."));
    const QCommandLineOption target(QStringLiteral("target"),
        QStringLiteral("Only this target's frames and the broadcasts it answers."), QStringLiteral("SHELF.SLOT"));
    const QCommandLineOption seconds(
        QStringLiteral("seconds"), QStringLiteral("Stop after this many seconds."), QStringLiteral("N"));
    const QCommandLineOption count(
        QStringLiteral("count"), QStringLiteral("Stop after this many frames."), QStringLiteral("N"));
    const QCommandLineOption fd(QStringLiteral("pcap-fd"),
        QStringLiteral("Write the pcap file onto this open file descriptor (required)."), QStringLiteral("FD"));
    parser.addOptions({iface, boot, target, seconds, count, fd});
    const bool parsed = parser.parse(QStringList {QStringLiteral("aoesan-engine capture")} + args);
    if (parser.isSet(help)) {
        std::printf("%s", qPrintable(commandHelpText(parser, QStringLiteral("aoesan-engine capture"))));
        return ExitOk;
    }
    // stdout is the event stream: logs go to stderr (and the file) only.
    log::initLogging({"aoesan-engine", std::nullopt, true, true});
    if (!parsed)
        return fail(error_word::kBadArguments, parser.errorText(), {}, ExitUsage);
    if (parser.values(iface).size() != 1)
        return fail(error_word::kBadArguments, QStringLiteral("name the one interface with -i IFACE"), {}, ExitUsage);
    bool ok = false;
    const int pcapFd = parser.value(fd).toInt(&ok);
    if (!ok || pcapFd < 0)
        return fail(
            error_word::kBadArguments, QStringLiteral("--pcap-fd needs an open file descriptor"), {}, ExitUsage);
    net::CaptureFilter filter;
    filter.boot = parser.isSet(boot);
    if (parser.isSet(target)) {
        const QStringList parts = parser.value(target).split(QLatin1Char('.'));
        bool okShelf = false;
        bool okSlot = false;
        const uint shelf = parts.size() == 2 ? parts[0].toUInt(&okShelf) : 0;
        const uint slot = parts.size() == 2 ? parts[1].toUInt(&okSlot) : 0;
        if (!okShelf || !okSlot || shelf > 65534 || slot > 254)
            return fail(error_word::kBadArguments,
                QStringLiteral("--target needs SHELF.SLOT (shelf 0-65534, slot 0-254), not '%1'")
                    .arg(parser.value(target)),
                {}, ExitUsage);
        filter.shelf = static_cast<std::uint16_t>(shelf);
        filter.slot = static_cast<std::uint8_t>(slot);
    }
    std::uint64_t maxFrames = 0;
    if (parser.isSet(count)) {
        maxFrames = parser.value(count).toULongLong(&ok);
        if (!ok || maxFrames == 0)
            return fail(error_word::kBadArguments, QStringLiteral("--count needs a number of frames"), {}, ExitUsage);
    }
    int limitMs = 0;
    if (parser.isSet(seconds)) {
        const uint s = parser.value(seconds).toUInt(&ok);
        if (!ok || s == 0 || s > 86400)
            return fail(error_word::kBadArguments, QStringLiteral("--seconds needs 1 to 86400"), {}, ExitUsage);
        limitMs = static_cast<int>(s) * 1000;
    }

    platform::StopSignals stopSignals;
    const QString interface = parser.value(iface);
    auto opened = net::LiveCapture::open(interface.toStdString(), filter);
    if (!opened) {
        const auto &e = opened.error();
        return fail(net::errorWord(e.code), QString::fromStdString(e.message), QString::fromStdString(e.fix),
            e.code == net::TransportError::Code::NoPermission ? ExitNoPermission : ExitFailed);
    }
    const std::unique_ptr<net::LiveCapture> capture = std::move(opened).value();
    // The capture is open: nothing later needs a privilege (the dumpcap model).
    if (auto dropped = platform::dropAllCapabilities(); !dropped)
        std::fprintf(stderr, "aoesan-engine capture: could not drop capabilities: %s\n", dropped.error().c_str());
    auto created = net::PcapWriter::createOnFd(pcapFd);
    if (!created)
        return fail(error_word::kIo, QString::fromStdString(created.error()), {}, ExitFailed);
    const std::unique_ptr<net::PcapWriter> writer = std::move(created).value();

    net::CaptureEvent started;
    started.kind = net::CaptureEvent::Kind::Started;
    started.interface = interface;
    started.filter = net::captureFilterText(filter.shelf, filter.slot, filter.boot);
    say(started);
    QString reason = QStringLiteral("stdin-closed");
    const auto counters = [&](net::CaptureEvent::Kind kind) {
        net::CaptureEvent e;
        e.kind = kind;
        e.frames = capture->frames();
        e.dropped = capture->dropped();
        e.reason = kind == net::CaptureEvent::Kind::Stopped ? reason : QString();
        say(e);
    };
    QObject::connect(capture.get(), &net::LiveCapture::frame, capture.get(),
        [&](std::span<const std::uint8_t> bytes, std::chrono::microseconds timestamp) {
            writer->write(bytes, timestamp);
            if (maxFrames && capture->frames() >= maxFrames) {
                reason = QStringLiteral("count");
                QCoreApplication::exit(ExitOk);
            }
        });
    QTimer tick;
    tick.setInterval(kCountersMs);
    QObject::connect(&tick, &QTimer::timeout, capture.get(), [&] {
        writer->flush(); // a reader of the growing file sees what came so far
        counters(net::CaptureEvent::Kind::Counters);
    });
    tick.start();
    QObject::connect(&stopSignals, &platform::StopSignals::received, capture.get(), [&](int) {
        reason = QStringLiteral("signal");
        QCoreApplication::exit(ExitOk);
    });
    if (limitMs > 0)
        QTimer::singleShot(limitMs, capture.get(), [&] {
            reason = QStringLiteral("seconds");
            QCoreApplication::exit(ExitOk);
        });
    // stdin is the lifeline: when the reader goes away, so does the capture.
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, capture.get(), [&] {
        char buffer[256];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        if (n <= 0) {
            input.setEnabled(false);
            QCoreApplication::exit(ExitOk);
        }
    });
    QCoreApplication::exec();
    writer->flush();
    counters(net::CaptureEvent::Kind::Stopped);
    return ExitOk;
}

} // namespace aoesan::engine
