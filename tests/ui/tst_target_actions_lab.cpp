// SPDX-License-Identifier: GPL-3.0-or-later
// The target actions end to end in a namespace lab: the GUI's TargetActions and DiscoveryController with the
// real `aoesan-engine probe` (run in the lab's initiator namespace, as the GUI runs it) against `aoesan-engine
// serve`. The person's answers in the dialogs decide what reaches the target, checked with aoesan-ctl as a
// second initiator: a confirmed config string is set and shows in the table; a MAC mask edit that keeps this
// computer is applied; one that would lock it out is refused by the engine, and after Cancel the target's list
// is what it was.
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "EngineProcess.h"
#include "Lab.h"
#include "LocalLink.h"
#include "discovery/DiscoveryController.h"
#include "models/TargetModel.h"
#include "supervisor/ProbeProcess.h"
#include "supervisor/ProbeSupervisor.h"
#include "targets/MacListDialog.h"
#include "targets/TargetActions.h"

using namespace aoesan;
using namespace aoesan::test;

namespace {

const QString kStranger = QStringLiteral("02:00:00:00:00:99");
const discovery::TargetId kTarget {7, 4};

} // namespace

class TestTargetActionsLab : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void configAndMaskThroughTheRealProbe();

private:
    template<typename T> T *visible(const char *name) const
    {
        T *found = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] {
                for (T *w : m_parent->findChildren<T *>(QLatin1String(name))) {
                    if (w->isVisible())
                        found = w;
                }
                return found != nullptr;
            },
            10000);
        return shown ? found : nullptr;
    }
    // aoesan-ctl as another initiator in the same namespace: what the target really holds.
    QByteArray ctl(const QString &command)
    {
        const auto run = m_lab->run(m_lab->initiatorNamespace(),
            {QStringLiteral(AOESAN_CTL), QStringLiteral("--log-level"), QStringLiteral("off"), command,
                QStringLiteral("e7.4"), QStringLiteral("-i"), Lab::initiatorInterface()});
        return run.output.toUtf8();
    }

    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<EngineProcess> m_engine;
    std::unique_ptr<supervisor::QProcessProbeLauncher> m_launcher;
    std::unique_ptr<ui::TargetModel> m_targets;
    std::unique_ptr<test::LocalLink> m_link;
    std::unique_ptr<ui::DiscoveryController> m_discovery;
    std::unique_ptr<QWidget> m_parent;
    ui::TargetActions *m_actions = nullptr;
};

void TestTargetActionsLab::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), 4 << 20);
    m_engine = std::make_unique<EngineProcess>(*m_lab, QStringLiteral(AOESAN_ENGINE));
    QVERIFY2(m_engine->start({QStringLiteral("--no-state"), QStringLiteral("7"), QStringLiteral("4"),
                 Lab::targetInterface(), image}),
        qPrintable(m_engine->error()));

    // The probe runs in the initiator namespace, exactly as the GUI starts it (launcher + "probe" + options).
    m_launcher = std::make_unique<supervisor::QProcessProbeLauncher>(Lab::findTool(QStringLiteral("ip")),
        QStringList {QStringLiteral("netns"), QStringLiteral("exec"), m_lab->initiatorNamespace(),
            QStringLiteral(AOESAN_ENGINE)});
    m_targets = std::make_unique<ui::TargetModel>();
    // The service (in this process) runs it; the GUI's controllers talk to the service.
    m_link = std::make_unique<test::LocalLink>(
        QStringList {Lab::initiatorInterface()}, ui::SanLink::Owner::Gui, m_launcher.get());
    m_discovery = std::make_unique<ui::DiscoveryController>(*m_link, *m_targets);
    m_parent = std::make_unique<QWidget>();
    m_parent->show();
    m_actions = new ui::TargetActions(*m_discovery, *m_targets, m_parent.get());
    QTRY_VERIFY_WITH_TIMEOUT(m_targets->find(kTarget) && m_targets->find(kTarget)->info.identified, 10000);
}

void TestTargetActionsLab::cleanup()
{
    m_actions = nullptr;
    m_parent.reset(); // deletes the actions
    if (m_link)
        m_link->san->shutdown();
    // The stopped probe ends when its stdin closes; wait for it so the lab is not torn down under it.
    QTest::qWait(500);
    m_discovery.reset();
    m_link.reset();
    m_targets.reset();
    m_launcher.reset();
    m_engine.reset();
    m_lab.reset();
}

void TestTargetActionsLab::configAndMaskThroughTheRealProbe()
{
    QSignalSpy messages(m_actions, &ui::TargetActions::message);
    const QString own = QString::fromStdString(Lab::initiatorMac().toString());

    // Config string: read, edit, confirm; the target holds it and the table shows it.
    m_actions->editConfig(kTarget);
    auto *input = visible<QInputDialog>("configDialog");
    QVERIFY(input);
    input->setTextValue(QStringLiteral("shelf 7 / bay 4"));
    input->accept();
    auto *confirm = visible<QMessageBox>("configConfirm");
    QVERIFY(confirm);
    confirm->findChild<QPushButton *>(QStringLiteral("configConfirmSet"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(ctl(QStringLiteral("config")).contains("shelf 7 / bay 4"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_targets->find(kTarget)->info.configString, std::string("shelf 7 / bay 4"), 10000);

    // MAC mask: this computer and a stranger; applied.
    m_actions->editMask(kTarget);
    auto *dialog = visible<ui::MacListDialog>("macListDialog");
    QVERIFY(dialog);
    QVERIFY(dialog->macs().empty());
    dialog->addOwn();
    dialog->entry()->setText(kStranger);
    QVERIFY(dialog->addTyped());
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(ctl(QStringLiteral("mask")).contains(kStranger.toLatin1()), 10000);
    QVERIFY(ctl(QStringLiteral("mask")).contains(own.toLatin1()));

    // Removing this computer would lock it out: the real engine refuses, the person is asked, cancels.
    m_actions->editMask(kTarget);
    dialog = visible<ui::MacListDialog>("macListDialog");
    QVERIFY(dialog);
    QCOMPARE(dialog->macs().size(), std::size_t {2});
    const int ownRow = dialog->macs().front() == Lab::initiatorMac() ? 0 : 1;
    dialog->list()->setCurrentRow(ownRow);
    dialog->removeSelected();
    dialog->accept();
    auto *question = visible<QMessageBox>("lockoutConfirm");
    QVERIFY2(question, qPrintable(messages.isEmpty() ? QString() : messages.last().first().toString()));
    QVERIFY(question->informativeText().contains(own));
    question->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!question->isVisible());
    const QByteArray after = ctl(QStringLiteral("mask"));
    QVERIFY2(after.contains(own.toLatin1()) && after.contains(kStranger.toLatin1()), after.constData());
}

QTEST_MAIN(TestTargetActionsLab)
#include "tst_target_actions_lab.moc"
