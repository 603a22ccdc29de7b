// SPDX-License-Identifier: GPL-3.0-or-later
// `aoesan-engine probe` in a namespace lab against Debian's vblade: the JSON Lines stream of
// docs/probe-events.md (started, added, changed, rtt, state down and up, stopped when stdin closes),
// "probe" on stdin, and the error events for bad arguments and a missing CAP_NET_RAW.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "tst_ctl_helpers.h"

using namespace aoesan::test;

namespace {

// The engine's stdout, parsed line by line as it arrives.
class ProbeStream
{
public:
    explicit ProbeStream(QProcess &process)
        : m_process(process)
    { }

    // Waits for the next event called `name` (skipping others); an empty object on timeout.
    QJsonObject next(const QString &name, int timeoutMs = 8000)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            while (m_process.canReadLine()) {
                const QJsonObject event = QJsonDocument::fromJson(m_process.readLine()).object();
                m_seen << event.value(QStringLiteral("event")).toString();
                if (event.value(QStringLiteral("event")).toString() == name)
                    return event;
            }
            m_process.waitForReadyRead(100);
        }
        return {};
    }
    QStringList seen() const { return m_seen; }

private:
    QProcess &m_process;
    QStringList m_seen;
};

QStringList probeCommand(const QStringList &args)
{
    return QStringList {QStringLiteral(AOESAN_ENGINE), QStringLiteral("probe")} + args;
}

} // namespace

class TestDiscoveryProbe : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_lab.reset(); }
    void eventStream();
    void errorsAsEvents();

private:
    std::unique_ptr<Lab> m_lab;
};

void TestDiscoveryProbe::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("vblade")));
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
}

void TestDiscoveryProbe::eventStream()
{
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), 131072 * 512);
    QProcess *vblade = startVblade(*m_lab, 7, 3, Lab::targetInterface(), image);
    QVERIFY(vblade);
    QVERIFY(waitForTarget(*m_lab, 7, 3));

    QProcess engine;
    engine.setProgram(Lab::findTool(QStringLiteral("ip")));
    engine.setArguments(QStringList {QStringLiteral("netns"), QStringLiteral("exec"), m_lab->initiatorNamespace()}
        + probeCommand(
            {QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("--interval"), QStringLiteral("1")}));
    engine.start(); // stdin stays open: the probe runs until we close it
    QVERIFY(engine.waitForStarted());
    ProbeStream stream(engine);

    const QJsonObject started = stream.next(QStringLiteral("started"));
    QCOMPARE(started.value(QStringLiteral("intervalMs")).toInt(), 1000);
    QCOMPARE(started.value(QStringLiteral("interfaces")).toArray().first().toObject().value(QStringLiteral("name")),
        Lab::initiatorInterface());
    const QJsonObject added = stream.next(QStringLiteral("added"));
    QCOMPARE(added.value(QStringLiteral("target")).toObject().value(QStringLiteral("device")).toString(),
        QStringLiteral("e7.3"));
    const QJsonObject changed = stream.next(QStringLiteral("changed"));
    const QJsonObject target = changed.value(QStringLiteral("target")).toObject();
    QVERIFY(target.value(QStringLiteral("identified")).toBool());
    QCOMPARE(target.value(QStringLiteral("size")).toString(), QStringLiteral("0.067GB"));
    QCOMPARE(target.value(QStringLiteral("sectors")).toDouble(), 131072.0);
    QCOMPARE(target.value(QStringLiteral("payload")).toInt(), 1024);
    QCOMPARE(target.value(QStringLiteral("state")).toString(), QStringLiteral("up"));

    engine.write("probe\n"); // discover now: a unicast re-probe answers with an RTT
    const QJsonObject rtt = stream.next(QStringLiteral("rtt"), 900);
    QVERIFY2(!rtt.isEmpty(), qPrintable(stream.seen().join(QLatin1Char(','))));
    QVERIFY(rtt.value(QStringLiteral("target")).toObject().value(QStringLiteral("rttUs")).toDouble() > 0);

    m_lab->stop(vblade);
    const QJsonObject down = stream.next(QStringLiteral("state"), 6000);
    QCOMPARE(down.value(QStringLiteral("state")).toString(), QStringLiteral("down"));
    QVERIFY(startVblade(*m_lab, 7, 3, Lab::targetInterface(), image));
    const QJsonObject up = stream.next(QStringLiteral("state"), 4000);
    QCOMPARE(up.value(QStringLiteral("state")).toString(), QStringLiteral("up"));

    engine.closeWriteChannel();
    QVERIFY(!stream.next(QStringLiteral("stopped"), 5000).isEmpty());
    QVERIFY(engine.waitForFinished(5000));
    QCOMPARE(engine.exitCode(), 0);
}

void TestDiscoveryProbe::errorsAsEvents()
{
    const auto firstEvent
        = [](const Run &run) { return QJsonDocument::fromJson(run.out.split('\n').first()).object(); };

    Run run = runIn(m_lab->initiatorNamespace(), probeCommand({}));
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(firstEvent(run).value(QStringLiteral("code")).toString(), QStringLiteral("bad-arguments"));

    for (const char *bad : {"15", "1048577", "lots"}) {
        run = runIn(m_lab->initiatorNamespace(),
            probeCommand({QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("--max-targets"),
                QString::fromLatin1(bad)}));
        QCOMPARE(run.exitCode, 2);
        const QJsonObject error = firstEvent(run);
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("bad-arguments"));
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("--max-targets needs")),
            qPrintable(run.describe()));
    }

    run = runIn(m_lab->initiatorNamespace(), probeCommand({QStringLiteral("-i"), QStringLiteral("aoesan-none0")}));
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(firstEvent(run).value(QStringLiteral("code")).toString(), QStringLiteral("no-such-interface"));

    if (Lab::findTool(QStringLiteral("setpriv")).isEmpty())
        return;
    run = runIn(m_lab->initiatorNamespace(),
        QStringList {Lab::findTool(QStringLiteral("setpriv")), QStringLiteral("--reuid=65534"),
            QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"), QStringLiteral("--inh-caps=-all")}
            + probeCommand({QStringLiteral("-i"), Lab::initiatorInterface()}));
    QCOMPARE(run.exitCode, 3);
    const QJsonObject error = firstEvent(run);
    QCOMPARE(error.value(QStringLiteral("event")).toString(), QStringLiteral("error"));
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("no-permission"));
    QVERIFY(error.value(QStringLiteral("fix")).toString().contains(QStringLiteral("setcap cap_net_raw+ep")));
}

QTEST_GUILESS_MAIN(TestDiscoveryProbe)
#include "tst_discovery_probe.moc"
