// SPDX-License-Identifier: GPL-3.0-or-later
// The export safety decisions on the fixture workstation: read-write exports of anything mounted, held
// (LVM, RAID), swap or on the system disk are refused unless forced, read-only ones are allowed where
// they cannot hurt, and every refusal says in words what uses the device and what to do.
#include <QTest>

#include "platform/BlockDeviceSafety.h"
#include "platform/BlockDevicesFixture.h"

using namespace aoesan::platform;

using Codes = QList<int>;

class TestBlockDeviceSafety : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void decisions_data();
    void decisions();
    void refusalsNameTheUseAndTheFix_data();
    void refusalsNameTheUseAndTheFix();
    void forceOverridesOnlyWhatItCan();
    void imageFilesAreNotJudged();

private:
    std::vector<BlockDevice> m_devices;
};

void TestBlockDeviceSafety::initTestCase()
{
    auto scanned = FixtureBlockDevices(QStringLiteral(AOESAN_PLATFORM_FIXTURES "/workstation")).scan();
    QVERIFY(scanned.ok());
    m_devices = std::move(scanned).value();
}

void TestBlockDeviceSafety::decisions_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<Codes>("problems");
    QTest::addColumn<int>("warnings");

    using C = SafetyProblem::Code;
    const auto codes = [](std::initializer_list<C> list) {
        Codes out;
        for (const C c : list)
            out << int(c);
        return out;
    };
    // The system disk: partitions mounted and held, and "/" lives on it.
    QTest::addRow("system disk, read-write")
        << QStringLiteral("/dev/sda") << false << false << codes({C::Mounted, C::Held, C::SystemDisk}) << 0;
    QTest::addRow("system disk, read-only") << QStringLiteral("/dev/sda") << true << true << Codes {} << 3;
    QTest::addRow("unused partition on the system disk")
        << QStringLiteral("/dev/sda3") << false << false << codes({C::SystemDisk}) << 0;
    QTest::addRow("unused partition on the system disk, read-only")
        << QStringLiteral("/dev/sda3") << true << true << Codes {} << 1;
    QTest::addRow("LVM physical volume") << QStringLiteral("/dev/sda2") << false << false
                                         << codes({C::Held, C::SystemDisk}) << 0;
    QTest::addRow("root volume") << QStringLiteral("/dev/mapper/vg-root") << false << false
                                 << codes({C::Mounted, C::SystemDisk}) << 0;
    QTest::addRow("swap volume, read-only too")
        << QStringLiteral("/dev/mapper/vg-swap") << true << false << codes({C::Swap}) << 1;
    QTest::addRow("mounted data disk") << QStringLiteral("/dev/sdb") << false << false << codes({C::Mounted}) << 0;
    QTest::addRow("mounted data disk, read-only") << QStringLiteral("/dev/sdb") << true << true << Codes {} << 1;
    QTest::addRow("RAID member") << QStringLiteral("/dev/sdc1") << false << false << codes({C::Held}) << 0;
    QTest::addRow("disk with a RAID member") << QStringLiteral("/dev/sdc") << false << false << codes({C::Held}) << 0;
    QTest::addRow("unused partition") << QStringLiteral("/dev/sdc2") << false << true << Codes {} << 0;
    QTest::addRow("removable stick") << QStringLiteral("/dev/sdd") << false << true << Codes {} << 1;
    QTest::addRow("write-protected card")
        << QStringLiteral("/dev/sde") << false << false << codes({C::WriteProtected}) << 0;
    QTest::addRow("write-protected card, read-only") << QStringLiteral("/dev/sde") << true << true << Codes {} << 1;
    QTest::addRow("disk with a swap partition") << QStringLiteral("/dev/sdf") << true << false << codes({C::Swap}) << 0;
    QTest::addRow("btrfs mounted by source")
        << QStringLiteral("/dev/sdg1") << false << false << codes({C::Mounted}) << 0;
    QTest::addRow("loop device") << QStringLiteral("/dev/loop0") << false << true << Codes {} << 0;
}

