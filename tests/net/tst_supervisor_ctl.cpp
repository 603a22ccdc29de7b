// SPDX-License-Identifier: GPL-3.0-or-later
// `aoesan-ctl supervise` and `aoesan-ctl exports run`, the commands behind the systemd units, in a
// namespace lab (label net, root): the export really answers on the wire, and SIGTERM to aoesan-ctl
// stops the engine cleanly (exit 0, no engine left) instead of orphaning it. The privilege model: the
// supervisor runs as nobody with no capability; only the engine has CAP_NET_RAW (a file capability),
// and it holds nothing once it serves.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>

#include <csignal>
#include <cstring>
#include <functional>
#include <unistd.h>

#include "Lab.h"
#include "RawPeer.h"
#include "TargetFrames.h"

using aoesan::test::Lab;
using aoesan::test::RawPeer;
namespace frames = aoesan::test::frames;

namespace {

// A field of /proc/PID/status ("CapEff", "Uid").
QString statusField(qint64 pid, const char *field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(QByteArray(field) + ':')))
            return QString::fromLatin1(line.mid(qsizetype(std::strlen(field)) + 1)).trimmed();
    }
    return {};
}

} // namespace

class TestSupervisorCtl : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void servesUntilSigterm_data();
    void servesUntilSigterm();
    void supervisorNeedsNoPrivilege();
    void refusesAnAddressAnotherHostServes_data();
    void refusesAnAddressAnotherHostServes();

private:
    QProcessEnvironment environment() const;
    // Runs `wrapper... aoesan-ctl COMMAND --store S` in the target namespace until the export serves, checks
    // it answers and holds no capability, calls `whileServing` with aoesan-ctl's pid and what it printed so
    // far, then SIGTERMs it and
    // checks the clean stop. aoesan-ctl's pid, or 0 after a failure (already reported).
    qint64 serveThenStop(const QStringList &wrapper, const QStringList &command, const QProcessEnvironment &env,
        const std::function<void(qint64, const QString &)> &whileServing = {});
    std::unique_ptr<Lab> m_lab;
    QString m_store;
};

void TestSupervisorCtl::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    m_store = m_lab->workPath(QStringLiteral("exports.json"));
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), 1 << 20);
    QVERIFY(!image.isEmpty());
    QProcess add;
    add.setProcessEnvironment(environment());
    // In the namespace that has the export's interface: `exports add` refuses one that is not there.
    add.start(Lab::findTool(QStringLiteral("ip")),
        {QStringLiteral("netns"), QStringLiteral("exec"), m_lab->targetNamespace(), QStringLiteral(AOESAN_CTL),
            QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--store"), m_store,
            QStringLiteral("--name"), QStringLiteral("lab"), QStringLiteral("--autostart"), QStringLiteral("7"),
            QStringLiteral("3"), Lab::targetInterface(), image});
    QVERIFY(add.waitForFinished(10000));
    QVERIFY2(add.exitCode() == 0, add.readAllStandardError().constData());
}

void TestSupervisorCtl::cleanup()
{
    m_lab.reset();
}

QProcessEnvironment TestSupervisorCtl::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("AOESAN_ENGINE"), QStringLiteral(AOESAN_ENGINE));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_lab->workPath(QStringLiteral("state")));
    return env;
}

void TestSupervisorCtl::servesUntilSigterm_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addRow("supervise") << QStringList {QStringLiteral("supervise")};
    QTest::addRow("exports run") << QStringList {
        QStringLiteral("exports"), QStringLiteral("run"), QStringLiteral("lab")};
}

void TestSupervisorCtl::servesUntilSigterm()
{
    QFETCH(QStringList, command);
    // As root, aoesan-ctl looks for other targets at the export's address before it starts it.
    serveThenStop({}, command, environment(), [](qint64, const QString &said) {
        QVERIFY2(said.contains(QStringLiteral("looking for other AoE targets on ") + Lab::targetInterface()),
            qPrintable(said));
        QVERIFY2(!said.contains(QStringLiteral("warning")), qPrintable(said));
    });
}

