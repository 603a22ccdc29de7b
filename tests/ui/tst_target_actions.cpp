// SPDX-License-Identifier: GPL-3.0-or-later
// A target's actions in the main window, driven as a person would, with a fake probe: the Targets table's
// and the Shelves tile's context menus and the details buttons send the probe's request lines; the config
// string is set only after its confirmation; a MAC mask or reserve change the engine refuses as a lock-out
// is sent again with the lock-out allowed only after "Lock this computer out", never after Cancel; copy
// puts aoe:eX.Y and sanboot aoe:eX.Y on the clipboard; errors are shown, worded by their code.
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "FakeProbe.h"
#include "Fixtures.h"
#include "WindowRig.h"
#include "discovery/DiscoveryController.h"
#include "discovery/ProbeRequest.h"
#include "exports/ExportController.h"
#include "log/LogBuffer.h"
#include "log/LogModel.h"
#include "models/ExportModel.h"
#include "models/TargetFilterModel.h"
#include "models/TargetModel.h"
#include "shell/MainWindow.h"
#include "shell/ShelvesPage.h"
#include "supervisor/ExportStore.h"
#include "supervisor/ExportSupervisor.h"
#include "targets/MacListDialog.h"
#include "targets/ShelfView.h"
#include "targets/TargetActions.h"
#include "targets/TargetDetails.h"
#include "targets/TargetsView.h"

using namespace aoesan;
using Kind = discovery::ProbeRequest::Kind;

namespace {

const char *const kOwn = "02:00:00:00:a0:02";
const char *const kStranger = "02:00:00:00:00:99";

protocol::MacAddress mac(const char *text)
{
    return *protocol::MacAddress::fromString(text);
}

struct Rig : test::WindowRig
{
    Rig()
        : WindowRig({QStringLiteral("lab-a")})
    {
        window->show();
    }

    // The service's probe: the requests the GUI sends through the service arrive here.
    test::FakeProbe *fake() const { return probe(); }
    ui::TargetActions &actions() const { return *window->targetActions(); }

    // Discovery running with e7.3 (and e7.4 down) in the table.
    bool startWithTargets()
    {
        if (!fake())
            return false;
        fake()->sayStarted({QStringLiteral("lab-a")});
        fake()->sayTarget("added", test::target(7, 3));
        fake()->sayTarget("added", test::target(7, 4, 131072, discovery::TargetState::Down));
        return QTest::qWaitFor([this] { return targets.rowCount() == 2; });
    }

    // The last request the GUI wrote, parsed.
    std::optional<discovery::ProbeRequest> lastRequest() const
    {
        if (!fake() || fake()->written.isEmpty())
            return std::nullopt;
        auto parsed = discovery::parseProbeRequest(fake()->written.last());
        if (!parsed)
            return std::nullopt;
        return parsed.value();
    }

    void reply(discovery::RequestReply r) const
    {
        const auto request = lastRequest();
        r.id = request->id;
        r.kind = request->kind;
        r.target = request->target;
        r.interface = QStringLiteral("lab-a");
        r.ownMac = mac(kOwn);
        fake()->say(discovery::replyToJson(r));
    }

    void refuse(const char *code, std::vector<protocol::MacAddress> macs = {}) const
    {
        const auto request = lastRequest();
        fake()->say(discovery::requestFailureToJson({request->id, request->kind, request->target,
            QString::fromLatin1(code), QStringLiteral("refused in the test"), std::move(macs), mac(kOwn)}));
    }

    // The visible dialog of this type and name, once it shows.
    template<typename T> T *visible(const char *name) const
    {
        T *found = nullptr;
        const bool shown = QTest::qWaitFor([&] {
            for (T *w : window->findChildren<T *>(QLatin1String(name))) {
                if (w->isVisible())
                    found = w;
            }
            return found != nullptr;
        });
        return shown ? found : nullptr;
    }

