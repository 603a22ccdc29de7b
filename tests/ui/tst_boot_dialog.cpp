// SPDX-License-Identifier: GPL-3.0-or-later
// The Network boot… dialog over the real aoesan-service on a private dbus-daemon (no discovery, no engine):
// an export's Boot reads off with its root path and iPXE script; the form is pre-filled from the chosen
// interface's network and checked as it is typed (an interface without IPv4, a range outside the network, a
// bad MAC: each shown under its field, Start disabled until it is right); Start sends the options the service
// takes and a refusal is shown in the dialog. The interfaces are made up (lab0, lab1): nothing is sent.
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "BootLink.h"
#include "Fixtures.h"
#include "exports/BootDialog.h"
#include "service/BootView.h"
#include "service/DbusApi.h"
#include "service/SanLink.h"
#include "service/ServiceClient.h"

using namespace aoesan;

namespace {

std::vector<ui::BootInterface> labInterfaces()
{
    return {{QStringLiteral("lab0"), 0x0A4D0001U, 24, true}, // 10.77.0.1/24
        {QStringLiteral("lab1"), std::nullopt, 24, true}};
}

} // namespace

class TestBootDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_service;
    QString m_address;

private slots:
    void initTestCase()
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        QVERIFY2(!daemon.isEmpty(), "dbus-daemon is missing (apt-get install dbus-daemon)");
        m_bus.start(daemon,
            {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
                QStringLiteral("--print-address=1"), QStringLiteral("--address=unix:dir=%1").arg(m_dir.path())});
        QVERIFY(m_bus.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 10000);
        m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
        m_service.setProcessEnvironment(env);
        m_service.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_service.start(QStringLiteral(AOESAN_SERVICE),
            {QStringLiteral("--session"), QStringLiteral("--no-discovery"), QStringLiteral("--config-dir"),
                m_dir.filePath(QStringLiteral("etc")), QStringLiteral("--state-dir"),
                m_dir.filePath(QStringLiteral("state")), QStringLiteral("--engine"), QStringLiteral("/bin/false")});
        QVERIFY(m_service.waitForStarted(5000));
        QDBusConnection cli = QDBusConnection::connectToBus(m_address, QStringLiteral("cli"));
        QTRY_VERIFY_WITH_TIMEOUT(service::ServiceClient(cli).serviceRunning(), 10000);
        auto record = test::exportRecord(QStringLiteral("media"), 7, 3, QStringLiteral("lab0"));
        record.path = m_dir.filePath(QStringLiteral("media.img"));
        QFile image(record.path);
        QVERIFY(image.open(QIODevice::WriteOnly) && image.resize(16 << 20));
        service::ServiceClient other(cli);
        const auto added = other.addExport(record, false, false);
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    }

    void cleanupTestCase()
    {
        m_service.terminate();
        m_service.waitForFinished(5000);
        m_bus.terminate();
        m_bus.waitForFinished(5000);
    }

    // The client's reading of Boot: what today's service publishes for an export with no boot server.
    void bootPropertyReadsOff()
    {
        service::ServiceClient client(QDBusConnection::connectToBus(m_address, QStringLiteral("reader")));
        QVERIFY(client.refresh());
        const auto &boot = client.exports().at(QStringLiteral("media")).boot;
        QCOMPARE(boot.state, service::BootView::State::Off);
        QCOMPARE(boot.rootPath, QStringLiteral("aoe:e7.3"));
        QVERIFY2(boot.script.contains(QStringLiteral("sanboot aoe:e7.3")), qPrintable(boot.script));
        QVERIFY(boot.clients.empty());
    }

    // The JSON of a running boot server as docs/dbus-api.md describes it, read field by field.
    void bootJsonRunning()
    {
        const auto b = service::bootFromJson(QStringLiteral(
            R"({"state":"running","interface":"lab0","mode":"isolated","range":"10.77.0.100,10.77.0.150",)"
            R"("macs":["52:54:00:aa:00:01"],"rootPath":"aoe:e7.3","serving":"DHCP 10.77.0.100-10.77.0.150 on lab0",)"
            R"("script":"#!ipxe","clients":[{"time":1764684127000,"mac":"52:54:00:aa:00:01","address":"10.77.0.117",)"
            R"("given":"iPXE: root-path aoe:e7.3","text":"52:54:00:aa:00:01 10.77.0.117 iPXE: root-path aoe:e7.3"}]})"));
        QCOMPARE(b.state, service::BootView::State::Running);
        QVERIFY(b.active());
        QCOMPARE(b.interface, QStringLiteral("lab0"));
        QVERIFY(!b.proxy);
        QCOMPARE(b.rangeFirst, QStringLiteral("10.77.0.100"));
        QCOMPARE(b.rangeLast, QStringLiteral("10.77.0.150"));
        QCOMPARE(b.macs, QStringList {QStringLiteral("52:54:00:aa:00:01")});
        QCOMPARE(b.serving, QStringLiteral("DHCP 10.77.0.100-10.77.0.150 on lab0"));
        QCOMPARE(b.clients.size(), 1u);
        QCOMPARE(b.clients[0].time.toMSecsSinceEpoch(), 1764684127000LL);
        QCOMPARE(b.clients[0].given, QStringLiteral("iPXE: root-path aoe:e7.3"));
        QCOMPARE(service::bootFromJson(QStringLiteral("not json")).state, service::BootView::State::Off);
        const auto proxy = service::bootOptions({QStringLiteral("lab0"), true, {}, {}, {}});
        QCOMPARE(proxy.value(QStringLiteral("proxy")).toBool(), true);
        QVERIFY(!proxy.contains(QStringLiteral("range")) && !proxy.contains(QStringLiteral("macs")));
        const auto isolated = service::bootOptions({QStringLiteral("lab0"), false, QStringLiteral("10.77.0.100"),
            QStringLiteral("10.77.0.150"), {QStringLiteral("52:54:00:aa:00:01")}});
        QCOMPARE(isolated.value(QStringLiteral("range")).toString(), QStringLiteral("10.77.0.100,10.77.0.150"));
        QVERIFY(!isolated.contains(QStringLiteral("proxy")));
        QCOMPARE(
            isolated.value(QStringLiteral("macs")).toStringList(), QStringList {QStringLiteral("52:54:00:aa:00:01")});
    }

    void suggestedRanges()
    {
        const auto r24 = ui::BootDialog::suggestedRange(0x0A4D0001U, 24); // 10.77.0.1/24
        QCOMPARE(r24.first, 0x0A4D0064U);
        QCOMPARE(r24.second, 0x0A4D0096U);
        const auto own = ui::BootDialog::suggestedRange(0x0A4D0078U, 24); // .120 is in .100-.150
        QCOMPARE(own.first, 0x0A4D00C8U);
        const auto r28 = ui::BootDialog::suggestedRange(0xC0A80101U, 28); // 192.168.1.1/28: .8-.14
        QCOMPARE(r28.first, 0xC0A80108U);
        QCOMPARE(r28.second, 0xC0A8010EU);
    }

    void dialogAgainstTheService()
    {
        QDBusConnection gui = QDBusConnection::connectToBus(m_address, QStringLiteral("gui"));
        ui::ServiceLink link(gui, ui::SanLink::Owner::System);
        link.follow();
        QVERIFY(link.exports().contains(QStringLiteral("media")));
        ui::BootDialog dialog(link, QStringLiteral("media"), nullptr, labInterfaces);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // Off, with the root path and the script; the form from lab0's network.
        QCOMPARE(dialog.rootPathLabel()->text(), QStringLiteral("aoe:e7.3"));
        QVERIFY2(
            dialog.stateLabel()->text().startsWith(QStringLiteral("Off")), qPrintable(dialog.stateLabel()->text()));
        QVERIFY(dialog.scriptView()->toPlainText().contains(QStringLiteral("sanboot aoe:e7.3")));
        QCOMPARE(dialog.interfaceBox()->currentData().toString(), QStringLiteral("lab0"));
        QVERIFY(dialog.interfaceBox()->currentText().contains(QStringLiteral("10.77.0.1/24")));
        QCOMPARE(dialog.firstEdit()->text(), QStringLiteral("10.77.0.100"));
        QCOMPARE(dialog.lastEdit()->text(), QStringLiteral("10.77.0.150"));
        QVERIFY(dialog.isolatedButton()->isChecked());
        QVERIFY(dialog.startButton()->isEnabled());
        QVERIFY(!dialog.stopButton()->isEnabled());
        QVERIFY(dialog.problems().isEmpty());
        QCOMPARE(dialog.clientList()->topLevelItemCount(), 0);
        QVERIFY(
            dialog.findChild<QLabel *>(QStringLiteral("bootOwnDhcp"))->text().contains(QStringLiteral("option 17")));
        dialog.copyScript();
        QCOMPARE(QApplication::clipboard()->text(), dialog.scriptView()->toPlainText());

        // An interface without IPv4: said plainly, Start waits.
        dialog.interfaceBox()->setCurrentIndex(1);
        QVERIFY(dialog.interfaceBox()->currentText().contains(QStringLiteral("no IPv4 address")));
        QVERIFY(dialog.interfaceNote()->isVisible());
        QVERIFY2(dialog.interfaceNote()->text().contains(QStringLiteral("lab1 has no IPv4 address")),
            qPrintable(dialog.interfaceNote()->text()));
        QVERIFY(!dialog.startButton()->isEnabled());
        dialog.interfaceBox()->setCurrentIndex(0);
        QVERIFY(!dialog.interfaceNote()->isVisible());
        QVERIFY(dialog.startButton()->isEnabled());

        // A range outside lab0's network, then one in the wrong order.
        QTest::keyClick(dialog.firstEdit(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(dialog.firstEdit(), QStringLiteral("10.9.0.5"));
        QVERIFY(dialog.rangeNote()->isVisible());
        QVERIFY2(dialog.rangeNote()->text().contains(QStringLiteral("not in lab0's network 10.77.0.0/24")),
            qPrintable(dialog.rangeNote()->text()));
        QVERIFY(!dialog.startButton()->isEnabled());
        QVERIFY(!dialog.request());
        dialog.firstEdit()->selectAll();
        QTest::keyClicks(dialog.firstEdit(), QStringLiteral("10.77.0.200"));
        QVERIFY(dialog.rangeNote()->text().contains(QStringLiteral("must not come after")));
        QVERIFY(!dialog.startButton()->isEnabled());
        dialog.firstEdit()->selectAll();
        QTest::keyClicks(dialog.firstEdit(), QStringLiteral("10.77.0.1"));
        QVERIFY(dialog.rangeNote()->text().contains(QStringLiteral("lab0's own address")));
        dialog.firstEdit()->selectAll();
        QTest::keyClicks(dialog.firstEdit(), QStringLiteral("10.77.0.110"));
        QVERIFY(!dialog.rangeNote()->isVisible());
        QVERIFY(dialog.startButton()->isEnabled());

        // A bad MAC, then good ones (written as the service keeps them).
        QTest::keyClicks(dialog.macsEdit(), QStringLiteral("52:54:00:AA:00:01 nope"));
        QVERIFY(dialog.macsNote()->isVisible());
        QVERIFY2(dialog.macsNote()->text().contains(QStringLiteral("nope")), qPrintable(dialog.macsNote()->text()));
        QVERIFY(!dialog.macsNote()->text().contains(QStringLiteral("52:54:00:AA:00:01")));
        QVERIFY(!dialog.startButton()->isEnabled());
        dialog.macsEdit()->setText(QStringLiteral("52:54:00:AA:00:01, 52:54:00:aa:00:02"));
        QVERIFY(!dialog.macsNote()->isVisible());
        QVERIFY(dialog.startButton()->isEnabled());
        auto request = dialog.request();
        QVERIFY(request);
        QCOMPARE(request->interface, QStringLiteral("lab0"));
        QVERIFY(!request->proxy);
        QCOMPARE(request->rangeFirst, QStringLiteral("10.77.0.110"));
        QCOMPARE(request->rangeLast, QStringLiteral("10.77.0.150"));
        QCOMPARE(
            request->macs, (QStringList {QStringLiteral("52:54:00:aa:00:01"), QStringLiteral("52:54:00:aa:00:02")}));

        // Proxy DHCP: no range to check, the fields are off; back to a bad range only matters when isolated.
        dialog.firstEdit()->setText(QStringLiteral("1.2.3.4"));
        dialog.proxyButton()->click();
        QVERIFY(!dialog.firstEdit()->isEnabled());
        QVERIFY(!dialog.rangeNote()->isVisible());
        QVERIFY(dialog.startButton()->isEnabled());
        request = dialog.request();
        QVERIFY(request && request->proxy && request->rangeFirst.isEmpty());

        // Start: the service gets it and refuses lab0, which this machine has not: the dialog says so (in the
        // service's words) and is ready again; nothing runs.
        dialog.startButton()->click();
        QCOMPARE(dialog.stateLabel()->text(), QStringLiteral("Asking the service…"));
        QVERIFY(!dialog.startButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.stateLabel()->text().startsWith(QStringLiteral("Could not start")), 10000);
        qInfo("the service said: %s", qPrintable(dialog.stateLabel()->text()));
        QVERIFY(dialog.stateLabel()->text().contains(QStringLiteral("lab0")));
        QVERIFY(dialog.startButton()->isEnabled());
        QCOMPARE(link.exports().at(QStringLiteral("media")).boot.state, service::BootView::State::Off);
    }

    // The Boot property followed live: a boot server that the service reports running shows its clients as
    // they come, and Stop is offered (a stand-in link: this service runs no boot server for lab0).
    void liveClients()
    {
        test::BootLink link(QStringLiteral("media"));
        ui::BootDialog dialog(link, QStringLiteral("media"), nullptr, labInterfaces);
        service::BootView b = link.boot();
        b.state = service::BootView::State::Running;
        b.interface = QStringLiteral("lab0");
        b.proxy = true;
        b.serving = QStringLiteral("proxy DHCP on lab0");
        link.setBoot(b);
        QVERIFY(dialog.stateLabel()->text().contains(QStringLiteral("proxy DHCP on lab0")));
        QVERIFY(dialog.stopButton()->isEnabled());
        b.clients.push_back({QDateTime::currentDateTime(), QStringLiteral("52:54:00:aa:00:03"),
            QStringLiteral("10.77.0.117"), QStringLiteral("PXE: iPXE by TFTP (undionly.kpxe)"), {}});
        link.setBoot(b);
        QCOMPARE(dialog.clientList()->topLevelItemCount(), 1);
        QCOMPARE(dialog.clientList()->topLevelItem(0)->text(1), QStringLiteral("52:54:00:aa:00:03"));
        dialog.stopButton()->click();
        QCOMPARE(link.calls, QStringList {QStringLiteral("StopBoot")});
        QVERIFY(!dialog.stopButton()->isEnabled()); // asking
        QTRY_VERIFY(dialog.stopButton()->isEnabled()); // answered; the property says it runs still
    }
};

QTEST_MAIN(TestBootDialog)
#include "tst_boot_dialog.moc"