void TestSupervisorCtl::supervisorNeedsNoPrivilege()
{
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("setpriv")));
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("setcap")));
    // The installed layout in miniature: an engine with the file capability cap_net_raw+ep, and the
    // supervisor (aoesan-ctl) running as nobody with no capability at all.
    const QString work = QFileInfo(m_store).absolutePath();
    const QString engine = m_lab->workPath(QStringLiteral("aoesan-engine"));
    QVERIFY(QFile::copy(QStringLiteral(AOESAN_ENGINE), engine));
    const auto setcap = m_lab->run(
        m_lab->targetNamespace(), {Lab::findTool(QStringLiteral("setcap")), QStringLiteral("cap_net_raw+ep"), engine});
    QVERIFY2(setcap.ok(), qPrintable(setcap.output));
    const QString state = m_lab->workPath(QStringLiteral("nobody-state"));
    QVERIFY(QDir().mkpath(state));
    for (const QString &path : {m_lab->workPath(QStringLiteral("disk.img")), state})
        QVERIFY(::chown(qPrintable(path), 65534, 65534) == 0);
    QVERIFY(QFile::setPermissions(work,
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
            | QFile::ExeOther));
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("AOESAN_ENGINE"), engine);
    env.insert(QStringLiteral("XDG_STATE_HOME"), state);
    const qint64 ctlPid = serveThenStop(
        {Lab::findTool(QStringLiteral("setpriv")), QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
            QStringLiteral("--clear-groups"), QStringLiteral("--inh-caps=-all"), QStringLiteral("--")},
        {QStringLiteral("supervise")}, env, [](qint64 pid, const QString &said) {
            // Without CAP_NET_RAW of its own it cannot listen: it says so and starts unchecked.
            QVERIFY2(said.contains(QStringLiteral("warning: cannot check whether another host already serves")),
                qPrintable(said));
            QCOMPARE(statusField(pid, "Uid").section(QLatin1Char('\t'), 0, 0), QStringLiteral("65534"));
            QCOMPARE(statusField(pid, "CapEff"), QStringLiteral("0000000000000000"));
            QCOMPARE(statusField(pid, "CapPrm"), QStringLiteral("0000000000000000"));
        });
    QVERIFY(ctlPid > 0);
}

void TestSupervisorCtl::refusesAnAddressAnotherHostServes_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addRow("supervise") << QStringList {QStringLiteral("supervise")};
    QTest::addRow("exports run") << QStringList {
        QStringLiteral("exports"), QStringLiteral("run"), QStringLiteral("lab")};
}

void TestSupervisorCtl::refusesAnAddressAnotherHostServes()
{
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("vblade")));
    QFETCH(QStringList, command);
    // Another host (vblade in the other namespace) already serves e7.3 on this segment: the export at
    // e7.3 must not start, and the reason names who answers there.
    const QString other = m_lab->createSparseImage(QStringLiteral("other.img"), 1 << 20);
    QVERIFY(!other.isEmpty());
    QProcess *vblade = m_lab->start(m_lab->initiatorNamespace(),
        {Lab::findTool(QStringLiteral("vblade")), QStringLiteral("7"), QStringLiteral("3"), Lab::initiatorInterface(),
            other});
    QVERIFY(vblade);
    QProcess ctl;
    ctl.setProcessEnvironment(environment());
    const auto stopCtl = qScopeGuard([&ctl]() {
        if (ctl.state() != QProcess::NotRunning) {
            ctl.kill();
            ctl.waitForFinished();
        }
    });
    // vblade announces itself at start, but an announcement sent before discovery listens is lost:
    // discovery's own probe must find it.
    QTest::qWait(300);
    ctl.start(Lab::findTool(QStringLiteral("ip")),
        QStringList {
            QStringLiteral("netns"), QStringLiteral("exec"), m_lab->targetNamespace(), QStringLiteral(AOESAN_CTL)}
            + command + QStringList {QStringLiteral("--store"), m_store});
    QVERIFY(ctl.waitForStarted());
    const bool runsOnce = command.first() == QLatin1String("exports");
    if (runsOnce)
        QVERIFY(ctl.waitForFinished(20000));
    QString out;
    const QString refusal = QStringLiteral("e7.3 is already answered on %1 by %2")
                                .arg(Lab::targetInterface(), QString::fromStdString(Lab::initiatorMac().toString()));
    QTRY_VERIFY2_WITH_TIMEOUT((out += QString::fromUtf8(ctl.readAllStandardOutput())).contains(refusal),
        qPrintable(out + QString::fromUtf8(ctl.readAllStandardError())), 10000);
    QVERIFY2(
        out.contains(QStringLiteral("looking for other AoE targets on ") + Lab::targetInterface()), qPrintable(out));
    QVERIFY2(!out.contains(QStringLiteral("lab: running")), qPrintable(out));
    if (runsOnce) {
        // `exports run` ends when its export has failed; supervise waits for a signal.
        QCOMPARE(ctl.exitStatus(), QProcess::NormalExit);
        QCOMPARE(ctl.exitCode(), 1);
    } else {
        ::kill(pid_t(ctl.processId()), SIGTERM);
        QVERIFY(ctl.waitForFinished(10000));
        QCOMPARE(ctl.exitCode(), 0);
    }
    m_lab->stop(vblade);
}

