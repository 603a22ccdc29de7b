// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/Look.h"

#include <QCoreApplication>

#include <iterator>

namespace aoesan::ui {

QColor lookColor(TargetLook look)
{
    switch (look) {
    case TargetLook::Up:
        return QColor(0x2e, 0x9d, 0x4f);
    case TargetLook::Down:
        return QColor(0xd0, 0x31, 0x2d);
    case TargetLook::Conflict:
        return QColor(0xe6, 0x9b, 0x00);
    case TargetLook::Exported:
        return QColor(0x2f, 0x6f, 0xd6);
    case TargetLook::ExportStarting:
        return QColor(0x8f, 0xb2, 0xea);
    case TargetLook::ExportStopped:
        return QColor(0xa0, 0xa6, 0xae);
    case TargetLook::ExportFailed:
        return QColor(0xd0, 0x31, 0x2d);
    }
    return Qt::gray;
}

QIcon lookIcon(TargetLook look)
{
    // Loaded once per look: the table asks for them on every paint.
    static const QIcon icons[] = {
        QIcon(QStringLiteral(":/aoesan/icons/state-up.svg")),
        QIcon(QStringLiteral(":/aoesan/icons/state-down.svg")),
        QIcon(QStringLiteral(":/aoesan/icons/state-conflict.svg")),
        QIcon(QStringLiteral(":/aoesan/icons/state-exported.svg")),
        QIcon(QStringLiteral(":/aoesan/icons/state-exported.svg")), // starting: blue, the text says which
        QIcon(), // stopped: no dot, as in the exports table
        QIcon(QStringLiteral(":/aoesan/icons/state-down.svg")),
    };
    static_assert(std::size(icons) == static_cast<std::size_t>(TargetLook::ExportFailed) + 1);
    return icons[static_cast<int>(look)];
}

QString lookName(TargetLook look)
{
    switch (look) {
    case TargetLook::Up:
        return QCoreApplication::translate("Look", "up");
    case TargetLook::Down:
        return QCoreApplication::translate("Look", "down");
    case TargetLook::Conflict:
        return QCoreApplication::translate("Look", "conflict");
    case TargetLook::Exported:
        return QCoreApplication::translate("Look", "up, exported here");
    case TargetLook::ExportStarting:
        return QCoreApplication::translate("Look", "starting, exported here");
    case TargetLook::ExportStopped:
        return QCoreApplication::translate("Look", "stopped, exported here");
    case TargetLook::ExportFailed:
        return QCoreApplication::translate("Look", "failed, exported here");
    }
    return {};
}

} // namespace aoesan::ui
