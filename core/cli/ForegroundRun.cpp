// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ForegroundRun.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <map>

#include "cli/AddressWatch.h"
#include "platform/BlockDevicesUdev.h"
#include "platform/StopSignals.h"
#include "supervisor/EngineLocation.h"
#include "supervisor/ExportSupervisor.h"
#include "supervisor/QProcessLauncher.h"
#include "util/ErrorWords.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

using supervisor::ExportState;
using supervisor::ExportStatus;

namespace {

// One line per change of state (counters do not count), with the time: a log a person can read.
class ChangePrinter
{
public:
    explicit ChangePrinter(const Command &command)
        : m_command(command)
    { }

    void print(const ExportStatus &s)
    {
        Seen &seen = m_seen[s.name];
        if (s.restored && !seen.restored && s.restrictedTo() > 0)
            line(QStringLiteral("%1: restricted to %2 host(s): the engine restored a %3 from its state file")
                     .arg(s.name)
                     .arg(s.restrictedTo())
                     .arg(s.masks.isEmpty() ? QStringLiteral("reserve list") : QStringLiteral("MAC mask")));
        seen.restored = s.restored;
        if (seen.state == s.state && seen.lastError == s.lastError && seen.known)
            return;
        seen = {s.state, s.lastError, true, s.restored};
        QString text = QStringLiteral("%1: %2").arg(s.name, supervisor::stateName(s.state));
        if (s.state == ExportState::Running)
            text += QStringLiteral(" (engine pid %1%2)")
                        .arg(s.pid)
                        .arg(s.restarts > 0 ? QStringLiteral(", restart %1").arg(s.restarts) : QString());
        if (s.state == ExportState::Restarting && s.nextRestartIn)
            text += QStringLiteral(" in %1 ms").arg(s.nextRestartIn->count());
        if ((s.state == ExportState::Restarting || s.state == ExportState::Failed) && s.lastError)
            text += QStringLiteral(": ") + s.lastError->describe();
        line(text);
    }

private:
    void line(const QString &text)
    {
        std::fprintf(m_command.out(), "%s aoesan-ctl %s: %s\n",
            qPrintable(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))), m_command.name(),
            qPrintable(text));
        std::fflush(m_command.out());
    }

    struct Seen
    {
        ExportState state = ExportState::Stopped;
        std::optional<supervisor::ExportProblem> lastError;
        bool known = false;
        bool restored = false;
    };
    const Command &m_command;
    std::map<QString, Seen> m_seen;
};

int exitCodeFor(const std::vector<ExportStatus> &statuses)
{
    int code = ExitOk;
    for (const auto &s : statuses) {
        if (s.state != ExportState::Failed)
            continue;
        if (s.lastError && s.lastError->code == QLatin1String(error_word::kNoPermission))
            return ExitNoPermission; // systemd: RestartPreventExitStatus=3
        code = ExitFailed;
    }
    return code;
}

} // namespace

int runInForeground(
    const Command &command, const std::vector<supervisor::ExportRecord> &records, const ForegroundOptions &options)
{
    const QString engine = supervisor::findEngine();
    if (engine.isEmpty())
        return command.failure(supervisor::engineSearchDescription().toStdString());
    std::FILE *out = command.out();
    const char *name = command.name();
    platform::StopSignals stopSignals;
    // Listen on the exports' interfaces first: a shelf.slot another host serves there is refused.
    std::unique_ptr<AddressWatch> watch;
    QStringList interfaces;
    for (const auto &record : records) {
        if (!interfaces.contains(record.interface))
            interfaces << record.interface;
    }
    if (!interfaces.isEmpty()) {
        std::string why;
        watch = AddressWatch::open(interfaces, &why);
        if (!watch)
            std::fprintf(out,
                "aoesan-ctl %s: warning: cannot check whether another host already serves these "
                "shelf.slot addresses (%s); starting without that check\n",
                name, why.c_str());
    }
    supervisor::QProcessLauncher launcher(supervisor::EngineCommand {engine, {}});
    supervisor::SteadySupervisorClock clock;
    const platform::SystemBlockDevices devices;
    supervisor::ExportSupervisor exports(
        launcher, clock, supervisor::ExportPreflight(watch ? &watch->query() : nullptr, &devices));
    ChangePrinter printer(command);
    bool stopping = false;
    bool started = false;

    QObject::connect(&exports, &supervisor::ExportSupervisor::statusChanged, &exports,
        [&](const QString &, const ExportStatus &status) {
            printer.print(status);
            if (options.exitWhenDone && started && !stopping && !exports.anyActive())
                QCoreApplication::exit(exitCodeFor(exports.statuses()));
        });
    QObject::connect(&exports, &supervisor::ExportSupervisor::allStopped, &exports, [&]() {
        if (stopping)
            QCoreApplication::exit(ExitOk);
    });
    QObject::connect(&stopSignals, &platform::StopSignals::received, &exports, [&](int signal) {
        if (stopping)
            return;
        stopping = true;
        std::fprintf(out, "aoesan-ctl %s: %s: stopping every export\n", name, qPrintable(platform::signalName(signal)));
        std::fflush(out);
        exports.stopAll();
    });

    const auto startAll = [&]() {
        if (stopping)
            return;
        started = true;
        if (records.empty())
            std::fprintf(out, "aoesan-ctl %s: no export to run; waiting for SIGTERM\n", name);
        for (const auto &record : records) {
            std::fprintf(out, "aoesan-ctl %s: starting %s: %s\n", name, qPrintable(record.name),
                qPrintable(supervisor::describeRecord(record)));
            // A refusal is printed by the status handler (the export shows as failed, with the reason).
            (void)exports.start(record, supervisor::StartOptions {options.force});
        }
        std::fflush(out);
        if (options.exitWhenDone && !exports.anyActive())
            QCoreApplication::exit(exitCodeFor(exports.statuses()));
    };
    if (watch) {
        std::fprintf(out, "aoesan-ctl %s: looking for other AoE targets on %s\n", name,
            qPrintable(interfaces.join(QLatin1Char(','))));
        std::fflush(out);
        watch->whenSettled(startAll);
    } else {
        QTimer::singleShot(0, &exports, startAll);
    }
    return QCoreApplication::exec();
}

} // namespace aoesan::cli
