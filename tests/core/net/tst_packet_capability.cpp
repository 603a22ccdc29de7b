// SPDX-License-Identifier: GPL-3.0-or-later
// PacketCapability: reading CAP_NET_RAW from /proc and the fix text a person is shown without it.
#include <QTest>

#include "net/PacketCapability.h"

using namespace aoesan::net;

class TestPacketCapability : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void fixNamesEveryWay_data();
    void fixNamesEveryWay();
    void checkAgreesWithHas();
};

void TestPacketCapability::parse_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("found");
    QTest::addColumn<quint64>("mask");

    QTest::addRow("root") << QStringLiteral("Name:\tx\nCapInh:\t0000000000000000\nCapEff:\t000001ffffffffff\n") << true
                          << Q_UINT64_C(0x000001ffffffffff);
    QTest::addRow("net_raw only") << QStringLiteral("CapEff:\t0000000000002000\nCapBnd:\t0\n") << true
                                  << Q_UINT64_C(0x2000);
    QTest::addRow("none") << QStringLiteral("Uid:\t65534\nCapEff:\t0000000000000000\n") << true << Q_UINT64_C(0);
    QTest::addRow("no line") << QStringLiteral("Name:\tx\nCapPrm:\t00000000000020000\n") << false << Q_UINT64_C(0);
    QTest::addRow("not at line start") << QStringLiteral("XCapEff:\tffff\n") << false << Q_UINT64_C(0);
    QTest::addRow("second line counts") << QStringLiteral("XCapEff:\tffff\nCapEff:\t2000\n") << true
                                        << Q_UINT64_C(0x2000);
    QTest::addRow("not hex") << QStringLiteral("CapEff:\tzz\n") << false << Q_UINT64_C(0);
    QTest::addRow("empty") << QString() << false << Q_UINT64_C(0);
}

void TestPacketCapability::parse()
{
    QFETCH(QString, status);
    QFETCH(bool, found);
    QFETCH(quint64, mask);

    const auto parsed = parseEffectiveCapabilities(status.toStdString());
    QCOMPARE(parsed.has_value(), found);
    if (found)
        QCOMPARE(*parsed, mask);
}

void TestPacketCapability::fixNamesEveryWay_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("setcap");

    QTest::addRow("unknown program") << QString() << QStringLiteral("sudo setcap cap_net_raw+ep PROGRAM");
    QTest::addRow("named program") << QStringLiteral("/usr/bin/aoesan-ctl")
                                   << QStringLiteral("sudo setcap cap_net_raw+ep /usr/bin/aoesan-ctl");
}

void TestPacketCapability::fixNamesEveryWay()
{
    QFETCH(QString, program);
    QFETCH(QString, setcap);

    const QString fix = QString::fromStdString(packetPermissionFix(program.toStdString()));
    QVERIFY2(fix.contains(QStringLiteral("run as root")), qPrintable(fix));
    QVERIFY2(fix.contains(setcap), qPrintable(fix));
    QVERIFY2(fix.contains(QStringLiteral("sudo usermod -aG aoesan $USER")), qPrintable(fix));
}

void TestPacketCapability::checkAgreesWithHas()
{
    const auto error = checkPacketCapability("/x/y");
    QCOMPARE(!error.has_value(), hasPacketCapability());
    if (error) {
        QCOMPARE(error->code, TransportError::Code::NoPermission);
        QVERIFY(error->fix.find("/x/y") != std::string::npos);
    }
    QVERIFY(!currentProgram().empty());
}

QTEST_GUILESS_MAIN(TestPacketCapability)
#include "tst_packet_capability.moc"
