// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl monitor run the way its help says, against a real aoesan-service serving an export in a
// namespace lab while `aoesan-ctl bench` reads it from the other side: the JSON reports show the reads per
// second and MiB/s the bench drives (and no writes, no errors), the table has its header and the export's
// row, a name the service does not have and a service that is not there exit 1 with what is wrong.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "Lab.h"
#include "ServiceRig.h"
#include "service/ServiceClient.h"

using namespace aoesan;
using test::Lab;
using test::ServiceRig;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run monitor(const QString &busAddress, const QStringList &args, int timeoutMs = 30000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), QStringLiteral("/nonexistent"));
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), busAddress);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(AOESAN_CTL),
        QStringList {QStringLiteral("--log-level"), QStringLiteral("off"), QStringLiteral("monitor")} + args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("did not finish in time");
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestCtlMonitor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { AOESAN_SKIP_IF(Lab::unavailableReason()); }
    void showsWhatTheBenchDrives();
    void noService();
};

void TestCtlMonitor::showsWhatTheBenchDrives()
{
    Lab lab;
    QVERIFY2(lab.ok(), qPrintable(lab.error()));
    test::ServiceRigOptions options;
    options.netns = lab.targetNamespace();
    ServiceRig rig(options);
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    const QString image = rig.path(QStringLiteral("disk.img"));
    {
        QFile f(image);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(32 << 20));
    }
    QVERIFY2(rig.startService(
                 {QStringLiteral("-i"), Lab::targetInterface(), QStringLiteral("--interval"), QStringLiteral("1")}),
        qPrintable(rig.error()));
    service::ServiceClient client(rig.connect(QStringLiteral("client")));
    client.follow();
    supervisor::ExportRecord r;
    r.name = QStringLiteral("lab-disk");
    r.path = image;
    r.shelf = 5;
    r.slot = 1;
    r.interface = Lab::targetInterface();
    r.autostart = true;
    const auto added = client.addExport(r, true, false);
    QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
    QVERIFY2(ServiceRig::waitFor(
                 [&] {
                     return client.exports().contains(r.name)
                         && client.exports().at(r.name).status.state == supervisor::ExportState::Running;
                 },
                 15000),
        qPrintable(rig.serviceLog()));

    // The bench reads for 8 s; the monitor reports three 1-s intervals in the middle of it.
    QProcess bench;
    bench.start(Lab::findTool(QStringLiteral("ip")),
        {QStringLiteral("netns"), QStringLiteral("exec"), lab.initiatorNamespace(), QStringLiteral(AOESAN_CTL),
            QStringLiteral("--log-level"), QStringLiteral("off"), QStringLiteral("bench"), QStringLiteral("5.1"),
            QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("--randread"), QStringLiteral("--depth"),
            QStringLiteral("4"), QStringLiteral("--seconds"), QStringLiteral("8")});
    QVERIFY(bench.waitForStarted());
    QTest::qWait(2000);
    const Run json
        = monitor(rig.address(), {QStringLiteral("--json"), QStringLiteral("--count"), QStringLiteral("3"), r.name});
    QVERIFY2(json.code == 0, qPrintable(json.err + json.out));
    const QStringList lines = json.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    double bestReads = 0, bestMiB = 0;
    for (const QString &line : lines) {
        const QJsonObject report = QJsonDocument::fromJson(line.toUtf8()).object();
        QVERIFY2(!report.value(QStringLiteral("time")).toString().isEmpty(), qPrintable(line));
        QCOMPARE(report.value(QStringLiteral("interval")).toInt(), 1);
        const QJsonArray rows = report.value(QStringLiteral("exports")).toArray();
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.first().toObject();
        QCOMPARE(row.value(QStringLiteral("name")).toString(), r.name);
        QCOMPARE(row.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QCOMPARE(row.value(QStringLiteral("writesPerSecond")).toDouble(), 0.0);
        QCOMPARE(row.value(QStringLiteral("errors")).toInt(), 0);
        // The bench, and the service's own discovery asking its export who it is.
        QVERIFY2(row.value(QStringLiteral("clients")).toInt() >= 1, qPrintable(line));
        bestReads = std::max(bestReads, row.value(QStringLiteral("readsPerSecond")).toDouble());
        bestMiB = std::max(bestMiB, row.value(QStringLiteral("readMiBPerSecond")).toDouble());
    }
    // 4 KiB reads at depth 4 run at thousands per second on a veth pair; a few hundred is "it is counting".
    QVERIFY2(bestReads > 200 && bestMiB > 0.2, qPrintable(json.out));

    const Run table = monitor(rig.address(), {QStringLiteral("--count"), QStringLiteral("1")});
    QVERIFY2(table.code == 0, qPrintable(table.err));
    QVERIFY2(table.out.contains(QStringLiteral("reads/s")) && table.out.contains(QStringLiteral("wMiB/s")),
        qPrintable(table.out));
    QVERIFY2(table.out.contains(QStringLiteral("\nlab-disk ")), qPrintable(table.out));

    const Run unknown
        = monitor(rig.address(), {QStringLiteral("nosuch"), QStringLiteral("--count"), QStringLiteral("1")});
    QCOMPARE(unknown.code, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("no export called 'nosuch'")), qPrintable(unknown.err));
    const Run usage = monitor(rig.address(), {QStringLiteral("--interval"), QStringLiteral("0")});
    QCOMPARE(usage.code, 2);

    QVERIFY(bench.waitForFinished(30000));
    QCOMPARE(bench.exitCode(), 0);
    QCOMPARE(rig.stopService(SIGTERM), 0);
}

void TestCtlMonitor::noService()
{
    const Run r
        = monitor(QStringLiteral("unix:path=/nonexistent/bus"), {QStringLiteral("--count"), QStringLiteral("1")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("the aoesan service is not running")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCtlMonitor)
#include "tst_ctl_monitor.moc"
