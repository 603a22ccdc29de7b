// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/ExportPreflight.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "platform/BlockDeviceSafety.h"
#include "supervisor/AddressInUseQuery.h"

// The reasons and fixes are read by a person: translated like BlockDeviceSafety's (see there).
namespace aoesan::supervisor {

ExportPreflight::ExportPreflight(const AddressInUseQuery *addresses, const platform::BlockDeviceBackend *devices)
    : m_addresses(addresses)
    , m_devices(devices)
{ }

std::optional<ExportProblem> ExportPreflight::check(const ExportRecord &record, bool force) const
{
    m_warnings.clear();
    const QFileInfo info(record.path);
    if (!info.exists())
        return ExportProblem {QStringLiteral("missing"),
            QCoreApplication::translate("ExportPreflight", "%1 does not exist").arg(record.path),
            QCoreApplication::translate(
                "ExportPreflight", "Create the image file or connect the disk, or change the export's path.")};
    if (info.isDir())
        return ExportProblem {QStringLiteral("missing"),
            QCoreApplication::translate("ExportPreflight", "%1 is a directory").arg(record.path),
            QCoreApplication::translate("ExportPreflight", "Export an image file or a block device.")};
    if (auto unsafe = checkDevice(record, force))
        return unsafe;
    if (m_addresses) {
        if (auto other = m_addresses->answeredBy(record.shelf, record.slot, record.interface))
            return ExportProblem {QStringLiteral("address-in-use"),
                QCoreApplication::translate("ExportPreflight", "%1 is already answered on %2 by %3")
                    .arg(record.address(), record.interface, *other),
                QCoreApplication::translate("ExportPreflight",
                    "Choose another shelf or slot, or stop the other target first; two "
                    "targets at one address would mix up the initiators' data.")};
    }
    return std::nullopt;
}

std::optional<ExportProblem> ExportPreflight::checkDevice(const ExportRecord &record, bool force) const
{
    if (!m_devices)
        return std::nullopt;
    // Regular files need no scan; symlinks to devices (/dev/disk/by-id/...) do.
    const QFileInfo info(record.path);
    if (info.isFile() && !info.isSymLink())
        return std::nullopt;
    auto scanned = m_devices->scan();
    if (!scanned)
        return ExportProblem {QStringLiteral("unsafe-device"),
            QCoreApplication::translate("ExportPreflight", "cannot tell whether %1 is in use: %2")
                .arg(record.path, scanned.error()),
            QCoreApplication::translate("ExportPreflight", "Force the export if you are sure it is not in use.")};
    const auto safety = platform::assessExportPath(scanned.value(), record.path, record.readOnly, force);
    m_warnings = safety.warnings;
    if (safety.forced) {
        for (const auto &p : safety.problems)
            m_warnings << QCoreApplication::translate("ExportPreflight", "forced: %1").arg(p.text);
    }
    if (safety.allowed())
        return std::nullopt;
    QStringList reasons;
    for (const auto &p : safety.problems)
        reasons << p.text;
    return ExportProblem {QStringLiteral("unsafe-device"), reasons.join(QLatin1Char(' ')), safety.advice()};
}

} // namespace aoesan::supervisor
