// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-engine against the real userspace clients of aoetools 36, in a namespace lab: aoeping's
// IDENTIFY (fields with -I, the raw block with -i, whose words 60-61 and 100-103 carry the size),
// aoecfg with every config command, and aoe-sancheck's probe. No config-string workaround: vblade
// needs one because its short replies are dropped on veth; the engine pads every reply.
#include <QRegularExpression>
#include <QTest>

#include <memory>

#include "EngineProcess.h"
#include "Lab.h"

using aoesan::test::CommandResult;
using aoesan::test::EngineProcess;
using aoesan::test::Lab;
using aoesan::test::LabOptions;

namespace {

const QString kEngine = QStringLiteral(AOESAN_ENGINE_PATH);

// The 512 bytes of `aoeping -i`, printed as hex bytes 16 to a line after its heading.
QByteArray identifyFromHexDump(const QString &output)
{
    const qsizetype start = output.indexOf(QStringLiteral("device identify response:"));
    if (start < 0)
        return {};
    QByteArray block;
    static const QRegularExpression byte(QStringLiteral("\\b([0-9a-fA-F]{2})\\b"));
    auto it = byte.globalMatch(output.mid(start + 25));
    while (it.hasNext() && block.size() < 512)
        block.append(static_cast<char>(it.next().captured(1).toUInt(nullptr, 16)));
    return block;
}

quint64 word(const QByteArray &block, int index)
{
    return quint64(static_cast<std::uint8_t>(block[index * 2]))
        | quint64(static_cast<std::uint8_t>(block[index * 2 + 1])) << 8U;
}

} // namespace

class TestEngineAoetools : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void aoepingFields();
    void aoepingSize_data();
    void aoepingSize();
    void aoecfg_data();
    void aoecfg();
    void aoecfgBroadcast();
    void sancheck_data();
    void sancheck();

private:
    // A lab and an engine serving e7.3 from an image of `bytes`; QSKIPs when no lab can be built here.
    void serve(qint64 bytes, const QStringList &options = {}, LabOptions lab = {});
    CommandResult initiator(const QString &tool, const QStringList &arguments, int timeoutMs = 15000);

    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<EngineProcess> m_engine;
};

void TestEngineAoetools::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    for (const auto &tool : {QStringLiteral("aoeping"), QStringLiteral("aoecfg"), QStringLiteral("aoe-sancheck")})
        AOESAN_SKIP_IF(Lab::missingTool(tool));
}

void TestEngineAoetools::cleanup()
{
    if (m_engine && m_engine->running())
        QCOMPARE(m_engine->stop(), 0);
    m_engine.reset();
    m_lab.reset(); // stops whatever is left and deletes the namespaces, also after a failure
}

void TestEngineAoetools::serve(qint64 bytes, const QStringList &options, LabOptions lab)
{
    m_lab = std::make_unique<Lab>(lab);
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), bytes);
    QVERIFY(!image.isEmpty());
    m_engine = std::make_unique<EngineProcess>(*m_lab, kEngine);
    QVERIFY2(m_engine->start(options
                 + QStringList {QStringLiteral("--no-state"), QStringLiteral("7"), QStringLiteral("3"),
                     Lab::targetInterface(), image}),
        qPrintable(m_engine->error()));
}

CommandResult TestEngineAoetools::initiator(const QString &tool, const QStringList &arguments, int timeoutMs)
{
    return m_lab->run(m_lab->initiatorNamespace(), QStringList {Lab::findTool(tool)} + arguments, timeoutMs);
}

void TestEngineAoetools::aoepingFields()
{
    serve(4 << 20);
    const CommandResult r = initiator(QStringLiteral("aoeping"),
        {QStringLiteral("-s"), QStringLiteral("5"), QStringLiteral("-I"), QStringLiteral("7"), QStringLiteral("3"),
            Lab::initiatorInterface()});
    // aoeping exits 142 (SIGALRM) when nothing usable came back within -s.
    QVERIFY2(r.ok(), qPrintable(QStringLiteral("aoeping -I: exit %1\n%2").arg(r.exitCode).arg(r.output)));
    QVERIFY2(r.output.contains(QStringLiteral("device identify fields:")), qPrintable(r.output));
    static const QRegularExpression serial(QStringLiteral("serial_number: 7\\.3:[0-9a-f]{8} *\\n"));
    QVERIFY2(serial.match(r.output).hasMatch(), qPrintable(r.output));
    QVERIFY2(r.output.contains(QStringLiteral("model: aoesan AoE target")), qPrintable(r.output));
    QVERIFY2(r.output.contains(QStringLiteral("firmware_rev: ")), qPrintable(r.output));
}

