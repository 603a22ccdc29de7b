// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl against aoesan's own engine in a namespace lab: the MAC mask lock-out guard (refused, --force
// applies it), the engine saying at its next start that it restored the mask (event, log line, stderr),
// `serve` refusing an address another host answers, an interface that is not there or is `lo`, and an
// unreadable plain file getting the fix that applies to it (not "join group disk").
#include <QFile>
#include <QTest>

#include "tst_ctl_helpers.h"

using namespace aoesan::test;

namespace {

const QString kTarget = QStringLiteral("7.3");
const QString kStranger = QStringLiteral("02:00:00:00:ee:01");

QStringList engine(const QStringList &args)
{
    return QStringList {QStringLiteral(AOESAN_ENGINE)} + args;
}

QStringList asNobody(const QStringList &command)
{
    return QStringList {Lab::findTool(QStringLiteral("setpriv")), QStringLiteral("--reuid=65534"),
               QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"), QStringLiteral("--inh-caps=-all")}
    + command;
}

} // namespace

class TestCtlEngine : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_lab.reset(); }
    void maskLockOutAndRestore();
    void serveRefusesAnAddressInUse();
    void serveRefusesInterfaces_data();
    void serveRefusesInterfaces();
    void unreadablePlainFile();

private:
    QProcess *startEngine(const QStringList &extra = {});
    Run ctlRun(const QStringList &args) const;

    std::unique_ptr<Lab> m_lab;
    QString m_image;
    QString m_state;
};

void TestCtlEngine::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    m_image = m_lab->createSparseImage(QStringLiteral("disk.img"), 1 << 20);
    m_state = m_lab->workPath(QStringLiteral("e7.3.json"));
}

QProcess *TestCtlEngine::startEngine(const QStringList &extra)
{
    return m_lab->start(m_lab->targetNamespace(),
        engine(QStringList {QStringLiteral("serve"), QStringLiteral("--state-file"), m_state} + extra
            + QStringList {QStringLiteral("7"), QStringLiteral("3"), Lab::targetInterface(), m_image}));
}

Run TestCtlEngine::ctlRun(const QStringList &args) const
{
    QStringList all = args;
    all.insert(1, kTarget);
    return runIn(m_lab->initiatorNamespace(), ctl(all));
}

void TestCtlEngine::maskLockOutAndRestore()
{
    QProcess *served
        = startEngine({QStringLiteral("--events"), QStringLiteral("--wire-edits"), QStringLiteral("keep")});
    QVERIFY(served);
    QVERIFY2(waitForTarget(*m_lab, 7, 3), qPrintable(m_lab->logOf(served)));
    QVERIFY(!m_lab->logOf(served).contains(QStringLiteral("\"restored\"")));

    // No -i: the only interface up in the initiator namespace is used.
    Run run = ctlRun({QStringLiteral("mask"), QStringLiteral("--add"), kStranger});
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("would ignore this host"), run.err.constData());
    QVERIFY2(ctlRun({QStringLiteral("mask")}).out.contains("MAC mask list: empty"), "the refused edit was applied");

    run = ctlRun({QStringLiteral("mask"), QStringLiteral("--add"), kStranger, QStringLiteral("--force")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains(kStranger.toUtf8()), qPrintable(run.describe()));
    // Applied: the engine ignores us now.
    run = ctlRun({QStringLiteral("identify"), QStringLiteral("--timeout"), QStringLiteral("1")});
    QCOMPARE(run.exitCode, 1);

    // The next start restores the mask (the export keeps edits from the wire) from the state file and says so: an
    // event, and a log line.
    m_lab->stop(served);
    served = startEngine({QStringLiteral("--events"), QStringLiteral("--wire-edits"), QStringLiteral("keep")});
    QVERIFY(served);
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->logOf(served).contains(QStringLiteral("\"event\":\"restored\"")), 5000);
    const QString log = m_lab->logOf(served);
    QVERIFY2(log.contains(QStringLiteral("\"masks\":[\"%1\"]").arg(kStranger)), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("\"stateFile\":\"%1\"").arg(m_state)), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("restored from %1: MAC mask of 1 host").arg(m_state)), qPrintable(log));
    QVERIFY2(
        log.indexOf(QStringLiteral("\"event\":\"started\"")) < log.indexOf(QStringLiteral("\"event\":\"restored\"")),
        qPrintable(log));

    // Without --events the same goes to stderr for a person.
    m_lab->stop(served);
    served = startEngine({QStringLiteral("--wire-edits"), QStringLiteral("keep")});
    QVERIFY(served);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_lab->logOf(served).contains(QStringLiteral("restored from %1: MAC mask of 1 host").arg(m_state)), 5000);

    // -m given at start is no surprise: nothing "restored" about the mask.
    m_lab->stop(served);
    served = startEngine({QStringLiteral("--events"), QStringLiteral("-m"), kStranger});
    QVERIFY(served);
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->logOf(served).contains(QStringLiteral("\"event\":\"started\"")), 5000);
    QTest::qWait(300);
    QVERIFY2(!m_lab->logOf(served).contains(QStringLiteral("\"restored\"")), qPrintable(m_lab->logOf(served)));
}

