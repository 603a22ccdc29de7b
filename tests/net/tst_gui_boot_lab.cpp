// SPDX-License-Identifier: GPL-3.0-or-later
// The Network boot… dialog starting a real boot server (label net, root): aoesan-service (as root, so the boot
// server is its own child, aoesan-ctl boot serve with dnsmasq) in the target namespace of a lab, the dialog in
// this process over a private bus, its interfaces read inside that namespace. Start on the lab's veth with the
// pre-filled range; a DHCP client (busybox udhcpc) in the initiator namespace asks across the veth pair and gets
// an address of the range; the dialog lists it (MAC, address) from PropertiesChanged alone; Stop ends dnsmasq.
// Frames go only between the lab's two namespaces.
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

#include <csignal>
#include <map>

#include "Lab.h"
#include "ServiceRig.h"
#include "exports/BootDialog.h"
#include "service/DbusTypes.h"
#include "service/SanLink.h"
#include "service/ServiceClient.h"
#include "supervisor/ExportRecord.h"

using namespace aoesan;
using test::Lab;
using test::ServiceRig;

class TestGuiBootLab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        AOESAN_SKIP_IF(Lab::unavailableReason());
        AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("busybox")));
        AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("dnsmasq")));
        if (!QFile::exists(QStringLiteral("/usr/lib/ipxe/undionly.kpxe")))
            QSKIP("/usr/lib/ipxe is missing (apt-get install ipxe)");
        service::registerDbusTypes();
        // The service runs its boot servers with this build's aoesan-ctl.
        qputenv("AOESAN_CTL", AOESAN_CTL);
    }

    void dialogServesAClient()
    {
        Lab lab;
        QVERIFY2(lab.ok(), qPrintable(lab.error()));
        const QString serverIf = Lab::targetInterface();
        QVERIFY(lab.run(lab.targetNamespace(),
                       {QStringLiteral("ip"), QStringLiteral("addr"), QStringLiteral("add"),
                           QStringLiteral("10.78.0.1/24"), QStringLiteral("dev"), serverIf})
                    .ok());
        test::ServiceRigOptions options;
        options.netns = lab.targetNamespace();
        ServiceRig rig(options);
        QVERIFY2(rig.ok(), qPrintable(rig.error()));
        QVERIFY2(rig.startService({QStringLiteral("--no-discovery")}), qPrintable(rig.error()));

        supervisor::ExportRecord record;
        record.name = QStringLiteral("pc1-root");
        record.shelf = 7;
        record.slot = 3;
        record.interface = serverIf;
        record.path = lab.createSparseImage(QStringLiteral("pc1.img"), 16 << 20);
        service::ServiceClient cli(rig.connect(QStringLiteral("cli")));
        const auto added = cli.addExport(record, false, false);
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));

        // The interfaces as this machine (the service's namespace) has them.
        std::vector<ui::BootInterface> interfaces;
        {
            auto inside = lab.enter(lab.targetNamespace());
            QVERIFY2(inside.ok(), qPrintable(inside.error()));
            interfaces = ui::machineInterfaces();
        }
        ui::ServiceLink link(rig.connect(QStringLiteral("gui")), ui::SanLink::Owner::System);
        link.follow();
        ui::BootDialog dialog(link, record.name, nullptr, [interfaces] { return interfaces; });
        dialog.show();
        QCOMPARE(dialog.interfaceBox()->currentData().toString(), serverIf);
        QVERIFY2(dialog.interfaceBox()->currentText().contains(QStringLiteral("10.78.0.1/24")),
            qPrintable(dialog.interfaceBox()->currentText()));
        QCOMPARE(dialog.firstEdit()->text(), QStringLiteral("10.78.0.100"));
        QCOMPARE(dialog.lastEdit()->text(), QStringLiteral("10.78.0.150"));
        QVERIFY(dialog.startButton()->isEnabled());

        dialog.startButton()->click();
        QVERIFY2(
            ServiceRig::waitFor(
                [&] { return link.exports().at(record.name).boot.state == service::BootView::State::Running; }, 20000),
            qPrintable(dialog.stateLabel()->text() + QLatin1Char('\n') + rig.serviceLog()));
        QVERIFY2(dialog.stateLabel()->text().contains(QStringLiteral("10.78.0.100-10.78.0.150")),
            qPrintable(dialog.stateLabel()->text()));
        QVERIFY(dialog.stopButton()->isEnabled());

        // A machine asks: udhcpc in the initiator namespace, as iPXE would (option 175), wanting the root path.
        const auto asked = lab.run(lab.initiatorNamespace(),
            {Lab::findTool(QStringLiteral("busybox")), QStringLiteral("udhcpc"), QStringLiteral("-i"),
                Lab::initiatorInterface(), QStringLiteral("-n"), QStringLiteral("-q"), QStringLiteral("-f"),
                QStringLiteral("-t"), QStringLiteral("4"), QStringLiteral("-T"), QStringLiteral("3"),
                QStringLiteral("-s"), QStringLiteral("/bin/true"), QStringLiteral("-x"), QStringLiteral("175:0101"),
                QStringLiteral("-O"), QStringLiteral("17")},
            30000);
        QVERIFY2(asked.ok(), qPrintable(asked.output));
        QVERIFY2(asked.output.contains(QStringLiteral("10.78.0.1")), qPrintable(asked.output));
        const QString mac = QString::fromStdString(Lab::initiatorMac().toString()).toLower();
        QVERIFY2(ServiceRig::waitFor(
                     [&] {
                         for (int i = 0; i < dialog.clientList()->topLevelItemCount(); ++i) {
                             if (dialog.clientList()->topLevelItem(i)->text(1).toLower() == mac)
                                 return true;
                         }
                         return false;
                     },
                     10000),
            qPrintable(rig.serviceLog()));
        const QTreeWidgetItem *row = nullptr;
        for (int i = 0; i < dialog.clientList()->topLevelItemCount(); ++i) {
            if (dialog.clientList()->topLevelItem(i)->text(1).toLower() == mac)
                row = dialog.clientList()->topLevelItem(i);
        }
        qInfo("the dialog lists: %s %s %s %s", qPrintable(row->text(0)), qPrintable(row->text(1)),
            qPrintable(row->text(2)), qPrintable(row->text(3)));
        QVERIFY2(row->text(2).startsWith(QStringLiteral("10.78.0.")), qPrintable(row->text(2)));
        QVERIFY2(row->text(3).contains(QStringLiteral("aoe:e7.3")), qPrintable(row->text(3)));

        // As a person sees it with the real service's words (AOESAN_SCREENSHOT_DIR: where the picture goes).
        if (const QByteArray dir = qgetenv("AOESAN_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dialog.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/boot-lab.png")));

        // Stop: off again, and nothing of the boot server is left in the namespace (the service alone runs there).
        dialog.stopButton()->click();
        QVERIFY(ServiceRig::waitFor(
            [&] { return link.exports().at(record.name).boot.state == service::BootView::State::Off; }, 10000));
        // What runs in the server's namespace besides the service: pid and command line.
        const auto others = [&] {
            QProcess pids;
            pids.start(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("pids"), lab.targetNamespace()});
            pids.waitForFinished(5000);
            std::map<qint64, QString> found;
            for (const QString &pid :
                QString::fromUtf8(pids.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                if (pid.toLongLong() == rig.servicePid())
                    continue;
                QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
                found[pid.toLongLong()] = cmdline.open(QIODevice::ReadOnly)
                    ? QString::fromUtf8(cmdline.readAll().replace('\0', ' ')).trimmed()
                    : QString();
            }
            return found;
        };
        ServiceRig::waitFor([&] { return others().empty(); }, 10000);
        const auto left = others();
        QString list;
        for (const auto &[pid, command] : left) {
            list += QStringLiteral("%1 %2; ").arg(pid).arg(command);
            ::kill(static_cast<pid_t>(pid), SIGKILL); // in this lab's namespace: this test's own
        }
        QVERIFY2(left.empty(), qPrintable(QStringLiteral("left running after Stop: ") + list));
    }
};

QTEST_MAIN(TestGuiBootLab)
#include "tst_gui_boot_lab.moc"
