// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/DiscoveryController.h"

#include <QJsonDocument>

#include "exports/ExportController.h"
#include "log/Logging.h"
#include "models/TargetModel.h"
#include "service/DbusApi.h"
#include "service/SanLink.h"

namespace aoesan::ui {

namespace {
// Changes arriving within this time reach the model as one batch (a rack answering at once).
constexpr int kFlushMs = 100;

QJsonObject jsonOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}
} // namespace

DiscoveryController::DiscoveryController(SanLink &link, TargetModel &targets, QObject *parent)
    : QObject(parent)
    , m_link(link)
    , m_targets(targets)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &DiscoveryController::flush);
    connect(&m_link, &SanLink::targetUpdated, this, &DiscoveryController::onTargetUpdated);
    connect(&m_link, &SanLink::targetRemoved, this, &DiscoveryController::onTargetRemoved);
    connect(&m_link, &SanLink::managerUpdated, this, &DiscoveryController::onManager);
    connect(&m_link, &SanLink::serviceVanished, this, [this] {
        m_announced.clear();
        emit logMessage(tr("The aoesan service went away; its targets and exports are shown again when it is back."));
        onManager();
    });
    connect(&m_link, &SanLink::serviceAppeared, this, [this] {
        emit logMessage(tr("The aoesan service is back."));
        onManager();
    });
    for (const auto &[key, view] : m_link.targets())
        onTargetUpdated(key, true);
    onManager();
}

QStringList DiscoveryController::interfaces() const
{
    return m_link.isConnected() ? m_link.manager().interfaces : QStringList();
}

QStringList DiscoveryController::interfacesSetting() const
{
    return m_link.manager().interfacesSetting;
}

std::chrono::seconds DiscoveryController::interval() const
{
    return std::chrono::seconds(m_link.manager().intervalSeconds);
}

QDateTime DiscoveryController::lastProbe() const
{
    const auto ms = m_link.manager().lastProbeMs;
    return m_link.isConnected() && ms > 0 ? QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms)) : QDateTime();
}

bool DiscoveryController::isRunning() const
{
    return m_link.isConnected() && !m_link.manager().interfaces.isEmpty() && !m_link.manager().discoveryProblem;
}

void DiscoveryController::configure(const QStringList &interfaces, std::chrono::seconds interval)
{
    m_link.managerCall(QStringLiteral("SetInterfaces"),
        {interfaces, QVariant::fromValue(static_cast<uint>(interval.count()))}, [this](auto reply) {
            if (reply) {
                m_callProblem.reset();
            } else {
                auto p = ExportController::problemOf(reply.error());
                p.message = tr("The discovery settings were not changed: %1").arg(p.message);
                m_callProblem = p;
            }
            setProblem(currentProblem());
        });
}

void DiscoveryController::stop()
{
    m_stopped = true;
    m_pendingTransitions.clear();
}

void DiscoveryController::discoverNow()
{
    m_link.managerCall(QStringLiteral("ProbeNow"), {}, [this](auto reply) {
        if (!reply)
            emit logMessage(ExportController::problemOf(reply.error()).message);
    });
}

void DiscoveryController::forgetDown()
{
    flush();
    const int down = m_targets.counts().down;
    m_link.managerCall(QStringLiteral("ForgetDownTargets"), {}, [this, down](auto reply) {
        if (!reply) {
            emit logMessage(ExportController::problemOf(reply.error()).message);
            return;
        }
        // The service removes them (InterfacesRemoved); this is the person's one line about it.
        if (down > 0)
            emit logMessage(tr("Forgot %n down target(s).", nullptr, down));
    });
}

