// SPDX-License-Identifier: GPL-3.0-or-later
// The per-target requests on `aoesan-engine probe`'s stdin (docs/probe-events.md) in a namespace lab,
// against Debian's vblade (e7.3) and `aoesan-engine serve` (e7.4): identify, config read and set (checked
// with aoesan-ctl, a second initiator), MAC mask and reserve edits with the lock-out guard (a refused
// change leaves the target's list as it was; an allowed lock-out really shuts this host out), vblade 25's
// crashing delete refused, and malformed lines answered with request-error while the probe runs on.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "EngineProcess.h"
#include "tst_ctl_helpers.h"

using namespace aoesan::test;

namespace {

class ProbeSession
{
public:
    explicit ProbeSession(QProcess &process)
        : m_process(process)
    { }

    // Waits for the answer (reply or request-error) to request `id`; empty on timeout.
    QJsonObject answer(int id, int timeoutMs = 10000)
    {
        return waitFor(
            [id](const QJsonObject &e) {
                const QString name = e.value(QStringLiteral("event")).toString();
                return (name == QLatin1String("reply") || name == QLatin1String("request-error"))
                    && e.value(QStringLiteral("id")).toInt() == id;
            },
            timeoutMs);
    }
    QJsonObject ask(const QByteArray &line, int id, int timeoutMs = 10000)
    {
        m_process.write(line + '\n');
        return answer(id, timeoutMs);
    }
    QJsonObject waitFor(const std::function<bool(const QJsonObject &)> &accept, int timeoutMs = 10000)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            while (m_process.canReadLine()) {
                const QByteArray line = m_process.readLine();
                m_lines << QString::fromUtf8(line).trimmed();
                const QJsonObject event = QJsonDocument::fromJson(line).object();
                if (accept(event))
                    return event;
            }
            m_process.waitForReadyRead(100);
        }
        return {};
    }
    QString transcript() const { return m_lines.join(QLatin1Char('\n')).right(4000); }

private:
    QProcess &m_process;
    QStringList m_lines;
};

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QStringList macs(const QJsonObject &o)
{
    QStringList list;
    for (const QJsonValue &v : o.value(QStringLiteral("macs")).toArray())
        list << v.toString();
    return list;
}

const QString kStranger = QStringLiteral("02:00:00:00:00:99");

} // namespace

class TestProbeRequests : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void identifyAndConfig();
    void maskAndReserveGuard();
    void vbladeCrashingDeleteRefused();
    void malformedLinesAnsweredProbeRunsOn();

private:
    Run ctlRun(const QStringList &args)
    {
        return runIn(m_lab->initiatorNamespace(),
            ctl(args
                + QStringList {QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("--timeout"),
                    QStringLiteral("3")}));
    }

    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<EngineProcess> m_engine;
    std::unique_ptr<QProcess> m_probe;
    std::unique_ptr<ProbeSession> m_session;
    QString m_own;
};

void TestProbeRequests::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("vblade")));
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    m_own = QString::fromStdString(Lab::initiatorMac().toString());
    const QString vbladeImage = m_lab->createSparseImage(QStringLiteral("vblade.img"), 131072 * 512);
    QVERIFY(startVblade(*m_lab, 7, 3, Lab::targetInterface(), vbladeImage));
    const QString engineImage = m_lab->createSparseImage(QStringLiteral("engine.img"), 4 << 20);
    m_engine = std::make_unique<EngineProcess>(*m_lab, QStringLiteral(AOESAN_ENGINE));
    QVERIFY2(m_engine->start({QStringLiteral("--no-state"), QStringLiteral("7"), QStringLiteral("4"),
                 Lab::targetInterface(), engineImage}),
        qPrintable(m_engine->error()));
    QVERIFY(waitForTarget(*m_lab, 7, 3));

    m_probe = std::make_unique<QProcess>();
    m_probe->setProgram(Lab::findTool(QStringLiteral("ip")));
    m_probe->setArguments({QStringLiteral("netns"), QStringLiteral("exec"), m_lab->initiatorNamespace(),
        QStringLiteral(AOESAN_ENGINE), QStringLiteral("probe"), QStringLiteral("-i"), Lab::initiatorInterface(),
        QStringLiteral("--interval"), QStringLiteral("1")});
    m_probe->start();
    QVERIFY(m_probe->waitForStarted());
    m_session = std::make_unique<ProbeSession>(*m_probe);
    // Both targets found and identified.
    QSet<QString> identified;
    const QJsonObject both = m_session->waitFor([&identified](const QJsonObject &e) {
        const QJsonObject t = e.value(QStringLiteral("target")).toObject();
        if (t.value(QStringLiteral("identified")).toBool())
            identified.insert(text(t, "device"));
        return identified.size() == 2;
    });
    QVERIFY2(!both.isEmpty(), qPrintable(m_session->transcript()));
}