void TestEngineAoetools::aoepingSize_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<quint64>("sectors");
    QTest::addColumn<quint64>("lba28");

    QTest::addRow("4 MiB") << qint64(4) * 1024 * 1024 << QStringList() << quint64(8192) << quint64(8192);
    QTest::addRow("0x12345 sectors") << qint64(0x12345) * 512 << QStringList() << quint64(0x12345) << quint64(0x12345);
    QTest::addRow("window -o 100 -l 1000, read-only")
        << qint64(4) * 1024 * 1024
        << QStringList {QStringLiteral("-r"), QStringLiteral("-o"), QStringLiteral("100"), QStringLiteral("-l"),
               QStringLiteral("1000")}
        << quint64(1000) << quint64(1000);
    // Past LBA28: words 60-61 stay at 0x0FFFFFFF, the size is in words 100-103 only.
    const qint64 threeTiB = qint64(3) << 40;
    QTest::addRow("3 TiB sparse") << threeTiB << QStringList() << quint64(threeTiB / 512) << quint64(0x0FFFFFFF);
}

void TestEngineAoetools::aoepingSize()
{
    QFETCH(qint64, bytes);
    QFETCH(QStringList, options);
    QFETCH(quint64, sectors);
    QFETCH(quint64, lba28);
    serve(bytes, options);
    const CommandResult r = initiator(QStringLiteral("aoeping"),
        {QStringLiteral("-s"), QStringLiteral("5"), QStringLiteral("-i"), QStringLiteral("7"), QStringLiteral("3"),
            Lab::initiatorInterface()});
    QVERIFY2(r.ok(), qPrintable(QStringLiteral("aoeping -i: exit %1\n%2").arg(r.exitCode).arg(r.output)));
    const QByteArray block = identifyFromHexDump(r.output);
    QVERIFY2(block.size() == 512, qPrintable(r.output));
    const quint64 lba48
        = word(block, 100) | word(block, 101) << 16U | word(block, 102) << 32U | word(block, 103) << 48U;
    QCOMPARE(lba48, sectors);
    QCOMPARE(word(block, 60) | word(block, 61) << 16U, lba28);
    QCOMPARE(word(block, 83) & 0x2400, quint64(0x2400)); // LBA48 and FLUSH CACHE EXT
}

void TestEngineAoetools::aoecfg_data()
{
    QTest::addColumn<QString>("stored"); // force-set first (empty: nothing ever set)
    QTest::addColumn<QString>("command"); // aoecfg -c
    QTest::addColumn<QString>("text"); // aoecfg -s
    QTest::addColumn<QString>("output"); // exactly what aoecfg prints; empty: no reply came
    QTest::addColumn<QString>("after"); // what `aoecfg -c read` then prints

    const QString none;
    const QString cs = QStringLiteral("aoesan-engine-config");
    const QString line = cs + QLatin1Char('\n');
    // An empty string still comes back as an empty line: the reply was padded, so aoecfg took it.
    QTest::addRow("read, nothing ever set")
        << none << QStringLiteral("read") << none << QStringLiteral("\n") << QStringLiteral("\n");
    QTest::addRow("read") << cs << QStringLiteral("read") << none << line << line;
    QTest::addRow("test, equal") << cs << QStringLiteral("test") << cs << line << line;
    QTest::addRow("test, different: silence")
        << cs << QStringLiteral("test") << QStringLiteral("aoesan-other") << none << line;
    QTest::addRow("test, a prefix only: silence")
        << cs << QStringLiteral("test") << QStringLiteral("aoesan") << none << line;
    QTest::addRow("prefix, a prefix") << cs << QStringLiteral("prefix") << QStringLiteral("aoesan-eng") << line << line;
    QTest::addRow("prefix, not one: silence")
        << cs << QStringLiteral("prefix") << QStringLiteral("engine") << none << line;
    QTest::addRow("set, empty before") << none << QStringLiteral("set") << cs << line << line;
    QTest::addRow("set, the same string") << cs << QStringLiteral("set") << cs << line << line;
    QTest::addRow("set, a different string: refused")
        << cs << QStringLiteral("set") << QStringLiteral("intruder") << QStringLiteral("*badcfg*\n") << line;
    QTest::addRow("fset over a string") << cs << QStringLiteral("fset") << QStringLiteral("forced")
                                        << QStringLiteral("forced\n") << QStringLiteral("forced\n");
    QTest::addRow("fset, short string") << none << QStringLiteral("fset") << QStringLiteral("x")
                                        << QStringLiteral("x\n") << QStringLiteral("x\n");
}

