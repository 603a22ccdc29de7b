// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl monitor: a live, iostat-like view of the exports the aoesan service runs: reads and writes per
// second, MiB/s each way, clients, errors and dropped frames, one block of rows per interval (or one JSON
// line per interval with --json). The figures come from the engines' counters in the service's export
// status, so the GUI's Exports page and this view read the same numbers. No privilege and no frame.
#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <chrono>
#include <map>
#include <thread>

#include "cli/Command.h"
#include "cli/Commands.h"
#include "cli/MonitorRates.h"
#include "service/ServiceClient.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

namespace {

using Clock = std::chrono::steady_clock;

struct Sample
{
    supervisor::EngineCounters counters;
    Clock::time_point at;
};

} // namespace

int runMonitor(const QStringList &args, const Console &console)
{
    Command command("monitor", console);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Show the exports the aoesan service runs, live: reads/s, writes/s, MiB/s read and written, clients, "
        "errors and dropped frames per interval, like iostat. Names limit the view to those exports."));
    const QCommandLineOption interval(QStringLiteral("interval"),
        QStringLiteral("Seconds between reports (default 1; the engines count once a second)."), QStringLiteral("SECS"),
        QStringLiteral("1"));
    const QCommandLineOption count(QStringLiteral("count"),
        QStringLiteral("Stop after N reports (default: until Ctrl+C)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption json(
        QStringLiteral("json"), QStringLiteral("One JSON object per report, on one line, instead of the table."));
    parser.addOptions({interval, count, json});
    parser.addPositionalArgument(
        QStringLiteral("NAME"), QStringLiteral("Exports to show (default: all)."), QStringLiteral("[NAME...]"));
    if (const auto stop = command.parseArguments(parser, args))
        return *stop;
    const auto every = command.seconds(parser, interval);
    if (!every)
        return ExitUsage;
    const auto reports = wholeNumber(parser.value(count), 0, 1000000);
    if (!reports)
        return command.usageError("--count must be a whole number (0: until Ctrl+C)");
    const QStringList wanted = parser.positionalArguments();

    const auto bus = service::ServiceClient::findService();
    if (!bus)
        return command.failure("the aoesan service is not running, and it is what runs the exports this shows "
                               "(start it: systemctl start aoesan; `aoesan-ctl exports list` shows the list itself)");
    service::ServiceClient client(*bus);
    if (const auto loaded = client.refresh(); !loaded)
        return command.failure("cannot read the service's exports: " + loaded.error().message.toStdString());
    for (const QString &name : wanted)
        if (!client.exports().contains(name))
            return command.failure("the service has no export called '" + name.toStdString() + "'");

    std::map<QString, Sample> previous;
    const auto sample = [&] {
        const auto now = Clock::now();
        for (const auto &[name, view] : client.exports())
            previous[name] = {view.status.counters, now};
    };
    sample();
    for (unsigned done = 0; *reports == 0 || done < *reports; ++done) {
        std::this_thread::sleep_for(*every);
        if (const auto loaded = client.refresh(); !loaded)
            return command.failure("lost the service: " + loaded.error().message.toStdString());
        const auto now = Clock::now();
        QJsonArray rows;
        QStringList lines;
        for (const auto &[name, view] : client.exports()) {
            if (!wanted.isEmpty() && !wanted.contains(name))
                continue;
            const auto before = previous.find(name);
            const Sample from = before != previous.end() ? before->second : Sample {view.status.counters, now};
            const double seconds = std::chrono::duration<double>(now - from.at).count();
            const auto rates = supervisor::ratesBetween(from.counters, view.status.counters, seconds);
            const QString state = supervisor::stateName(view.status.state);
            rows.append(monitorJson(name, state, rates));
            lines << monitorRow(name, state, rates);
        }
        sample();
        if (parser.isSet(json)) {
            const QJsonObject report {{QStringLiteral("time"), QDateTime::currentDateTime().toString(Qt::ISODate)},
                {QStringLiteral("interval"), std::chrono::duration<double>(*every).count()},
                {QStringLiteral("exports"), rows}};
            std::fprintf(command.out(), "%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
        } else {
            std::fprintf(command.out(), "%s\n%s\n", qPrintable(QDateTime::currentDateTime().toString(Qt::ISODate)),
                qPrintable(monitorHeader()));
            for (const QString &line : lines)
                std::fprintf(command.out(), "%s\n", qPrintable(line));
            if (lines.isEmpty())
                std::fprintf(command.out(), "(no exports)\n");
            std::fprintf(command.out(), "\n");
        }
        std::fflush(command.out());
    }
    return ExitOk;
}

} // namespace aoesan::cli
