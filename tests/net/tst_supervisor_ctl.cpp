// `aoesan-ctl supervise` and `aoesan-ctl exports run`, the commands behind the systemd units, in a
// namespace lab (label net, root): the export really answers on the wire, and SIGTERM to aoesan-ctl
// stops the engine cleanly (exit 0, no engine left) instead of orphaning it.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

#include "Lab.h"
#include "RawPeer.h"
#include "TargetFrames.h"

using aoesan::test::Lab;
using aoesan::test::RawPeer;
namespace frames = aoesan::test::frames;

class TestSupervisorCtl : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void servesUntilSigterm_data();
    void servesUntilSigterm();

private:
    QProcessEnvironment environment() const;
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
    add.start(QStringLiteral(AOESAN_CTL),
        {QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--store"), m_store, QStringLiteral("--name"),
            QStringLiteral("lab"), QStringLiteral("--autostart"), QStringLiteral("7"), QStringLiteral("3"),
            Lab::targetInterface(), image});
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
    // Through `ip netns exec`, which execs in place: the pid is aoesan-ctl's own.
    QProcess ctl;
    ctl.setProcessEnvironment(environment());
    ctl.start(Lab::findTool(QStringLiteral("ip")),
        QStringList {
            QStringLiteral("netns"), QStringLiteral("exec"), m_lab->targetNamespace(), QStringLiteral(AOESAN_CTL)}
            + command + QStringList {QStringLiteral("--store"), m_store});
    QVERIFY(ctl.waitForStarted());
    const auto stopCtl = qScopeGuard([&ctl]() {
        if (ctl.state() != QProcess::NotRunning) {
            ctl.kill();
            ctl.waitForFinished();
        }
    });
    QString out;
    const QRegularExpression running(QStringLiteral("lab: running \\(engine pid (\\d+)\\)"));
    QTRY_VERIFY2_WITH_TIMEOUT((out += QString::fromUtf8(ctl.readAllStandardOutput())).contains(running),
        qPrintable(out + QString::fromUtf8(ctl.readAllStandardError())), 10000);
    const qint64 enginePid = running.match(out).captured(1).toLongLong();
    QVERIFY(QFile::exists(QStringLiteral("/proc/%1").arg(enginePid)));

    std::unique_ptr<RawPeer> peer;
    {
        const auto guard = m_lab->enter(m_lab->initiatorNamespace());
        QVERIFY2(guard.ok(), qPrintable(guard.error()));
        QString error;
        peer = RawPeer::open(Lab::initiatorInterface(), &error);
        QVERIFY2(peer, qPrintable(error));
    }
    const QByteArray reply = peer->exchange(
        frames::header(Lab::targetMac(), peer->mac(), frames::kRequest, 0, 7, 3, frames::kConfig, 0x80000042)
            .configRequest(0, {})
            .padTo());
    QVERIFY2(!reply.isEmpty(), "the export did not answer a Query Config");
    QCOMPARE(frames::tagOf(reply), 0x80000042U);

    QCOMPARE(::kill(pid_t(ctl.processId()), SIGTERM), 0);
    QVERIFY(ctl.waitForFinished(10000));
    out += QString::fromUtf8(ctl.readAllStandardOutput());
    QCOMPARE(ctl.exitStatus(), QProcess::NormalExit);
    QVERIFY2(ctl.exitCode() == 0, qPrintable(out + QString::fromUtf8(ctl.readAllStandardError())));
    QVERIFY2(out.contains(QStringLiteral("SIGTERM: stopping every export")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("lab: stopped")), qPrintable(out));
    QVERIFY(!QFile::exists(QStringLiteral("/proc/%1").arg(enginePid)));
}

QTEST_GUILESS_MAIN(TestSupervisorCtl)
#include "tst_supervisor_ctl.moc"
