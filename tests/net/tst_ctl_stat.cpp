// SPDX-License-Identifier: GPL-3.0-or-later
// `aoesan-ctl stat` against Debian's vblade in a namespace lab: every line exactly as aoe-stat would print
// it (worked out here from the image sizes with aoe-stat's own arithmetic), numeric order, jumbo payload,
// one target with two paths over two veth pairs, a conflict on one segment, and the messages for an empty
// segment and for a missing CAP_NET_RAW.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "tst_ctl_helpers.h"

using namespace aoesan::test;

namespace {

struct Export
{
    int shelf;
    int slot;
    qint64 sectors;
};

QString device(const Export &e)
{
    return QStringLiteral("e%1.%2").arg(e.shelf).arg(e.slot);
}

} // namespace

class TestCtlStat : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_lab.reset(); }
    void linesAsAoeStatPrintsThem();
    void jumboPayload();
    void twoPathsOneTarget();
    void conflictOnOneSegment();
    void emptySegment();
    void withoutCapNetRaw();

private:
    void makeLab(LabOptions options = {});
    std::unique_ptr<Lab> m_lab;
};

void TestCtlStat::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("vblade")));
}

void TestCtlStat::makeLab(LabOptions options)
{
    m_lab = std::make_unique<Lab>(options);
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
}

