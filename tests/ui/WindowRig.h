// SPDX-License-Identifier: GPL-3.0-or-later
// The main window with everything it shows, as main() wires it, but with a fake probe and an engine launcher
// that starts nothing: the GUI tests' one rig (tst_main_window, tst_help_menu, tst_target_actions, tst_screenshots).
#pragma once

#include <QStringList>
#include <QTemporaryDir>

#include <memory>

#include "FakeProbe.h"
#include "discovery/DiscoveryController.h"
#include "supervisor/ProbeSupervisor.h"
#include "exports/ExportController.h"
#include "log/LogBuffer.h"
#include "log/LogModel.h"
#include "models/ExportModel.h"
#include "models/TargetFilterModel.h"
#include "models/TargetModel.h"
#include "shell/MainWindow.h"
#include "supervisor/ExportPreflight.h"
#include "supervisor/ExportStore.h"
#include "supervisor/ExportSupervisor.h"
#include "supervisor/ProcessLauncher.h"
#include "supervisor/SupervisorClock.h"

namespace aoesan::test {

// Exports are recorded and "started", but no engine process is ever launched.
class NoEngines : public supervisor::ProcessLauncher
{
public:
    std::unique_ptr<supervisor::EngineProcess> launch(const QStringList &) override { return nullptr; }
};

struct WindowRig
{
    explicit WindowRig(QStringList watched = {QStringLiteral("lan1")})
        : interfaces(std::move(watched))
    {
        filter.setSourceModel(&targets);
        window = std::make_unique<ui::MainWindow>(
            ui::MainWindowParts {targets, filter, exportModel, log, discovery, exports});
    }

    QTemporaryDir dir;
    ui::TargetModel targets;
    ui::TargetFilterModel filter;
    ui::ExportModel exportModel;
    std::shared_ptr<ui::LogBuffer> buffer = std::make_shared<ui::LogBuffer>();
    ui::LogModel log {buffer};
    FakeProbeLauncher launcher;
    supervisor::ProbeSupervisor probe {launcher};
    QStringList interfaces; // what discovery watches; a test may change it before a start
    ui::DiscoveryController discovery {probe, targets, [this] { return Result<QStringList, QString>(interfaces); }};
    NoEngines engines;
    supervisor::SteadySupervisorClock clock;
    supervisor::ExportSupervisor supervisor {engines, clock, supervisor::ExportPreflight(nullptr, nullptr)};
    supervisor::ExportStore store {dir.filePath(QStringLiteral("exports.json"))};
    ui::ExportController exports {store, supervisor, exportModel};
    std::unique_ptr<ui::MainWindow> window;
};

} // namespace aoesan::test