    QMenu *openRowMenu(int sourceRow) const
    {
        QTableView *table = window->targetsView()->table();
        const QModelIndex proxied = filter.mapFromSource(targets.index(sourceRow, 0));
        emit table->customContextMenuRequested(table->visualRect(proxied).center());
        return visible<QMenu>("targetMenu");
    }

    static QAction *action(QMenu *menu, const char *name) { return menu->findChild<QAction *>(QLatin1String(name)); }
};

} // namespace

class TestTargetActions : public QObject
{
    Q_OBJECT

private slots:
    void rowMenuOffersEveryAction();
    void copiesBootUriAndIpxeLine();
    void identifyAgainFromMenuAndDetails();
    void configIsSetOnlyAfterConfirmation();
    void maskLockOutNeedsTheClearQuestion_data();
    void maskLockOutNeedsTheClearQuestion();
    void reserveListOverrideAndRelease();
    void shelfTileHasTheSameMenu();
    void errorsAreShownByCode_data();
    void errorsAreShownByCode();
    void notRunningSaysSo();
    void macListDialogRefusesGarbage();
};

void TestTargetActions::rowMenuOffersEveryAction()
{
    Rig rig;
    QVERIFY(rig.startWithTargets());
    QMenu *menu = rig.openRowMenu(rig.targets.rowOf({7, 3}));
    QVERIFY(menu);
    for (const char *name :
        {"actionIdentify", "actionConfig", "actionMask", "actionReserve", "actionCopyUri", "actionCopyIpxe"}) {
        QAction *a = Rig::action(menu, name);
        QVERIFY2(a && a->isEnabled(), name);
    }
    QCOMPARE(rig.window->targetsView()->selected(), std::optional(discovery::TargetId {7, 3}));
    menu->close();

    // The menu key opens the current row's menu (e7.4 now), not the one at the event's position (e7.3).
    rig.window->targetsView()->select({7, 4});
    QContextMenuEvent key(QContextMenuEvent::Keyboard, QPoint(1, 1), QPoint(1, 1));
    QApplication::sendEvent(rig.window->targetsView()->table(), &key);
    menu = rig.visible<QMenu>("targetMenu");
    QVERIFY(menu);
    QVERIFY(Rig::action(menu, "actionCopyUri")->text().contains(QStringLiteral("e7.4")));
    menu->close();

    // A target that is down can only be copied.
    menu = rig.openRowMenu(rig.targets.rowOf({7, 4}));
    QVERIFY(menu);
    QVERIFY(!Rig::action(menu, "actionIdentify")->isEnabled());
    QVERIFY(!Rig::action(menu, "actionMask")->isEnabled());
    QVERIFY(Rig::action(menu, "actionCopyIpxe")->isEnabled());
    menu->close();
}

void TestTargetActions::copiesBootUriAndIpxeLine()
{
    Rig rig;
    QVERIFY(rig.startWithTargets());
    QMenu *menu = rig.openRowMenu(rig.targets.rowOf({7, 3}));
    QVERIFY(menu);
    Rig::action(menu, "actionCopyIpxe")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("sanboot aoe:e7.3"));
    Rig::action(menu, "actionCopyUri")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("aoe:e7.3"));
    menu->close();

    rig.window->targetsView()->select({7, 4});
    auto *details = rig.window->targetsView()->details();
    auto *copyIpxe = details->findChild<QPushButton *>(QStringLiteral("detailsCopyIpxe"));
    QVERIFY(copyIpxe);
    // e7.4 is down: nothing can be asked, its line can still be copied.
    QVERIFY(!details->findChild<QPushButton *>(QStringLiteral("detailsMask"))->isEnabled());
    QVERIFY(copyIpxe->isEnabled());
    QTest::mouseClick(copyIpxe, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("sanboot aoe:e7.4"));
    QCOMPARE(rig.fake()->written.size(), 0); // copying asks the probe nothing
}

