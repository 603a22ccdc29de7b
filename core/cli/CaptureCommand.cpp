// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl capture: AoE frames (and with --boot DHCP/TFTP/ARP) from one interface to a pcap file that Wireshark
// and tshark read, for a person finding out why a target does not answer or a machine does not boot. Runs
// until SIGINT/SIGTERM, --seconds or --count; the file's path is the last line on stdout.
#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <unistd.h>

#include "cli/Commands.h"
#include "cli/Session.h"
#include "cli/TargetAddress.h"
#include "net/LiveCapture.h"
#include "net/PcapFile.h"
#include "platform/StopSignals.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

int runCapture(const QStringList &args, const Console &console)
{
    const Command command("capture", console);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write the AoE frames seen on an interface to a pcap file for Wireshark or tshark, until Ctrl+C,\n"
        "--seconds or --count. With SHELF.SLOT: that target's frames and the broadcasts it answers. The\n"
        "interface is put in promiscuous mode, so other hosts' traffic with a target is seen too. The file's\n"
        "path is the last line printed."));
    const QCommandLineOption iface({QStringLiteral("i"), QStringLiteral("interface")},
        QStringLiteral("The Ethernet interface to capture on (required)."), QStringLiteral("IFACE"));
    const QCommandLineOption file({QStringLiteral("w"), QStringLiteral("write")},
        QStringLiteral("The pcap file to write (default: aoesan-IFACE-DATE-TIME.pcap here)."), QStringLiteral("FILE"));
    const QCommandLineOption seconds(
        QStringLiteral("seconds"), QStringLiteral("Stop after this many seconds."), QStringLiteral("N"));
    const QCommandLineOption count(
        QStringLiteral("count"), QStringLiteral("Stop after this many frames."), QStringLiteral("N"));
    const QCommandLineOption boot(QStringLiteral("boot"),
        QStringLiteral("Also capture network boot traffic: DHCP, proxy DHCP, TFTP (any UDP) and ARP."));
    parser.addOptions({iface, file, seconds, count, boot});
    parser.addPositionalArgument(QStringLiteral("SHELF.SLOT"), QStringLiteral("Only this target's frames, e.g. 7.3."),
        QStringLiteral("[SHELF.SLOT]"));
    if (const auto stop = command.parseArguments(parser, args))
        return *stop;
    const QStringList interfaces = parser.values(iface);
    if (interfaces.size() != 1)
        return command.usageError("name the one interface to capture on with -i IFACE");
    std::optional<initiator::Duration> limit;
    if (parser.isSet(seconds)) {
        limit = command.seconds(parser, seconds);
        if (!limit)
            return ExitUsage;
    }
    std::uint64_t maxFrames = 0;
    if (parser.isSet(count)) {
        bool ok = false;
        maxFrames = parser.value(count).toULongLong(&ok);
        if (!ok || maxFrames == 0)
            return command.usageError(
                "--count needs a number of frames, not '" + parser.value(count).toStdString() + "'");
    }
    net::CaptureFilter filter;
    filter.boot = parser.isSet(boot);
    if (parser.positionalArguments().size() > 1)
        return command.usageError("at most one SHELF.SLOT");
    if (!parser.positionalArguments().isEmpty()) {
        const auto address = parseTargetAddress(parser.positionalArguments().first());
        if (!address)
            return command.usageError("'" + parser.positionalArguments().first().toStdString()
                + "' is not SHELF.SLOT (shelf 0-65534, slot 0-254)");
        filter.shelf = address->shelf;
        filter.slot = address->slot;
    }
    const QString interface = interfaces.first();
    const QString path = parser.isSet(file)
        ? parser.value(file)
        : QStringLiteral("aoesan-%1-%2.pcap")
              .arg(interface, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));

    platform::StopSignals stopSignals;
    auto opened = net::LiveCapture::open(interface.toStdString(), filter);
    if (!opened) {
        command.error(opened.error().describe());
        return exitCodeFor(opened.error());
    }
    const std::unique_ptr<net::LiveCapture> capture = std::move(opened).value();
    auto created = net::PcapWriter::create(path.toStdString());
    if (!created)
        return command.failure(created.error());
    const std::unique_ptr<net::PcapWriter> writer = std::move(created).value();

    std::fprintf(command.err(), "aoesan-ctl capture: %s on %s to %s (%s)\n",
        filter.shelf ? ("e" + std::to_string(*filter.shelf) + "." + std::to_string(*filter.slot) + "'s frames").c_str()
                     : (filter.boot ? "AoE and network boot frames" : "AoE frames"),
        qPrintable(interface), qPrintable(path), limit || maxFrames ? "stops by itself or on Ctrl+C" : "Ctrl+C stops");
    // A live count where a person watches; scripts get the summary only.
    const bool live = ::isatty(::fileno(command.err())) != 0;
    QObject::connect(capture.get(), &net::LiveCapture::frame, capture.get(),
        [&](std::span<const std::uint8_t> bytes, std::chrono::microseconds timestamp) {
            writer->write(bytes, timestamp);
            if (maxFrames && capture->frames() >= maxFrames)
                QCoreApplication::exit(ExitOk);
        });
    QTimer tick;
    tick.setInterval(std::chrono::milliseconds(500));
    QObject::connect(&tick, &QTimer::timeout, capture.get(), [&] {
        writer->flush(); // a reader of the growing file (Wireshark's "open") sees what came so far
        if (live)
            std::fprintf(command.err(), "\r%llu frames", static_cast<unsigned long long>(capture->frames()));
    });
    tick.start();
    QObject::connect(
        &stopSignals, &platform::StopSignals::received, capture.get(), [](int) { QCoreApplication::exit(ExitOk); });
    if (limit)
        QTimer::singleShot(std::chrono::duration_cast<std::chrono::milliseconds>(*limit), capture.get(),
            [] { QCoreApplication::exit(ExitOk); });
    QCoreApplication::exec();
    writer->flush();
    if (live)
        std::fputc('\n', command.err());
    std::fprintf(command.err(), "aoesan-ctl capture: %llu frames written, %llu dropped by the kernel\n",
        static_cast<unsigned long long>(capture->frames()), static_cast<unsigned long long>(capture->dropped()));
    std::fprintf(command.out(), "%s\n", qPrintable(path));
    return ExitOk;
}

} // namespace aoesan::cli
