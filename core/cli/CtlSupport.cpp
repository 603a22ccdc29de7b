// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CtlSupport.h"

#include <QCoreApplication>

#include <cstdio>

#include "discovery/ProbeRequest.h"
#include "net/NetworkInterfaces.h"
#include "net/PacketCapability.h"
#include "net/PcapTransport.h"
#include "util/CommandHelp.h"

namespace aoesan::cli {

std::string TargetAddress::name() const
{
    return "e" + std::to_string(shelf) + "." + std::to_string(slot);
}

std::optional<TargetAddress> parseTargetAddress(const QString &text)
{
    // The probe's request parser and this command line read "e7.3" by one rule (core/discovery).
    const auto id = discovery::parseDeviceName(QStringView(text).trimmed());
    if (!id)
        return std::nullopt;
    return TargetAddress {id->shelf, id->slot};
}

std::optional<std::vector<protocol::MacAddress>> parseMacList(const QString &text)
{
    std::vector<protocol::MacAddress> macs;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto mac = protocol::MacAddress::fromString(item.trimmed().toStdString());
        if (!mac)
            return std::nullopt;
        macs.push_back(*mac);
    }
    return macs;
}

void printError(const char *command, const std::string &message)
{
    std::fprintf(stderr, "aoesan-ctl %s: %s\n", command, message.c_str());
}

QString usageName(const char *command)
{
    return QStringLiteral("aoesan-ctl %1").arg(QString::fromLatin1(command));
}

std::optional<int> parseArguments(QCommandLineParser &parser, const char *command, const QStringList &args)
{
    const QCommandLineOption help = parser.addHelpOption();
    const QString description = parser.applicationDescription();
    if (!description.contains(QLatin1String("Exit codes:")))
        parser.setApplicationDescription(description + QStringLiteral("\n") + QString::fromLatin1(kExitCodeHelp));
    QStringList argv {usageName(command)};
    argv += args;
    const bool parsed = parser.parse(argv);
    // Help wins over every other word, also over a wrong one: a person asking for help gets it.
    if (parser.isSet(help) || (!parsed && isHelpRequest(args))) {
        std::printf("%s", qPrintable(commandHelpText(parser, usageName(command))));
        return kExitOk;
    }
    if (!parsed) {
        printError(command, parser.errorText().toStdString());
        std::fprintf(stderr, "%s", qPrintable(commandHelpText(parser, usageName(command))));
        return kExitUsage;
    }
    return std::nullopt;
}

std::optional<TargetAddress> targetArgument(const QCommandLineParser &parser, const char *command)
{
    const QStringList given = parser.positionalArguments();
    if (given.size() != 1) {
        printError(command, "give one SHELF.SLOT, e.g. 7.3");
        return std::nullopt;
    }
    auto address = parseTargetAddress(given.first());
    if (!address)
        printError(command, "'" + given.first().toStdString() + "' is not SHELF.SLOT (shelf 0-65534, slot 0-254)");
    return address;
}

QCommandLineOption interfaceOption(InterfaceChoice choice)
{
    return QCommandLineOption({QStringLiteral("i"), QStringLiteral("interface")},
        choice == InterfaceChoice::AllUp
            ? QStringLiteral("Ethernet interface to use (repeat for several; default: every one that is up).")
            : QStringLiteral("Ethernet interface to use (repeat for several; default: the only one that is up)."),
        QStringLiteral("IFACE"));
}

QCommandLineOption timeoutOption(const char *defaultSeconds)
{
    return QCommandLineOption(QStringLiteral("timeout"),
        QStringLiteral("Give up after this many seconds without an answer (default %1).")
            .arg(QString::fromLatin1(defaultSeconds)),
        QStringLiteral("SECS"), QString::fromLatin1(defaultSeconds));
}

std::optional<initiator::Duration> secondsOption(
    const QCommandLineParser &parser, const QCommandLineOption &option, const char *command)
{
    bool ok = false;
    const double seconds = parser.value(option).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 86400) {
        printError(command,
            "--" + option.names().constLast().toStdString() + " needs a number of seconds, not '"
                + parser.value(option).toStdString() + "'");
        return std::nullopt;
    }
    return std::chrono::duration_cast<initiator::Duration>(std::chrono::duration<double>(seconds));
}

Session::Session(const char *command)
    : m_command(command)
    , m_initiator(new initiator::Initiator(m_clock, this))
{ }

Session::~Session()
{
    // The initiator (a child) stops listening before the transports it points at go away.
    delete m_initiator;
}

