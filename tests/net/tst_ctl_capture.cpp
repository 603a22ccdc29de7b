// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl capture run as its help says, in a namespace lab (label net, root): two engines serve e0.1 and e0.2,
// `aoesan-ctl stat` asks for both while capture writes the initiator side's frames; the file is read back (our
// reader and tshark's AoE dissector): every AoE frame, or with SHELF.SLOT only e0.1's and the broadcasts; --count
// and SIGINT end it with exit 0 and the file's path as the last line; no -i or a missing interface are refused.
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <csignal>

#include "Lab.h"
#include "net/PcapFile.h"

using namespace aoesan;
using aoesan::test::Lab;

namespace {

const QString kCtl = QStringLiteral(AOESAN_CTL);
const QString kEngine = QStringLiteral(AOESAN_ENGINE);

struct AoeAddress
{
    int shelf;
    int slot;
};

// The shelf and slot of every AoE frame of a capture (ethertype 0x88A2; major at bytes 16-17, minor at 18).
std::vector<AoeAddress> aoeAddresses(const std::vector<net::CapturedFrame> &frames)
{
    std::vector<AoeAddress> list;
    for (const auto &f : frames) {
        const auto *b = reinterpret_cast<const unsigned char *>(f.bytes.constData());
        if (f.bytes.size() >= 24 && b[12] == 0x88 && b[13] == 0xa2)
            list.push_back({(b[16] << 8) | b[17], b[18]});
    }
    return list;
}

} // namespace

class TestCtlCapture : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyAoeFrame();
    void oneTargetAndCount();
    void interruptEndsIt();
    void refusals();

private:
    std::unique_ptr<Lab> m_lab;
};

void TestCtlCapture::initTestCase()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("tshark")));
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    for (int slot : {1, 2}) {
        const QString image = m_lab->createSparseImage(QStringLiteral("e0.%1.img").arg(slot), 16 << 20);
        QVERIFY(!image.isEmpty());
        QVERIFY(m_lab->start(m_lab->targetNamespace(),
            {kEngine, QStringLiteral("serve"), QStringLiteral("0"), QString::number(slot), Lab::targetInterface(),
                image}));
    }
    // Both answer before a capture starts.
    QTRY_VERIFY_WITH_TIMEOUT(m_lab
                                 ->run(m_lab->initiatorNamespace(),
                                     {kCtl, QStringLiteral("stat"), QStringLiteral("-i"), Lab::initiatorInterface(),
                                         QStringLiteral("--wait"), QStringLiteral("2")})
                                 .output.contains(QLatin1String("e0.2")),
        10000);
}

void TestCtlCapture::cleanupTestCase()
{
    m_lab.reset();
}

void TestCtlCapture::everyAoeFrame()
{
    const QString file = m_lab->workPath(QStringLiteral("all.pcap"));
    QProcess *capture = m_lab->start(m_lab->initiatorNamespace(),
        {kCtl, QStringLiteral("capture"), QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("-w"), file,
            QStringLiteral("--seconds"), QStringLiteral("3")});
    QVERIFY(capture);
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->logOf(capture).contains(QLatin1String("aoesan-ctl capture: AoE")), 10000); // open
    const auto stat = m_lab->run(m_lab->initiatorNamespace(),
        {kCtl, QStringLiteral("stat"), QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("--wait"),
            QStringLiteral("2")});
    QVERIFY2(stat.output.contains(QLatin1String("e0.1")), qPrintable(stat.output));
    QVERIFY(capture->waitForFinished(10000));
    QCOMPARE(capture->exitCode(), 0);
    const QString log = m_lab->logOf(capture);
    QVERIFY2(log.trimmed().endsWith(file), qPrintable(log));
    QVERIFY2(log.contains(QLatin1String("frames written, 0 dropped")), qPrintable(log));

    const auto frames = net::readPcapFile(file.toStdString());
    QVERIFY2(frames.ok(), frames.ok() ? "" : frames.error().c_str());
    const auto addresses = aoeAddresses(frames.value());
    QCOMPARE(addresses.size(), frames.value().size()); // nothing but AoE
    const auto seen = [&](int shelf, int slot) {
        return std::any_of(
            addresses.begin(), addresses.end(), [&](const auto &a) { return a.shelf == shelf && a.slot == slot; });
    };
    QString list;
    for (const auto &a : addresses)
        list += QStringLiteral(" e%1.%2").arg(a.shelf).arg(a.slot);
    QVERIFY2(seen(0xffff, 0xff), qPrintable(list)); // stat's broadcast query
    QVERIFY(seen(0, 1));
    QVERIFY(seen(0, 2));
    // Wireshark's dissector reads the file and finds the same AoE frames.
    QProcess tshark;
    tshark.start(Lab::findTool(QStringLiteral("tshark")),
        {QStringLiteral("-r"), file, QStringLiteral("-Y"), QStringLiteral("aoe"), QStringLiteral("-T"),
            QStringLiteral("fields"), QStringLiteral("-e"), QStringLiteral("aoe.major")});
    QVERIFY(tshark.waitForFinished(30000));
    QCOMPARE(tshark.exitCode(), 0);
    const QList<QByteArray> lines = tshark.readAllStandardOutput().trimmed().split('\n');
    // The dissector decodes Ver 1 frames only; every frame here is one.
    QCOMPARE(qsizetype(lines.size()), qsizetype(addresses.size()));
}

