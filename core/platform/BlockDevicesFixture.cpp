#include "platform/BlockDevicesFixture.h"

#include <QDir>
#include <QFile>

namespace aoesan::platform {

FixtureBlockDevices::FixtureBlockDevices(QString directory)
    : SysfsBlockDevices(std::move(directory))
{ }

void FixtureBlockDevices::describe(BlockDevice &d) const
{
    QFile file(QDir(root()).filePath(QStringLiteral("udev/") + d.name));
    if (!file.open(QIODevice::ReadOnly))
        return;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq);
        const QString value = line.mid(eq + 1);
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
}

} // namespace aoesan::platform
