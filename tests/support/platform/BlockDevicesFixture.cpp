// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/BlockDevicesFixture.h"

#include <QDir>
#include <QFile>
#include <QHash>

namespace aoesan::platform {

FixtureBlockDevices::FixtureBlockDevices(QString directory)
    : SysfsBlockDevices(std::move(directory))
{ }

void FixtureBlockDevices::describe(BlockDevice &d) const
{
    const auto properties = [this](const QString &name) {
        QHash<QString, QString> values;
        QFile file(QDir(root()).filePath(QStringLiteral("udev/") + name));
        if (!file.open(QIODevice::ReadOnly))
            return values;
        for (const QByteArray &raw : file.readAll().split('\n')) {
            const QString line = QString::fromUtf8(raw).trimmed();
            const qsizetype eq = line.indexOf(QLatin1Char('='));
            if (eq > 0)
                values.insert(line.left(eq), line.mid(eq + 1));
        }
        return values;
    };
    const auto own = properties(d.name);
    for (auto it = own.cbegin(); it != own.cend(); ++it) {
        const QString &key = it.key();
        const QString &value = it.value();
        if (key == QLatin1String("ID_FS_TYPE"))
            d.fsType = value;
        else if (key == QLatin1String("ID_FS_LABEL"))
            d.label = value;
        else if (key == QLatin1String("ID_FS_UUID"))
            d.uuid = value;
        else if (key == QLatin1String("ID_MODEL") && d.model.isEmpty())
            d.model = value;
        else if (key == QLatin1String("ID_VENDOR") && d.vendor.isEmpty())
            d.vendor = value;
        else if (key == QLatin1String("ID_SERIAL_SHORT") && d.serial.isEmpty())
            d.serial = value;
    }
    // The hardware database names the bus parent; a partition's is its disk's (as udev's parent walk finds).
    auto database = own;
    if (!database.contains(QStringLiteral("ID_MODEL_FROM_DATABASE")) && !d.parent.isEmpty())
        database = properties(d.parent);
    nameFromDatabase(d, database.value(QStringLiteral("ID_VENDOR_FROM_DATABASE")),
        database.value(QStringLiteral("ID_MODEL_FROM_DATABASE")));
}

} // namespace aoesan::platform
