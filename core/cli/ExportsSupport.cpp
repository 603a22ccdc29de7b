// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ExportsSupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <cstdio>
#include <map>

#include "cli/AddressWatch.h"
#include "cli/CtlSupport.h"
#include "platform/BlockDevicesUdev.h"
#include "platform/StopSignals.h"
#include "supervisor/EngineLocation.h"
#include "supervisor/ExportSupervisor.h"
#include "supervisor/QProcessLauncher.h"

namespace aoesan::cli {

using supervisor::ExportState;
using supervisor::ExportStatus;

QCommandLineOption storeOption()
{
    return QCommandLineOption(QStringLiteral("store"),
        QStringLiteral("The export list to use (default: %1).").arg(supervisor::ExportStore::defaultPath()),
        QStringLiteral("FILE"));
}

std::optional<supervisor::ExportStore> openStore(const char *command, const QString &path)
{
    supervisor::ExportStore store(path.isEmpty() ? supervisor::ExportStore::defaultPath() : path);
    const auto loaded = store.load();
    if (!loaded) {
        printError(command, loaded.error().message.toStdString());
        return std::nullopt;
    }
    for (const auto &problem : loaded->problems)
        printError(command, problem.toStdString());
    return store;
}

bool saveStore(const char *command, const supervisor::ExportStore &store)
{
    const auto saved = store.save();
    if (!saved)
        printError(command, saved.error().message.toStdString());
    return saved.ok();
}

namespace {

// One line per change of state (counters do not count), with the time: a log a person can read.
class ChangePrinter
{
public:
    explicit ChangePrinter(const char *command)
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
        std::printf("%s aoesan-ctl %s: %s\n",
            qPrintable(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))), m_command,
            qPrintable(text));
        std::fflush(stdout);
    }

    struct Seen
    {
        ExportState state = ExportState::Stopped;
        std::optional<supervisor::ExportProblem> lastError;
        bool known = false;
        bool restored = false;
    };
    const char *m_command;
    std::map<QString, Seen> m_seen;
};

int exitCodeFor(const std::vector<ExportStatus> &statuses)
{
    int code = kExitOk;
    for (const auto &s : statuses) {
        if (s.state != ExportState::Failed)
            continue;
        if (s.lastError && s.lastError->code == QLatin1String(supervisor::kNoPermissionCode))
            return supervisor::kNoPermissionExitCode; // systemd: RestartPreventExitStatus=3
        code = kExitFailure;
    }
    return code;
}

} // namespace

int runInForeground(
    const char *command, const std::vector<supervisor::ExportRecord> &records, const ForegroundOptions &options)
{
    const QString engine = supervisor::findEngine();
    if (engine.isEmpty()) {
        printError(command, supervisor::engineSearchDescription().toStdString());
        return kExitFailure;
    }
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
            std::printf("aoesan-ctl %s: warning: cannot check whether another host already serves these "
                        "shelf.slot addresses (%s); starting without that check\n",
                command, why.c_str());
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
            QCoreApplication::exit(kExitOk);
    });
    QObject::connect(&stopSignals, &platform::StopSignals::received, &exports, [&](int signal) {
        if (stopping)
            return;
        stopping = true;
        std::printf("aoesan-ctl %s: %s: stopping every export\n", command, qPrintable(platform::signalName(signal)));
        std::fflush(stdout);
        exports.stopAll();
    });

    const auto startAll = [&]() {
        if (stopping)
            return;
        started = true;
        if (records.empty())
            std::printf("aoesan-ctl %s: no export to run; waiting for SIGTERM\n", command);
        for (const auto &record : records) {
            std::printf("aoesan-ctl %s: starting %s: %s\n", command, qPrintable(record.name),
                qPrintable(supervisor::describeRecord(record)));
            // A refusal is printed by the status handler (the export shows as failed, with the reason).
            (void)exports.start(record, supervisor::StartOptions {options.force});
        }
        std::fflush(stdout);
        if (options.exitWhenDone && !exports.anyActive())
            QCoreApplication::exit(exitCodeFor(exports.statuses()));
    };
    if (watch) {
        std::printf("aoesan-ctl %s: looking for other AoE targets on %s\n", command,
            qPrintable(interfaces.join(QLatin1Char(','))));
        std::fflush(stdout);
        watch->whenSettled(startAll);
    } else {
        QTimer::singleShot(0, &exports, startAll);
    }
    return QCoreApplication::exec();
}

} // namespace aoesan::cli
