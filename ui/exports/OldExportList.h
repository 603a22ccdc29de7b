// SPDX-License-Identifier: GPL-3.0-or-later
// The person's export list from before the service (~/.config/aoesan/exports.json, which the desktop
// program served itself): when the exports now belong to the system's service, it is offered once for
// moving there. Moved exports start when they were marked autostart; the old file is renamed to
// exports.json.moved so that nothing serves it twice.
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

#include "supervisor/ExportRecord.h"

class QWidget;

namespace aoesan::ui {

class ExportController;

class OldExportList : public QObject
{
    Q_OBJECT

public:
    // The records in `path` that the service does not have yet (by name); none when the file is absent,
    // empty or unreadable.
    static std::vector<supervisor::ExportRecord> pending(const QString &path, const ExportController &exports);

    // Asks the person (a question over `parent`); on yes, adds each record to the service and renames
    // the old file. `offered` runs once the person answered, either way (the caller remembers it).
    static void offer(const QString &path, ExportController &exports, QWidget *parent, std::function<void()> offered);
};

} // namespace aoesan::ui
