// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/BootServers.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include "log/Logging.h"
#include "net/NetworkInterfaces.h"
#include "platform/StopSignals.h"
#include "service/DbusApi.h"

namespace aoesan::service {

namespace {

constexpr int kPollMs = 500;
constexpr qint64 kQuietLimitMs = 30000; // no word from a server that was started: it failed
constexpr int kMaxCrashRestarts = 5;
constexpr int kCrashRestartDelayMs = 2000;
constexpr qint64 kMaxEventBytesPerPoll = 1024 * 1024;
constexpr qint64 kClockSlackMs = 2000; // an event this much older than the start is a former run's

ServiceError badOption(const QString &why)
{
    return {QLatin1String(error::kBadOption), why};
}

// The child of a service that runs as root: restarted after a crash (a few times), not after it failed with
// a reason (that is in its events).
class ChildBootLauncher final : public BootLauncher
{
public:
    ChildBootLauncher(QString program, QString eventsDir)
        : m_program(std::move(program))
        , m_eventsDir(std::move(eventsDir))
    { }
    ~ChildBootLauncher() override
    {
        for (auto &[name, child] : m_children)
            terminate(*child);
    }

    void start(const QString &name, const QString &settingsPath) override
    {
        stop(name);
        QDir().mkpath(m_eventsDir);
        auto &child = m_children[name];
        child = std::make_unique<Child>();
        child->settings = settingsPath;
        run(name, *child);
    }

    void stop(const QString &name) override
    {
        const auto it = m_children.find(name);
        if (it == m_children.end())
            return;
        terminate(*it->second);
        m_children.erase(it);
    }

    QString eventsPath(const QString &name) const override
    {
        return m_eventsDir + QLatin1Char('/') + name + QStringLiteral(".events");
    }
    QString whereToLook(const QString &) const override { return QStringLiteral("the service's log"); }

private:
    struct Child
    {
        QString settings;
        std::unique_ptr<QProcess> process;
        int crashes = 0;
    };

    void run(const QString &name, Child &child)
    {
        child.process = std::make_unique<QProcess>();
        QProcess *process = child.process.get();
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->setStandardOutputFile(QProcess::nullDevice());
        process->setChildProcessModifier(platform::resetSignalsInChild);
        QObject::connect(
            process, &QProcess::finished, process, [this, name, process](int code, QProcess::ExitStatus status) {
                const auto it = m_children.find(name);
                if (it == m_children.end() || it->second->process.get() != process)
                    return;
                Child &c = *it->second;
                if (status == QProcess::CrashExit && ++c.crashes <= kMaxCrashRestarts) {
                    log::logger("service")->warn(
                        "the boot server of '{}' crashed; starting it again", name.toStdString());
                    QTimer::singleShot(kCrashRestartDelayMs, process, [this, name] {
                        if (const auto again = m_children.find(name); again != m_children.end())
                            run(name, *again->second);
                    });
                    return;
                }
                const QString why = status == QProcess::CrashExit
                    ? QStringLiteral("the boot server crashed %1 times").arg(c.crashes)
                    : QStringLiteral("the boot server ended (exit status %1)").arg(code);
                if (ended)
                    ended(name, why);
            });
        QObject::connect(process, &QProcess::errorOccurred, process, [this, name, process](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart && ended)
                ended(name, QStringLiteral("cannot run %1: %2").arg(m_program, process->errorString()));
        });
        process->start(m_program,
            {QStringLiteral("boot"), QStringLiteral("serve"), QStringLiteral("--settings"), child.settings,
                QStringLiteral("--events"), eventsPath(name)});
    }

    static void terminate(Child &child)
    {
        if (!child.process || child.process->state() == QProcess::NotRunning)
            return;
        child.process->disconnect();
        child.process->terminate();
        // boot serve stops dnsmasq and removes its directory on SIGTERM, in well under a second.
        if (!child.process->waitForFinished(5000)) {
            child.process->kill();
            child.process->waitForFinished(1000);
        }
    }

