// SPDX-License-Identifier: GPL-3.0-or-later
// The boot server's pieces without a network: option checks, the dnsmasq configuration (dnsmasq --test reads
// it, as dnsmasq itself would; it binds nothing), and dnsmasq's log lines turned into client events (lines as
// dnsmasq 2.90 wrote them in tst_boot_serve).
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "boot/BootConfig.h"
#include "boot/DnsmasqLog.h"

using namespace aoesan;
using namespace aoesan::boot;

class TestBootConfig : public QObject
{
    Q_OBJECT

    static BootServerOptions options(const QString &range, bool proxy, const QStringList &macs = {})
    {
        auto o = makeBootOptions(QStringLiteral("boot0"), QStringLiteral("aoe:e7.3"), range, proxy, macs);
        return o ? o.value() : BootServerOptions {};
    }

private slots:
    void optionsAreChecked()
    {
        auto o = makeBootOptions(QStringLiteral("boot0"), QStringLiteral("e7.3"), QStringLiteral("10.0.0.5,10.0.0.9"),
            false, {QStringLiteral("52:54:00:AA:00:01")});
        QVERIFY(o);
        QCOMPARE(o->rootPath, QStringLiteral("aoe:e7.3"));
        QCOMPARE(o->range->first, *parseIpv4(QStringLiteral("10.0.0.5")));
        QCOMPARE(o->macs, QStringList {QStringLiteral("52:54:00:aa:00:01")});
        const struct
        {
            const char *interface, *root, *range;
            bool proxy;
            const char *mac, *said;
        } bad[] = {
            {"boot0", "aoe:e7.3", "", false, nullptr, "either --range"},
            {"boot0", "aoe:e7.3", "10.0.0.5,10.0.0.9", true, nullptr, "either --range"},
            {"boot0", "aoe:e7.3p1", "", true, nullptr, "aoe:eSHELF.SLOT"},
            {"boot0", "aoe:e65535.1", "", true, nullptr, "aoe:eSHELF.SLOT"},
            {"boot0", "iscsi:x", "", true, nullptr, "aoe:eSHELF.SLOT"},
            {"boot0", "aoe:e7.3", "10.0.0.9,10.0.0.5", false, nullptr, "not above the last"},
            {"boot0", "aoe:e7.3", "10.0.0.256,10.0.1.5", false, nullptr, "FIRST,LAST"},
            {"boot0", "aoe:e7.3", "10.0.0.5", false, nullptr, "FIRST,LAST"},
            {"boot0", "aoe:e7.3", "", true, "52:54:00", "not a MAC"},
            {"bad name", "aoe:e7.3", "", true, nullptr, "not a network interface"},
            {"", "aoe:e7.3", "", true, nullptr, "not a network interface"},
        };
        for (const auto &b : bad) {
            const auto r = makeBootOptions(QString::fromLatin1(b.interface), QString::fromLatin1(b.root),
                QString::fromLatin1(b.range), b.proxy,
                b.mac ? QStringList {QString::fromLatin1(b.mac)} : QStringList {});
            QVERIFY2(!r, b.root);
            QVERIFY2(r.error().contains(QLatin1String(b.said)), qPrintable(r.error()));
        }
        QCOMPARE(parseIpv4(QStringLiteral("1.2.3")), std::nullopt);
        QCOMPARE(ipv4Text(*parseIpv4(QStringLiteral("192.168.7.42"))), QStringLiteral("192.168.7.42"));
    }