void TestProbeRequests::cleanup()
{
    if (m_probe) {
        m_probe->closeWriteChannel();
        if (!m_probe->waitForFinished(5000)) {
            m_probe->kill();
            m_probe->waitForFinished();
        }
        QCOMPARE(m_probe->exitCode(), 0);
    }
    m_session.reset();
    m_probe.reset();
    m_engine.reset();
    m_lab.reset();
}

void TestProbeRequests::identifyAndConfig()
{
    QJsonObject a = m_session->ask("identify 1 e7.3", 1);
    QCOMPARE(text(a, "event"), QStringLiteral("reply"));
    QCOMPARE(text(a, "request"), QStringLiteral("identify"));
    QCOMPARE(text(a, "device"), QStringLiteral("e7.3"));
    QCOMPARE(text(a, "interface"), Lab::initiatorInterface());
    QCOMPARE(text(a, "ownMac"), m_own);
    QCOMPARE(text(a, "mac"), QString::fromStdString(Lab::targetMac().toString()));
    const QJsonObject identify = a.value(QStringLiteral("identify")).toObject();
    QCOMPARE(identify.value(QStringLiteral("sectors")).toDouble(), 131072.0);
    QCOMPARE(text(identify, "firmware"), QStringLiteral("V25"));

    a = m_session->ask("config 2 e7.3", 2);
    QCOMPARE(text(a, "event"), QStringLiteral("reply"));
    QCOMPARE(text(a, "configString"), QString());
    a = m_session->ask("config-set 3 e7.3 rack%20b%2F3", 3);
    QVERIFY2(text(a, "event") == QLatin1String("reply"), qPrintable(m_session->transcript()));
    QCOMPARE(text(a, "configString"), QStringLiteral("rack b/3"));
    // Another initiator reads the new string from the target itself.
    Run run = ctlRun({QStringLiteral("config"), QStringLiteral("e7.3")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.out, QByteArray("rack b/3\n"));
    // Discovery's own record follows at the next answer (the GUI asks for one with "probe").
    m_probe->write("probe\n");
    const QJsonObject changed = m_session->waitFor([](const QJsonObject &e) {
        const QJsonObject t = e.value(QStringLiteral("target")).toObject();
        return text(e, "event") == QLatin1String("changed") && text(t, "device") == QLatin1String("e7.3")
            && text(t, "configString") == QLatin1String("rack b/3");
    });
    QVERIFY2(!changed.isEmpty(), qPrintable(m_session->transcript()));
    // Replacing a string that is there (the person confirmed it in the GUI) works too.
    a = m_session->ask("config-set 4 e7.4 moved", 4);
    QCOMPARE(text(a, "configString"), QStringLiteral("moved"));
    QCOMPARE(ctlRun({QStringLiteral("config"), QStringLiteral("e7.4")}).out, QByteArray("moved\n"));
    a = m_session->ask("config-set 5 e7.4", 5); // the empty string
    QCOMPARE(text(a, "configString"), QString());
    QCOMPARE(ctlRun({QStringLiteral("config"), QStringLiteral("e7.4")}).out, QByteArray("\n"));
}

void TestProbeRequests::maskAndReserveGuard()
{
    QJsonObject a = m_session->ask("mask 1 e7.4", 1);
    QCOMPARE(text(a, "event"), QStringLiteral("reply"));
    QCOMPARE(macs(a), QStringList());

    // A mask of only a stranger would shut us out: refused, nothing sent.
    a = m_session->ask("mask-edit 2 e7.4 +" + kStranger.toLatin1(), 2);
    QCOMPARE(text(a, "event"), QStringLiteral("request-error"));
    QCOMPARE(text(a, "code"), QStringLiteral("locks-out"));
    QCOMPARE(macs(a), QStringList {kStranger});
    QCOMPARE(text(a, "ownMac"), m_own);
    QVERIFY2(ctlRun({QStringLiteral("mask"), QStringLiteral("e7.4")}).out.contains("empty"), "the mask changed");

    a = m_session->ask("mask-edit 3 e7.4 +" + m_own.toLatin1() + " +" + kStranger.toLatin1(), 3);
    QCOMPARE(text(a, "event"), QStringLiteral("reply"));
    QCOMPARE(macs(a), (QStringList {m_own, kStranger}));
    Run run = ctlRun({QStringLiteral("mask"), QStringLiteral("e7.4")});
    QVERIFY2(run.out.contains(kStranger.toLatin1()) && run.out.contains(m_own.toLatin1()), run.out.constData());

    // Deleting ourselves from a list that keeps the stranger: refused...
    a = m_session->ask("mask-edit 4 e7.4 -" + m_own.toLatin1(), 4);
    QCOMPARE(text(a, "code"), QStringLiteral("locks-out"));
    QCOMPARE(macs(a), QStringList {kStranger});
    // ...a delete of the stranger is fine...
    a = m_session->ask("mask-edit 5 e7.4 -" + kStranger.toLatin1(), 5);
    QCOMPARE(macs(a), QStringList {m_own});

    // Reserve: a list without us is refused; with us it is set and read back.
    a = m_session->ask("reserve-set 6 e7.4 " + kStranger.toLatin1(), 6);
    QCOMPARE(text(a, "code"), QStringLiteral("locks-out"));
    QVERIFY(ctlRun({QStringLiteral("reserve"), QStringLiteral("e7.4")}).out.contains("empty"));
    a = m_session->ask("reserve-set 7 e7.4 " + m_own.toLatin1(), 7);
    QCOMPARE(text(a, "event"), QStringLiteral("reply"));
    QCOMPARE(macs(a), QStringList {m_own});
    QCOMPARE(macs(m_session->ask("reserve 8 e7.4", 8)), QStringList {m_own});
    a = m_session->ask("reserve-set 9 e7.4", 9); // release
    QCOMPARE(macs(a), QStringList());
    QVERIFY(ctlRun({QStringLiteral("reserve"), QStringLiteral("e7.4")}).out.contains("empty"));

    // What the person confirmed happens: the allowed lock-out really shuts this host out.
    a = m_session->ask("mask-edit 10 e7.4 --allow-lockout +" + kStranger.toLatin1() + " -" + m_own.toLatin1(), 10);
    QCOMPARE(text(a, "event"), QStringLiteral("reply"));
    a = m_session->ask("identify 11 e7.4", 11);
    QCOMPARE(text(a, "event"), QStringLiteral("request-error"));
    QCOMPARE(text(a, "code"), QStringLiteral("no-answer"));
}

void TestProbeRequests::vbladeCrashingDeleteRefused()
{
    QJsonObject a = m_session->ask("mask-edit 1 e7.3 +" + m_own.toLatin1(), 1);
    QCOMPARE(text(a, "event"), QStringLiteral("reply"));
    QCOMPARE(macs(a), QStringList {m_own});
    a = m_session->ask("mask-edit 2 e7.3 --allow-lockout -" + m_own.toLatin1(), 2);
    QCOMPARE(text(a, "code"), QStringLiteral("unsafe-delete"));
    // vblade still runs and still lists us.
    const Run run = ctlRun({QStringLiteral("mask"), QStringLiteral("e7.3")});
    QVERIFY2(run.exitCode == 0 && run.out.contains(m_own.toLatin1()), qPrintable(run.describe()));
}

void TestProbeRequests::malformedLinesAnsweredProbeRunsOn()
{
    const struct
    {
        QByteArray line;
        int id;
    } bad[] = {
        {"format-disk 1 e7.3", 0}, {"identify 0 e7.3", 0}, {"identify 5 e65535.255", 5},
        {"mask-edit 6 e7.3 +zz:00:00:00:00:01", 6}, {"config-set 7 e7.3 not encoded", 7},
        {QByteArray(9000, 'x'), 0}, // a line that never ends is cut, answered and dropped
    };
    for (const auto &b : bad) {
        m_probe->write(b.line + (b.line.size() > 8192 ? QByteArray() : QByteArray("\n")));
        const QJsonObject a = m_session->waitFor([](const QJsonObject &e) {
            return e.value(QStringLiteral("event")).toString() == QLatin1String("request-error");
        });
        QVERIFY2(!a.isEmpty(), b.line.left(60).constData());
        QCOMPARE(text(a, "code"), QStringLiteral("bad-request"));
        QCOMPARE(a.value(QStringLiteral("id")).toInt(), b.id);
    }
    m_probe->write("\n"); // the rest of the long line ends here: it is answered as a bad request too
    m_session->waitFor([](const QJsonObject &e) { return text(e, "event") == QLatin1String("request-error"); }, 2000);
    QJsonObject a = m_session->ask("identify 8 e9.9", 8);
    QCOMPARE(text(a, "code"), QStringLiteral("no-such-target"));
    a = m_session->ask("identify 9 e7.3", 9);
    QCOMPARE(text(a, "event"), QStringLiteral("reply"));
}

QTEST_GUILESS_MAIN(TestProbeRequests)
#include "tst_probe_requests.moc"