Result<std::vector<std::unique_ptr<net::Transport>>, net::TransportError> openInterfaces(const QStringList &interfaces)
{
    // Say what to do before trying: pcap's own refusal names no fix.
    if (auto refused = net::checkPacketCapability(QCoreApplication::applicationFilePath().toStdString()))
        return Unexpected(std::move(*refused));
    std::vector<std::unique_ptr<net::Transport>> transports;
    for (const QString &name : interfaces) {
        auto opened = net::PcapTransport::open(name.toStdString());
        if (!opened)
            return Unexpected(opened.error());
        transports.push_back(std::move(opened).value());
    }
    return transports;
}

int exitCodeFor(const net::TransportError &error)
{
    return error.code == net::TransportError::Code::NoPermission ? kExitNoPermission : kExitFailure;
}

std::optional<QStringList> chooseInterfaces(
    const char *command, const QStringList &given, InterfaceChoice choice, int *exitCode)
{
    if (!given.isEmpty())
        return given;
    const auto listed = net::listInterfaces();
    if (!listed) {
        printError(command, listed.error());
        *exitCode = kExitFailure;
        return std::nullopt;
    }
    QStringList up;
    for (const auto &i : listed.value()) {
        if (i.up)
            up << QString::fromStdString(i.name);
    }
    if (up.isEmpty()) {
        printError(command, "no Ethernet interface is up here; bring one up or name one with -i IFACE");
        *exitCode = kExitFailure;
        return std::nullopt;
    }
    if (choice == InterfaceChoice::OnlyUp && up.size() > 1) {
        printError(command,
            "several Ethernet interfaces are up (" + up.join(QStringLiteral(", ")).toStdString()
                + "); name the one to use with -i IFACE");
        *exitCode = kExitUsage;
        return std::nullopt;
    }
    return up;
}

std::unique_ptr<Session> Session::open(const char *command, const QStringList &interfaces, int *exitCode)
{
    auto opened = openInterfaces(interfaces);
    if (!opened) {
        printError(command, opened.error().describe());
        *exitCode = exitCodeFor(opened.error());
        return nullptr;
    }
    std::unique_ptr<Session> session(new Session(command));
    session->m_transports = std::move(opened).value();
    for (const auto &t : session->m_transports)
        session->m_initiator->addTransport(t.get());
    return session;
}

std::vector<net::Transport *> Session::transports() const
{
    std::vector<net::Transport *> list;
    for (const auto &t : m_transports)
        list.push_back(t.get());
    return list;
}

std::string Session::interfaceList() const
{
    std::string names;
    for (const auto &t : m_transports)
        names += (names.empty() ? "" : ",") + t->interfaceName();
    return names;
}

void Session::locate(
    TargetAddress address, const initiator::RetryPolicy &policy, initiator::Completion<initiator::ConfigReply> done)
{
    struct Race
    {
        std::size_t waiting = 0;
        bool won = false;
        initiator::Completion<initiator::ConfigReply> done;
    };
    auto race = std::make_shared<Race>();
    race->waiting = m_transports.size();
    race->done = std::move(done);
    for (const auto &t : m_transports) {
        const initiator::Peer peer {t.get(), protocol::MacAddress::broadcast(), address.shelf, address.slot};
        m_initiator->queryConfig(
            peer, protocol::ConfigCommand::Read, {}, this,
            [race](initiator::Outcome<initiator::ConfigReply> reply) {
                --race->waiting;
                if (race->won)
                    return;
                if (reply || race->waiting == 0) {
                    race->won = true;
                    race->done(std::move(reply));
                }
            },
            policy);
    }
}

int Session::exec()
{
    return QCoreApplication::exec();
}

void Session::finish(int code)
{
    std::fflush(stdout);
    QCoreApplication::exit(code);
}

std::string noAnswerMessage(const TargetAddress &address, const Session &session, const initiator::Failure &failure)
{
    if (failure.kind != initiator::Failure::Kind::Timeout)
        return address.name() + ": " + failure.message;
    // The suggested command looks where this one looked.
    std::string stat = "aoesan-ctl stat";
    for (const auto *t : session.transports())
        stat += " -i " + t->interfaceName();
    return "no answer from " + address.name() + " on " + session.interfaceList() + " (" + failure.message
        + "). Check the shelf.slot with `" + stat
        + "`; a MAC mask on the target that leaves this host out looks the same";
}

} // namespace aoesan::cli