    void configurationIsWhatDnsmasqReads_data()
    {
        QTest::addColumn<bool>("proxy");
        QTest::newRow("range") << false;
        QTest::newRow("proxy") << true;
    }
    void configurationIsWhatDnsmasqReads()
    {
        QFETCH(bool, proxy);
        const Ipv4Network net {*parseIpv4(QStringLiteral("10.0.0.1")), 24};
        const auto o = options(
            proxy ? QString() : QStringLiteral("10.0.0.100,10.0.0.150"), proxy, {QStringLiteral("52:54:00:aa:00:01")});
        QTemporaryDir dir;
        const QString text = dnsmasqConfig(o, net, dir.path(), dir.filePath(QStringLiteral("tftp")));
        // DNS off, one interface, its own lease file: nothing of the system's dnsmasq.
        for (const char *line : {"port=0\n", "interface=boot0\n", "bind-interfaces\n", "no-resolv\n", "enable-tftp\n",
                 "dhcp-host=52:54:00:aa:00:01,set:allowed\n", "dhcp-ignore=tag:!allowed\n"})
            QVERIFY2(text.contains(QLatin1String(line)), line);
        QVERIFY(text.contains(QStringLiteral("dhcp-leasefile=%1/leases").arg(dir.path())));
        QVERIFY(text.contains(QLatin1String("option:root-path,\"aoe:e7.3\"")));
        if (proxy) {
            QVERIFY(text.contains(QLatin1String("dhcp-range=10.0.0.0,proxy,255.255.255.0\n")));
            QVERIFY(text.contains(QLatin1String("pxe-service=tag:!ipxe,x86PC,\"iPXE (aoesan)\",undionly.kpxe")));
            QVERIFY(text.contains(QLatin1String("pxe-service=tag:ipxe,x86PC,\"aoesan sanboot\",boot.ipxe")));
        } else {
            QVERIFY(text.contains(QLatin1String("dhcp-range=10.0.0.100,10.0.0.150,255.255.255.0,1h\n")));
            QVERIFY(text.contains(QLatin1String("dhcp-boot=tag:!ipxe,tag:!efi64,undionly.kpxe\n")));
            QVERIFY(text.contains(QLatin1String("dhcp-boot=tag:!ipxe,tag:efi64,ipxe.efi\n")));
        }
        const QString dnsmasq = QStandardPaths::findExecutable(QStringLiteral("dnsmasq"));
        QVERIFY2(!dnsmasq.isEmpty(), "dnsmasq is missing: apt-get install dnsmasq-base");
        QFile f(dir.filePath(QStringLiteral("dnsmasq.conf")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
        f.close();
        QProcess check;
        check.setProcessChannelMode(QProcess::MergedChannels);
        check.start(dnsmasq, {QStringLiteral("--test"), QStringLiteral("--conf-file=") + f.fileName()});
        QVERIFY(check.waitForFinished(10000));
        const QString said = QString::fromUtf8(check.readAll());
        QVERIFY2(check.exitCode() == 0 && said.contains(QLatin1String("syntax check OK")), qPrintable(said));
        QCOMPARE(
            ipxeScript(o.rootPath), QStringLiteral("#!ipxe\n# made by aoesan boot serve\nsanboot aoe:e7.3 || shell\n"));
    }

    void logLinesBecomeClients()
    {
        DnsmasqLog log;
        const QStringList lines {
            QStringLiteral("dnsmasq-dhcp[1]: 34 available DHCP range: 10.77.0.50 -- 10.77.0.60"),
            QStringLiteral("dnsmasq-dhcp[1]: 34 vendor class: PXEClient:Arch:00000:UNDI:002001"),
            QStringLiteral("dnsmasq-dhcp[1]: 34 DHCPDISCOVER(v0) 52:54:00:aa:00:01 "),
            QStringLiteral("dnsmasq-dhcp[1]: 34 tags: allowed, known, pxe, ipxe, v0"),
            QStringLiteral("dnsmasq-dhcp[1]: 34 DHCPOFFER(v0) 10.77.0.59 52:54:00:aa:00:01 "),
            QStringLiteral("dnsmasq-dhcp[1]: 34 sent size:  8 option: 17 root-path  aoe:e0.1"),
            QStringLiteral("dnsmasq-dhcp[1]: 34 DHCPREQUEST(v0) 10.77.0.59 52:54:00:aa:00:01 "),
            QStringLiteral("dnsmasq-dhcp[1]: 34 DHCPACK(v0) 10.77.0.59 52:54:00:AA:00:01 "),
            QStringLiteral("dnsmasq-dhcp[1]: 35 DHCPDISCOVER(v0) 52:54:00:aa:00:02 ignored"),
            QStringLiteral("dnsmasq-dhcp[1]: 36 tags: known, pxe, efi64, v0"),
            QStringLiteral("dnsmasq-dhcp[1]: 36 DHCPACK(v0) 10.77.0.51 52:54:00:aa:00:04"),
            QStringLiteral("dnsmasq-tftp[1]: sent /tmp/aoesan-boot-x/tftp/undionly.kpxe to 10.77.0.50"),
            QStringLiteral("dnsmasq-dhcp[1]: 37 PXE(v0) 10.77.0.52 52:54:00:aa:00:05 undionly.kpxe"),
            QStringLiteral("not dnsmasq at all"),
            QStringLiteral("dnsmasq-dhcp[1]: 38 DHCPACK(v0) not an address"),
        };
        QStringList events;
        for (const QString &l : lines) {
            if (const auto e = log.feed(l))
                events << e->text();
        }
        QCOMPARE(events,
            (QStringList {QStringLiteral("52:54:00:aa:00:01 10.77.0.59 iPXE: root-path aoe:e0.1"),
                QStringLiteral("52:54:00:aa:00:02 ignored: not an allowed machine (--mac)"),
                QStringLiteral("52:54:00:aa:00:04 10.77.0.51 PXE: iPXE by TFTP (ipxe.efi)"),
                QStringLiteral("10.77.0.50 TFTP: sent undionly.kpxe"),
                QStringLiteral("52:54:00:aa:00:05 10.77.0.52 PXE (proxy): iPXE by TFTP (undionly.kpxe)")}));
        // A storm of transactions keeps a bounded memory and still reads the next one right.
        for (int i = 0; i < 100000; ++i)
            log.feed(QStringLiteral("dnsmasq-dhcp[1]: %1 tags: ipxe").arg(1000 + i));
        QVERIFY(log.feed(QStringLiteral("dnsmasq-dhcp[1]: 9 DHCPACK(v0) 10.77.0.53 52:54:00:aa:00:06")));
    }
};

QTEST_GUILESS_MAIN(TestBootConfig)
#include "tst_boot_config.moc"