void TestCtlCapture::oneTargetAndCount()
{
    const QString file = m_lab->workPath(QStringLiteral("one.pcap"));
    QProcess *capture = m_lab->start(m_lab->initiatorNamespace(),
        {kCtl, QStringLiteral("capture"), QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("-w"), file,
            QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--seconds"), QStringLiteral("20"),
            QStringLiteral("0.1")});
    QVERIFY(capture);
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->logOf(capture).contains(QLatin1String("aoesan-ctl capture: e0.1's frames")), 10000);
    // Each IDENTIFY of e0.1 is a request and a reply; e0.2's never reach the file.
    for (int i = 0; i < 3 && capture->state() != QProcess::NotRunning; ++i) {
        m_lab->run(m_lab->initiatorNamespace(),
            {kCtl, QStringLiteral("identify"), QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("0.2")});
        m_lab->run(m_lab->initiatorNamespace(),
            {kCtl, QStringLiteral("identify"), QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("0.1")});
    }
    QVERIFY(capture->waitForFinished(10000));
    QCOMPARE(capture->exitCode(), 0);
    const auto frames = net::readPcapFile(file.toStdString());
    QVERIFY(frames.ok());
    QVERIFY2(frames.value().size() >= 4, qPrintable(QString::number(frames.value().size())));
    for (const auto &a : aoeAddresses(frames.value())) {
        QVERIFY2((a.shelf == 0 || a.shelf == 0xffff) && (a.slot == 1 || a.slot == 0xff),
            qPrintable(QStringLiteral("e%1.%2 in a capture of e0.1").arg(a.shelf).arg(a.slot)));
    }
}

void TestCtlCapture::interruptEndsIt()
{
    const QString file = m_lab->workPath(QStringLiteral("int.pcap"));
    QProcess *capture = m_lab->start(m_lab->initiatorNamespace(),
        {kCtl, QStringLiteral("capture"), QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("-w"), file});
    QVERIFY(capture);
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->logOf(capture).contains(QLatin1String("aoesan-ctl capture: AoE")), 10000);
    QCOMPARE(capture->state(), QProcess::Running);
    // ip netns exec replaces itself with aoesan-ctl, so the pid is the command's.
    ::kill(static_cast<pid_t>(capture->processId()), SIGINT);
    QVERIFY(capture->waitForFinished(5000));
    QCOMPARE(capture->exitCode(), 0);
    QVERIFY(QFileInfo::exists(file));
    QVERIFY(net::readPcapFile(file.toStdString()).ok()); // a whole, readable file even when interrupted
}

void TestCtlCapture::refusals()
{
    const auto noInterface = m_lab->run(m_lab->initiatorNamespace(), {kCtl, QStringLiteral("capture")});
    QCOMPARE(noInterface.exitCode, 2);
    QVERIFY2(noInterface.output.contains(QLatin1String("name the one interface to capture on with -i IFACE")),
        qPrintable(noInterface.output));
    const auto missing = m_lab->run(m_lab->initiatorNamespace(),
        {kCtl, QStringLiteral("capture"), QStringLiteral("-i"), QStringLiteral("nosuch0"), QStringLiteral("--seconds"),
            QStringLiteral("1")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.output.contains(QLatin1String("nosuch0")), qPrintable(missing.output));
    const auto unwritable = m_lab->run(m_lab->initiatorNamespace(),
        {kCtl, QStringLiteral("capture"), QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("-w"),
            QStringLiteral("/nonexistent/dir/x.pcap"), QStringLiteral("--seconds"), QStringLiteral("1")});
    QCOMPARE(unwritable.exitCode, 1);
    QVERIFY2(unwritable.output.contains(QLatin1String("cannot write capture /nonexistent/dir/x.pcap")),
        qPrintable(unwritable.output));
}

QTEST_GUILESS_MAIN(TestCtlCapture)
#include "tst_ctl_capture.moc"