void TestTargetActions::identifyAgainFromMenuAndDetails()
{
    Rig rig;
    QVERIFY(rig.startWithTargets());
    QSignalSpy messages(&rig.actions(), &ui::TargetActions::message);
    QMenu *menu = rig.openRowMenu(rig.targets.rowOf({7, 3}));
    QVERIFY(menu);
    Rig::action(menu, "actionIdentify")->trigger();
    QCOMPARE(rig.fake()->written.last(), QByteArray("identify 1 e7.3"));
    discovery::RequestReply r;
    r.identify = discovery::IdentifySummary {"Coraid EtherDrive vblade", "7.3:lab", "V25", 131072, true};
    rig.reply(r);
    QTRY_COMPARE(messages.size(), 1);
    QVERIFY(messages.first().first().toString().contains(QStringLiteral("7.3:lab")));
    QCOMPARE(rig.actions().pendingCount(), 0);

    rig.window->showPage(ui::MainWindow::Page::Shelves);
    rig.window->shelvesPage()->shelves()->setCurrent(discovery::TargetId {7, 3});
    auto *button = rig.window->shelvesPage()->details()->findChild<QPushButton *>(QStringLiteral("detailsIdentify"));
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(rig.fake()->written.last(), QByteArray("identify 2 e7.3"));
}

void TestTargetActions::configIsSetOnlyAfterConfirmation()
{
    Rig rig;
    QVERIFY(rig.startWithTargets());
    for (const bool confirm : {false, true}) {
        QMenu *menu = rig.openRowMenu(rig.targets.rowOf({7, 3}));
        QVERIFY(menu);
        Rig::action(menu, "actionConfig")->trigger();
        QCOMPARE(rig.lastRequest()->kind, Kind::ConfigRead);
        discovery::RequestReply r;
        r.configString = "rack/3";
        rig.reply(r);
        auto *input = rig.visible<QInputDialog>("configDialog");
        QVERIFY(input);
        QCOMPARE(input->textValue(), QStringLiteral("rack/3"));
        input->setTextValue(QStringLiteral("rack b 50%"));
        input->accept();
        auto *question = rig.visible<QMessageBox>("configConfirm");
        QVERIFY(question);
        QVERIFY(question->informativeText().contains(QStringLiteral("rack b 50%")));
        QCOMPARE(question->defaultButton(), question->button(QMessageBox::Cancel));
        const qsizetype before = rig.fake()->written.size();
        if (!confirm) {
            question->button(QMessageBox::Cancel)->click();
            QTest::qWait(50);
            QCOMPARE(rig.fake()->written.size(), before); // nothing was set
            continue;
        }
        question->findChild<QPushButton *>(QStringLiteral("configConfirmSet"))->click();
        QTRY_COMPARE(rig.fake()->written.size(), before + 1);
        const auto set = rig.lastRequest();
        QCOMPARE(set->kind, Kind::ConfigSet);
        QCOMPARE(set->configString, std::string("rack b 50%"));
        QVERIFY(rig.fake()->written.last().endsWith(" e7.3 rack%20b%2050%25"));
        QSignalSpy messages(&rig.actions(), &ui::TargetActions::message);
        r.configString = "rack b 50%";
        rig.reply(r);
        QTRY_COMPARE(messages.size(), 1);
        // Discovery asks again at once, so the row shows the new string.
        QTRY_COMPARE(rig.fake()->written.last(), QByteArray("probe"));
    }
}

void TestTargetActions::maskLockOutNeedsTheClearQuestion_data()
{
    QTest::addColumn<bool>("lockOut"); // the person's answer to the question
    QTest::newRow("cancel") << false;
    QTest::newRow("lock this computer out") << true;
}

