// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/ExportRunner.h"

#include <QCoreApplication>

#include <algorithm>

#include "log/Logging.h"
#include "net/PacketCapability.h"
#include "util/ErrorWords.h"

namespace aoesan::supervisor {

namespace {

constexpr qsizetype kStderrTailBytes = 4096;
constexpr qsizetype kMaxWarnings = 20;
constexpr int kGarbageLinesLogged = 3;
// The clients an export's status lists: the latest ones. An engine names at most 32 new ones a second and
// counts the rest (a storm of source MACs must not cost the supervisor or its log more than that).
constexpr qsizetype kMaxListedClients = 256;
constexpr int kClientsLogged = 16; // per engine run, one line each; then one line a minute at most

std::string s(const QString &text)
{
    return text.toStdString();
}

QString restoredSummary(qsizetype masks, qsizetype reservations)
{
    QStringList parts;
    if (masks > 0)
        parts << QStringLiteral("a MAC mask of %1 host(s)").arg(masks);
    if (reservations > 0)
        parts << QStringLiteral("a reserve list of %1 host(s)").arg(reservations);
    return parts.join(QStringLiteral(" and "));
}

// A display copy of something the engine should not have printed: short and printable.
QString printable(const QByteArray &line)
{
    QString text = QString::fromUtf8(line.left(120));
    for (auto &c : text) {
        if (!c.isPrint())
            c = QLatin1Char('?');
    }
    return line.size() > 120 ? text + QStringLiteral("...") : text;
}

} // namespace

std::chrono::milliseconds RestartPolicy::delayFor(int failuresInARow) const
{
    auto delay = firstDelay;
    for (int i = 1; i < failuresInARow && delay < maxDelay; ++i)
        delay *= 2;
    return std::min(delay, maxDelay);
}

ExportRunner::ExportRunner(
    QString name, ProcessLauncher &launcher, SupervisorClock &clock, RestartPolicy policy, QObject *parent)
    : QObject(parent)
    , m_launcher(launcher)
    , m_clock(clock)
    , m_policy(policy)
{
    m_status.name = std::move(name);
    m_status.since = QDateTime::currentDateTimeUtc();
}

ExportRunner::~ExportRunner()
{
    cancelTimers();
    // The process object kills a still-running engine on destruction; a supervisor being torn down
    // without stopAll() is a programming error, but never leaves an orphan serving.
    m_process.reset();
}

bool ExportRunner::isActive() const
{
    switch (m_status.state) {
    case ExportState::Starting:
    case ExportState::Running:
    case ExportState::Restarting:
    case ExportState::Stopping:
        return true;
    case ExportState::Stopped:
    case ExportState::Failed:
        break;
    }
    return false;
}

void ExportRunner::start(const QStringList &engineArguments)
{
    if (isActive() && m_status.state != ExportState::Stopping)
        return;
    m_arguments = engineArguments;
    m_status.restarts = 0;
    m_status.failuresInARow = 0;
    m_status.lastError.reset();
    m_status.nextRestartIn.reset();
    if (m_status.state == ExportState::Stopping) {
        // Let the old engine finish first; onFinished launches the new one.
        m_startWhenStopped = true;
        return;
    }
    launch();
}

void ExportRunner::refuse(const ExportProblem &problem)
{
    if (isActive())
        return;
    m_status.lastError = problem;
    log::logger("supervisor")->warn("export '{}' not started: {}", s(m_status.name), s(problem.describe()));
    setState(ExportState::Failed);
}

void ExportRunner::stop()
{
    switch (m_status.state) {
    case ExportState::Stopping:
        m_startWhenStopped = false;
        return;
    case ExportState::Stopped:
    case ExportState::Failed:
        return;
    case ExportState::Restarting:
        cancelTimers();
        m_status.nextRestartIn.reset();
        setState(ExportState::Stopped);
        return;
    case ExportState::Starting:
    case ExportState::Running:
        break;
    }
    m_stopRequested = true;
    m_clock.cancel(m_startTimer);
    m_startTimer = 0;
    setState(ExportState::Stopping);
    m_process->terminate();
    m_killTimer = m_clock.schedule(m_policy.stopTimeout, this, [this]() {
        m_killTimer = 0;
        if (!m_process)
            return;
        log::logger("supervisor")
            ->warn("export '{}': the engine (pid {}) ignored SIGTERM for {} ms; killing it", s(m_status.name),
                m_status.pid, m_policy.stopTimeout.count());
        m_process->kill();
    });
}

void ExportRunner::launch()
{
    m_stopRequested = false;
    m_engineError.reset();
    m_override.reset();
    m_stderrTail.clear();
    m_garbageLines = 0;
    m_status.counters = {};
    m_status.clients.clear();
    m_listedClients.clear();
    m_clientsLogged = 0;
    m_status.warnings.clear();
    m_status.masks.clear();
    m_status.reservations.clear();
    m_status.restored = false;
    m_status.accessChangedBy.clear();
    m_status.accessKept = false;
    m_status.servingSince = {};
    m_status.nextRestartIn.reset();
    m_launchedAt = m_clock.now();
    m_process = m_launcher.launch(m_arguments);
    EngineProcess *process = m_process.get();
    connect(process, &EngineProcess::lineReceived, this, &ExportRunner::onLine);
    connect(process, &EngineProcess::errorOutput, this, &ExportRunner::onErrorOutput);
    connect(process, &EngineProcess::finished, this, &ExportRunner::onFinished);
    m_startTimer = m_clock.schedule(m_policy.startTimeout, this, [this]() { onStartTimeout(); });
    log::logger("supervisor")->debug("export '{}': launching the engine", s(m_status.name));
    setState(ExportState::Starting);
}

void ExportRunner::onLine(const QByteArray &line)
{
    auto log = log::logger("supervisor");
    const EngineEvent parsed = parseEngineEvent(line);
    if (const auto *started = std::get_if<event::Started>(&parsed)) {
        m_clock.cancel(m_startTimer);
        m_startTimer = 0;
        m_status.pid = started->pid != 0 ? started->pid : m_process->pid();
        m_status.mac = started->mac;
        m_status.sectors = started->sectors;
        m_status.masks = started->masks;
        m_status.servingSince = QDateTime::currentDateTimeUtc();
        log->info("export '{}' is serving (engine pid {})", s(m_status.name), m_status.pid);
        if (m_status.state == ExportState::Starting)
            setState(ExportState::Running);
        else
            publish();
    } else if (const auto *restored = std::get_if<event::Restored>(&parsed)) {
        // Said so that nobody wonders why other hosts no longer see the export.
        if (!restored->masks.isEmpty())
            m_status.masks = restored->masks;
        m_status.reservations = restored->reservations;
        m_status.restored = true;
        log->warn("export '{}': the engine restored {} from {}", s(m_status.name),
            s(restoredSummary(restored->masks.size(), restored->reservations.size())), s(restored->stateFile));
        publish();
    } else if (const auto *access = std::get_if<event::Access>(&parsed)) {
        // A host on the segment changed who may use the export: shown at once, and logged, because the
        // host that is locked out by it will only see the export vanish.
        m_status.masks = access->masks;
        m_status.reservations = access->reservations;
        m_status.accessChangedBy = access->by;
        m_status.accessKept = access->kept;
        const QString now = restoredSummary(access->masks.size(), access->reservations.size());
        log->warn("export '{}': {} changed who may use it over the network (now {}), {}", s(m_status.name),
            s(access->by), now.isEmpty() ? "every host" : s(now),
            access->kept ? "kept for the next start" : "until the engine stops");
        publish();
    } else if (const auto *counters = std::get_if<event::Counters>(&parsed)) {
        m_status.counters = counters->counters;
        publish();
    } else if (const auto *client = std::get_if<event::Client>(&parsed)) {
        onClient(client->mac);
    } else if (const auto *clients = std::get_if<event::Clients>(&parsed)) {
        onClientsUnlisted(*clients);
    } else if (const auto *warning = std::get_if<event::Warning>(&parsed)) {
        log->warn("export '{}': {}", s(m_status.name), s(warning->message));
        m_status.warnings << warning->message;
        if (m_status.warnings.size() > kMaxWarnings)
            m_status.warnings.removeFirst();
        publish();
    } else if (const auto *error = std::get_if<event::Error>(&parsed)) {
        m_engineError = ExportProblem {error->code, error->message, error->fix};
    } else if (const auto *stopped = std::get_if<event::Stopped>(&parsed)) {
        m_status.counters = stopped->counters;
    } else if (const auto *garbage = std::get_if<event::Garbage>(&parsed)) {
        // A stray line is no reason to stop serving; it is said once or twice, not a thousand times.
        if (++m_garbageLines <= kGarbageLinesLogged)
            log->warn("export '{}': the engine printed a line that is not an event: {}", s(m_status.name),
                s(printable(garbage->line)));
    }
}

void ExportRunner::onClient(const QString &mac)
{
    if (m_listedClients.contains(mac))
        return;
    m_listedClients.insert(mac);
    m_status.clients << mac;
    if (m_status.clients.size() > kMaxListedClients)
        m_listedClients.remove(m_status.clients.takeFirst());
    auto log = log::logger("supervisor");
    if (m_clientsLogged < kClientsLogged) {
        ++m_clientsLogged;
        log->info("export '{}': initiator {} seen", s(m_status.name), s(mac));
    } else if (m_clientsLogged == kClientsLogged) {
        ++m_clientsLogged;
        log->info("export '{}': initiator {} seen; more are not logged one by one (the status lists the latest {})",
            s(m_status.name), s(mac), kMaxListedClients);
    }
    publish();
}

void ExportRunner::onClientsUnlisted(const event::Clients &clients)
{
    const auto now = m_clock.now();
    if (now < m_nextUnlistedLogAt)
        return;
    m_nextUnlistedLogAt = now + std::chrono::minutes(1);
    log::logger("supervisor")
        ->warn("export '{}': {} new initiator MACs in one second (the engine keeps {}); a host sending from ever-new "
               "source MACs? The export keeps serving",
            s(m_status.name), clients.unlisted, clients.clients);
}

void ExportRunner::onErrorOutput(const QByteArray &text)
{
    m_stderrTail += text;
    if (m_stderrTail.size() > kStderrTailBytes)
        m_stderrTail = m_stderrTail.right(kStderrTailBytes);
}

QString ExportRunner::lastErrorLine() const
{
    const QList<QByteArray> lines = m_stderrTail.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last().trimmed());
}

