// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl identify, config, mask and reserve against Debian's vblade, checked against the behaviour
// AOE-PROTOCOL.md §1.7-§1.9 describes (and vblade's known limits, §4.4): output, exit codes, refusals.
#include <QTest>

#include "tst_ctl_helpers.h"

using namespace aoesan::test;

namespace {

const QString kTarget = QStringLiteral("7.3");
const QString kStranger = QStringLiteral("02:00:00:00:ee:01");

} // namespace

class TestCtlCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_lab.reset(); }
    void identify();
    void noAnswerIsClear();
    void configString();
    void maskList();
    void maskLockOutIsRefused();
    void maskLockOutForced();
    void maskFromStartupListHidesTarget();
    void reserveList();
    void usageErrors();
    void interfaceChoice();

private:
    // A lab with vblade serving 7.3 (64 MiB plus one sector) on veth-t, already answering.
    void serve(const QStringList &vbladeOptions = {}, bool wait = true);
    Run ctlRun(const QStringList &args) const;

    std::unique_ptr<Lab> m_lab;
    QProcess *m_vblade = nullptr;
};

void TestCtlCommands::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("vblade")));
}

void TestCtlCommands::serve(const QStringList &vbladeOptions, bool wait)
{
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), (131072 + 1) * 512);
    m_vblade = startVblade(*m_lab, 7, 3, Lab::targetInterface(), image, vbladeOptions);
    QVERIFY(m_vblade);
    if (wait)
        QVERIFY2(waitForTarget(*m_lab, 7, 3), qPrintable(m_lab->logOf(m_vblade)));
}

Run TestCtlCommands::ctlRun(const QStringList &args) const
{
    QStringList all = args;
    all.insert(1, kTarget);
    all << QStringLiteral("-i") << Lab::initiatorInterface();
    return runIn(m_lab->initiatorNamespace(), ctl(all));
}