void TestEngineAoetools::aoecfg()
{
    QFETCH(QString, stored);
    QFETCH(QString, command);
    QFETCH(QString, text);
    QFETCH(QString, output);
    QFETCH(QString, after);
    serve(1 << 20);
    const QStringList target = {
        QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("7"), QStringLiteral("3"), Lab::initiatorInterface()};
    if (!stored.isEmpty()) {
        const CommandResult set = initiator(QStringLiteral("aoecfg"),
            QStringList {QStringLiteral("-c"), QStringLiteral("fset"), QStringLiteral("-s"), stored} + target);
        QVERIFY2(set.ok() && set.output == stored + QLatin1Char('\n'), qPrintable(set.output));
    }
    QStringList arguments {QStringLiteral("-c"), command};
    if (!text.isEmpty())
        arguments << QStringLiteral("-s") << text;
    const CommandResult r = initiator(QStringLiteral("aoecfg"), arguments + target);
    QVERIFY2(r.ok(), qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.output)));
    QCOMPARE(r.output, output);
    const CommandResult read
        = initiator(QStringLiteral("aoecfg"), QStringList {QStringLiteral("-c"), QStringLiteral("read")} + target);
    QCOMPARE(read.output, after);
}

void TestEngineAoetools::aoecfgBroadcast()
{
    serve(1 << 20);
    const CommandResult set = initiator(QStringLiteral("aoecfg"),
        {QStringLiteral("-c"), QStringLiteral("fset"), QStringLiteral("-s"), QStringLiteral("shelf seven"),
            QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("7"), QStringLiteral("3"),
            Lab::initiatorInterface()});
    QVERIFY2(set.ok(), qPrintable(set.output));
    // Without shelf and slot aoecfg broadcasts (0xFFFF.0xFF) and lists every target that answers.
    const CommandResult r = initiator(QStringLiteral("aoecfg"),
        {QStringLiteral("-c"), QStringLiteral("read"), QStringLiteral("-t"), QStringLiteral("1"),
            Lab::initiatorInterface()});
    QVERIFY2(r.ok(), qPrintable(r.output));
    QCOMPARE(r.output, QStringLiteral("7.3\tshelf seven\n"));
}

void TestEngineAoetools::sancheck_data()
{
    QTest::addColumn<int>("mtu");
    QTest::addColumn<int>("payload");
    QTest::addColumn<int>("maxSectors");
    QTest::addRow("MTU 1500") << 1500 << 1024 << 2;
    QTest::addRow("MTU 9000") << 9000 << 8704 << 17;
}

void TestEngineAoetools::sancheck()
{
    QFETCH(int, mtu);
    QFETCH(int, payload);
    QFETCH(int, maxSectors);
    serve(1 << 20, {}, {.mtu = mtu});
    QCOMPARE(m_engine->started().value(QStringLiteral("maxSectors")).toInt(), maxSectors);
    // It probes every interface of the namespace it runs in; the initiator namespace has only veth-i.
    const CommandResult r = initiator(QStringLiteral("aoe-sancheck"), {QStringLiteral("-v")}, 30000);
    QVERIFY2(r.ok(), qPrintable(r.output));
    const QString mac = QString::fromStdString(Lab::targetMac().toString()).remove(QLatin1Char(':'));
    const QRegularExpression device(
        QStringLiteral("\\ne7\\.3\\s+1\\s+%1\\s+%2\\n").arg(payload).arg(Lab::initiatorInterface()));
    QVERIFY2(device.match(r.output).hasMatch(), qPrintable(r.output));
    QVERIFY2(r.output.contains(QStringLiteral("e7.3 %1 %2").arg(mac).arg(maxSectors)), qPrintable(r.output));
}

QTEST_GUILESS_MAIN(TestEngineAoetools)
#include "tst_engine_aoetools.moc"
