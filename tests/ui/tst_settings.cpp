// SPDX-License-Identifier: GPL-3.0-or-later
// Settings: a round trip through the file, defaults for a missing file (the login entry's tray setting off,
// and its quick reader), a damaged file set aside with a message (never a crash), invalid values replaced one
// by one; the dialog shows and returns them. A fresh configuration watches every Ethernet interface that is
// up (a fake sysfs tree), found again when discovery restarts.
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "FakeProbe.h"
#include "LocalLink.h"
#include "discovery/DiscoveryController.h"
#include "models/TargetModel.h"
#include "net/NetworkInterfaces.h"
#include "settings/AppSettings.h"
#include "settings/SettingsDialog.h"

using namespace aoesan;
using ui::AppSettings;
using ui::SettingsStore;

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        QTemporaryDir dir;
        SettingsStore store(dir.filePath(QStringLiteral("sub/aoesan.conf")));
        const auto fresh = store.load();
        QCOMPARE(fresh.settings, AppSettings {});
        QVERIFY(fresh.problems.isEmpty());
        AppSettings s;
        s.interfaces = {QStringLiteral("lan1"), QStringLiteral("lan2")};
        s.intervalSeconds = 25;
        s.notifications = false;
        s.notifyExports = false;
        s.language = QStringLiteral("de");
        s.closeHintShown = true;
        s.trayAtLogin = true;
        s.windowGeometry = QByteArray("\x01\x02geometry", 10);
        s.targetColumns = {QStringLiteral("device"), QStringLiteral("state"), QStringLiteral("serial")};
        s.exportColumns = {QStringLiteral("name"), QStringLiteral("uptime")};
        QVERIFY(store.save(s));
        const auto back = store.load();
        QVERIFY(back.problems.isEmpty());
        QCOMPARE(back.settings, s);
    }

    // The login entry's setting: off unless the person turned it on; the quick reader that
    // `aoesan --autostart` uses before any window agrees with load() and never touches the file.
    void trayAtLoginIsOffByDefaultAndPersists()
    {
        QTemporaryDir dir;
        SettingsStore store(dir.filePath(QStringLiteral("aoesan.conf")));
        QVERIFY(!AppSettings {}.trayAtLogin);
        QVERIFY(!store.load().settings.trayAtLogin);
        QVERIFY(!store.trayAtLogin()); // no file at all
        AppSettings s;
        QVERIFY(store.save(s));
        QVERIFY(!store.trayAtLogin()); // a saved file with the default
        s.trayAtLogin = true;
        QVERIFY(store.save(s));
        QVERIFY(store.load().settings.trayAtLogin);
        QVERIFY(store.trayAtLogin());
        QFile file(store.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("trayAtLogin=true"));
        file.close();
        s.trayAtLogin = false;
        QVERIFY(store.save(s));
        QVERIFY(!store.trayAtLogin());
        QVERIFY(!store.load().settings.trayAtLogin);
    }

    void trayAtLoginReaderLeavesDamagedFilesAlone_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addRow("binary") << QByteArray("[startup]\ntrayAtLogin=true\n\x00", 28);
        QTest::addRow("not a boolean") << QByteArray("[startup]\ntrayAtLogin=sometimes\n");
        QTest::addRow("empty") << QByteArray();
    }

    void trayAtLoginReaderLeavesDamagedFilesAlone()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("aoesan.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        QVERIFY(!SettingsStore(path).trayAtLogin());
        QVERIFY(QFile::exists(path)); // load() sets damaged files aside, when the program really starts
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void damagedFileIsSetAside_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addRow("binary") << QByteArray("\x00\x01\x02\xff garbage", 13);
        QTest::addRow("not utf-8") << QByteArray("[discovery]\ninterval=\xff\xfe\n");
        QTest::addRow("huge") << QByteArray(2 << 20, 'x');
    }

    void damagedFileIsSetAside()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("aoesan.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const auto loaded = SettingsStore(path).load();
        QCOMPARE(loaded.settings, AppSettings {});
        QCOMPARE(loaded.problems.size(), 1);
        QVERIFY(loaded.problems.first().contains(QStringLiteral("defaults")));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("aoesan.conf.corrupt-*")}).size(), 1);
    }

    // What is at the path may be no file at all: a FIFO would hang the start, /dev/zero would grow the reader.
    // Both are set aside like a damaged file, at once, and the defaults used.
    void specialFilesAreRefusedAtOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("aoesan.conf"));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!SettingsStore(path).trayAtLogin());
        auto loaded = SettingsStore(path).load();
        QVERIFY2(clock.elapsed() < 5000, "reading a FIFO blocked");
        QCOMPARE(loaded.settings, AppSettings {});
        QCOMPARE(loaded.problems.size(), 1);
        QVERIFY2(loaded.problems.first().contains(QStringLiteral("it is not a regular file")),
            qPrintable(loaded.problems.first()));
        QVERIFY(!QFile::exists(path));

        // Reading only: a link to the machine's /dev/zero is never written through here (load() moves the link
        // aside, also within the same second as the FIFO before it).
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), path));
        loaded = SettingsStore(path).load();
        QCOMPARE(loaded.settings, AppSettings {});
        QVERIFY2(loaded.problems.value(0).contains(QStringLiteral("it is not a regular file")),
            qPrintable(loaded.problems.value(0)));
        QVERIFY2(!QFileInfo(path).isSymLink() && !QFileInfo::exists(path), "the link to /dev/zero was not set aside");
        QCOMPARE(QDir(dir.path())
                     .entryList({QStringLiteral("aoesan.conf.corrupt-*")},
                         QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)
                     .size(),
            2);
        // A good file written afterwards is read as usual.
        AppSettings s;
        s.intervalSeconds = 17;
        QVERIFY(SettingsStore(path).save(s));
        QCOMPARE(SettingsStore(path).load().settings.intervalSeconds, 17);
    }

    // QSettings follows a link and would replace what it names: a FIFO, or (as root) a device node, here the
    // test's own in its temporary directory. Nothing is written and the save says why.
    void saveRefusesWhatIsNoRegularFile_data()
    {
        QTest::addColumn<bool>("device");
        QTest::addRow("link to a FIFO") << false;
        QTest::addRow("link to a character device") << true;
    }

    void saveRefusesWhatIsNoRegularFile()
    {
        QFETCH(bool, device);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("aoesan.conf"));
        const QByteArray target = QFile::encodeName(dir.filePath(QStringLiteral("target")));
        if (device) {
            if (::geteuid() != 0)
                QSKIP("making a device node needs root");
            QCOMPARE(::mknod(target.constData(), S_IFCHR | 0600, makedev(1, 3)), 0);
        } else {
            QCOMPARE(::mkfifo(target.constData(), 0600), 0);
        }
        QVERIFY(QFile::link(QFile::decodeName(target), path));
        QString error;
        AppSettings s;
        s.intervalSeconds = 23;
        QVERIFY(!SettingsStore(path).save(s, &error));
        QVERIFY2(error.contains(path) && error.contains(QStringLiteral("it is not a regular file")), qPrintable(error));
        struct stat st
        {
        };
        QCOMPARE(::stat(target.constData(), &st), 0);
        QVERIFY(device ? S_ISCHR(st.st_mode) : S_ISFIFO(st.st_mode));
        QVERIFY(QFileInfo(path).isSymLink());
    }

    // Two damaged files set aside within one second each keep their own copy.
    void damagedTwiceInOneSecondKeepsBoth()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("aoesan.conf"));
        for (const QByteArray &content : {QByteArray("one\0", 4), QByteArray("two\0", 4)}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
            file.close();
            QCOMPARE(SettingsStore(path).load().problems.size(), 1);
            QVERIFY(!QFileInfo::exists(path));
        }
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("aoesan.conf.corrupt-*")}).size(), 2);
    }

    void invalidValuesFallBackOneByOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("aoesan.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[discovery]\ninterval=-4\ninterfaces=lan9\n[notifications]\nenabled=perhaps\ntargets=false\n"
                   "[ui]\nlanguage=tlh\n");
        file.close();
        const auto loaded = SettingsStore(path).load();
        QCOMPARE(loaded.problems.size(), 3);
        QCOMPARE(loaded.settings.intervalSeconds, 10);
        QCOMPARE(loaded.settings.interfaces, QStringList {QStringLiteral("lan9")});
        QVERIFY(loaded.settings.notifications);
        QVERIFY(!loaded.settings.notifyTargets);
        QCOMPARE(loaded.settings.language, QString());
    }

    void dialogShowsAndReturnsSettings()
    {
        AppSettings s;
        s.interfaces = {QStringLiteral("gone0")};
        s.intervalSeconds = 7;
        s.language = QStringLiteral("es");
        ui::SettingsDialog dialog(s, {QStringLiteral("lan1"), QStringLiteral("lan2")});
        QCOMPARE(dialog.interfaceList()->count(), 3); // a chosen interface that is gone stays listed
        QCOMPARE(dialog.intervalBox()->value(), 7);
        QCOMPARE(dialog.languageBox()->currentData().toString(), QStringLiteral("es"));
        QVERIFY(!dialog.trayAtLoginBox()->isChecked()); // off by default
        QVERIFY(!dialog.settings().trayAtLogin);
        dialog.trayAtLoginBox()->click();
        dialog.interfaceList()->item(0)->setCheckState(Qt::Checked);
        dialog.interfaceList()->item(2)->setCheckState(Qt::Unchecked);
        dialog.intervalBox()->selectAll();
        QTest::keyClicks(dialog.intervalBox(), QStringLiteral("30"));
        dialog.languageBox()->setCurrentIndex(0);
        const AppSettings out = dialog.settings();
        QCOMPARE(out.interfaces, QStringList {QStringLiteral("lan1")});
        QCOMPARE(out.intervalSeconds, 30);
        QCOMPARE(out.language, QString());
        QVERIFY(out.trayAtLogin);
        s.trayAtLogin = true;
        ui::SettingsDialog again(s, {});
        QVERIFY(again.trayAtLoginBox()->isChecked());
    }

    void freshConfigurationWatchesEveryUpInterface()
    {
        QTemporaryDir dir;
        // A fake /sys/class/net: two Ethernet interfaces up, one down, loopback and a non-Ethernet link.
        const auto addInterface = [&dir](const char *name, int type, unsigned flags) {
            const QString path = dir.filePath(QStringLiteral("net/%1").arg(QLatin1String(name)));
            QVERIFY(QDir().mkpath(path));
            const auto write = [&path](const char *file, const QByteArray &text) {
                QFile f(path + QLatin1Char('/') + QLatin1String(file));
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(text + '\n');
            };
            write("type", QByteArray::number(type));
            write("flags", "0x" + QByteArray::number(flags, 16));
            write("address", "02:00:00:00:00:01");
            write("mtu", "1500");
            write("operstate", (flags & 1) ? "up" : "down");
        };
        addInterface("lan1", 1, 0x1003);
        addInterface("wan0", 1, 0x1003);
        addInterface("lan2", 1, 0x1002);
        addInterface("lo", 772, 0x9);
        addInterface("wg0", 65534, 0x91);
        const std::string sysfs = dir.filePath(QStringLiteral("net")).toStdString();

        const auto loaded = SettingsStore(dir.filePath(QStringLiteral("none/aoesan.conf"))).load();
        QVERIFY(loaded.problems.isEmpty());
        QVERIFY(loaded.settings.interfaces.isEmpty()); // no fixed name such as eth0
        // The rule the service applies when none are chosen: the interfaces that are up.
        QStringList upNow;
        const auto listed = net::listInterfaces(sysfs);
        QVERIFY2(listed.ok(), listed.ok() ? "" : listed.error().c_str());
        for (const auto &i : listed.value()) {
            if (i.up)
                upNow << QString::fromStdString(i.name);
        }
        QCOMPARE(upNow, (QStringList {QStringLiteral("lan1"), QStringLiteral("wan0")}));

        // The service watches them; the GUI shows what it watches.
        test::LocalLink link(QStringList {});
        link.up = upNow;
        ui::TargetModel targets;
        ui::DiscoveryController discovery(link, targets);
        discovery.configure(loaded.settings.interfaces, std::chrono::seconds(loaded.settings.intervalSeconds));
        QTRY_COMPARE(discovery.interfaces(), upNow);
        link.probe()->sayStarted(upNow);
        QTRY_VERIFY(!discovery.problem());
        QVERIFY2(link.probe()->arguments.join(QLatin1Char(' ')).contains(QStringLiteral("lan1")),
            qPrintable(link.probe()->arguments.join(QLatin1Char(' '))));
        // Discovery started again (the settings applied): the interfaces that are up now.
        link.up << QStringLiteral("lan2");
        discovery.configure({}, std::chrono::seconds(10));
        QTRY_COMPARE(discovery.interfaces(), link.up);
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
