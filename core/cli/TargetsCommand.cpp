// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl targets [--json] [--watch] [REGEX]: the targets aoesan-service knows, with no privilege at all
// (the service discovers; this only reads its bus), in aoe-stat's format with this machine's own exports
// marked, or as JSON; --watch then prints one line per change until SIGINT or SIGTERM.
// `aoesan-ctl stat` stays the direct aoe-discover + aoe-stat equivalent, which needs no service.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include "cli/Command.h"
#include "cli/Commands.h"
#include "discovery/StatReport.h"
#include "discovery/TargetJson.h"
#include "platform/StopSignals.h"
#include "service/ServiceClient.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

namespace {

// aoe-stat's line with " (this machine)" after it for our own exports.
std::string lineFor(const service::TargetView &t)
{
    std::string line = discovery::statLine(t.info);
    if (t.local && !line.empty() && line.back() == '\n')
        line.insert(line.size() - 1, " (this machine)");
    return line;
}

QJsonObject jsonFor(const service::TargetView &t)
{
    QJsonObject o = discovery::targetToJson(t.info);
    o.insert(QStringLiteral("local"), t.local);
    return o;
}

} // namespace

int runTargets(const QStringList &args, const Console &console)
{
    const Command command("targets", console);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists the AoE targets that aoesan-service discovers (this machine's own exports marked), without any\n"
        "privilege: in aoe-stat's format, or with --json as a list of the probe's target objects (docs/probe-\n"
        "events.md) with \"local\". REGEX keeps the lines it matches, as aoe-stat does. --watch prints the list,\n"
        "then one line per change (\"e7.3 down\", \"e7.3 gone\"; with --json one object per line) until SIGINT.\n"
        "`aoesan-ctl stat` discovers by itself instead (it needs CAP_NET_RAW and no service)."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption watch(QStringLiteral("watch"), QStringLiteral("Keep printing changes until SIGINT."));
    parser.addOptions({json, watch});
    parser.addPositionalArgument(
        QStringLiteral("REGEX"), QStringLiteral("Only the lines this matches."), QStringLiteral("[REGEX]"));
    if (const auto code = command.parseArguments(parser, args))
        return *code;
    if (parser.positionalArguments().size() > 1)
        return command.usageError("give at most one REGEX");
    const QRegularExpression filter(parser.positionalArguments().value(0));
    if (!filter.isValid())
        return command.usageError("'" + filter.pattern().toStdString()
            + "' is not a regular expression: " + filter.errorString().toStdString());
    // Before the bus starts its thread: the stop signals are read in the event loop.
    std::unique_ptr<platform::StopSignals> stop;
    if (parser.isSet(watch))
        stop = std::make_unique<platform::StopSignals>();

    const auto bus = service::ServiceClient::findService();
    if (!bus)
        return command.failure("no aoesan service is running (systemctl start aoesan); `aoesan-ctl stat` "
                               "discovers without it");
    service::ServiceClient client(*bus);
    if (parser.isSet(watch))
        client.follow();
    else if (auto loaded = client.refresh(); !loaded)
        return command.failure(loaded.error().message.toStdString());

    std::FILE *out = command.out();
    const auto matches = [&](const service::TargetView &t) {
        return filter.pattern().isEmpty() || filter.match(QString::fromStdString(lineFor(t))).hasMatch();
    };
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const auto &[key, t] : client.targets()) {
            if (matches(t))
                list.append(jsonFor(t));
        }
        std::fprintf(out, "%s",
            QJsonDocument(list)
                .toJson(parser.isSet(watch) ? QJsonDocument::Compact : QJsonDocument::Indented)
                .constData());
        if (parser.isSet(watch))
            std::fputc('\n', out);
    } else {
        for (const auto &[key, t] : client.targets()) {
            if (matches(t))
                std::fputs(lineFor(t).c_str(), out);
        }
        if (const auto &problem = client.manager().discoveryProblem)
            std::fprintf(
                command.err(), "aoesan-ctl targets: discovery is not running: %s\n", qPrintable(problem->describe()));
    }
    std::fflush(out);
    if (!parser.isSet(watch))
        return ExitOk;

    const auto say = [&](const QString &address, const char *what, const service::TargetView *t) {
        if (parser.isSet(json)) {
            QJsonObject o {{QStringLiteral("event"), QString::fromLatin1(what)}, {QStringLiteral("target"), address}};
            if (t)
                o.insert(QStringLiteral("info"), jsonFor(*t));
            std::fprintf(out, "%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
        } else {
            std::fprintf(out, "%s %s\n", qPrintable(address), what);
        }
        std::fflush(out);
    };
    const auto address = [](quint32 key) { return QStringLiteral("e%1.%2").arg(key >> 8).arg(key & 0xff); };
    std::map<quint32, std::string> states;
    for (const auto &[key, t] : client.targets())
        states[key] = t.info.stateText();
    QObject::connect(&client, &service::ServiceClient::targetUpdated, [&](quint32 key, bool added) {
        const auto &t = client.targets().at(key);
        if (!matches(t))
            return;
        const std::string state = t.info.stateText();
        if (!added && states[key] == state)
            return; // an RTT or last-seen change: no news for a person
        states[key] = state;
        say(address(key), added ? "added" : state.c_str(), &t);
    });
    QObject::connect(&client, &service::ServiceClient::targetRemoved, [&](quint32 key, const discovery::TargetInfo &) {
        states.erase(key);
        say(address(key), "gone", nullptr);
    });
    QObject::connect(&client, &service::ServiceClient::serviceVanished,
        [&] { std::fprintf(command.err(), "aoesan-ctl targets: the aoesan service went away; waiting for it\n"); });
    QObject::connect(&client, &service::ServiceClient::serviceAppeared,
        [&] { std::fprintf(command.err(), "aoesan-ctl targets: the aoesan service is back\n"); });
    QObject::connect(stop.get(), &platform::StopSignals::received, [](int) { QCoreApplication::exit(ExitOk); });
    return QCoreApplication::exec();
}

} // namespace aoesan::cli