    QString m_program;
    QString m_eventsDir;
    std::map<QString, std::unique_ptr<Child>> m_children;
};

// systemd runs aoesan-boot@NAME.service as root; polkit lets the user aoesan start, restart and stop those units
// and no others (packaging/polkit/io.github.aoesan1.rules). Calls are asynchronous: the service keeps answering.
class SystemdBootLauncher final : public BootLauncher
{
public:
    void start(const QString &name, const QString &) override { call(name, QStringLiteral("RestartUnit")); }
    void stop(const QString &name) override { call(name, QStringLiteral("StopUnit")); }
    QString eventsPath(const QString &name) const override
    {
        return QStringLiteral("/run/aoesan-boot/%1.events").arg(name);
    }
    QString whereToLook(const QString &name) const override
    {
        return QStringLiteral("journalctl -u %1").arg(bootUnitName(name));
    }

private:
    void call(const QString &name, const QString &method)
    {
        const QString unit = bootUnitName(name);
        QDBusConnection bus = QDBusConnection::systemBus();
        if (!bus.isConnected()) {
            if (ended && method != QLatin1String("StopUnit"))
                ended(name, QStringLiteral("cannot reach systemd to run %1 (no system bus)").arg(unit));
            return;
        }
        QDBusMessage m = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.systemd1"),
            QStringLiteral("/org/freedesktop/systemd1"), QStringLiteral("org.freedesktop.systemd1.Manager"), method);
        m << unit << QStringLiteral("replace");
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(m, 20000));
        QObject::connect(watcher, &QDBusPendingCallWatcher::finished, watcher,
            [this, name, unit, method](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                const QDBusPendingReply<QDBusObjectPath> reply = *w;
                if (reply.isError() && ended && method != QLatin1String("StopUnit"))
                    ended(name,
                        QStringLiteral("systemd did not start %1: %2 (%3)")
                            .arg(unit, reply.error().message(), reply.error().name()));
                else if (reply.isError())
                    log::logger("service")->warn(
                        "systemd did not stop {}: {}", unit.toStdString(), reply.error().message().toStdString());
            });
    }
};

} // namespace

std::unique_ptr<BootLauncher> childBootLauncher(QString program, QString eventsDir)
{
    return std::make_unique<ChildBootLauncher>(std::move(program), std::move(eventsDir));
}

std::unique_ptr<BootLauncher> systemdBootLauncher()
{
    return std::make_unique<SystemdBootLauncher>();
}

QString bootUnitName(const QString &exportName)
{
    // Export names are [A-Za-z0-9._-]: an instance name as it is (the unit uses %i, never %I).
    return QStringLiteral("aoesan-boot@%1.service").arg(exportName);
}

BootServers::BootServers(
    QString configDir, std::unique_ptr<BootLauncher> launcher, QString dnsmasq, QString ipxeDir, QObject *parent)
    : QObject(parent)
    , m_dir(configDir + QStringLiteral("/boot"))
    , m_launcher(std::move(launcher))
    , m_dnsmasq(std::move(dnsmasq))
    , m_ipxeDir(std::move(ipxeDir))
{
    m_launcher->ended = [this](const QString &name, const QString &why) {
        const auto it = m_servers.find(name);
        if (it == m_servers.end())
            return;
        // The server's own words, when it wrote any, say more than its exit status.
        readEvents(name, it->second);
        if (it->second.state != QLatin1String("failed")) {
            it->second.state = QStringLiteral("failed");
            it->second.error = QStringLiteral("%1 (see %2)").arg(why, m_launcher->whereToLook(name));
        }
        emit changed(name);
    };
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &BootServers::poll);
}

BootServers::~BootServers() = default;

QString BootServers::settingsPath(const QString &name) const
{
    return m_dir + QLatin1Char('/') + name + QStringLiteral(".json");
}

