// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop program as a client of an installed-like service (label net, root): aoesan-service on a private
// system bus in a namespace lab, the real `aoesan` binary (offscreen) connected to it, and aoesan-ctl as a
// second client. An export the CLI adds and starts reaches the GUI through signals within a second, is
// answered on the wire from the other namespace, and keeps serving after the GUI has quit.
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "Lab.h"
#include "ServiceRig.h"
#include "service/DbusTypes.h"
#include "service/ServiceClient.h"

using namespace aoesan;
using test::Lab;
using test::ServiceRig;

class TestGuiServiceLab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        AOESAN_SKIP_IF(Lab::unavailableReason());
        AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("aoeping")));
        service::registerDbusTypes();
    }

    void exportOutlivesTheGui()
    {
        Lab lab;
        QVERIFY2(lab.ok(), qPrintable(lab.error()));
        test::ServiceRigOptions options;
        options.netns = lab.targetNamespace();
        ServiceRig rig(options);
        QVERIFY2(rig.ok(), qPrintable(rig.error()));
        const QString image = lab.createSparseImage(QStringLiteral("disk.img"), 16 << 20);
        QVERIFY2(rig.startService(
                     {QStringLiteral("-i"), Lab::targetInterface(), QStringLiteral("--interval"), QStringLiteral("1")}),
            qPrintable(rig.error()));

        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), rig.address());
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("run")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("AOESAN_LOG"), QStringLiteral("info"));
        QProcess gui;
        gui.setProcessEnvironment(env);
        gui.setProcessChannelMode(QProcess::MergedChannels);
        gui.start(QStringLiteral("ip"),
            {QStringLiteral("netns"), QStringLiteral("exec"), lab.targetNamespace(), QStringLiteral(AOESAN_GUI)});
        QVERIFY(gui.waitForStarted());
        QByteArray said;
        const auto guiSaid = [&](const char *text) {
            said += gui.readAll();
            return said.contains(text);
        };
        QVERIFY2(ServiceRig::waitFor([&] { return guiSaid("its exports keep running when this program ends"); }, 15000),
            said.constData());

        // A second client, the CLI, adds and starts an export.
        const auto ctl = [&](const QStringList &args) {
            QStringList command {QStringLiteral("env"), QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS=") + rig.address(),
                QStringLiteral(AOESAN_CTL)};
            command << args;
            return lab.run(lab.targetNamespace(), command, 30000);
        };
        const auto added = ctl({QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--name"),
            QStringLiteral("boot"), QStringLiteral("4"), QStringLiteral("2"), Lab::targetInterface(), image});
        QVERIFY2(added.ok(), qPrintable(added.output));
        QElapsedTimer t;
        t.start();
        const auto started = ctl({QStringLiteral("exports"), QStringLiteral("start"), QStringLiteral("boot")});
        QVERIFY2(started.ok(), qPrintable(started.output));
        QVERIFY2(ServiceRig::waitFor([&] { return guiSaid("export 'boot' is running"); }, 5000), said.constData());
        qInfo("the GUI heard the export running %lld ms after aoesan-ctl started it",
            static_cast<long long>(t.elapsed()));
        QVERIFY(t.elapsed() < 3000); // includes aoesan-ctl's own start-up and the engine's

        const auto ping = [&] {
            return lab.run(lab.initiatorNamespace(),
                {Lab::findTool(QStringLiteral("aoeping")), QStringLiteral("-i"), QStringLiteral("4"),
                    QStringLiteral("2"), Lab::initiatorInterface()},
                15000);
        };
        QVERIFY2(ping().ok(), "no answer while the GUI runs");

        // The GUI quits (SIGTERM, as a logout does): the system service's export is not its to stop.
        ::kill(static_cast<pid_t>(gui.processId()), SIGTERM);
        QVERIFY(gui.waitForFinished(10000));
        said += gui.readAll();
        QCOMPARE(gui.exitCode(), 0);
        QVERIFY2(!said.contains("export 'boot' is stopping"), said.constData());
        service::ServiceClient client(rig.connect(QStringLiteral("after")));
        QVERIFY(client.refresh());
        QCOMPARE(client.exports().at(QStringLiteral("boot")).status.state, supervisor::ExportState::Running);
        const auto after = ping();
        QVERIFY2(after.ok(), qPrintable(after.output));
    }
};

QTEST_GUILESS_MAIN(TestGuiServiceLab)
#include "tst_gui_service_lab.moc"
