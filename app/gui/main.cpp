// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan: the desktop program. Builds the models, controllers and window, wires them and hands over to
// the event loop; never runs as root outside lab mode. `aoesan --lab` runs it in a private network
// namespace with demo targets and exports (ui/lab).
#include <QApplication>
#include <QMessageBox>

#include <cstdio>

#include "Version.h"
#include "discovery/DiscoveryController.h"
#include "supervisor/ProbeSupervisor.h"
#include "supervisor/ProbeProcess.h"
#include "exports/DiscoveredAddresses.h"
#include "exports/ExportController.h"
#include "lab/LabEnvironment.h"
#include "lab/LabNamespace.h"
#include "log/LogBuffer.h"
#include "log/LogModel.h"
#include "log/Logging.h"
#include "models/ExportModel.h"
#include "models/TargetFilterModel.h"
#include "models/TargetModel.h"
#include "net/NetworkInterfaces.h"
#include "platform/BlockDevicesUdev.h"
#include "settings/AppSettings.h"
#include "shell/AppController.h"
#include "shell/CommandLine.h"
#include "shell/MainWindow.h"
#include "shell/QuitFlow.h"
#include "shell/QuitSignals.h"
#include "shell/SingleInstance.h"
#include "shell/Translations.h"
#include "supervisor/EngineLocation.h"
#include "supervisor/ExportStore.h"
#include "supervisor/ExportSupervisor.h"
#include "supervisor/QProcessLauncher.h"
#include "tray/TrayController.h"

using namespace aoesan;

namespace {

int refuse(const QString &title, const QString &text)
{
    QMessageBox::critical(nullptr, title, text);
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    // Before any GUI: --help and --version work without a display.
    const ui::CommandLine options = ui::commandLineOrExit(argc, argv);
    // Lab mode's user namespace must be entered while this process has one thread.
    const bool lab = options.lab;
    const auto userNs = lab ? ui::lab::enterUserNamespace() : ui::lab::StepResult {};

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("aoesan"));
    QApplication::setApplicationDisplayName(QStringLiteral("aoesan"));
    QApplication::setApplicationVersion(QString::fromLatin1(kVersionString));
    QApplication::setDesktopFileName(QString::fromLatin1(kAppId));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/aoesan/icons/io.github.aoesan.svg")));
    QApplication::setQuitOnLastWindowClosed(false); // the tray keeps running; QuitFlow ends it

    ui::SettingsStore realSettings;
    auto loaded = realSettings.load();
    ui::installTranslations(app, loaded.settings.language);

    std::unique_ptr<ui::lab::LabEnvironment> labEnv;
    if (lab) {
        if (!userNs.ok)
            return refuse(QApplication::translate("main", "aoesan lab mode"), userNs.error);
        // The display is open: now the network can go private.
        if (const auto netNs = ui::lab::enterNetworkNamespace(); !netNs.ok)
            return refuse(QApplication::translate("main", "aoesan lab mode"), netNs.error);
        labEnv = std::make_unique<ui::lab::LabEnvironment>(supervisor::findEngine());
        // Engines and logs of the lab keep their state in its directory, not in the person's.
        qputenv("XDG_STATE_HOME", QFile::encodeName(labEnv->directory() + QStringLiteral("/state")));
    }

    log::LogOptions logOptions {"aoesan", std::nullopt, true, true};
    if (options.logLevel)
        logOptions.level = options.logLevel->toStdString();
    log::initLogging(logOptions);
    auto logBuffer = std::make_shared<ui::LogBuffer>();
    ui::attachSink(std::make_shared<ui::LogBufferSink>(logBuffer), {"aoesan", "ui", "discovery", "supervisor"});

    QString labError;
    if (labEnv && !labEnv->build(&labError))
        return refuse(QApplication::translate("main", "aoesan lab mode"), labError);

    // Settings: the person's own, or a lab copy that keeps their language and watches the lab's links.
    ui::SettingsStore settingsStore(
        labEnv ? labEnv->directory() + QStringLiteral("/aoesan.conf") : realSettings.path());
    ui::AppSettings settings = loaded.settings;
    if (labEnv) {
        settings = ui::AppSettings {};
        settings.language = loaded.settings.language;
        settings.interfaces = labEnv->probeInterfaces();
        settings.intervalSeconds = 2;
        settings.closeHintShown = true;
    }

