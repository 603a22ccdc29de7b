// SPDX-License-Identifier: GPL-3.0-or-later
#include "tray/TrayState.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace aoesan::ui {

TrayLook trayLook(const TraySummary &s)
{
    // Red is for what does not serve; a conflict still answers (twice), so it is amber as in the table
    // and the shelves, unless something is also down.
    if (s.down > 0 || s.exportsFailed > 0)
        return TrayLook::SomethingDown;
    if (s.conflicts > 0)
        return TrayLook::Conflict;
    if (s.targets == 0 && s.exportsActive == 0)
        return TrayLook::Unknown;
    return TrayLook::AllUp;
}

QString trayToolTip(const TraySummary &s)
{
    if (s.targets == 0 && s.exportsActive == 0 && s.exportsFailed == 0)
        return QCoreApplication::translate("TrayState", "aoesan — no targets known yet");
    QStringList parts;
    parts << QCoreApplication::translate("TrayState", "%n up", nullptr, s.up);
    parts << QCoreApplication::translate("TrayState", "%n down", nullptr, s.down);
    if (s.conflicts > 0)
        parts << QCoreApplication::translate("TrayState", "%n conflict(s)", nullptr, s.conflicts);
    parts << QCoreApplication::translate("TrayState", "%n export(s)", nullptr, s.exportsActive);
    if (s.exportsFailed > 0)
        parts << QCoreApplication::translate("TrayState", "%n failed", nullptr, s.exportsFailed);
    return QCoreApplication::translate("TrayState", "aoesan — %1").arg(parts.join(QStringLiteral(", ")));
}

QString trayIconPath(TrayLook look)
{
    switch (look) {
    case TrayLook::AllUp:
        return QStringLiteral(":/aoesan/icons/tray-up.svg");
    case TrayLook::SomethingDown:
        return QStringLiteral(":/aoesan/icons/tray-down.svg");
    case TrayLook::Conflict:
        return QStringLiteral(":/aoesan/icons/tray-conflict.svg");
    case TrayLook::Unknown:
        break;
    }
    return QStringLiteral(":/aoesan/icons/tray-unknown.svg");
}

NotificationText composeNotification(const std::vector<Notice> &notices, std::chrono::seconds downAfter)
{
    using Kind = Notice::Kind;
    if (notices.empty())
        return {};
    const bool critical = std::ranges::any_of(notices, [](const Notice &n) { return n.kind != Kind::TargetUp; });
    if (notices.size() == 1) {
        const Notice &n = notices.front();
        switch (n.kind) {
        case Kind::TargetDown: {
            const int seconds = static_cast<int>(downAfter.count());
            const QString body = QCoreApplication::translate("TrayState", "No answer for %n s.", nullptr, seconds);
            return {QCoreApplication::translate("TrayState", "%1 is down").arg(n.subject), body, true};
        }
        case Kind::TargetUp:
            return {QCoreApplication::translate("TrayState", "%1 is back up").arg(n.subject),
                QCoreApplication::translate("TrayState", "It answers again."), false};
        case Kind::ExportFailed:
            return {QCoreApplication::translate("TrayState", "Export '%1' failed").arg(n.subject), n.detail, true};
        }
    }
    const auto all
        = [&](Kind kind) { return std::ranges::all_of(notices, [kind](const Notice &n) { return n.kind == kind; }); };
    QStringList subjects;
    for (const auto &n : notices)
        subjects << n.subject;
    const int count = static_cast<int>(notices.size());
    if (all(Kind::TargetDown))
        return {QCoreApplication::translate("TrayState", "%n targets are down", nullptr, count),
            subjects.join(QStringLiteral(", ")), true};
    if (all(Kind::TargetUp))
        return {QCoreApplication::translate("TrayState", "%n targets are back up", nullptr, count),
            subjects.join(QStringLiteral(", ")), false};
    if (all(Kind::ExportFailed))
        return {QCoreApplication::translate("TrayState", "%n exports failed", nullptr, count),
            subjects.join(QStringLiteral(", ")), true};
    QStringList lines;
    for (const auto &n : notices) {
        switch (n.kind) {
        case Kind::TargetDown:
            lines << QCoreApplication::translate("TrayState", "%1 is down").arg(n.subject);
            break;
        case Kind::TargetUp:
            lines << QCoreApplication::translate("TrayState", "%1 is back up").arg(n.subject);
            break;
        case Kind::ExportFailed:
            lines << QCoreApplication::translate("TrayState", "Export '%1' failed").arg(n.subject);
            break;
        }
    }
    constexpr int kMaxLines = 6;
    if (lines.size() > kMaxLines) {
        // (A plain int: lupdate does not see a translate() call whose count is a cast.)
        const int more = static_cast<int>(lines.size()) - kMaxLines;
        lines = lines.mid(0, kMaxLines);
        lines << QCoreApplication::translate("TrayState", "and %n more", nullptr, more);
    }
    return {QCoreApplication::translate("TrayState", "%n changes on the SAN", nullptr, count),
        lines.join(QLatin1Char('\n')), critical};
}

} // namespace aoesan::ui
