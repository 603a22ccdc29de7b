// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/DiscoveryController.h"

#include "log/Logging.h"
#include "models/TargetModel.h"
#include "net/NetworkInterfaces.h"

namespace aoesan::ui {

namespace {
// Events arriving within this time reach the model as one batch (a rack answering at once).
constexpr int kFlushMs = 100;
} // namespace

DiscoveryController::DiscoveryController(
    supervisor::ProbeSupervisor &probe, TargetModel &targets, InterfaceLister lister, QObject *parent)
    : QObject(parent)
    , m_probe(probe)
    , m_targets(targets)
    , m_lister(lister ? std::move(lister) : InterfaceLister([] { return upInterfaces(); }))
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &DiscoveryController::flush);
    connect(&m_probeClock, &QTimer::timeout, this, &DiscoveryController::noteProbe);
    connect(&m_probe, &supervisor::ProbeSupervisor::started, this, &DiscoveryController::onStarted);
    connect(&m_probe, &supervisor::ProbeSupervisor::targetEvent, this, &DiscoveryController::onTargetEvent);
    connect(&m_probe, &supervisor::ProbeSupervisor::replied, this, &DiscoveryController::requestReplied);
    connect(&m_probe, &supervisor::ProbeSupervisor::requestFailed, this, &DiscoveryController::requestFailed);
    connect(&m_probe, &supervisor::ProbeSupervisor::problem, this, [this](const supervisor::ExportProblem &e) {
        const Problem p {Problem::Level::Error, e.code, e.message, e.fix};
        m_running = false;
        m_probeClock.stop();
        setProblem(p);
    });
    connect(&m_probe, &supervisor::ProbeSupervisor::warning, this, [this](const QString &message) {
        log::logger("discovery")->warn("{}", message.toStdString());
        emit logMessage(message);
    });
    connect(
        &m_probe, &supervisor::ProbeSupervisor::restarting, this, [this](int attempt, std::chrono::milliseconds delay) {
            emit logMessage(tr("The discovery engine stopped; starting it again in %1 s (attempt %2).")
                                .arg(static_cast<double>(delay.count()) / 1000.0)
                                .arg(attempt));
        });
}

Result<QStringList, QString> DiscoveryController::upInterfaces(const std::string &sysfsNet)
{
    const auto listed = net::listInterfaces(sysfsNet);
    if (!listed)
        return Unexpected(QString::fromStdString(listed.error()));
    QStringList names;
    for (const auto &info : listed.value()) {
        if (info.up)
            names << QString::fromStdString(info.name);
    }
    return names;
}

void DiscoveryController::start(const QStringList &chosenInterfaces, std::chrono::milliseconds interval)
{
    m_interval = interval;
    m_chosen = chosenInterfaces;
    m_interfaces = chosenInterfaces;
    if (m_interfaces.isEmpty()) {
        const auto found = m_lister();
        if (!found) {
            setProblem(Problem {Problem::Level::Error, QStringLiteral("no-interfaces"),
                tr("The network interfaces could not be listed: %1").arg(found.error()), {}});
            return;
        }
        m_interfaces = found.value();
    }
    if (m_interfaces.isEmpty()) {
        setProblem(Problem {Problem::Level::Error, QStringLiteral("no-interfaces"),
            tr("There is no Ethernet interface that is up, so there is nowhere to look for targets."),
            tr("Connect a cable or bring an interface up (ip link set eth1 up), then press Discover "
               "now. To try aoesan without a network, start it with aoesan --lab.")});
        return;
    }
    setProblem(std::nullopt);
    m_running = true;
    log::logger("discovery")
        ->info("probing {} every {} ms", m_interfaces.join(QStringLiteral(", ")).toStdString(), interval.count());
    m_probe.start(m_interfaces, interval);
    emit statusChanged();
}

void DiscoveryController::stop()
{
    m_running = false;
    m_probeClock.stop();
    m_probe.stop();
    emit statusChanged();
}

void DiscoveryController::discoverNow()
{
    if (!m_probe.isRunning()) {
        start(m_chosen, m_interval); // none chosen: look again for the interfaces that are up now
        return;
    }
    m_probe.probeNow();
    noteProbe();
    m_probeClock.start(m_interval);
}

void DiscoveryController::forgetDown()
{
    flush();
    const auto gone = m_targets.forgetDown();
    if (!gone.empty())
        emit logMessage(tr("Forgot %n down target(s).", nullptr, static_cast<int>(gone.size())));
}

void DiscoveryController::onStarted(const discovery::probe::Started &info)
{
    QStringList names;
    for (const auto &i : info.interfaces)
        names << i.name;
    setProblem(std::nullopt);
    m_running = true;
    if (info.interval.count() > 0)
        m_interval = info.interval;
    noteProbe();
    m_probeClock.start(m_interval);
    emit logMessage(tr("Discovery started on %1.").arg(names.join(QStringLiteral(", "))));
}

void DiscoveryController::onTargetEvent(const discovery::probe::TargetEvent &event)
{
    using Kind = discovery::probe::TargetEvent::Kind;
    if (event.kind == Kind::Removed) {
        m_pendingRemovals.push_back(event.target.id);
    } else {
        m_pending.push_back(event.target);
        if (event.kind == Kind::State)
            m_pendingTransitions.emplace_back(event.target.state == discovery::TargetState::Up, event.target);
    }
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void DiscoveryController::flush()
{
    m_flushTimer.stop();
    const auto before = m_targets.counts();
    if (!m_pending.empty())
        m_targets.upsert(std::exchange(m_pending, {}));
    for (const auto &id : std::exchange(m_pendingRemovals, {}))
        m_targets.remove(id);
    if (const auto c = m_targets.counts(); c != before) {
        log::logger("discovery")
            ->info("targets: {} ({} up, {} down, {} in conflict)", c.total, c.up, c.down, c.conflicts);
    }
    for (const auto &[up, target] : std::exchange(m_pendingTransitions, {})) {
        const std::string device = target.id.deviceName();
        const quint32 key = TargetModel::keyOf(target.id);
        // An export of this machine that is not running (stopped by the person, starting, failing: the
        // Exports page tells of those) falls silent on the wire: that is no news, and nor is its coming back.
        // Decided here, once, for every listener (tray, the person's log).
        if (up) {
            if (m_quietDown.remove(key)) {
                log::logger("discovery")->info("{} answers again (an export of this machine)", device);
                continue;
            }
            log::logger("discovery")->info("{} is back up", device);
            emit targetCameBack(target);
        } else if (!m_targets.downIsNews(target.id)) {
            m_quietDown.insert(key);
            log::logger("discovery")->info("{} is silent: an export of this machine that is not running", device);
        } else {
            log::logger("discovery")->warn("{} is down", device);
            emit targetWentDown(target);
        }
    }
    emit statusChanged();
}

void DiscoveryController::setProblem(std::optional<Problem> problem)
{
    if (problem == m_problem)
        return;
    m_problem = std::move(problem);
    if (m_problem)
        log::logger("discovery")->error("{} {}", m_problem->message.toStdString(), m_problem->fix.toStdString());
    emit problemChanged(m_problem);
    emit statusChanged();
}

void DiscoveryController::noteProbe()
{
    m_lastProbe = QDateTime::currentDateTime();
    emit statusChanged();
}

} // namespace aoesan::ui