void TestTargetActions::maskLockOutNeedsTheClearQuestion()
{
    QFETCH(bool, lockOut);
    Rig rig;
    QVERIFY(rig.startWithTargets());
    QMenu *menu = rig.openRowMenu(rig.targets.rowOf({7, 3}));
    QVERIFY(menu);
    Rig::action(menu, "actionMask")->trigger();
    QCOMPARE(rig.fake()->written.last(), QByteArray("mask 1 e7.3"));
    discovery::RequestReply list;
    list.macs = std::vector<protocol::MacAddress> {};
    rig.reply(list);
    auto *dialog = rig.visible<ui::MacListDialog>("macListDialog");
    QVERIFY(dialog);
    dialog->entry()->setText(QString::fromLatin1(kStranger));
    QVERIFY(dialog->addTyped());
    // The dialog already says so before anything is sent.
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("macListNote"))->text().contains(QStringLiteral("locked out")));
    dialog->accept();
    QCOMPARE(rig.fake()->written.last(), QByteArray("mask-edit 2 e7.3 +02:00:00:00:00:99"));

    rig.refuse(discovery::request_error::kLocksOut, {mac(kStranger)});
    auto *question = rig.visible<QMessageBox>("lockoutConfirm");
    QVERIFY(question);
    QVERIFY(question->text().contains(QStringLiteral("Lock this computer out of e7.3")));
    QVERIFY(question->informativeText().contains(QString::fromLatin1(kOwn)));
    QVERIFY(question->informativeText().contains(QString::fromLatin1(kStranger)));
    QCOMPARE(question->defaultButton(), question->button(QMessageBox::Cancel));
    QCOMPARE(question->escapeButton(), question->button(QMessageBox::Cancel));
    const qsizetype before = rig.fake()->written.size();
    if (!lockOut) {
        QTest::keyClick(question, Qt::Key_Escape);
        QTest::qWait(50);
        QCOMPARE(rig.fake()->written.size(), before);
        return;
    }
    question->findChild<QPushButton *>(QStringLiteral("lockoutConfirmLock"))->click();
    QTRY_COMPARE(rig.fake()->written.size(), before + 1);
    QCOMPARE(rig.fake()->written.last(), QByteArray("mask-edit 3 e7.3 --allow-lockout +02:00:00:00:00:99"));
    QSignalSpy messages(&rig.actions(), &ui::TargetActions::message);
    list.macs = std::vector {mac(kStranger)};
    rig.reply(list);
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(rig.actions().pendingCount(), 0);
}

void TestTargetActions::reserveListOverrideAndRelease()
{
    Rig rig;
    QVERIFY(rig.startWithTargets());
    QMenu *menu = rig.openRowMenu(rig.targets.rowOf({7, 3}));
    QVERIFY(menu);
    Rig::action(menu, "actionReserve")->trigger();
    QCOMPARE(rig.lastRequest()->kind, Kind::ReserveRead);
    discovery::RequestReply list;
    list.macs = std::vector<protocol::MacAddress> {};
    rig.reply(list);
    auto *dialog = rig.visible<ui::MacListDialog>("macListDialog");
    QVERIFY(dialog);
    dialog->findChild<QPushButton *>(QStringLiteral("macAddOwn"))->click();
    QCOMPARE(dialog->list()->count(), 1);
    QVERIFY(dialog->list()->item(0)->text().contains(QStringLiteral("this computer")));
    dialog->accept();
    QCOMPARE(rig.fake()->written.last(), QByteArray("reserve-set 2 e7.3 02:00:00:00:a0:02"));

    // Another host holds it: asked, then taken over with --override.
    rig.refuse(discovery::request_error::kReserved, {mac(kStranger)});
    auto *question = rig.visible<QMessageBox>("reserveOverride");
    QVERIFY(question);
    QVERIFY(question->text().contains(QString::fromLatin1(kStranger)));
    question->findChild<QPushButton *>(QStringLiteral("reserveOverrideTake"))->click();
    QTRY_COMPARE(rig.fake()->written.last(), QByteArray("reserve-set 3 e7.3 --override 02:00:00:00:a0:02"));
    list.macs = std::vector {mac(kOwn)};
    rig.reply(list);

    // Release: remove the only entry.
    menu = rig.openRowMenu(rig.targets.rowOf({7, 3}));
    Rig::action(menu, "actionReserve")->trigger();
    rig.reply(list);
    dialog = rig.visible<ui::MacListDialog>("macListDialog");
    QVERIFY(dialog);
    dialog->list()->setCurrentRow(0);
    dialog->removeSelected();
    dialog->accept();
    QCOMPARE(rig.fake()->written.last(), QByteArray("reserve-set 5 e7.3"));
}

