// SPDX-License-Identifier: GPL-3.0-or-later
// The namespace Lab itself: what it builds is what the net and vm tests assume, and what it tears down
// (namespaces, processes, leftovers of killed runs) must really be gone.
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <sys/stat.h>

#include "Lab.h"
#include "net/NetworkInterfaces.h"

using aoesan::net::InterfaceInfo;
using aoesan::net::listInterfaces;
using aoesan::test::Lab;

namespace {

QStringList namespaces()
{
    QProcess ip;
    ip.start(Lab::findTool(QStringLiteral("ip")), {QStringLiteral("netns"), QStringLiteral("list")});
    ip.waitForFinished();
    QStringList names;
    for (const QString &line : QString::fromLocal8Bit(ip.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        names.append(line.section(QLatin1Char(' '), 0, 0));
    return names;
}

ino_t namespaceInode()
{
    struct stat st
    {
    };
    ::stat("/proc/thread-self/ns/net", &st);
    return st.st_ino;
}

QString readLine(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readLine()).trimmed() : QString();
}

const InterfaceInfo *byName(const std::vector<InterfaceInfo> &list, const QString &name)
{
    for (const auto &info : list)
        if (info.name == name.toStdString())
            return &info;
    return nullptr;
}

} // namespace

class TestLab : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void builds_data();
    void builds();
    void processesDieWithTheLab();
    void refusesForeignNamespaces();
    void removesStaleLabs();
    void namesMissingTools();
};

void TestLab::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
}

void TestLab::builds_data()
{
    QTest::addColumn<int>("mtu");
    QTest::addColumn<int>("extraPairs");
    QTest::addColumn<bool>("bridge");

    QTest::addRow("one pair") << 1500 << 0 << false;
    QTest::addRow("jumbo, three pairs") << 9000 << 2 << false;
    QTest::addRow("bridge and tap") << 1500 << 0 << true;
}

void TestLab::builds()
{
    QFETCH(int, mtu);
    QFETCH(int, extraPairs);
    QFETCH(bool, bridge);

    const ino_t hostNamespace = namespaceInode();
    const auto hostInterfaces = listInterfaces();
    QString target;
    QString initiator;
    {
        Lab lab({.mtu = mtu, .extraPairs = extraPairs, .bridge = bridge});
        QVERIFY2(lab.ok(), qPrintable(lab.error()));
        target = lab.targetNamespace();
        initiator = lab.initiatorNamespace();
        QVERIFY(target.startsWith(QStringLiteral("aoesan-%1-").arg(QCoreApplication::applicationPid())));
        QVERIFY(namespaces().contains(target));
        QVERIFY(namespaces().contains(initiator));
        QCOMPARE(lab.pairCount(), 1 + extraPairs);

        for (const QString &ns : {target, initiator}) {
            const auto guard = lab.enter(ns);
            QVERIFY2(guard.ok(), qPrintable(guard.error()));
            QVERIFY(namespaceInode() != hostNamespace);
            QCOMPARE(readLine(QStringLiteral("/proc/sys/net/ipv6/conf/all/disable_ipv6")), QStringLiteral("1"));
            const auto listed = listInterfaces(); // through the guard's own /sys
            QVERIFY(listed.ok());
            const bool isTarget = ns == target;
            for (int pair = 0; pair < lab.pairCount(); ++pair) {
                const QString name = isTarget ? Lab::targetInterface(pair) : Lab::initiatorInterface(pair);
                const InterfaceInfo *info = byName(*listed, name);
                QVERIFY2(info, qPrintable(name));
                QCOMPARE(info->mac, isTarget ? Lab::targetMac(pair) : Lab::initiatorMac(pair));
                QCOMPARE(info->mtu, mtu);
                QVERIFY(info->up);
                QTRY_VERIFY(aoesan::net::findInterface(name.toStdString())->carrier);
            }
            if (!isTarget && bridge) {
                const InterfaceInfo *br = byName(*listed, lab.bridgeInterface());
                QVERIFY(br);
                QCOMPARE(br->mac, Lab::bridgeMac());
                QVERIFY(br->up);
                QVERIFY(byName(*listed, lab.tapInterface()));
                for (const QString &port : {Lab::initiatorInterface(), lab.tapInterface()})
                    QCOMPARE(QFileInfo(QStringLiteral("/sys/class/net/%1/master").arg(port))
                                 .symLinkTarget()
                                 .section(QLatin1Char('/'), -1),
                        lab.bridgeInterface());
            }
            // Nothing of the host is visible (none of its interfaces), nothing of the lab leaks out.
            QVERIFY(hostInterfaces.ok());
            for (const auto &host : *hostInterfaces) {
                const QString name = QString::fromStdString(host.name);
                QVERIFY2(!byName(*listed, name), qPrintable(name + QStringLiteral(" is visible in ") + ns));
            }
        }
        QCOMPARE(namespaceInode(), hostNamespace);
        const auto hostAgain = listInterfaces();
        QVERIFY(hostAgain.ok() && hostInterfaces.ok());
        QCOMPARE(hostAgain->size(), hostInterfaces->size());
    }
    QVERIFY(!namespaces().contains(target));
    QVERIFY(!namespaces().contains(initiator));
}

