// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/ExportStatus.h"

namespace aoesan::supervisor {

QString stateName(ExportState state)
{
    switch (state) {
    case ExportState::Stopped:
        return QStringLiteral("stopped");
    case ExportState::Starting:
        return QStringLiteral("starting");
    case ExportState::Running:
        return QStringLiteral("running");
    case ExportState::Restarting:
        return QStringLiteral("restarting");
    case ExportState::Stopping:
        return QStringLiteral("stopping");
    case ExportState::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("unknown");
}

QString ExportProblem::describe() const
{
    if (fix.isEmpty())
        return message;
    QString text = message;
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text + QLatin1Char(' ') + fix;
}

int ExportStatus::restrictedTo() const
{
    // The mask shuts out every other host; a reserve list lets them see the export but not use it.
    return int(!masks.isEmpty() ? masks.size() : reservations.size());
}

} // namespace aoesan::supervisor