ExportProblem ExportRunner::problemFor(const ProcessExit &exit) const
{
    if (m_override)
        return *m_override;
    if (exit.kind == ProcessExit::Kind::FailedToStart)
        return {QStringLiteral("cannot-run"),
            QCoreApplication::translate("ExportRunner", "the engine could not be run (%1)").arg(exit.detail),
            QCoreApplication::translate("ExportRunner", "Check that aoesan-engine is installed and executable.")};
    if (m_engineError) {
        ExportProblem p = *m_engineError;
        if (p.code == QLatin1String(error_word::kNoPermission) && p.fix.isEmpty())
            p.fix = QString::fromStdString(net::packetPermissionFix("aoesan-engine"));
        return p;
    }
    const QString said = lastErrorLine();
    const QString tail = said.isEmpty() ? QString() : QStringLiteral(": %1").arg(said);
    if (exit.kind == ProcessExit::Kind::Signalled)
        return {QStringLiteral("crashed"),
            QCoreApplication::translate("ExportRunner", "the engine was killed by a signal") + tail, {}};
    if (exit.code == ExitNoPermission)
        return {QString::fromLatin1(error_word::kNoPermission),
            QCoreApplication::translate("ExportRunner", "the engine has no permission") + tail,
            QString::fromStdString(net::packetPermissionFix("aoesan-engine"))};
    return {QStringLiteral("exited"),
        QCoreApplication::translate("ExportRunner", "the engine exited with code %1").arg(exit.code) + tail, {}};
}