void TestTargetActions::shelfTileHasTheSameMenu()
{
    Rig rig;
    QVERIFY(rig.startWithTargets());
    rig.window->showPage(ui::MainWindow::Page::Shelves);
    ui::ShelfView *shelves = rig.window->shelvesPage()->shelves();
    QTRY_VERIFY(shelves->tileRect({7, 3}).isValid());
    const QPoint at = shelves->tileRect({7, 3}).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, shelves->viewport()->mapToGlobal(at));
    QApplication::sendEvent(shelves->viewport(), &event); // where a right click arrives
    QMenu *menu = rig.visible<QMenu>("targetMenu");
    QVERIFY(menu);
    QCOMPARE(shelves->current(), std::optional(discovery::TargetId {7, 3}));
    Rig::action(menu, "actionMask")->trigger();
    QCOMPARE(rig.fake()->written.last(), QByteArray("mask 1 e7.3"));
}

void TestTargetActions::errorsAreShownByCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("says");
    QTest::newRow("no answer") << QString::fromLatin1(discovery::request_error::kNoAnswer) << "did not answer";
    QTest::newRow("no such target") << QString::fromLatin1(discovery::request_error::kNoSuchTarget)
                                    << "cannot be reached";
    QTest::newRow("unsafe delete") << QString::fromLatin1(discovery::request_error::kUnsafeDelete) << "vblade 25";
    QTest::newRow("refused") << QString::fromLatin1(discovery::request_error::kRefused) << "refused in the test";
}

void TestTargetActions::errorsAreShownByCode()
{
    QFETCH(QString, code);
    QFETCH(QString, says);
    Rig rig;
    QVERIFY(rig.startWithTargets());
    rig.actions().identify({7, 3});
    rig.refuse(code.toLatin1().constData());
    auto *box = rig.visible<QMessageBox>("targetActionError");
    QVERIFY(box);
    QVERIFY2(box->text().contains(says), qPrintable(box->text()));
    QCOMPARE(rig.actions().pendingCount(), 0);
}

void TestTargetActions::notRunningSaysSo()
{
    Rig rig;
    rig.actions().setAnswerTimeout(std::chrono::milliseconds(100));
    rig.actions().editConfig({7, 3}); // discovery never started
    auto *box = rig.visible<QMessageBox>("targetActionError");
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("not running")));
    box->close();

    // A probe that never answers: the request times out with a message instead of waiting for ever.
    QVERIFY(rig.startWithTargets());
    rig.actions().identify({7, 3});
    QCOMPARE(rig.actions().pendingCount(), 1);
    QTRY_COMPARE(rig.actions().pendingCount(), 0);
    box = rig.visible<QMessageBox>("targetActionError");
    QVERIFY(box && box->text().contains(QStringLiteral("did not answer the request")));
}

void TestTargetActions::macListDialogRefusesGarbage()
{
    ui::MacListDialog dialog(
        {QStringLiteral("t"), QStringLiteral("e"), QStringLiteral("empty")}, {}, mac(kOwn), QStringLiteral("lab-a"));
    for (const char *bad : {"", "02:00:00:00:00", "zz:00:00:00:00:01", "ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00"}) {
        dialog.entry()->setText(QString::fromLatin1(bad));
        QVERIFY2(!dialog.addTyped(), bad);
    }
    QVERIFY(dialog.macs().empty());
    dialog.entry()->setText(QStringLiteral(" 02:00:00:00:00:01 "));
    QVERIFY(dialog.addTyped());
    dialog.entry()->setText(QStringLiteral("02:00:00:00:00:01"));
    QVERIFY(dialog.addTyped()); // twice is once
    QCOMPARE(dialog.macs().size(), std::size_t(1));
}

QTEST_MAIN(TestTargetActions)
#include "tst_target_actions.moc"
