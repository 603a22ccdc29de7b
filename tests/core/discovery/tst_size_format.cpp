// SPDX-License-Identifier: GPL-3.0-or-later
// aoe-stat's size column and line format, byte for byte (AOE-PROTOCOL §3.1).
#include <QTest>

#include "protocol/SizeFormat.h"

using namespace aoesan::protocol;

class TestSizeFormat : public QObject
{
    Q_OBJECT

private slots:
    void size_data();
    void size();
    void deviceName();
    void line_data();
    void line();
};

void TestSizeFormat::size_data()
{
    QTest::addColumn<quint64>("sectors");
    QTest::addColumn<QString>("expected");
    QTest::addRow("vblade 64 MiB") << quint64 {131072} << QStringLiteral("0.067GB");
    QTest::addRow("one sector") << quint64 {1} << QStringLiteral("0.000GB");
    QTest::addRow("zero") << quint64 {0} << QStringLiteral("0.000GB");
    QTest::addRow("4 GiB + 1 KiB") << quint64 {8388610} << QStringLiteral("4.294GB");
    QTest::addRow("10 TiB") << quint64 {21474836480ULL} << QStringLiteral("10995.116GB");
    QTest::addRow("1 GB exactly") << quint64 {1953125} << QStringLiteral("1.000GB");
    QTest::addRow("one sector short of 1 GB truncates") << quint64 {1953124} << QStringLiteral("0.999GB");
    QTest::addRow("2 TiB + 1 sector") << quint64 {4294967297ULL} << QStringLiteral("2199.023GB");
    QTest::addRow("LBA48 maximum") << quint64 {0xFFFFFFFFFFFFULL} << QStringLiteral("144115188.075GB");
    QTest::addRow("no overflow at 2^64-1") << quint64 {0xFFFFFFFFFFFFFFFFULL} << QStringLiteral("9444732965739.290GB");
}

void TestSizeFormat::size()
{
    QFETCH(quint64, sectors);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(aoeStatSize(sectors)), expected);
}

void TestSizeFormat::deviceName()
{
    QCOMPARE(aoeDeviceName(7, 3), std::string("e7.3"));
    QCOMPARE(aoeDeviceName(65534, 254), std::string("e65534.254"));
}

namespace {
QStringList fieldList(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromLatin1(item);
    return list;
}
} // namespace

void TestSizeFormat::line_data()
{
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QString>("expected");
    // The lines aoe-stat printed from a fake sysfs (AOE-PROTOCOL §3.1), trailing spaces included.
    QTest::addRow("up,kickme") << fieldList({"e1.2", "1.073GB", "lo", "65024", "up,kickme"})
                               << QStringLiteral("      e1.2         1.073GB         lo 65024 up,kickme     \n");
    QTest::addRow("up") << fieldList({"e7.3", "0.067GB", "lan0", "1024", "up"})
                        << QStringLiteral("      e7.3         0.067GB       lan0 1024  up            \n");
    QTest::addRow("down") << fieldList({"e0.12", "0.000GB", "lan0", "1024", "down"})
                          << QStringLiteral("     e0.12         0.000GB       lan0 1024  down          \n");
    QTest::addRow("two interfaces") << fieldList({"e10.0", "4.294GB", "lan1,lan2", "8704", "up"})
                                    << QStringLiteral("     e10.0         4.294GB  lan1,lan2 8704  up            \n");
    QTest::addRow("widest") << fieldList({"e65534.254", "10995.116GB", "lan0", "1024", "down,closewait"})
                            << QStringLiteral("e65534.254     10995.116GB       lan0 1024  down,closewait\n");
    QTest::addRow("long fields are not cut")
        << fieldList({"e1.1", "0.067GB", "veth-long-name0,veth-long-name1", "1024", "up"})
        << QStringLiteral("      e1.1         0.067GB veth-long-name0,veth-long-name1 1024  up            \n");
}

void TestSizeFormat::line()
{
    QFETCH(QStringList, fields);
    QFETCH(QString, expected);
    const auto s = [&](int i) { return fields.at(i).toStdString(); };
    QCOMPARE(QString::fromStdString(aoeStatLine(s(0), s(1), s(2), s(3), s(4))), expected);
}

QTEST_GUILESS_MAIN(TestSizeFormat)
#include "tst_size_format.moc"