bool DiscoveryController::sendRequest(const discovery::ProbeRequest &request)
{
    if (!m_link.isConnected())
        return false;
    // The service's request line is the probe's without the id: the service numbers its own.
    QList<QByteArray> words = discovery::formatProbeRequest(request).split(' ');
    if (words.size() > 1)
        words.removeAt(1);
    const QString line = QString::fromUtf8(words.join(' '));
    const auto id = request.id;
    const auto kind = request.kind;
    const auto target = request.target;
    m_link.request(target.shelf, target.slot, line, [this, id, kind, target](auto reply) {
        if (reply) {
            auto parsed = discovery::replyFromJson(jsonOf(reply->value(0).toString()));
            if (parsed) {
                parsed->id = id;
                emit requestReplied(*parsed);
                return;
            }
            discovery::RequestFailure failure {id, kind, target, QLatin1String(discovery::request_error::kBadRequest),
                tr("The service's answer could not be read: %1").arg(parsed.error()), {}, std::nullopt};
            emit requestFailed(failure);
            return;
        }
        const auto &error = reply.error();
        if (error.name == QLatin1String(service::error::kRequestFailed)) {
            if (auto parsed = discovery::requestFailureFromJson(jsonOf(error.message))) {
                parsed->id = id;
                emit requestFailed(*parsed);
                return;
            }
        }
        const bool noDiscovery = error.name == QLatin1String(service::error::kNoDiscovery);
        emit requestFailed(discovery::RequestFailure {id, kind, target,
            QLatin1String(noDiscovery ? request_failure::kNoDiscovery : request_failure::kService), error.message, {},
            std::nullopt});
    });
    return true;
}

void DiscoveryController::onTargetUpdated(quint32 key, bool added)
{
    const auto it = m_link.targets().find(key);
    if (it == m_link.targets().end())
        return;
    const auto &info = it->second.info;
    const auto before = m_states.find(key);
    if (!added && before != m_states.end() && before->second != info.state && !m_stopped) {
        const bool up = info.state == discovery::TargetState::Up;
        const bool down = info.state == discovery::TargetState::Down;
        if (up || down)
            m_pendingTransitions.emplace_back(up, info);
    }
    m_states[key] = info.state;
    m_pending.push_back(info);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void DiscoveryController::onTargetRemoved(quint32 key, const discovery::TargetInfo &last)
{
    m_states.erase(key);
    m_quietDown.remove(key);
    m_pendingRemovals.push_back(last.id);
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

std::optional<Problem> DiscoveryController::currentProblem() const
{
    if (!m_link.isConnected()) {
        return Problem {Problem::Level::Error, QStringLiteral("service-gone"),
            tr("The aoesan service is not running, so there are no targets and exports to show."),
            tr("aoesan shows them again as soon as the service is back (systemctl start aoesan).")};
    }
    if (const auto &p = m_link.manager().discoveryProblem) {
        if (p->code == QLatin1String("no-interfaces")) {
            // The GUI's own words (translated); the service's are English, for its log.
            return Problem {Problem::Level::Error, p->code,
                tr("There is no Ethernet interface that is up, so there is nowhere to look for targets."),
                tr("Connect a cable or bring an interface up (ip link set eth1 up), then press Discover "
                   "now. To try aoesan without a network, start it with aoesan --lab.")};
        }
        return Problem {Problem::Level::Error, p->code, p->message, p->fix};
    }
    return m_callProblem;
}

discovery::DiscoveryLimit DiscoveryController::limit() const
{
    return m_link.isConnected() ? m_link.manager().discoveryLimit : discovery::DiscoveryLimit {};
}

void DiscoveryController::onManager()
{
    setProblem(currentProblem());
    if (const auto l = limit(); l.reached != m_limitReached) {
        m_limitReached = l.reached;
        if (l.reached)
            emit logMessage(tr("Discovery keeps at most %1 targets and %2 paths each, and is refusing more: "
                               "a station on the network may be sending forged answers.")
                                .arg(l.maxTargets)
                                .arg(l.maxPaths));
        else
            emit logMessage(tr("Discovery refuses no more answers."));
    }
    const QStringList now = interfaces();
    // Announced once the probe runs (it set LastProbe), each time the interfaces change.
    if (isRunning() && m_link.manager().lastProbeMs > 0 && now != m_announced) {
        m_announced = now;
        log::logger("discovery")
            ->info("probing {} every {} s", now.join(QStringLiteral(", ")).toStdString(),
                m_link.manager().intervalSeconds);
        emit logMessage(tr("Discovery started on %1.").arg(now.join(QStringLiteral(", "))));
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

} // namespace aoesan::ui