void TestLab::processesDieWithTheLab()
{
    qint64 pid = 0;
    {
        Lab lab;
        QVERIFY2(lab.ok(), qPrintable(lab.error()));
        QProcess *sleeper = lab.start(lab.targetNamespace(), {QStringLiteral("sleep"), QStringLiteral("600")});
        QVERIFY(sleeper);
        pid = sleeper->processId();
        QCOMPARE(lab.runningPids(), QList<qint64> {pid});
        // `ip netns exec` execs in place: the pid is the command's, inside the target namespace.
        QTRY_COMPARE(readLine(QStringLiteral("/proc/%1/comm").arg(pid)), QStringLiteral("sleep"));
        QVERIFY(QFileInfo(QStringLiteral("/proc/%1/ns/net").arg(pid)).symLinkTarget()
            != QFileInfo(QStringLiteral("/proc/self/ns/net")).symLinkTarget());

        const auto echoed = lab.run(lab.initiatorNamespace(), {QStringLiteral("echo"), QStringLiteral("hello")});
        QVERIFY(echoed.ok());
        QCOMPARE(echoed.output, QStringLiteral("hello\n"));
        const auto failing = lab.run(lab.initiatorNamespace(), {QStringLiteral("false")});
        QCOMPARE(failing.exitCode, 1);
    }
    QVERIFY(!QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)));
}

void TestLab::refusesForeignNamespaces()
{
    Lab lab;
    QVERIFY2(lab.ok(), qPrintable(lab.error()));
    const QString foreign = QStringLiteral("some-other-namespace");
    QVERIFY(!lab.run(foreign, {QStringLiteral("true")}).ok());
    QVERIFY(!lab.run(QString(), {QStringLiteral("true")}).ok());
    QVERIFY(!lab.start(foreign, {QStringLiteral("true")}));
    QVERIFY(!lab.setLinkUp(foreign, Lab::targetInterface(), false));
    const auto guard = lab.enter(foreign);
    QVERIFY(!guard.ok());
    QVERIFY(guard.error().contains(foreign));
}

void TestLab::removesStaleLabs()
{
    // A pid no process has: pid_max is at most 2^22.
    qint64 deadPid = 4194303;
    while (QFileInfo::exists(QStringLiteral("/proc/%1").arg(deadPid)))
        --deadPid;
    const QString stale = QStringLiteral("aoesan-%1-0-t").arg(deadPid);
    QProcess add;
    add.start(Lab::findTool(QStringLiteral("ip")), {QStringLiteral("netns"), QStringLiteral("add"), stale});
    QVERIFY(add.waitForFinished() && add.exitCode() == 0);
    QVERIFY(namespaces().contains(stale));

    Lab lab; // removes stale labs as it starts
    QVERIFY2(lab.ok(), qPrintable(lab.error()));
    QVERIFY(!namespaces().contains(stale));
    QVERIFY(namespaces().contains(lab.targetNamespace()));
}

void TestLab::namesMissingTools()
{
    QVERIFY(Lab::missingTool(QStringLiteral("sh")).isEmpty());
    QCOMPARE(Lab::missingTool(QStringLiteral("no-such-tool-aoesan")),
        QStringLiteral("needs no-such-tool-aoesan (apt-get install no-such-tool-aoesan)"));
    QVERIFY(!Lab::findTool(QStringLiteral("ip")).isEmpty());
}

QTEST_GUILESS_MAIN(TestLab)
#include "tst_lab.moc"