void TestBlockDeviceSafety::decisions()
{
    QFETCH(QString, path);
    QFETCH(bool, readOnly);
    QFETCH(bool, allowed);
    QFETCH(Codes, problems);
    QFETCH(int, warnings);

    const ExportSafety safety = assessExportPath(m_devices, path, readOnly);
    Codes got;
    for (const auto &p : safety.problems)
        got << int(p.code);
    QVERIFY2(got == problems, qPrintable(safety.explain()));
    QCOMPARE(safety.allowed(), allowed);
    QVERIFY2(safety.warnings.size() == warnings, qPrintable(safety.explain()));
    QCOMPARE(safety.explain().isEmpty(), problems.isEmpty() && warnings == 0);
}

void TestBlockDeviceSafety::refusalsNameTheUseAndTheFix_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<QStringList>("mentions");

    QTest::addRow("mounted") << QStringLiteral("/dev/sdb") << false
                             << QStringList {QStringLiteral("sdb is mounted at /srv/data"), QStringLiteral("read-only"),
                                    QStringLiteral("force")};
    QTest::addRow("partition mounted") << QStringLiteral(
        "/dev/sda") << false << QStringList {QStringLiteral("sda1 (a partition of sda) is mounted at /boot/efi")};
    QTest::addRow("LVM") << QStringLiteral("/dev/sda2") << false
                         << QStringList {QStringLiteral("in use by LVM (volume vg-root) and LVM (volume vg-swap)"),
                                QStringLiteral("sda2 is on sda, the disk that holds this machine's root")};
    QTest::addRow("RAID") << QStringLiteral("/dev/sdc1") << false
                          << QStringList {QStringLiteral("in use by the RAID array md0")};
    QTest::addRow("root") << QStringLiteral("/dev/mapper/vg-root") << false
                          << QStringList {QStringLiteral("dm-0 is mounted at /."),
                                 QStringLiteral("dm-0 holds this machine's root filesystem (/)"),
                                 QStringLiteral("unable to start")};
    QTest::addRow("swap") << QStringLiteral("/dev/sdf") << true
                          << QStringList {QStringLiteral("sdf1 (a partition of sdf) is this machine's swap space"),
                                 QStringLiteral("memory"), QStringLiteral("Choose another device")};
    QTest::addRow("write-protected") << QStringLiteral("/dev/sde") << false
                                     << QStringList {QStringLiteral("write-protected"),
                                            QStringLiteral("Export it read-only instead.")};
    QTest::addRow("read-only of something mounted warns")
        << QStringLiteral("/dev/sdb") << true << QStringList {QStringLiteral("may see its files change")};
}

void TestBlockDeviceSafety::refusalsNameTheUseAndTheFix()
{
    QFETCH(QString, path);
    QFETCH(bool, readOnly);
    QFETCH(QStringList, mentions);
    const QString text = assessExportPath(m_devices, path, readOnly).explain();
    for (const auto &m : mentions)
        QVERIFY2(text.contains(m), qPrintable(QStringLiteral("'%1' not in:\n%2").arg(m, text)));
}

void TestBlockDeviceSafety::forceOverridesOnlyWhatItCan()
{
    const ExportSafety mounted = assessExportPath(m_devices, QStringLiteral("/dev/sdb"), false, true);
    QVERIFY(mounted.allowed());
    QVERIFY(mounted.forced);
    QVERIFY(mounted.explain().contains(QStringLiteral("because it was forced")));

    const ExportSafety swap = assessExportPath(m_devices, QStringLiteral("/dev/sdf1"), false, true);
    QVERIFY(swap.allowed());

    // Forcing cannot make a write-protected card writable.
    const ExportSafety card = assessExportPath(m_devices, QStringLiteral("/dev/sde"), false, true);
    QVERIFY(!card.allowed());
    QVERIFY(!card.forced);

    const ExportSafety clean = assessExportPath(m_devices, QStringLiteral("/dev/sdc2"), false, true);
    QVERIFY(clean.allowed());
    QVERIFY(!clean.forced);
}

void TestBlockDeviceSafety::imageFilesAreNotJudged()
{
    const ExportSafety image = assessExportPath(m_devices, QStringLiteral("/srv/images/disk.img"), false);
    QVERIFY(image.allowed());
    QVERIFY(image.problems.empty());
    QVERIFY(image.warnings.isEmpty());
}

QTEST_GUILESS_MAIN(TestBlockDeviceSafety)
#include "tst_block_device_safety.moc"
