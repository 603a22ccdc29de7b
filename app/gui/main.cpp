// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan: the desktop program, a client of aoesan-service (docs/dbus-api.md). Reaches the service (or
// starts a private one, ServiceConnection), builds the models, controllers and window over its mirror,
// wires them and hands over to the event loop; it runs no engine and no probe of its own. `aoesan --lab`
// runs it in a private network namespace with demo targets, and a private service there that serves the
// demo exports (ui/lab). `aoesan --autostart` is the login entry (packaging/desktop): it ends at once unless
// the person turned "Start aoesan in the tray when I log in" on, and then starts with only the tray icon.
#include <QApplication>
#include <QMessageBox>

#include <cstdio>

#include "ServiceConnection.h"
#include "Version.h"
#include "discovery/DiscoveryController.h"
#include "exports/ExportController.h"
#include "exports/OldExportList.h"
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
#include "service/SanLink.h"
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
    // The login entry is installed for everyone and always runs: with the setting off (the default) it
    // leaves before anything exists, no window, no display connection, no service started.
    if (options.autostart && !ui::SettingsStore().trayAtLogin())
        return 0;
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
        if (options.autostart && instance.anotherRuns())
            return 0; // already running (started by hand first): its window stays as it is
        if (const auto claim = instance.claim(); claim != ui::SingleInstance::Claim::First) {
            std::puts(qPrintable(ui::SingleInstance::message(claim))); // the running aoesan shows its window
            return claim == ui::SingleInstance::Claim::Raised ? 0 : 1;
        }
    }

    // The service: the installed one, or one started here (lab mode: always a private one in the lab).
    QStringList privateArguments;
    QString serviceLog;
    if (labEnv) {
        const QString dir = labEnv->directory();
        privateArguments = {QStringLiteral("--config-dir"), dir, QStringLiteral("--state-dir"),
            dir + QStringLiteral("/state"), QStringLiteral("--interval"), QString::number(settings.intervalSeconds)};
        for (const QString &name : labEnv->probeInterfaces())
            privateArguments << QStringLiteral("-i") << name;
        serviceLog = dir + QStringLiteral("/service.log");
    } else {
        const QString stateHome
            = qEnvironmentVariable("XDG_STATE_HOME", QDir::homePath() + QStringLiteral("/.local/state"));
        serviceLog = stateHome + QStringLiteral("/aoesan/service.log");
    }
    gui::ServiceConnection serviceConnection;
    QString serviceError;
    const auto reached = serviceConnection.reach(privateArguments, serviceLog, labEnv != nullptr, &serviceError);
    if (!reached)
        return refuse(QApplication::translate("main", "aoesan"), serviceError);
    log::logger("ui")->info("the aoesan service answers on {}{}", reached->description.toStdString(),
        reached->ownedByUs ? "; it ends with this program" : "; its exports keep running when this program ends");
    ui::ServiceLink link(reached->bus, reached->ownedByUs ? ui::SanLink::Owner::Gui : ui::SanLink::Owner::System);

    ui::TargetModel targets;
    ui::TargetFilterModel filter;
    filter.setSourceModel(&targets);
    ui::ExportModel exportModel;
    ui::LogModel logModel(logBuffer);

    ui::DiscoveryController discovery(link, targets);
    platform::SystemBlockDevices devices;
    ui::ExportController exports(link, exportModel);
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

    // Now the views exist: load the service's mirror, every object announced through the signals.
    link.follow();
    // Discovery's settings are the service's.
    if (!labEnv) {
        settings.interfaces = discovery.interfacesSetting();
        if (discovery.interval().count() > 0)
            settings.intervalSeconds = static_cast<int>(discovery.interval().count());
    }

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
    if (labEnv) {
        // The lab's exports go into its service, as a person's would into the installed one.
        for (const auto &record : labEnv->demoExports())
            exports.add(record, true);
    }
    controller.start(options.autostart); // hidden in the tray after login (shown when there is no tray)
    window.showStartupProblems(problems);
    const QString oldList = supervisor::ExportStore::defaultPath();
    if (!labEnv && exports.servedBySystem() && !controller.settings().oldExportListOffered
        && link.manager().exportListPath != oldList) {
        ui::OldExportList::offer(
            oldList, exports, &window, [&controller] { controller.rememberOldExportListOffered(); });
    }
    const int code = QApplication::exec();
    discovery.stop();
    // The private service stops its engines before the lab's namespace goes away.
    serviceConnection.stopPrivate();
    return code;
}
