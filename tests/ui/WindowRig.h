// SPDX-License-Identifier: GPL-3.0-or-later
// The main window with everything it shows, as main() wires it, but over an in-process service whose
// probe is a FakeProbe and whose engines are never launched (LocalLink): the GUI tests' one rig
// (tst_main_window, tst_help_menu, tst_target_actions, tst_screenshots).
#pragma once

#include <QStringList>

#include <memory>

#include "FakeProbe.h"
#include "LocalLink.h"
#include "discovery/DiscoveryController.h"
#include "exports/ExportController.h"
#include "log/LogBuffer.h"
#include "log/LogModel.h"
#include "models/ExportModel.h"
#include "models/TargetFilterModel.h"
#include "models/TargetModel.h"
#include "shell/MainWindow.h"

namespace aoesan::test {

struct WindowRig
{
    explicit WindowRig(QStringList watched = {QStringLiteral("lan1")},
        ui::SanLink::Owner owner = ui::SanLink::Owner::Gui)
        : link(std::move(watched), owner)
    {
        filter.setSourceModel(&targets);
        QObject::connect(
            &exports, &ui::ExportController::localExportsChanged, &targets, &ui::TargetModel::setLocalExports);
        window = std::make_unique<ui::MainWindow>(
            ui::MainWindowParts {targets, filter, exportModel, log, discovery, exports});
    }

    // The service's probe (started by the service with the watched interfaces).
    FakeProbe *probe() const { return link.probe(); }

    ui::TargetModel targets;
    ui::TargetFilterModel filter;
    ui::ExportModel exportModel;
    std::shared_ptr<ui::LogBuffer> buffer = std::make_shared<ui::LogBuffer>();
    ui::LogModel log {buffer};
    LocalLink link;
    ui::DiscoveryController discovery {link, targets};
    ui::ExportController exports {link, exportModel};
    std::unique_ptr<ui::MainWindow> window;
};

} // namespace aoesan::test
