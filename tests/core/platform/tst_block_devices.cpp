// SPDX-License-Identifier: GPL-3.0-or-later
// Block-device discovery from a fixture machine (tests/core/platform/fixtures/workstation: an SSD with
// EFI, LVM root and swap, a mounted data disk, a RAID member, a USB stick, a write-protected card, a
// swap disk, btrfs): what the wizard lists, read from files only. Also the mountinfo and swaps parsers.
// A KVM guest (fixtures/guest): virtio disks whose sysfs "vendor" is the PCI id 0x1af4 show udev's
// hardware-database model instead, or nothing, never the number.
#include <QTest>

#include "platform/BlockDevicesFixture.h"
#include "platform/MountTable.h"

using namespace aoesan::platform;

class TestBlockDevices : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsDisksThenPartitions();
    void readsSysfsAndUdevProperties();
    void mountsByNumberAndBySource();
    void swapDevicesButNotSwapFiles();
    void holdersAndSlaves();
    void pathsResolve_data();
    void pathsResolve();
    void rootAndWhatCarriesIt();
    void missingSysfsIsAnError();
    void parseMountInfo_data();
    void parseMountInfo();
    void parseSwaps();
    void formatsSizes();
    void virtioDisksAreNamedNotNumbered_data();
    void virtioDisksAreNamedNotNumbered();

private:
    const BlockDevice &device(const QString &name) const;
    std::vector<BlockDevice> m_devices;
};

void TestBlockDevices::initTestCase()
{
    FixtureBlockDevices backend(QStringLiteral(AOESAN_PLATFORM_FIXTURES "/workstation"));
    auto scanned = backend.scan();
    QVERIFY2(scanned.ok(), scanned.ok() ? "" : qPrintable(scanned.error()));
    m_devices = std::move(scanned).value();
}

const BlockDevice &TestBlockDevices::device(const QString &name) const
{
    const BlockDevice *d = findDevice(m_devices, name);
    if (!d)
        qFatal("fixture has no %s", qPrintable(name));
    return *d;
}

void TestBlockDevices::listsDisksThenPartitions()
{
    QStringList names;
    for (const auto &d : m_devices)
        names << d.name;
    QCOMPARE(names,
        (QStringList {QStringLiteral("dm-0"), QStringLiteral("dm-1"), QStringLiteral("loop0"), QStringLiteral("md0"),
            QStringLiteral("sda"), QStringLiteral("sda1"), QStringLiteral("sda2"), QStringLiteral("sda3"),
            QStringLiteral("sdb"), QStringLiteral("sdc"), QStringLiteral("sdc1"), QStringLiteral("sdc2"),
            QStringLiteral("sdd"), QStringLiteral("sde"), QStringLiteral("sdf"), QStringLiteral("sdf1"),
            QStringLiteral("sdg"), QStringLiteral("sdg1"), QStringLiteral("zram0")}));
    QCOMPARE(device(QStringLiteral("sda")).kind, BlockDeviceKind::Disk);
    QCOMPARE(device(QStringLiteral("sda2")).kind, BlockDeviceKind::Partition);
    QCOMPARE(device(QStringLiteral("sda2")).parent, QStringLiteral("sda"));
    QCOMPARE(device(QStringLiteral("dm-0")).kind, BlockDeviceKind::Mapper);
    QCOMPARE(device(QStringLiteral("md0")).kind, BlockDeviceKind::Raid);
    QCOMPARE(device(QStringLiteral("loop0")).kind, BlockDeviceKind::Loop);
    QCOMPARE(device(QStringLiteral("zram0")).kind, BlockDeviceKind::Other);
    QCOMPARE(partitionsOf(m_devices, QStringLiteral("sda")).size(), std::size_t {3});
}

