// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/Session.h"

#include <QCoreApplication>

#include "net/NetworkInterfaces.h"
#include "net/PacketCapability.h"
#include "net/PcapTransport.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

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
    return error.code == net::TransportError::Code::NoPermission ? ExitNoPermission : ExitFailed;
}

QCommandLineOption interfaceOption(InterfaceChoice choice)
{
    return QCommandLineOption({QStringLiteral("i"), QStringLiteral("interface")},
        choice == InterfaceChoice::AllUp
            ? QStringLiteral("Ethernet interface to use (repeat for several; default: every one that is up).")
            : QStringLiteral("Ethernet interface to use (repeat for several; default: the only one that is up)."),
        QStringLiteral("IFACE"));
}

Result<QStringList, int> chooseInterfaces(const Command &command, const QStringList &given, InterfaceChoice choice)
{
    if (!given.isEmpty())
        return given;
    const auto listed = net::listInterfaces();
    if (!listed)
        return Unexpected(command.failure(listed.error()));
    QStringList up;
    for (const auto &i : listed.value()) {
        if (i.up)
            up << QString::fromStdString(i.name);
    }
    if (up.isEmpty())
        return Unexpected(command.failure("no Ethernet interface is up here; bring one up or name one with -i IFACE"));
    if (choice == InterfaceChoice::OnlyUp && up.size() > 1)
        return Unexpected(command.usageError("several Ethernet interfaces are up ("
            + up.join(QStringLiteral(", ")).toStdString() + "); name the one to use with -i IFACE"));
    return up;
}

Session::Session(std::FILE *out)
    : m_out(out)
    , m_initiator(new initiator::Initiator(m_clock, this))
{ }

Session::~Session()
{
    // The initiator (a child) stops listening before the transports it points at go away.
    delete m_initiator;
}

Result<std::unique_ptr<Session>, int> Session::open(const Command &command, const QStringList &interfaces)
{
    auto opened = openInterfaces(interfaces);
    if (!opened) {
        command.error(opened.error().describe());
        return Unexpected(exitCodeFor(opened.error()));
    }
    std::unique_ptr<Session> session(new Session(command.out()));
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
    // A completion may have finished the command before the loop runs; exit() would not reach that loop.
    if (m_exitCode)
        return *m_exitCode;
    return QCoreApplication::exec();
}

void Session::finish(int code)
{
    if (m_exitCode)
        return; // the first end counts
    m_exitCode = code;
    std::fflush(m_out);
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
