// SPDX-License-Identifier: GPL-3.0-or-later
// The window's Help menu: About names the version, the license and the links; Keyboard shortcuts lists
// every action of the window with a shortcut, made from the actions when it opens (an action added later
// is listed too); Copy diagnostics puts versions, interfaces, the engine's permission and the log's last
// warnings and errors on the clipboard. Also the file-capability reading behind "cap_net_raw: yes".
#include <QAction>
#include <QClipboard>
#include <QDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QTableWidget>
#include <QTest>

#include "FakeProbe.h"
#include "Version.h"
#include "WindowRig.h"
#include "discovery/DiscoveryController.h"
#include "exports/ExportController.h"
#include "log/LogBuffer.h"
#include "log/LogModel.h"
#include "log/Logging.h"
#include "models/ExportModel.h"
#include "models/TargetFilterModel.h"
#include "models/TargetModel.h"
#include "net/SystemReport.h"
#include "shell/Diagnostics.h"
#include "shell/HelpMenu.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "supervisor/ExportStore.h"
#include "supervisor/ExportSupervisor.h"

using namespace aoesan;

namespace {

using Rig = test::WindowRig;

QString plain(QString text)
{
    return text.remove(QLatin1Char('&')).remove(QChar(0x2026));
}

std::string capData(std::uint32_t magic, std::uint32_t permitted)
{
    std::string bytes(20, '\0');
    for (int i = 0; i < 4; ++i) {
        bytes[static_cast<std::size_t>(i)] = static_cast<char>((magic >> (8 * i)) & 0xff);
        bytes[static_cast<std::size_t>(4 + i)] = static_cast<char>((permitted >> (8 * i)) & 0xff);
    }
    return bytes;
}
} // namespace