Result<boot::BootRequest, ServiceError> BootServers::requestFor(
    const supervisor::ExportRecord &record, const QVariantMap &options) const
{
    boot::BootRequest r;
    r.rootPath = QStringLiteral("aoe:") + record.address();
    bool haveInterface = false;
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        const QMetaType type = it.value().metaType();
        if (it.key() == QLatin1String(boot_key::kInterface) && type == QMetaType::fromType<QString>()) {
            r.interface = it.value().toString();
            haveInterface = true;
        } else if (it.key() == QLatin1String(boot_key::kRange) && type == QMetaType::fromType<QString>()) {
            r.range = it.value().toString();
        } else if (it.key() == QLatin1String(boot_key::kProxy) && type == QMetaType::fromType<bool>()) {
            r.proxy = it.value().toBool();
        } else if (it.key() == QLatin1String(boot_key::kMacs) && type == QMetaType::fromType<QStringList>()) {
            r.macs = it.value().toStringList();
        } else {
            return Unexpected(ServiceError {QLatin1String(error::kInvalidArgs),
                QStringLiteral("StartBoot takes the options interface (s), range (s), proxy (b) and macs (as), not "
                               "'%1' of that type")
                    .arg(it.key())});
        }
    }
    if (!haveInterface || !net::isInterfaceName(r.interface.toStdString()))
        return Unexpected(ServiceError {QLatin1String(error::kBadInterface),
            haveInterface ? QStringLiteral("'%1' is not a network interface name (see `ip link`)").arg(r.interface)
                          : QStringLiteral("name the interface the machines boot on (interface)")});
    if (r.proxy == !r.range.isEmpty())
        return Unexpected(badOption(QStringLiteral("give either a range FIRST,LAST (this segment has no DHCP server "
                                                   "of its own) or proxy (another DHCP server gives the addresses)")));
    const auto options_ = boot::optionsFor(r);
    if (!options_)
        return Unexpected(badOption(options_.error()));
    r.macs = options_->macs; // as the server writes them
    const auto network = boot::interfaceIpv4(r.interface);
    if (!network)
        return Unexpected(ServiceError {QLatin1String(error::kBadInterface), boot::noIpv4Problem(r.interface)});
    if (const auto problem = boot::rangeProblem(*options_, *network))
        return Unexpected(badOption(*problem));
    if (const QString missing = boot::missingProgramsProblem(m_dnsmasq, m_ipxeDir); !missing.isEmpty())
        return Unexpected(ServiceError {QLatin1String(error::kRefused), missing});
    return r;
}

Result<bool, ServiceError> BootServers::start(const QString &name, const boot::BootRequest &request)
{
    if (!QDir().mkpath(m_dir))
        return Unexpected(ServiceError {QLatin1String(error::kFailed), QStringLiteral("cannot make %1").arg(m_dir)});
    if (const auto written = boot::writeBootRequest(settingsPath(name), request); !written)
        return Unexpected(ServiceError {QLatin1String(error::kFailed), written.error()});
    Server &server = m_servers[name];
    server = Server {};
    server.request = request;
    launch(name, server);
    log::logger("service")->info("boot server of '{}' on {}: {}", name.toStdString(), request.interface.toStdString(),
        request.proxy ? std::string("proxy DHCP") : ("DHCP " + request.range.toStdString()));
    emit changed(name);
    return true;
}

void BootServers::launch(const QString &name, Server &server)
{
    server.state = QStringLiteral("starting");
    server.serving.clear();
    server.error.clear();
    server.since = QDateTime::currentMSecsSinceEpoch();
    server.offset = 0;
    server.partial.clear();
    server.quiet.start();
    m_launcher->start(name, settingsPath(name));
    if (!m_poll.isActive())
        m_poll.start();
}

Result<bool, ServiceError> BootServers::stop(const QString &name)
{
    const bool had = m_servers.erase(name) > 0;
    m_launcher->stop(name);
    if (QFile::exists(settingsPath(name)) && !QFile::remove(settingsPath(name)))
        return Unexpected(ServiceError {QLatin1String(error::kFailed),
            QStringLiteral("cannot remove %1: it would run again").arg(settingsPath(name))});
    if (had)
        emit changed(name);
    if (m_servers.empty())
        m_poll.stop();
    return true;
}

QStringList BootServers::resume(const std::vector<supervisor::ExportRecord> &records)
{
    QStringList problems;
    for (const auto &r : records) {
        const QString path = settingsPath(r.name);
        if (!QFileInfo::exists(path))
            continue;
        auto request = boot::readBootRequest(path);
        if (!request) {
            problems << request.error();
            continue;
        }
        request->rootPath = QStringLiteral("aoe:") + r.address();
        Server &server = m_servers[r.name];
        server.request = *request;
        launch(r.name, server);
        emit changed(r.name);
    }
    return problems;
}