void TestBlockDevices::readsSysfsAndUdevProperties()
{
    const BlockDevice &sda = device(QStringLiteral("sda"));
    QCOMPARE(sda.path, QStringLiteral("/dev/sda"));
    QCOMPARE(sda.majorMinor, QStringLiteral("8:0"));
    QCOMPARE(sda.sizeBytes, std::uint64_t {1000215216} * 512);
    QCOMPARE(sda.model, QStringLiteral("Samsung SSD 860"));
    QCOMPARE(sda.vendor, QStringLiteral("ATA")); // sysfs pads with spaces
    QCOMPARE(sda.serial, QStringLiteral("S3Z9NB0K123456A"));
    QVERIFY(!sda.removable);

    const BlockDevice &efi = device(QStringLiteral("sda1"));
    QCOMPARE(efi.fsType, QStringLiteral("vfat"));
    QCOMPARE(efi.label, QStringLiteral("EFI"));
    QCOMPARE(efi.uuid, QStringLiteral("A1B2-C3D4"));
    QCOMPARE(efi.model, QStringLiteral("Samsung SSD 860")); // a partition shows its disk's model

    QVERIFY(device(QStringLiteral("sdd")).removable);
    QCOMPARE(device(QStringLiteral("sdd")).vendor, QStringLiteral("SanDisk"));
    QVERIFY(device(QStringLiteral("sde")).readOnly);
    QVERIFY(!device(QStringLiteral("sdd")).readOnly);
    QCOMPARE(device(QStringLiteral("dm-0")).mapperName, QStringLiteral("vg-root"));
}

void TestBlockDevices::mountsByNumberAndBySource()
{
    QCOMPARE(device(QStringLiteral("dm-0")).mountPoints, QStringList {QStringLiteral("/")});
    QCOMPARE(device(QStringLiteral("sda1")).mountPoints, QStringList {QStringLiteral("/boot/efi")});
    QCOMPARE(device(QStringLiteral("sdb")).mountPoints, QStringList {QStringLiteral("/srv/data")});
    // btrfs: anonymous 0:45, found by its source; a bind of a subvolume is a second mount point.
    QCOMPARE(device(QStringLiteral("sdg1")).mountPoints,
        (QStringList {QStringLiteral("/mnt/pool"), QStringLiteral("/srv/my photos")}));
    QVERIFY(!device(QStringLiteral("sda3")).isMounted());
    QVERIFY(!device(QStringLiteral("sdg")).isMounted());
}

void TestBlockDevices::swapDevicesButNotSwapFiles()
{
    QStringList swaps;
    for (const auto &d : m_devices) {
        if (d.swap)
            swaps << d.name;
    }
    QCOMPARE(swaps, (QStringList {QStringLiteral("dm-1"), QStringLiteral("sdf1")}));
}

void TestBlockDevices::holdersAndSlaves()
{
    QCOMPARE(device(QStringLiteral("sda2")).holders, (QStringList {QStringLiteral("dm-0"), QStringLiteral("dm-1")}));
    QCOMPARE(device(QStringLiteral("sdc1")).holders, QStringList {QStringLiteral("md0")});
    QCOMPARE(device(QStringLiteral("md0")).slaves, QStringList {QStringLiteral("sdc1")});
    QVERIFY(device(QStringLiteral("sdc2")).holders.isEmpty());
}

void TestBlockDevices::pathsResolve_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("name");

    QTest::addRow("kernel name") << QStringLiteral("/dev/sdc2") << QStringLiteral("sdc2");
    QTest::addRow("mapper name") << QStringLiteral("/dev/mapper/vg-swap") << QStringLiteral("dm-1");
    QTest::addRow("dm name") << QStringLiteral("/dev/dm-0") << QStringLiteral("dm-0");
    QTest::addRow("image file") << QStringLiteral("/srv/images/disk.img") << QString();
    QTest::addRow("unknown device") << QStringLiteral("/dev/sdz") << QString();
    QTest::addRow("relative") << QStringLiteral("sda") << QString();
}

void TestBlockDevices::pathsResolve()
{
    QFETCH(QString, path);
    QFETCH(QString, name);
    const BlockDevice *d = deviceForPath(m_devices, path);
    QCOMPARE(d ? d->name : QString(), name);
}

void TestBlockDevices::rootAndWhatCarriesIt()
{
    const BlockDevice *root = rootDevice(m_devices);
    QVERIFY(root);
    QCOMPARE(root->name, QStringLiteral("dm-0"));
    QCOMPARE(devicesUnderneath(m_devices, root->name),
        (QStringList {QStringLiteral("dm-0"), QStringLiteral("sda2"), QStringLiteral("sda")}));
}

void TestBlockDevices::missingSysfsIsAnError()
{
    FixtureBlockDevices backend(QStringLiteral(AOESAN_PLATFORM_FIXTURES "/no-such-machine"));
    const auto scanned = backend.scan();
    QVERIFY(!scanned.ok());
    QVERIFY(scanned.error().contains(QStringLiteral("sys/block")));
}

