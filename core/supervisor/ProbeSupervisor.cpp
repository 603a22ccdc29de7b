// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/ProbeSupervisor.h"

#include <algorithm>

#include "log/Logging.h"
#include "supervisor/EngineEvent.h"
#include "util/ErrorWords.h"
#include "util/ExitCode.h"

namespace aoesan::supervisor {

namespace {

// Engine error codes after which trying again cannot help.
bool permanent(const QString &code)
{
    return code == QLatin1String(error_word::kNoPermission) || code == QLatin1String(error_word::kBadArguments)
        || code == QLatin1String(error_word::kNoSuchInterface);
}
} // namespace

RestartPolicy ProbeSupervisor::defaultPolicy()
{
    RestartPolicy p;
    p.firstDelay = std::chrono::milliseconds(1000);
    p.maxFastFailures = 6;
    return p;
}

ProbeSupervisor::ProbeSupervisor(ProbeLauncher &launcher, RestartPolicy policy, QObject *parent)
    : QObject(parent)
    , m_launcher(launcher)
    , m_policy(policy)
{
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, &ProbeSupervisor::launch);
}

ProbeSupervisor::~ProbeSupervisor()
{
    if (m_process)
        m_process->disconnect(this);
}

void ProbeSupervisor::start(const QStringList &interfaces, std::chrono::milliseconds interval, std::uint32_t maxTargets)
{
    stop();
    m_arguments.clear();
    for (const QString &name : interfaces)
        m_arguments << QStringLiteral("-i") << name;
    m_arguments << QStringLiteral("--interval") << QString::number(static_cast<double>(interval.count()) / 1000.0);
    if (maxTargets != discovery::kDefaultMaxTargets)
        m_arguments << QStringLiteral("--max-targets") << QString::number(maxTargets);
    m_failuresInARow = 0;
    m_restarts = 0;
    launch();
}

void ProbeSupervisor::stop()
{
    m_restartTimer.stop();
    if (!m_process)
        return;
    // Let it go quietly: it is ours no longer.
    m_process->disconnect(this);
    m_process->stop();
    auto *leaving = m_process.release();
    connect(leaving, &ProbeProcess::finished, leaving, &QObject::deleteLater);
}

void ProbeSupervisor::probeNow()
{
    if (m_process)
        m_process->writeLine(QByteArrayLiteral("probe"));
}

bool ProbeSupervisor::send(const discovery::ProbeRequest &request)
{
    if (!m_process || !m_sawStarted)
        return false;
    m_process->writeLine(discovery::formatProbeRequest(request));
    return true;
}

void ProbeSupervisor::launch()
{
    m_lastError.reset();
    m_stderrTail.clear();
    m_sawStarted = false;
    m_process = m_launcher.launch(m_arguments);
    connect(m_process.get(), &ProbeProcess::lineReceived, this, &ProbeSupervisor::onLine);
    connect(m_process.get(), &ProbeProcess::errorOutput, this,
        [this](const QByteArray &text) { m_stderrTail = QByteArray(m_stderrTail + text).right(2048); });
    connect(m_process.get(), &ProbeProcess::finished, this, &ProbeSupervisor::onFinished);
}

void ProbeSupervisor::onLine(const QByteArray &line)
{
    using namespace discovery::probe;
    const auto event = discovery::parseProbeEvent(line);
    if (const auto *t = std::get_if<TargetEvent>(&event)) {
        emit targetEvent(*t);
    } else if (const auto *s = std::get_if<Started>(&event)) {
        m_sawStarted = true;
        emit started(*s);
    } else if (const auto *w = std::get_if<Warning>(&event)) {
        emit warning(w->interface.isEmpty() ? w->message : w->interface + QStringLiteral(": ") + w->message);
    } else if (const auto *l = std::get_if<Limit>(&event)) {
        emit limitChanged(l->limit);
    } else if (const auto *e = std::get_if<Error>(&event)) {
        m_lastError = ExportProblem {e->code, e->message, e->fix};
    } else if (const auto *r = std::get_if<discovery::RequestReply>(&event)) {
        emit replied(*r);
    } else if (const auto *f = std::get_if<discovery::RequestFailure>(&event)) {
        emit requestFailed(*f);
    } else if (const auto *g = std::get_if<Garbage>(&event)) {
        log::logger("discovery")
            ->warn("probe wrote a line that is not an event ({}): {}", g->why.toStdString(),
                g->line.left(200).toStdString());
    }
}

void ProbeSupervisor::onFinished(const ProcessExit &exit)
{
    auto gone = std::move(m_process);
    gone.release()->deleteLater();
    emit ended();
    if (exit.kind == ProcessExit::Kind::FailedToStart) {
        emit problem(
            {QStringLiteral("engine-missing"), tr("The discovery engine could not be started (%1).").arg(exit.detail),
                tr("Install aoesan completely (aoesan-engine belongs in /usr/libexec/aoesan), or set "
                   "AOESAN_ENGINE to the path of aoesan-engine.")});
        return;
    }
    if (m_lastError && permanent(m_lastError->code)) {
        emit problem(*m_lastError);
        return;
    }
    if (exit.kind == ProcessExit::Kind::Exited && exit.code == ExitNoPermission) {
        emit problem(
            {QStringLiteral("no-permission"), tr("The discovery engine has no permission to capture network frames."),
                tr("Add yourself to group aoesan (sudo usermod -aG aoesan $USER, then log in again).")});
        return;
    }
    m_failuresInARow = m_sawStarted ? 1 : m_failuresInARow + 1;
    if (m_failuresInARow > m_policy.maxFastFailures) {
        ExportProblem p = m_lastError.value_or(
            ExportProblem {QStringLiteral("gave-up"), tr("The discovery engine keeps stopping."), {}});
        if (p.fix.isEmpty())
            p.fix = tr("See the log for its last words: %1")
                        .arg(QString::fromLocal8Bit(m_stderrTail.trimmed().right(300)));
        emit problem(p);
        return;
    }
    const auto delay = m_policy.delayFor(m_failuresInARow);
    ++m_restarts;
    log::logger("discovery")
        ->warn("the probe ended ({}); restarting in {} ms",
            m_lastError ? m_lastError->message.toStdString() : std::string("no reason given"), delay.count());
    emit restarting(m_restarts, delay);
    m_restartTimer.start(delay);
}

} // namespace aoesan::supervisor