bool ExportRunner::restartCannotHelp(const ProcessExit &exit) const
{
    if (m_override)
        return false;
    if (exit.kind == ProcessExit::Kind::FailedToStart)
        return true;
    if (m_engineError
        && (m_engineError->code == QLatin1String(error_word::kNoPermission)
            || m_engineError->code == QLatin1String(error_word::kBadArguments)))
        return true;
    return exit.kind == ProcessExit::Kind::Exited && (exit.code == ExitNoPermission || exit.code == ExitUsage);
}

void ExportRunner::onFinished(const ProcessExit &exit)
{
    auto log = log::logger("supervisor");
    const auto ran = m_clock.now() - m_launchedAt;
    const bool requested = m_stopRequested;
    const bool startAgain = m_startWhenStopped;
    m_startWhenStopped = false;
    const bool cleanExit = exit.kind == ProcessExit::Kind::Exited && exit.code == 0 && !m_override;
    const ExportProblem problem = problemFor(exit);
    const bool hopeless = restartCannotHelp(exit);
    cancelTimers();
    dropProcess();

    if (startAgain) {
        launch();
        return;
    }
    if (requested || cleanExit) {
        // A clean exit nobody here asked for is someone's SIGTERM: a deliberate stop, not a crash.
        if (!requested)
            log->info("export '{}': the engine stopped on its own (exit code 0)", s(m_status.name));
        setState(ExportState::Stopped);
        return;
    }
    log->warn("export '{}': {}", s(m_status.name), s(problem.describe()));
    m_status.lastError = problem;
    if (hopeless) {
        setState(ExportState::Failed);
        return;
    }
    // A long good run was not part of a crash loop: count from one again.
    m_status.failuresInARow = ran >= m_policy.stableAfter ? 1 : m_status.failuresInARow + 1;
    if (m_status.failuresInARow >= m_policy.maxFastFailures) {
        m_status.lastError->message
            += QCoreApplication::translate("ExportRunner", " (gave up after %1 failed starts in a row)")
                   .arg(m_status.failuresInARow);
        log->error("export '{}': giving up: {}", s(m_status.name), s(m_status.lastError->describe()));
        setState(ExportState::Failed);
        return;
    }
    scheduleRestart(problem);
}