void TestBlockDevices::parseMountInfo_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("mountPoint");
    QTest::addColumn<QString>("source");

    QTest::addRow("plain") << QStringLiteral("25 22 8:1 / /boot/efi rw shared:30 - vfat /dev/sda1 rw") << 1
                           << QStringLiteral("/boot/efi") << QStringLiteral("/dev/sda1");
    QTest::addRow("no optional fields") << QStringLiteral("25 22 8:1 / /boot rw - ext4 /dev/sda1 rw") << 1
                                        << QStringLiteral("/boot") << QStringLiteral("/dev/sda1");
    QTest::addRow("several optional fields")
        << QStringLiteral("25 22 8:1 / /x rw shared:1 master:2 propagate_from:3 - ext4 /dev/sda1 rw") << 1
        << QStringLiteral("/x") << QStringLiteral("/dev/sda1");
    QTest::addRow("escaped space and backslash") << QStringLiteral("1 1 8:1 / /a\\040b\\134c rw - ext4 /dev/a\\040b rw")
                                                 << 1 << QStringLiteral("/a b\\c") << QStringLiteral("/dev/a b");
    QTest::addRow("no separator") << QStringLiteral("1 1 8:1 / /a rw ext4 /dev/sda1 rw") << 0 << QString() << QString();
    QTest::addRow("truncated") << QStringLiteral("1 1 8:1 / /a rw -") << 0 << QString() << QString();
    QTest::addRow("empty") << QString() << 0 << QString() << QString();
}

void TestBlockDevices::parseMountInfo()
{
    QFETCH(QString, line);
    QFETCH(int, count);
    QFETCH(QString, mountPoint);
    QFETCH(QString, source);
    const auto entries = aoesan::platform::parseMountInfo(line);
    QCOMPARE(int(entries.size()), count);
    if (count == 1) {
        QCOMPARE(entries.front().mountPoint, mountPoint);
        QCOMPARE(entries.front().source, source);
        QCOMPARE(entries.front().majorMinor, QStringLiteral("8:1"));
    }
}

void TestBlockDevices::parseSwaps()
{
    const QString text = QStringLiteral("Filename\tType\tSize\tUsed\tPriority\n"
                                        "/dev/sdb2                               partition\t8388604\t0\t-2\n"
                                        "/swap\\040file                          file\t1048572\t0\t-3\n");
    QCOMPARE(
        aoesan::platform::parseSwaps(text), (QStringList {QStringLiteral("/dev/sdb2"), QStringLiteral("/swap file")}));
    QVERIFY(aoesan::platform::parseSwaps(QStringLiteral("Filename\tType\tSize\tUsed\tPriority\n")).isEmpty());
}

void TestBlockDevices::formatsSizes()
{
    QCOMPARE(formatSize(0), QStringLiteral("0 B"));
    QCOMPARE(formatSize(999), QStringLiteral("999 B"));
    QCOMPARE(formatSize(512110190592ULL), QStringLiteral("512.1 GB"));
    QCOMPARE(formatSize(2000398934016ULL), QStringLiteral("2.0 TB"));
}

void TestBlockDevices::virtioDisksAreNamedNotNumbered_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QString>("model");
    QTest::addRow("disk with database names")
        << QStringLiteral("vda") << QStringLiteral("Red Hat, Inc.") << QStringLiteral("Virtio 1.0 block device");
    QTest::addRow("its partition") << QStringLiteral("vda1") << QStringLiteral("Red Hat, Inc.")
                                   << QStringLiteral("Virtio 1.0 block device");
    QTest::addRow("disk udev knows nothing of") << QStringLiteral("vdb") << QString() << QString();
    QTest::addRow("sysfs model kept") << QStringLiteral("sr0") << QStringLiteral("QEMU")
                                      << QStringLiteral("QEMU DVD-ROM");
}

void TestBlockDevices::virtioDisksAreNamedNotNumbered()
{
    QFETCH(QString, name);
    QFETCH(QString, vendor);
    QFETCH(QString, model);
    FixtureBlockDevices backend(QStringLiteral(AOESAN_PLATFORM_FIXTURES "/guest"));
    const auto scanned = backend.scan();
    QVERIFY2(scanned.ok(), scanned.ok() ? "" : qPrintable(scanned.error()));
    const BlockDevice *d = findDevice(scanned.value(), name);
    QVERIFY(d);
    QCOMPARE(d->vendor, vendor);
    QCOMPARE(d->model, model);
    QVERIFY(isBareId(QStringLiteral("0x1af4")));
    QVERIFY(!isBareId(QStringLiteral("0x1af4 disk")));
}

QTEST_GUILESS_MAIN(TestBlockDevices)
#include "tst_block_devices.moc"