void BootServers::exportChanged(const supervisor::ExportRecord &record)
{
    const auto it = m_servers.find(record.name);
    const QString root = QStringLiteral("aoe:") + record.address();
    if (it == m_servers.end() || it->second.request.rootPath == root)
        return;
    boot::BootRequest request = it->second.request;
    request.rootPath = root;
    if (auto done = start(record.name, request); !done)
        log::logger("service")->warn("{}", done.error().message.toStdString());
}

void BootServers::exportRemoved(const QString &name)
{
    if (auto done = stop(name); !done)
        log::logger("service")->warn("{}", done.error().message.toStdString());
}

void BootServers::shutdown()
{
    m_poll.stop();
    for (const auto &[name, server] : m_servers)
        m_launcher->stop(name);
}

void BootServers::poll()
{
    for (auto &[name, server] : m_servers) {
        bool news = readEvents(name, server);
        if (server.state == QLatin1String("starting") && server.quiet.elapsed() > kQuietLimitMs) {
            server.state = QStringLiteral("failed");
            server.error = QStringLiteral("no word from the boot server in %1 s (see %2)")
                               .arg(kQuietLimitMs / 1000)
                               .arg(m_launcher->whereToLook(name));
            news = true;
        }
        if (news)
            emit changed(name);
    }
}

bool BootServers::readEvents(const QString &name, Server &server)
{
    QFile file(m_launcher->eventsPath(name));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    if (file.size() < server.offset) { // a new run of the server started the file again
        server.offset = 0;
        server.partial.clear();
    }
    if (file.size() == server.offset || !file.seek(server.offset))
        return false;
    const QByteArray bytes = file.read(kMaxEventBytesPerPoll);
    server.offset += bytes.size();
    server.partial += bytes;
    bool news = false;
    qsizetype end = 0;
    while ((end = server.partial.indexOf('\n')) >= 0) {
        const QByteArray line = server.partial.left(end);
        server.partial.remove(0, end + 1);
        const auto event = boot::parseBootEvent(line);
        if (!event || event->timeMs + kClockSlackMs < server.since)
            continue;
        news = true;
        switch (event->kind) {
        case boot::BootEvent::Kind::Started:
            server.state = QStringLiteral("running");
            server.serving = event->serving;
            server.error.clear();
            break;
        case boot::BootEvent::Kind::Failed:
            server.state = QStringLiteral("failed");
            server.error = event->error;
            break;
        case boot::BootEvent::Kind::Client:
            server.clients.push_back({{QStringLiteral("time"), event->timeMs},
                {QStringLiteral("mac"), event->client.mac}, {QStringLiteral("address"), event->client.ip},
                {QStringLiteral("given"), boot::givenText(event->client)},
                {QStringLiteral("text"), event->client.text()}});
            while (server.clients.size() > static_cast<std::size_t>(boot_key::kMaxClients))
                server.clients.pop_front();
            break;
        }
    }
    if (server.partial.size() > kMaxEventBytesPerPoll) // not our file's lines: never grow without a bound
        server.partial.clear();
    return news;
}

QString BootServers::json(const supervisor::ExportRecord &record) const
{
    const QString root = QStringLiteral("aoe:") + record.address();
    QJsonObject o {
        {QLatin1String(boot_key::kRootPath), root}, {QLatin1String(boot_key::kScript), boot::ipxeScript(root)}};
    const auto it = m_servers.find(record.name);
    if (it == m_servers.end()) {
        o.insert(QLatin1String(boot_key::kState), QStringLiteral("off"));
    } else {
        const Server &s = it->second;
        o.insert(QLatin1String(boot_key::kState), s.state);
        o.insert(QLatin1String(boot_key::kInterface), s.request.interface);
        o.insert(
            QLatin1String(boot_key::kMode), s.request.proxy ? QStringLiteral("proxy") : QStringLiteral("isolated"));
        o.insert(QLatin1String(boot_key::kRange), s.request.range);
        o.insert(QLatin1String(boot_key::kMacs), QJsonArray::fromStringList(s.request.macs));
        o.insert(QLatin1String(boot_key::kServing), s.serving);
        o.insert(QLatin1String(boot_key::kError), s.error);
        QJsonArray clients;
        for (const auto &c : s.clients)
            clients.append(c);
        o.insert(QLatin1String(boot_key::kClients), clients);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace aoesan::service
