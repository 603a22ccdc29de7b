// SPDX-License-Identifier: GPL-3.0-or-later
// The main window with everything it shows, as main() wires it, but over an in-process service whose
// probe is a FakeProbe and whose engines are never launched (LocalLink): the GUI tests' one rig
// (tst_main_window, tst_help_menu, tst_target_actions, tst_screenshots).
#pragma once

#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

#include "FakeProbe.h"
#include "Fixtures.h"
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
    explicit WindowRig(
        QStringList watched = {QStringLiteral("lan1")}, ui::SanLink::Owner owner = ui::SanLink::Owner::Gui)
        : link(std::move(watched), owner)
    {
        filter.setSourceModel(&targets);
        QObject::connect(
            &exports, &ui::ExportController::localExportsChanged, &targets, &ui::TargetModel::setLocalExports);
        window = std::make_unique<ui::MainWindow>(
            ui::MainWindowParts {targets, filter, exportModel, log, discovery, exports});
    }

    // An export record whose image exists (the service refuses a missing backing file).
    supervisor::ExportRecord record(const QString &name, std::uint16_t shelf, std::uint8_t slot)
    {
        auto r = exportRecord(name, shelf, slot);
        r.path = dir.filePath(name + QStringLiteral(".img"));
        QFile image(r.path);
        if (image.open(QIODevice::WriteOnly))
            image.resize(1 << 20);
        return r;
    }

    // The service's probe (started by the service with the watched interfaces).
    FakeProbe *probe() const { return link.probe(); }

    QTemporaryDir dir; // for a test's own files (settings)
    ui::TargetModel targets;
    ui::TargetFilterModel filter;
    // The Exports page's clock (its throughput and uptime): the real time unless a test sets one.
    QDateTime clock;
    ui::ExportModel exportModel {nullptr, [this] { return clock.isValid() ? clock : QDateTime::currentDateTime(); }};
    std::shared_ptr<ui::LogBuffer> buffer = std::make_shared<ui::LogBuffer>();
    ui::LogModel log {buffer};
    LocalLink link;
    ui::DiscoveryController discovery {link, targets};
    ui::ExportController exports {link, exportModel};
    std::unique_ptr<ui::MainWindow> window;
};

} // namespace aoesan::test