void TestCtlStat::linesAsAoeStatPrintsThem()
{
    makeLab();
    // Text order would be e0.1, e1.2, e10.5, e2.10, e3.0; numeric is e0.1, e1.2, e2.10, e3.0, e10.5.
    const std::vector<Export> exports {
        {3, 0, 4294967297}, // 2 TiB + 512 bytes: only LBA48 can say it
        {10, 5, 1953124}, // just under 1 GB: 0.999GB
        {0, 1, 131072}, // vblade's 64 MiB example: 0.067GB
        {1, 2, 2097153}, // an odd sector count
        {2, 10, 8388610}, // 4.294GB
    };
    for (const auto &e : exports) {
        const QString image = m_lab->createSparseImage(device(e) + QStringLiteral(".img"), e.sectors * 512);
        QVERIFY(!image.isEmpty());
        QVERIFY(startVblade(*m_lab, e.shelf, e.slot, Lab::targetInterface(), image));
    }
    for (const auto &e : exports)
        QVERIFY2(waitForTarget(*m_lab, e.shelf, e.slot), qPrintable(device(e)));

    const Run run = runIn(
        m_lab->initiatorNamespace(), ctl({QStringLiteral("stat"), QStringLiteral("-i"), Lab::initiatorInterface()}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    auto sorted = exports;
    std::ranges::sort(sorted,
        [](const Export &a, const Export &b) { return std::pair(a.shelf, a.slot) < std::pair(b.shelf, b.slot); });
    QString expected;
    for (const auto &e : sorted)
        expected += aoeStatLineReference(device(e), e.sectors, Lab::initiatorInterface(), 1024, QStringLiteral("up"));
    QCOMPARE(QString::fromUtf8(run.out), expected);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    // About a second of quiet after the last answer, not aoe-sancheck's five.
    QVERIFY2(run.ms < 3000, qPrintable(run.describe()));
    qInfo("stat listed %zu vblade targets in %lld ms", exports.size(), static_cast<long long>(run.ms));

    const Run filtered = runIn(m_lab->initiatorNamespace(),
        ctl({QStringLiteral("stat"), QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("e1\\.")}));
    QCOMPARE(QString::fromUtf8(filtered.out),
        aoeStatLineReference(QStringLiteral("e1.2"), 2097153, Lab::initiatorInterface(), 1024, QStringLiteral("up")));

    const Run json = runIn(m_lab->initiatorNamespace(),
        ctl({QStringLiteral("stat"), QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("--json")}));
    QCOMPARE(json.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(list.size(), 5);
    const QJsonObject big = list.at(3).toObject();
    QCOMPARE(big.value(QStringLiteral("device")).toString(), QStringLiteral("e3.0"));
    QCOMPARE(big.value(QStringLiteral("sectors")).toDouble(), 4294967297.0);
    QVERIFY(big.value(QStringLiteral("lba48")).toBool());
    QCOMPARE(big.value(QStringLiteral("model")).toString(), QStringLiteral("Coraid EtherDrive vblade"));
}

void TestCtlStat::jumboPayload()
{
    makeLab({.mtu = 9000});
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), 131072 * 512);
    QVERIFY(startVblade(*m_lab, 7, 3, Lab::targetInterface(), image));
    QVERIFY(waitForTarget(*m_lab, 7, 3));
    const Run run = runIn(
        m_lab->initiatorNamespace(), ctl({QStringLiteral("stat"), QStringLiteral("-i"), Lab::initiatorInterface()}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(QString::fromUtf8(run.out),
        aoeStatLineReference(QStringLiteral("e7.3"), 131072, Lab::initiatorInterface(), 8704, QStringLiteral("up")));
}

void TestCtlStat::twoPathsOneTarget()
{
    makeLab({.extraPairs = 1});
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), 131072 * 512);
    // One disk served on both of the target's NICs: two MACs, two local interfaces, one shelf.slot.
    QVERIFY(startVblade(*m_lab, 4, 4, Lab::targetInterface(0), image));
    QVERIFY(startVblade(*m_lab, 4, 4, Lab::targetInterface(1), image));
    QVERIFY(waitForTarget(*m_lab, 4, 4, Lab::initiatorInterface(0)));
    QVERIFY(waitForTarget(*m_lab, 4, 4, Lab::initiatorInterface(1)));
    const QStringList args {QStringLiteral("stat"), QStringLiteral("-i"), Lab::initiatorInterface(0),
        QStringLiteral("-i"), Lab::initiatorInterface(1)};
    const Run run = runIn(m_lab->initiatorNamespace(), ctl(args));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString both = Lab::initiatorInterface(0) + QLatin1Char(',') + Lab::initiatorInterface(1);
    QCOMPARE(QString::fromUtf8(run.out),
        aoeStatLineReference(QStringLiteral("e4.4"), 131072, both, 1024, QStringLiteral("up")));

    const Run json = runIn(m_lab->initiatorNamespace(), ctl(args + QStringList {QStringLiteral("--json")}));
    const QJsonObject target = QJsonDocument::fromJson(json.out).array().first().toObject();
    const QJsonArray paths = target.value(QStringLiteral("paths")).toArray();
    QCOMPARE(paths.size(), 2);
    QCOMPARE(paths.at(0).toObject().value(QStringLiteral("mac")).toString(),
        QString::fromStdString(Lab::targetMac(0).toString()));
    QCOMPARE(paths.at(1).toObject().value(QStringLiteral("mac")).toString(),
        QString::fromStdString(Lab::targetMac(1).toString()));
    QVERIFY(!target.value(QStringLiteral("conflict")).toBool());
}

void TestCtlStat::conflictOnOneSegment()
{
    makeLab();
    // A second MAC on the target's side of the same segment: a macvlan on veth-t.
    const QString second = QStringLiteral("mv-t");
    QVERIFY(m_lab
                ->run(m_lab->targetNamespace(),
                    {Lab::findTool(QStringLiteral("ip")), QStringLiteral("link"), QStringLiteral("add"),
                        QStringLiteral("link"), Lab::targetInterface(), QStringLiteral("name"), second,
                        QStringLiteral("address"), QStringLiteral("02:00:00:00:c0:01"), QStringLiteral("type"),
                        QStringLiteral("macvlan"), QStringLiteral("mode"), QStringLiteral("bridge")})
                .ok());
    QVERIFY(m_lab->setLinkUp(m_lab->targetNamespace(), second, true));
    const QString small = m_lab->createSparseImage(QStringLiteral("a.img"), 131072 * 512);
    const QString large = m_lab->createSparseImage(QStringLiteral("b.img"), 262144 * 512);
    QVERIFY(startVblade(*m_lab, 5, 5, Lab::targetInterface(), small));
    QVERIFY(startVblade(*m_lab, 5, 5, second, large));
    QVERIFY(waitForTarget(*m_lab, 5, 5));
    const Run run = runIn(
        m_lab->initiatorNamespace(), ctl({QStringLiteral("stat"), QStringLiteral("-i"), Lab::initiatorInterface()}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    // The size shown is the first backend's; the state says there are two.
    QVERIFY2(run.out.endsWith(" 1024  up,conflict   \n"), run.out.constData());
    QVERIFY2(run.out.startsWith("      e5.5 "), run.out.constData());
    const Run json = runIn(m_lab->initiatorNamespace(),
        ctl({QStringLiteral("stat"), QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("--json")}));
    const QJsonObject target = QJsonDocument::fromJson(json.out).array().first().toObject();
    QVERIFY(target.value(QStringLiteral("conflict")).toBool());
    QVERIFY(target.value(QStringLiteral("conflictDetail")).toString().contains(QStringLiteral("02:00:00:00:c0:01")));
    QCOMPARE(target.value(QStringLiteral("backends")).toArray().size(), 2);
}

void TestCtlStat::emptySegment()
{
    makeLab();
    const Run run = runIn(
        m_lab->initiatorNamespace(), ctl({QStringLiteral("stat"), QStringLiteral("-i"), Lab::initiatorInterface()}));
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("no AoE target answered on veth-i"), run.err.constData());
    QVERIFY2(run.ms < 3000, qPrintable(run.describe()));
}

void TestCtlStat::withoutCapNetRaw()
{
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("setpriv")));
    makeLab();
    // As nobody, with no capabilities at all.
    const QStringList drop {Lab::findTool(QStringLiteral("setpriv")), QStringLiteral("--reuid=65534"),
        QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"), QStringLiteral("--inh-caps=-all")};
    const Run run = runIn(m_lab->initiatorNamespace(),
        drop + ctl({QStringLiteral("stat"), QStringLiteral("-i"), Lab::initiatorInterface()}));
    QCOMPARE(run.exitCode, 3); // no permission, as in every command (util/ExitCode.h)
    QVERIFY2(run.err.contains("CAP_NET_RAW"), run.err.constData());
    QVERIFY2(run.err.contains("setcap cap_net_raw+ep"), run.err.constData());
    QVERIFY2(run.err.contains("aoesan-ctl"), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCtlStat)
#include "tst_ctl_stat.moc"