void TestCtlCommands::identify()
{
    serve();
    const Run run = ctlRun({QStringLiteral("identify")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString out = QString::fromUtf8(run.out);
    QVERIFY(out.contains(QStringLiteral("device:           e7.3\n")));
    QVERIFY(out.contains(QStringLiteral("model:            Coraid EtherDrive vblade\n")));
    QVERIFY(out.contains(QStringLiteral("serial:           7.3:")));
    QVERIFY(out.contains(QStringLiteral("firmware:         V25\n")));
    QVERIFY(out.contains(QStringLiteral("sectors:          131073\n")));
    QVERIFY(out.contains(QStringLiteral("size:             0.067GB (67109376 bytes")));
    QVERIFY(out.contains(QStringLiteral("lba48:            yes\n")));
    QVERIFY(out.contains(QStringLiteral("flush cache:      yes\n")));
    QVERIFY(out.contains(QStringLiteral("flush cache ext:  no\n")));
    QVERIFY(out.contains(QStringLiteral("mac:              ") + QString::fromStdString(Lab::targetMac().toString())));
    QVERIFY(out.contains(QStringLiteral("aoe firmware:     0x4019\n")));
}

void TestCtlCommands::noAnswerIsClear()
{
    serve();
    const Run run = runIn(m_lab->initiatorNamespace(),
        ctl({QStringLiteral("identify"), QStringLiteral("9.9"), QStringLiteral("-i"), Lab::initiatorInterface(),
            QStringLiteral("--timeout"), QStringLiteral("1")}));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("no answer from e9.9 on veth-i"), run.err.constData());
    // The command it suggests looks where this one looked.
    QVERIFY2(run.err.contains("`aoesan-ctl stat -i veth-i`"), run.err.constData());
    QVERIFY2(run.ms < 2500, qPrintable(run.describe()));
}

void TestCtlCommands::configString()
{
    serve();
    Run run = ctlRun({QStringLiteral("config")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("\n")); // vblade starts with no string

    run = ctlRun({QStringLiteral("config"), QStringLiteral("--set"), QStringLiteral("rack-1/slot-7")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.out, QByteArray("rack-1/slot-7\n"));

    // Set-if-empty against a different string: error 4, the reply carries the current string.
    run = ctlRun({QStringLiteral("config"), QStringLiteral("--set"), QStringLiteral("other")});
    QCOMPARE(run.exitCode, 1); // refused by the target: 1 in the one exit-code table
    QVERIFY2(run.err.contains("already 'rack-1/slot-7'"), run.err.constData());
    QVERIFY(run.err.contains("error 4"));
    // Re-setting the same string is accepted.
    QCOMPARE(ctlRun({QStringLiteral("config"), QStringLiteral("--set"), QStringLiteral("rack-1/slot-7")}).exitCode, 0);

    QCOMPARE(ctlRun({QStringLiteral("config"), QStringLiteral("--test"), QStringLiteral("rack-1/slot-7")}).exitCode, 0);
    run = ctlRun({QStringLiteral("config"), QStringLiteral("--test"), QStringLiteral("rack-1")});
    QCOMPARE(run.exitCode, 1); // vblade says nothing at all to a mismatch
    QVERIFY2(run.err.contains("does not match"), run.err.constData());
    QCOMPARE(ctlRun({QStringLiteral("config"), QStringLiteral("--prefix"), QStringLiteral("rack-1")}).exitCode, 0);
    QCOMPARE(ctlRun({QStringLiteral("config"), QStringLiteral("--prefix"), QStringLiteral("rack-2")}).exitCode, 1);

    run = ctlRun({QStringLiteral("config"), QStringLiteral("--force-set"), QStringLiteral("moved")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("moved\n"));
    QCOMPARE(ctlRun({QStringLiteral("config")}).out, QByteArray("moved\n"));
}

void TestCtlCommands::maskList()
{
    serve();
    const QString self = QString::fromStdString(Lab::initiatorMac().toString());
    Run run = ctlRun({QStringLiteral("mask")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("MAC mask list: empty"), run.out.constData());

    run = ctlRun({QStringLiteral("mask"), QStringLiteral("--add"), self, QStringLiteral("--add"), kStranger});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(
        QString::fromUtf8(run.out), QStringLiteral("e7.3 MAC mask list: 2 entries\n%1\n%2\n").arg(self, kStranger));
    // We are on the list, so the target still answers us.
    QCOMPARE(ctlRun({QStringLiteral("identify")}).exitCode, 0);

    // A delete of a listed MAC would crash vblade 25: nothing is sent, and vblade keeps running.
    run = ctlRun({QStringLiteral("mask"), QStringLiteral("--delete"), kStranger});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("crashes"), run.err.constData());
    QCOMPARE(m_vblade->state(), QProcess::Running);
    QCOMPARE(ctlRun({QStringLiteral("mask")}).exitCode, 0);

    // Another add while we are on the list keeps us on it: no lock-out, applied.
    run = runIn(m_lab->initiatorNamespace(),
        ctl({QStringLiteral("mask"), kTarget, QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("--add"),
            QStringLiteral("02:00:00:00:ee:02")}));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(m_vblade->state(), QProcess::Running);
}

void TestCtlCommands::maskLockOutIsRefused()
{
    serve();
    const QString self = QString::fromStdString(Lab::initiatorMac().toString());
    // A first entry that is not us would make the target ignore us: refused, nothing sent.
    Run run = ctlRun({QStringLiteral("mask"), QStringLiteral("--add"), kStranger});
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(run.err.startsWith(QByteArray(
                 "aoesan-ctl mask: after this edit e7.3 would ignore this host (" + self.toUtf8() + " on veth-i)")),
        run.err.constData());
    QVERIFY2(run.err.contains("--force applies it anyway"), run.err.constData());
    QVERIFY(run.out.isEmpty());
    QVERIFY2(ctlRun({QStringLiteral("mask")}).out.contains("MAC mask list: empty"), "the refused edit was sent");
    // Adding ourselves in the same edit is no lock-out.
    run = ctlRun({QStringLiteral("mask"), QStringLiteral("--add"), kStranger, QStringLiteral("--add"), self});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
}

void TestCtlCommands::maskLockOutForced()
{
    serve();
    const Run run = ctlRun({QStringLiteral("mask"), QStringLiteral("--add"), kStranger, QStringLiteral("--force")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("is not on the list"), run.err.constData());
    // Applied: the target ignores us from now on.
    const Run after = runIn(m_lab->initiatorNamespace(),
        ctl({QStringLiteral("identify"), kTarget, QStringLiteral("-i"), Lab::initiatorInterface(),
            QStringLiteral("--timeout"), QStringLiteral("1")}));
    QCOMPARE(after.exitCode, 1);
}

void TestCtlCommands::maskFromStartupListHidesTarget()
{
    // vblade -m: frames from MACs not on the list are ignored, config queries included (§1.8).
    serve({QStringLiteral("-m"), kStranger}, false);
    // vblade prints its start line once its socket is open; no answer is expected to tell us when.
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->logOf(m_vblade).contains(QStringLiteral("e7.3")), 5000);
    const Run run = runIn(m_lab->initiatorNamespace(),
        ctl({QStringLiteral("identify"), kTarget, QStringLiteral("-i"), Lab::initiatorInterface(),
            QStringLiteral("--timeout"), QStringLiteral("1")}));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("MAC mask"), run.err.constData());
    const Run stat = runIn(
        m_lab->initiatorNamespace(), ctl({QStringLiteral("stat"), QStringLiteral("-i"), Lab::initiatorInterface()}));
    QCOMPARE(stat.exitCode, 1);
    QVERIFY(stat.out.isEmpty());
}

void TestCtlCommands::reserveList()
{
    serve();
    const QString self = QString::fromStdString(Lab::initiatorMac().toString());
    Run run = ctlRun({QStringLiteral("reserve")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("reserve list: empty"), run.out.constData());

    run = ctlRun({QStringLiteral("reserve"), QStringLiteral("--set"), self});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("e7.3 reserve list: 1 entry\n%1\n").arg(self));

    // We hold it, so we may hand it to another host; but then we could not use or release it: refused
    // (nothing sent) unless forced.
    run = ctlRun({QStringLiteral("reserve"), QStringLiteral("--set"), kStranger});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(
        run.err.startsWith(QByteArray("aoesan-ctl reserve: after this e7.3 would refuse this host (" + self.toUtf8())),
        run.err.constData());
    QVERIFY2(run.err.contains("--force sets it anyway"), run.err.constData());
    QVERIFY(ctlRun({QStringLiteral("reserve")}).out.contains(QByteArray("1 entry\n" + self.toUtf8())));
    run = ctlRun({QStringLiteral("reserve"), QStringLiteral("--set"), kStranger, QStringLiteral("--force")});
    QCOMPARE(run.exitCode, 0);
    // Now a plain release from us is refused with error 6, naming the holder.
    run = ctlRun({QStringLiteral("reserve"), QStringLiteral("--release")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QByteArray("reserved by ").append(kStranger.toUtf8())), run.err.constData());
    QVERIFY(run.err.contains("error 6"));
    // vblade still lets a non-holder IDENTIFY and query config.
    QCOMPARE(ctlRun({QStringLiteral("identify")}).exitCode, 0);
    QCOMPARE(ctlRun({QStringLiteral("config")}).exitCode, 0);

    run = ctlRun({QStringLiteral("reserve"), QStringLiteral("--force-release")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("reserve list: empty"));
    run = ctlRun({QStringLiteral("reserve"), QStringLiteral("--force-set"), kStranger + QLatin1Char(',') + self});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("2 entries"));
}

void TestCtlCommands::usageErrors()
{
    serve({}, false);
    const auto code = [&](const QStringList &args) { return runIn(m_lab->initiatorNamespace(), ctl(args)).exitCode; };
    QCOMPARE(
        code({QStringLiteral("identify"), QStringLiteral("7.255"), QStringLiteral("-i"), Lab::initiatorInterface()}),
        2);
    QCOMPARE(code({QStringLiteral("config"), kTarget, QStringLiteral("-i"), Lab::initiatorInterface(),
                 QStringLiteral("--set"), QStringLiteral("a"), QStringLiteral("--force-set"), QStringLiteral("b")}),
        2);
    QCOMPARE(code({QStringLiteral("mask"), kTarget, QStringLiteral("-i"), Lab::initiatorInterface(),
                 QStringLiteral("--add"), QStringLiteral("not-a-mac")}),
        2);
    QCOMPARE(code({QStringLiteral("stat"), QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("(")}), 2);
    QCOMPARE(code({QStringLiteral("identify"), kTarget, QStringLiteral("-i"), QStringLiteral("aoesan-none0")}), 1);
    // The target argument: the same check and words in every command that takes one.
    const struct
    {
        QStringList addresses;
        const char *said;
    } badTargets[]
        = {{{}, "give one SHELF.SLOT"}, {{QStringLiteral("7.3"), QStringLiteral("7.4")}, "give one SHELF.SLOT"},
            {{QStringLiteral("65535.0")}, "'65535.0' is not SHELF.SLOT (shelf 0-65534, slot 0-254)"},
            {{QStringLiteral("e7")}, "'e7' is not SHELF.SLOT"}};
    for (const char *command : {"identify", "config", "mask", "reserve"}) {
        for (const auto &bad : badTargets) {
            const Run run = runIn(m_lab->initiatorNamespace(),
                ctl(QStringList {QString::fromLatin1(command)} + bad.addresses
                    + QStringList {QStringLiteral("-i"), Lab::initiatorInterface()}));
            QVERIFY2(run.exitCode == 2 && run.err.contains(bad.said), qPrintable(run.describe()));
        }
    }
}

void TestCtlCommands::interfaceChoice()
{
    // Two pairs: without -i a command to one target cannot guess, as stat's "every interface" would not do.
    m_lab = std::make_unique<Lab>(LabOptions {1500, 1, false});
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), 1 << 20);
    m_vblade = startVblade(*m_lab, 7, 3, Lab::targetInterface(), image);
    QVERIFY(m_vblade);
    QVERIFY2(waitForTarget(*m_lab, 7, 3), qPrintable(m_lab->logOf(m_vblade)));
    for (const char *command : {"identify", "config", "mask", "reserve"}) {
        const QString label = QString::fromLatin1(command);
        Run run = runIn(m_lab->initiatorNamespace(), ctl({label, kTarget}));
        QVERIFY2(run.exitCode == 2, qPrintable(label + QLatin1Char(' ') + run.describe()));
        QVERIFY2(run.err.startsWith(QByteArray(QByteArray("aoesan-ctl ") + command
                     + ": several Ethernet interfaces are up (veth-i, veth-i1); name the one to use with -i IFACE")),
            qPrintable(run.describe()));
    }
    // One up: that one is used, as stat does.
    QVERIFY(m_lab->setLinkUp(m_lab->initiatorNamespace(), Lab::initiatorInterface(1), false));
    for (const char *command : {"identify", "config", "mask", "reserve"}) {
        const Run run = runIn(m_lab->initiatorNamespace(), ctl({QString::fromLatin1(command), kTarget}));
        QVERIFY2(run.exitCode == 0, qPrintable(QString::fromLatin1(command) + QLatin1Char(' ') + run.describe()));
    }
    // None up: said once, with what to do.
    QVERIFY(m_lab->setLinkUp(m_lab->initiatorNamespace(), Lab::initiatorInterface(), false));
    for (const char *command : {"identify", "config", "mask", "reserve", "stat"}) {
        const Run run = runIn(m_lab->initiatorNamespace(), ctl({QString::fromLatin1(command), kTarget}));
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QCOMPARE(run.err,
            QByteArray(QByteArray("aoesan-ctl ") + command
                + ": no Ethernet interface is up here; bring one up or name one with -i IFACE\n"));
    }
}

QTEST_GUILESS_MAIN(TestCtlCommands)
#include "tst_ctl_commands.moc"