void ExportRunner::scheduleRestart(const ExportProblem &problem)
{
    const auto delay = m_policy.delayFor(m_status.failuresInARow);
    m_status.nextRestartIn = delay;
    log::logger("supervisor")
        ->info("export '{}': restarting in {} ms ({})", s(m_status.name), delay.count(), s(problem.code));
    m_restartTimer = m_clock.schedule(delay, this, [this]() {
        m_restartTimer = 0;
        ++m_status.restarts;
        launch();
    });
    setState(ExportState::Restarting);
}

void ExportRunner::onStartTimeout()
{
    m_startTimer = 0;
    if (!m_process)
        return;
    m_override = ExportProblem {QStringLiteral("start-timeout"),
        QCoreApplication::translate("ExportRunner", "the engine did not start serving within %1 s")
            .arg(double(m_policy.startTimeout.count()) / 1000.0),
        {}};
    m_process->kill();
}

void ExportRunner::setState(ExportState state)
{
    if (state != ExportState::Running && state != ExportState::Stopping)
        m_status.servingSince = {};
    if (state == ExportState::Stopped || state == ExportState::Failed || state == ExportState::Restarting)
        m_status.pid = 0;
    else if (m_process && m_status.pid == 0)
        m_status.pid = m_process->pid();
    if (state != ExportState::Restarting)
        m_status.nextRestartIn.reset();
    if (state != m_status.state) {
        m_status.state = state;
        m_status.since = QDateTime::currentDateTimeUtc();
        log::logger("supervisor")->info("export '{}' is {}", s(m_status.name), s(stateName(state)));
    }
    publish();
}

void ExportRunner::publish()
{
    emit statusChanged(m_status);
}

void ExportRunner::cancelTimers()
{
    for (TimerId *id : {&m_restartTimer, &m_startTimer, &m_killTimer}) {
        m_clock.cancel(*id);
        *id = 0;
    }
}

void ExportRunner::dropProcess()
{
    // Called from the process's own finished() signal: it must outlive this call.
    if (m_process) {
        disconnect(m_process.get(), nullptr, this, nullptr);
        m_process.release()->deleteLater();
    }
}

} // namespace aoesan::supervisor