    ui::SingleInstance instance(QString::fromLatin1(kAppId));
    if (!labEnv) {
        if (const auto claim = instance.claim(); claim != ui::SingleInstance::Claim::First) {
            std::puts(qPrintable(ui::SingleInstance::message(claim))); // the running aoesan shows its window
            return claim == ui::SingleInstance::Claim::Raised ? 0 : 1;
        }
    }

    ui::TargetModel targets;
    ui::TargetFilterModel filter;
    filter.setSourceModel(&targets);
    ui::ExportModel exportModel;
    ui::LogModel logModel(logBuffer);

    const QString engine = supervisor::findEngine();
    supervisor::QProcessProbeLauncher probeLauncher(engine.isEmpty() ? QStringLiteral("aoesan-engine") : engine);
    supervisor::ProbeSupervisor probe(probeLauncher);
    ui::DiscoveryController discovery(probe, targets, {});

    supervisor::ExportStore store(
        labEnv ? labEnv->directory() + QStringLiteral("/exports.json") : supervisor::ExportStore::defaultPath());
    ui::DiscoveredAddresses addresses(targets, [&store] { return store.records(); });
    platform::SystemBlockDevices devices;
    supervisor::QProcessLauncher engineLauncher({engine.isEmpty() ? QStringLiteral("aoesan-engine") : engine, {}});
    supervisor::SteadySupervisorClock clock;
    supervisor::ExportSupervisor exportSupervisor(
        engineLauncher, clock, supervisor::ExportPreflight(&addresses, &devices));
    if (labEnv)
        exportSupervisor.setStateDirectory(labEnv->directory() + QStringLiteral("/state/exports"));
    ui::ExportController exports(store, exportSupervisor, exportModel);
    QObject::connect(&exports, &ui::ExportController::localExportsChanged, &targets, &ui::TargetModel::setLocalExports);
    ui::QuitFlow quit(exports);
    // exit(), not quit(): quit() asks the windows first, and the main window answers by hiding (QuitFlow.h).
    QObject::connect(&quit, &ui::QuitFlow::quitNow, &app, [] { QCoreApplication::exit(0); });
    ui::QuitSignals quitSignals;
    QObject::connect(&quitSignals, &ui::QuitSignals::received, &quit, [&quit](int signal) {
        log::logger("ui")->info("signal {}: stopping the exports and quitting", signal);
        quit.quitWithoutAsking();
    });

    ui::MainWindow window({targets, filter, exportModel, logModel, discovery, exports});
    window.setLabMode(labEnv != nullptr);
    ui::TrayController tray(targets, exportModel, exports, window.actions());
    const bool hasTray = tray.show();

    const auto wizardContext = [&] {
        ui::WizardContext context;
        context.scanDevices = [&devices] { return devices.scan(); };
        context.listInterfaces = [] { return net::listInterfaces(); };
        context.targets = &targets;
        context.exports = exports.records();
        context.imageDirectory = labEnv ? labEnv->directory() : QDir::homePath();
        // In the lab, exports belong on the SAN side of the veth pairs, where discovery sees them.
        context.preferredInterface = labEnv ? QStringLiteral("san-a") : QString();
        return context;
    };
    ui::AppController controller(
        {settingsStore, window, discovery, exports, quit, hasTray ? &tray : nullptr, wizardContext}, settings);
    QObject::connect(&instance, &ui::SingleInstance::activationRequested, &controller, &ui::AppController::activate);
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &controller, &ui::AppController::saveWindowState);

    QStringList problems = loaded.problems;
    problems << exports.load(/*autostart=*/true);
    if (labEnv) {
        for (const auto &record : labEnv->demoExports()) {
            if (auto added = exports.add(record, true); !added)
                problems << added.error().message;
        }
    }
    controller.start();
    window.showStartupProblems(problems);
    const int code = QApplication::exec();
    discovery.stop();
    return code;
}