class TestHelpMenu : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ui::installTranslations(*qApp, QStringLiteral("en")); }

    void menuHasTheThreeEntries()
    {
        Rig rig;
        QMenu *help = nullptr;
        for (QAction *a : rig.window->menuBar()->actions()) {
            if (a->menu() && plain(a->text()) == QStringLiteral("Help"))
                help = a->menu();
        }
        QVERIFY(help);
        QStringList texts;
        for (QAction *a : help->actions()) {
            if (!a->isSeparator())
                texts << plain(a->text());
        }
        QCOMPARE(texts,
            (QStringList {QStringLiteral("Keyboard shortcuts"), QStringLiteral("Copy diagnostics"),
                QStringLiteral("About aoesan")}));
    }

    void aboutNamesVersionLicenseAndLinks()
    {
        Rig rig;
        rig.window->show();
        rig.window->helpMenu()->aboutAction()->trigger();
        auto *dialog = rig.window->findChild<QDialog *>(QStringLiteral("aboutDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *label = dialog->findChild<QLabel *>(QStringLiteral("aboutText"));
        QVERIFY(label);
        QVERIFY(label->openExternalLinks());
        const QString text = label->text();
        QVERIFY2(text.contains(QString::fromLatin1(kVersionString)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("GPL-3.0-or-later")));
        QVERIFY(text.contains(QStringLiteral("href=\"https://github.com/aoesan/aoesan\"")));
        QVERIFY(text.contains(QStringLiteral("href=\"https://github.com/aoesan/aoesan/issues\"")));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        dialog->reject();
    }

    void shortcutsComeFromTheActions()
    {
        Rig rig;
        // An action added after the window was built, as a later feature would: listed all the same.
        auto *later = new QAction(QStringLiteral("&Frobnicate…"), rig.window.get());
        later->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J));
        rig.window->addAction(later);

        const auto rows = ui::HelpMenu::shortcutRows(*rig.window);
        int withShortcut = 0;
        for (const QAction *a : rig.window->QWidget::actions()) {
            if (a->shortcut().isEmpty())
                continue;
            ++withShortcut;
            const QPair<QString, QString> row {plain(a->text()), a->shortcut().toString(QKeySequence::NativeText)};
            QVERIFY2(rows.contains(row), qPrintable(row.first + QLatin1Char(' ') + row.second));
        }
        QVERIFY(withShortcut >= 16);
        QVERIFY(rows.contains(qMakePair(QStringLiteral("Frobnicate"), QStringLiteral("Ctrl+Alt+J"))));
        QVERIFY(rows.contains(qMakePair(QStringLiteral("Quit"), QStringLiteral("Ctrl+Q"))));
        QVERIFY(rows.contains(qMakePair(QStringLiteral("Keyboard shortcuts"), QStringLiteral("F1"))));

        rig.window->show();
        QVERIFY(QTest::qWaitForWindowActive(rig.window.get()));
        QTest::keyClick(rig.window.get(), Qt::Key_F1);
        auto *dialog = rig.window->findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
        QVERIFY(dialog);
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), rows.size());
        bool found = false;
        for (int row = 0; row < table->rowCount(); ++row)
            found |= table->item(row, 0)->text() == QStringLiteral("Frobnicate")
                && table->item(row, 1)->text() == QStringLiteral("Ctrl+Alt+J");
        QVERIFY(found);
        dialog->reject();
    }

    void diagnosticsGoToTheClipboard()
    {
        Rig rig;
        auto sink = std::make_shared<ui::LogBufferSink>(rig.buffer);
        ui::attachSink(sink, {"ui"});
        aoesan::log::logger("ui")->info("an ordinary line");
        aoesan::log::logger("ui")->warn("the probe ended (exit 3)");
        aoesan::log::logger("ui")->error("lan1: no permission");
        rig.window->show();
        QGuiApplication::clipboard()->clear();
        rig.window->helpMenu()->diagnosticsAction()->trigger();
        const QString text = QGuiApplication::clipboard()->text();
        QVERIFY2(
            text.contains(QStringLiteral("aoesan: %1").arg(QString::fromLatin1(kVersionString))), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Qt: %1").arg(QString::fromLatin1(qVersion()))));
        QVERIFY(text.contains(QStringLiteral("libpcap: libpcap version")));
        QVERIFY(text.contains(QStringLiteral("kernel: Linux")));
        QVERIFY(text.contains(QStringLiteral("interfaces:")));
        QVERIFY(text.contains(QStringLiteral("engine: ")));
        QVERIFY(text.contains(QStringLiteral("the probe ended (exit 3)")));
        QVERIFY(text.contains(QStringLiteral("lan1: no permission")));
        QVERIFY(!text.contains(QStringLiteral("an ordinary line")));
        auto *box = rig.window->findChild<QMessageBox *>(QStringLiteral("diagnosticsCopied"));
        QVERIFY(box);
        QCOMPARE(box->detailedText(), text);
        box->reject();
    }

    void diagnosticsText()
    {
        ui::DiagnosticsFacts f;
        f.aoesanVersion = QStringLiteral("9.9.9");
        f.qtVersion = QStringLiteral("6.4.2");
        f.pcapVersion = QStringLiteral("libpcap version 1.10.3");
        f.kernel = QStringLiteral("Linux 6.1.0 x86_64");
        f.interfaces = {QStringLiteral("lan1  up  carrier  mtu 9000  02:00:00:00:00:01")};
        f.enginePath = QStringLiteral("/usr/libexec/aoesan/aoesan-engine");
        f.engineHasCapNetRaw = false;
        f.lastProblems = {QStringLiteral("12:00:00.000 error [ui] boom")};
        const QString text = ui::formatDiagnostics(f);
        QVERIFY(text.contains(QStringLiteral("aoesan: 9.9.9\nQt: 6.4.2\nlibpcap: libpcap version 1.10.3\n")));
        QVERIFY(text.contains(QStringLiteral("engine: /usr/libexec/aoesan/aoesan-engine (cap_net_raw: no)")));
        QVERIFY(text.contains(QStringLiteral("  lan1  up  carrier  mtu 9000")));
        QVERIFY(text.contains(QStringLiteral("  12:00:00.000 error [ui] boom")));
        f.enginePath.clear();
        f.interfaces.clear();
        QVERIFY(ui::formatDiagnostics(f).contains(QStringLiteral("engine: not found")));
        QVERIFY(ui::formatDiagnostics(f).contains(QStringLiteral("none (no Ethernet interface)")));
    }

    void fileCapability_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("granted");
        constexpr std::uint32_t rev2 = 0x02000000;
        constexpr std::uint32_t effective = 1;
        const auto row = [](const char *name, const std::string &b, bool granted) {
            QTest::newRow(name) << QByteArray(b.data(), static_cast<qsizetype>(b.size())) << granted;
        };
        row("cap_net_raw=ep", capData(rev2 | effective, 1U << 13), true);
        row("cap_net_raw,cap_net_admin=ep", capData(rev2 | effective, (1U << 13) | (1U << 12)), true);
        row("cap_net_raw=p (not effective)", capData(rev2, 1U << 13), false);
        row("cap_net_admin=ep", capData(rev2 | effective, 1U << 12), false);
        row("too short", std::string(6, '\x01'), false);
    }

    void fileCapability()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, granted);
        QCOMPARE(net::capabilityDataGrantsPacketCapability(bytes.toStdString()), granted);
    }

    void fileWithoutCapabilities()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("plain")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QCOMPARE(net::fileHasPacketCapability(file.fileName().toStdString()), std::optional<bool>(false));
        QCOMPARE(net::fileHasPacketCapability(dir.filePath(QStringLiteral("missing")).toStdString()), std::nullopt);
    }
};

QTEST_MAIN(TestHelpMenu)
#include "tst_help_menu.moc"