qint64 TestSupervisorCtl::serveThenStop(const QStringList &wrapper, const QStringList &command,
    const QProcessEnvironment &env, const std::function<void(qint64, const QString &)> &whileServing)
{
    // Through `ip netns exec` (and setpriv), which exec in place: the pid is aoesan-ctl's own.
    QProcess ctl;
    ctl.setProcessEnvironment(env);
    ctl.start(Lab::findTool(QStringLiteral("ip")),
        QStringList {QStringLiteral("netns"), QStringLiteral("exec"), m_lab->targetNamespace()} + wrapper
            + QStringList {QStringLiteral(AOESAN_CTL)} + command + QStringList {QStringLiteral("--store"), m_store});
    if (!ctl.waitForStarted())
        return 0;
    const auto stopCtl = qScopeGuard([&ctl]() {
        if (ctl.state() != QProcess::NotRunning) {
            ctl.kill();
            ctl.waitForFinished();
        }
    });
    QString out;
    const QRegularExpression running(QStringLiteral("lab: running \\(engine pid (\\d+)\\)"));
    [&]() {
        QTRY_VERIFY2_WITH_TIMEOUT((out += QString::fromUtf8(ctl.readAllStandardOutput())).contains(running),
            qPrintable(out + QString::fromUtf8(ctl.readAllStandardError())), 10000);
    }();
    if (QTest::currentTestFailed())
        return 0;
    const qint64 ctlPid = ctl.processId();
    const qint64 enginePid = running.match(out).captured(1).toLongLong();
    if (!QFile::exists(QStringLiteral("/proc/%1").arg(enginePid))) {
        QTest::qFail("the engine is gone", __FILE__, __LINE__);
        return 0;
    }
    // Serving, and holding nothing any more.
    if (statusField(enginePid, "CapEff") != QStringLiteral("0000000000000000")) {
        QTest::qFail("the serving engine still holds capabilities", __FILE__, __LINE__);
        return 0;
    }
    if (whileServing) {
        whileServing(ctlPid, out);
        if (QTest::currentTestFailed())
            return 0;
    }

    std::unique_ptr<RawPeer> peer;
    {
        const auto guard = m_lab->enter(m_lab->initiatorNamespace());
        QString error;
        peer = guard.ok() ? RawPeer::open(Lab::initiatorInterface(), &error) : nullptr;
        if (!peer) {
            QTest::qFail(qPrintable(guard.error() + error), __FILE__, __LINE__);
            return 0;
        }
    }
    const QByteArray reply = peer->exchange(
        frames::header(Lab::targetMac(), peer->mac(), frames::kRequest, 0, 7, 3, frames::kConfig, 0x80000042)
            .configRequest(0, {})
            .padTo());
    if (reply.isEmpty() || frames::tagOf(reply) != 0x80000042U) {
        QTest::qFail("the export did not answer a Query Config", __FILE__, __LINE__);
        return 0;
    }

    ::kill(pid_t(ctlPid), SIGTERM);
    const bool finished = ctl.waitForFinished(10000);
    out += QString::fromUtf8(ctl.readAllStandardOutput());
    const QString said = out + QString::fromUtf8(ctl.readAllStandardError());
    if (!finished || ctl.exitStatus() != QProcess::NormalExit || ctl.exitCode() != 0
        || !out.contains(QStringLiteral("SIGTERM: stopping every export"))
        || !out.contains(QStringLiteral("lab: stopped"))) {
        QTest::qFail(qPrintable(QStringLiteral("no clean stop after SIGTERM:\n") + said), __FILE__, __LINE__);
        return 0;
    }
    if (QFile::exists(QStringLiteral("/proc/%1").arg(enginePid))) {
        QTest::qFail("the engine outlived aoesan-ctl", __FILE__, __LINE__);
        return 0;
    }
    return ctlPid;
}

QTEST_GUILESS_MAIN(TestSupervisorCtl)
#include "tst_supervisor_ctl.moc"
