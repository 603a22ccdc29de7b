// SPDX-License-Identifier: GPL-3.0-or-later
// The system backend on this machine, touching nothing but what the test makes: a scan reads sysfs and
// /proc only (no device is opened: probing is off), and a loop device over an ext4 image file created
// here is found with its size, probed by libblkid, seen mounted and refused read-write while it is,
// then unmounted and detached. The loop part needs root and skips without it.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include "platform/BlockDeviceSafety.h"
#include "platform/BlockDevicesUdev.h"

using namespace aoesan::platform;

namespace {

// Runs a system tool; its output on failure.
bool run(const QString &program, const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    const bool ok = p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (output)
        *output = QString::fromUtf8(p.readAll()).trimmed();
    return ok;
}

} // namespace

class TestSystemBlockDevices : public QObject
{
    Q_OBJECT

private slots:
    void scanWithoutProbing();
    void probesAnImageFile();
    void loopDeviceFoundMountedAndRefused();
};

void TestSystemBlockDevices::scanWithoutProbing()
{
    const auto scanned = SystemBlockDevices(false).scan();
    QVERIFY2(scanned.ok(), scanned.ok() ? "" : qPrintable(scanned.error()));
    QVERIFY(!scanned->empty());
    for (const auto &d : scanned.value()) {
        QCOMPARE(d.path, QStringLiteral("/dev/") + d.name);
        QVERIFY2(!d.majorMinor.isEmpty(), qPrintable(d.name));
        // A virtio disk's sysfs vendor is a PCI id (0x1af4): never shown as its vendor or model.
        QVERIFY2(!isBareId(d.vendor) && !isBareId(d.model), qPrintable(d.name + QLatin1Char(' ') + d.vendor));
        if (d.kind == BlockDeviceKind::Partition)
            QVERIFY(findDevice(scanned.value(), d.parent));
    }
    // Whatever holds "/" here, if it is a block device, is judged a system disk for read-write.
    if (const BlockDevice *root = rootDevice(scanned.value())) {
        const ExportSafety safety = assessExport(scanned.value(), *root, false);
        QVERIFY(!safety.allowed());
        QVERIFY2(safety.explain().contains(QStringLiteral("root filesystem")), qPrintable(safety.explain()));
    }
}

void TestSystemBlockDevices::probesAnImageFile()
{
    const QString mkfs = QStringLiteral("/usr/sbin/mkfs.ext4");
    if (!QFile::exists(mkfs))
        QSKIP("mkfs.ext4 is missing (Debian package e2fsprogs)");
    QTemporaryDir dir;
    const QString image = dir.filePath(QStringLiteral("fs.img"));
    QFile file(image);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(8 << 20));
    file.close();
    QString output;
    QVERIFY2(
        run(mkfs,
            {QStringLiteral("-q"), QStringLiteral("-F"), QStringLiteral("-L"), QStringLiteral("aoesan-test"), image},
            &output),
        qPrintable(output));
    QString type, label, uuid;
    QVERIFY(probeFilesystem(image, &type, &label, &uuid));
    QCOMPARE(type, QStringLiteral("ext4"));
    QCOMPARE(label, QStringLiteral("aoesan-test"));
    QCOMPARE(uuid.size(), 36);

    QFile blank(dir.filePath(QStringLiteral("blank.img")));
    QVERIFY(blank.open(QIODevice::WriteOnly));
    QVERIFY(blank.resize(1 << 20));
    blank.close();
    QVERIFY(!probeFilesystem(blank.fileName(), &type, &label, &uuid));
}

void TestSystemBlockDevices::loopDeviceFoundMountedAndRefused()
{
    if (::geteuid() != 0)
        QSKIP("needs root to attach a loop device and mount it");
    const QString mkfs = QStringLiteral("/usr/sbin/mkfs.ext4");
    const QString losetup = QStringLiteral("/usr/sbin/losetup");
    if (!QFile::exists(mkfs) || !QFile::exists(losetup))
        QSKIP("mkfs.ext4 or losetup is missing (Debian packages e2fsprogs, mount)");
    QTemporaryDir dir;
    const QString image = dir.filePath(QStringLiteral("fs.img"));
    QFile file(image);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(16 << 20));
    file.close();
    QString output;
    QVERIFY2(run(mkfs, {QStringLiteral("-q"), QStringLiteral("-F"), image}, &output), qPrintable(output));

    QString loop;
    if (!run(losetup, {QStringLiteral("--find"), QStringLiteral("--show"), image}, &loop))
        QSKIP(qPrintable(QStringLiteral("no loop device here: %1").arg(loop)));
    const QString mountPoint = dir.filePath(QStringLiteral("mnt"));
    QVERIFY(QDir().mkpath(mountPoint));
    bool mounted = false;
    // Only what this test made: its own mount, then its own loop device, by name.
    const auto tidy = qScopeGuard([&]() {
        if (mounted)
            run(QStringLiteral("umount"), {mountPoint});
        run(losetup, {QStringLiteral("-d"), loop});
    });
    const QString name = loop.section(QLatin1Char('/'), -1);

    auto scanned = SystemBlockDevices(false).scan();
    QVERIFY(scanned.ok());
    const BlockDevice *device = findDevice(scanned.value(), name);
    QVERIFY2(device, qPrintable(name));
    QCOMPARE(device->kind, BlockDeviceKind::Loop);
    QCOMPARE(device->sizeBytes, std::uint64_t {16} << 20);
    QVERIFY(!device->isMounted());
    QVERIFY(assessExportPath(scanned.value(), loop, false).allowed());
    QString type, label, uuid;
    QVERIFY(probeFilesystem(loop, &type, &label, &uuid));
    QCOMPARE(type, QStringLiteral("ext4"));

    QVERIFY2(run(QStringLiteral("mount"), {loop, mountPoint}, &output), qPrintable(output));
    mounted = true;
    scanned = SystemBlockDevices(false).scan();
    QVERIFY(scanned.ok());
    device = findDevice(scanned.value(), name);
    QVERIFY(device);
    QVERIFY2(device->mountPoints.contains(mountPoint), qPrintable(device->mountPoints.join(QLatin1Char(','))));
    const ExportSafety readWrite = assessExportPath(scanned.value(), loop, false);
    QVERIFY(!readWrite.allowed());
    QVERIFY2(readWrite.explain().contains(QStringLiteral("%1 is mounted at %2").arg(name, mountPoint)),
        qPrintable(readWrite.explain()));
    QVERIFY(assessExportPath(scanned.value(), loop, true).allowed());
}

QTEST_GUILESS_MAIN(TestSystemBlockDevices)
#include "tst_system_block_devices.moc"