void TestCtlEngine::serveRefusesAnAddressInUse()
{
    // Another host (the target namespace) answers 7.3; `aoesan-ctl serve` of 7.3 next to it is refused.
    QProcess *other = startEngine();
    QVERIFY(other);
    QVERIFY2(waitForTarget(*m_lab, 7, 3), qPrintable(m_lab->logOf(other)));
    const QString image = m_lab->createSparseImage(QStringLiteral("second.img"), 1 << 20);
    const QStringList serve = ctl({QStringLiteral("serve"), QStringLiteral("--no-state"), QStringLiteral("7"),
        QStringLiteral("3"), Lab::initiatorInterface(), image});
    const Run run = runIn(m_lab->initiatorNamespace(), serve, 20000);
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(
        run.err.startsWith("aoesan-ctl serve: e7.3 is already answered on veth-i by "), qPrintable(run.describe()));
    QVERIFY2(run.err.contains("--force serves it anyway"), qPrintable(run.describe()));
    // Another slot is free, and --force serves next to the other one.
    QProcess *free = m_lab->start(m_lab->initiatorNamespace(),
        ctl({QStringLiteral("serve"), QStringLiteral("--no-state"), QStringLiteral("7"), QStringLiteral("4"),
            Lab::initiatorInterface(), image}));
    QVERIFY(free);
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->logOf(free).contains(QStringLiteral("e7.4, 2048 sectors")), 10000);
    QProcess *forced = m_lab->start(m_lab->initiatorNamespace(), serve + QStringList {QStringLiteral("--force")});
    QVERIFY(forced);
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->logOf(forced).contains(QStringLiteral("e7.3, 2048 sectors")), 5000);
}

void TestCtlEngine::serveRefusesInterfaces_data()
{
    QTest::addColumn<QString>("interface");
    QTest::addColumn<QString>("says");
    QTest::newRow("missing") << QStringLiteral("aoesan-none0")
                             << QStringLiteral("no network interface named 'aoesan-none0'");
    QTest::newRow("loopback") << QStringLiteral("lo") << QStringLiteral("'lo' is not an Ethernet interface");
}

void TestCtlEngine::serveRefusesInterfaces()
{
    QFETCH(QString, interface);
    QFETCH(QString, says);
    const QStringList words {QStringLiteral("serve"), QStringLiteral("--no-state"), QStringLiteral("7"),
        QStringLiteral("3"), interface, m_image};
    for (const QStringList &command : {engine(words), ctl(words)}) {
        const Run run = runIn(m_lab->targetNamespace(), command);
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        // Program and subcommand first.
        const QByteArray speaker = command.first() == QLatin1String(AOESAN_ENGINE) ? "aoesan-engine serve: error: "
                                                                                   : "aoesan-ctl serve: error: ";
        QVERIFY2(run.err.startsWith(speaker), qPrintable(run.describe()));
        QVERIFY2(run.err.contains(says.toUtf8()), qPrintable(run.describe()));
        // What to do is said once.
        QCOMPARE(run.err.count("ip link"), 1);
    }
}

void TestCtlEngine::unreadablePlainFile()
{
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("setpriv")));
    // A file of mode 000 in a directory nobody may enter: not a block device, so no "group 'disk'".
    QFile file(m_image);
    QVERIFY(file.setPermissions(QFileDevice::Permissions {}));
    QVERIFY(QFile::setPermissions(m_lab->workPath(QString()),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ExeOther));
    for (const bool readOnly : {false, true}) {
        QStringList words {QStringLiteral("serve"), QStringLiteral("--no-state")};
        if (readOnly)
            words << QStringLiteral("-r");
        words << QStringLiteral("7") << QStringLiteral("3") << Lab::targetInterface() << m_image;
        const Run run = runIn(m_lab->targetNamespace(), asNobody(engine(words)));
        QVERIFY2(run.exitCode == 3, qPrintable(run.describe()));
        QVERIFY2(run.err.contains("no permission to"), qPrintable(run.describe()));
        QVERIFY2(!run.err.contains("group 'disk'"), qPrintable(run.describe()));
        QVERIFY2(run.err.contains("chmod or chown"), qPrintable(run.describe()));
    }
}

QTEST_GUILESS_MAIN(TestCtlEngine)
#include "tst_ctl_engine.moc"
