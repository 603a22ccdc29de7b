// SPDX-License-Identifier: GPL-3.0-or-later
// The New export wizard driven like a person would: keys and clicks. A new sparse image is created off
// the GUI thread, a free address is suggested, a clash with a discovered target is flagged and blocks
// the page, options are checked, the review shows the aoesan-ctl line, and Export hands back the record.
// Disks come from a made-up scan: a free disk, and the system disk which cannot be exported.
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include "Fixtures.h"
#include "models/BlockDeviceModel.h"
#include "models/TargetModel.h"
#include "wizard/AddressPage.h"
#include "wizard/ExportWizard.h"
#include "wizard/ImageCreator.h"
#include "wizard/OptionsPage.h"
#include "wizard/ReviewPage.h"
#include "wizard/SourcePage.h"

using namespace aoesan;

namespace {

std::vector<platform::BlockDevice> machine()
{
    platform::BlockDevice sda;
    sda.name = QStringLiteral("sda");
    sda.path = QStringLiteral("/dev/sda");
    sda.kind = platform::BlockDeviceKind::Disk;
    sda.sizeBytes = 256ULL << 30;
    sda.model = QStringLiteral("SYSTEM SSD");
    platform::BlockDevice sda1 = sda;
    sda1.name = QStringLiteral("sda1");
    sda1.path = QStringLiteral("/dev/sda1");
    sda1.kind = platform::BlockDeviceKind::Partition;
    sda1.parent = QStringLiteral("sda");
    sda1.fsType = QStringLiteral("ext4");
    sda1.mountPoints = {QStringLiteral("/")};
    platform::BlockDevice sdb = sda;
    sdb.name = QStringLiteral("sdb");
    sdb.path = QStringLiteral("/dev/sdb");
    sdb.sizeBytes = 1ULL << 40;
    sdb.model = QStringLiteral("SPARE HDD");
    platform::BlockDevice home = sdb;
    home.name = QStringLiteral("sdc1");
    home.path = QStringLiteral("/dev/sdc1");
    home.kind = platform::BlockDeviceKind::Partition;
    home.parent = QStringLiteral("sdc");
    home.fsType = QStringLiteral("xfs");
    home.mountPoints = {QStringLiteral("/home")};
    platform::BlockDevice swap = sdb;
    swap.name = QStringLiteral("sdd2");
    swap.path = QStringLiteral("/dev/sdd2");
    swap.kind = platform::BlockDeviceKind::Partition;
    swap.parent = QStringLiteral("sdd");
    swap.fsType = QStringLiteral("swap");
    swap.swap = true;
    return {sda, sda1, sdb, home, swap};
}

std::vector<net::InterfaceInfo> interfaces()
{
    net::InterfaceInfo lan1;
    lan1.name = "lan1";
    lan1.mtu = 9000;
    lan1.up = true;
    lan1.carrier = true;
    net::InterfaceInfo lan2 = lan1;
    lan2.name = "lan2";
    lan2.mtu = 1500;
    lan2.up = false;
    return {lan1, lan2};
}

void next(ui::ExportWizard &wizard)
{
    QPushButton *button = qobject_cast<QPushButton *>(wizard.button(QWizard::NextButton));
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    // The new page lays itself out from posted events; let them run before clicking into it.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

// Check boxes and radio buttons take clicks on their indicator and text only, not their whole width.
void clickBox(QAbstractButton *box)
{
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
}

} // namespace

class TestExportWizard : public QObject
{
    Q_OBJECT

private slots:
    void blockDeviceVerdicts()
    {
        ui::BlockDeviceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDevices(machine());
        QCOMPARE(model.rowCount(), 5);
        using Use = ui::BlockDeviceModel::Use;
        QCOMPARE(model.rowAt(model.rowOf(QStringLiteral("sdb"))).use, Use::Free);
        // core/platform's rule: the system disk may be served read-only (with a warning), never read-write.
        QCOMPARE(model.rowAt(model.rowOf(QStringLiteral("sda"))).use, Use::ReadOnlyOnly);
        QVERIFY(model.rowAt(model.rowOf(QStringLiteral("sda1"))).verdict.contains(QStringLiteral("holds /")));
        QCOMPARE(model.rowAt(model.rowOf(QStringLiteral("sdd2"))).use, Use::Refused);
        QCOMPARE(
            model.rowAt(model.rowOf(QStringLiteral("sdd2"))).verdict, QStringLiteral("swap space: cannot be exported"));
        const auto &home = model.rowAt(model.rowOf(QStringLiteral("sdc1")));
        QCOMPARE(home.use, Use::ReadOnlyOnly);
        QCOMPARE(home.verdict, QStringLiteral("mounted at /home: can be exported read-only"));
    }

    void imageCreatorMakesSparseAndFullFiles()
    {
        QTemporaryDir dir;
        ui::ImageCreator creator;
        QSignalSpy done(&creator, &ui::ImageCreator::finished);
        QSignalSpy progress(&creator, &ui::ImageCreator::progress);
        const QString full = dir.filePath(QStringLiteral("full.img"));
        QVERIFY(creator.start(full, 12 << 20, false));
        QTRY_COMPARE(done.count(), 1);
        QCOMPARE(done.at(0).at(1).toString(), QString());
        QCOMPARE(QFileInfo(full).size(), 12 << 20);
        QVERIFY(progress.count() >= 2);
        QCOMPARE(progress.last().at(0).toInt(), 100);
        // Never over an existing file.
        QVERIFY(creator.start(full, 1 << 20, true));
        QTRY_COMPARE(done.count(), 2);
        QVERIFY(done.at(1).at(1).toString().contains(QStringLiteral("already exists")));
        QCOMPARE(QFileInfo(full).size(), 12 << 20);
    }

    void newImageOnAFreeAddress()
    {
        QTemporaryDir dir;
        ui::TargetModel targets;
        targets.upsert({test::target(0, 0), test::target(0, 1)}); // someone else's e0.0 and e0.1
        ui::WizardContext context {[] { return Result<std::vector<platform::BlockDevice>, QString>(machine()); },
            [] { return Result<std::vector<net::InterfaceInfo>, std::string>(interfaces()); }, &targets,
            {test::exportRecord(QStringLiteral("media"), 4, 0, QStringLiteral("lan1"))}, dir.path(), {}};
        ui::ExportWizard wizard(context);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        // Page 1: a new 16 MiB sparse image.
        auto *source = wizard.sourcePage();
        QVERIFY(source->findChild<QRadioButton *>(QStringLiteral("sourceNewImage"))->isChecked());
        auto *path = source->findChild<QLineEdit *>(QStringLiteral("newImagePath"));
        QCOMPARE(path->text(), dir.filePath(QStringLiteral("aoesan-disk.img")));
        path->clear();
        QTest::keyClicks(path, dir.filePath(QStringLiteral("lab.img")));
        auto *size = source->findChild<QDoubleSpinBox *>(QStringLiteral("newImageSize"));
        size->selectAll();
        QTest::keyClicks(size, QStringLiteral("16"));
        auto *unit = source->findChild<QComboBox *>(QStringLiteral("newImageUnit"));
        unit->setCurrentIndex(0); // MiB
        // Nothing is created yet and Next is already there: it creates the image, then goes on.
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("lab.img"))));
        QVERIFY(source->findChild<QLabel *>(QStringLiteral("sourceVerdict"))
                    ->text()
                    .contains(QStringLiteral("when you press Next")));
        next(wizard);
        QTRY_COMPARE(wizard.currentId(), int(ui::ExportWizard::Address));
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("lab.img"))).size(), 16 << 20);

        // Page 2: the next free slot of the shelf this machine exports from; the up interface first.
        auto *address = wizard.addressPage();
        auto *shelf = address->findChild<QSpinBox *>(QStringLiteral("shelf"));
        auto *slot = address->findChild<QSpinBox *>(QStringLiteral("slot"));
        auto *clash = address->findChild<QLabel *>(QStringLiteral("addressClash"));
        QCOMPARE(shelf->value(), 4);
        QCOMPARE(slot->value(), 1);
        QCOMPARE(address->currentInterface(), QStringLiteral("lan1"));
        QVERIFY(address->findChild<QListWidget *>(QStringLiteral("interfaces"))
                    ->item(0)
                    ->text()
                    .contains(QStringLiteral("17 sectors per frame")));
        QVERIFY(clash->isHidden());
        // Typing a discovered address: flagged in red, Next refused.
        shelf->selectAll();
        QTest::keyClicks(shelf, QStringLiteral("0"));
        slot->selectAll();
        QTest::keyClicks(slot, QStringLiteral("1"));
        QVERIFY(clash->isVisible());
        QVERIFY(clash->text().contains(QStringLiteral("e0.1 is already answered by")));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        // Our own export's address on the same interface is a clash too.
        shelf->selectAll();
        QTest::keyClicks(shelf, QStringLiteral("4"));
        slot->selectAll();
        QTest::keyClicks(slot, QStringLiteral("0"));
        QVERIFY(clash->text().contains(QStringLiteral("media")));
        slot->selectAll();
        QTest::keyClicks(slot, QStringLiteral("7"));
        QVERIFY(clash->isHidden());
        next(wizard);

        // Page 3: options; a bad MAC keeps the page (and adds nothing) until it is fixed.
        clickBox(wizard.optionsPage()->findChild<QRadioButton *>(QStringLiteral("allowOnly")));
        auto *macs = wizard.optionsPage()->findChild<QLineEdit *>(QStringLiteral("allowEntry"));
        QTest::keyClicks(macs, QStringLiteral("02:00:00:00:00:99, nonsense"));
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(ui::ExportWizard::Options));
        QVERIFY(wizard.optionsPage()->findChild<QListWidget *>(QStringLiteral("allowList"))->count() == 0);
        for (int i = 0; i < 10; ++i) // ", nonsense"
            QTest::keyClick(macs, Qt::Key_Backspace);
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        auto *ro = wizard.optionsPage()->findChild<QCheckBox *>(QStringLiteral("readOnly"));
        clickBox(ro);
        QVERIFY(ro->isChecked());
        QTest::keyClicks(
            wizard.optionsPage()->findChild<QLineEdit *>(QStringLiteral("configString")), QStringLiteral("rack-b/3"));
        // What mask and reserve edits from other machines do: vblade's "until it stops" unless chosen otherwise.
        auto *wireEdits = wizard.optionsPage()->findChild<QComboBox *>(QStringLiteral("wireEdits"));
        QVERIFY(wireEdits && wireEdits->isVisible());
        QCOMPARE(wireEdits->count(), 3);
        QCOMPARE(wireEdits->currentData().toInt(), int(engine::WireEdits::Forget));
        wireEdits->setFocus();
        QTest::keyClick(wireEdits, Qt::Key_End); // the last choice: refused
        QCOMPARE(wireEdits->currentData().toInt(), int(engine::WireEdits::Refuse));
        next(wizard);
        QVERIFY2(wizard.reviewPage()
                     ->findChild<QLabel *>(QStringLiteral("reviewSummary"))
                     ->text()
                     .contains(QStringLiteral("changes from the network refused")),
            "the review does not say that edits from the network are refused");

        // Page 4: the review, with the vblade-style line, and Export.
        auto *name = wizard.reviewPage()->findChild<QLineEdit *>(QStringLiteral("exportName"));
        QCOMPARE(name->text(), QStringLiteral("lab"));
        const QString command
            = wizard.reviewPage()->findChild<QPlainTextEdit *>(QStringLiteral("commandLine"))->toPlainText();
        QCOMPARE(command,
            QStringLiteral("aoesan-ctl serve -r -m 02:00:00:00:00:99 --wire-edits refuse 4 7 lan1 %1")
                .arg(dir.filePath(QStringLiteral("lab.img"))));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("media")); // taken
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("lab-disk"));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        QCOMPARE(wizard.button(QWizard::FinishButton)->text(), QStringLiteral("&Export"));
        QSignalSpy accepted(&wizard, &QDialog::accepted);
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);

        const auto &r = wizard.draft().record;
        QCOMPARE(r.name, QStringLiteral("lab-disk"));
        QCOMPARE(r.path, dir.filePath(QStringLiteral("lab.img")));
        QCOMPARE(r.shelf, 4);
        QCOMPARE(r.slot, 7);
        QCOMPARE(r.interface, QStringLiteral("lan1"));
        QVERIFY(r.readOnly);
        QCOMPARE(r.macs.size(), 1U);
        QCOMPARE(r.configString, QStringLiteral("rack-b/3"));
        QCOMPARE(r.wireEdits, engine::WireEdits::Refuse);
        QVERIFY(wizard.draft().startNow);
    }

    // "Only these machines": MACs and /etc/ethers names (a file of the test's own, AOESAN_ETHERS), each shown with
    // its name; an unknown name is refused and named with the file; the note about spoofing is in sight; the
    // record gets the MACs, and "Every machine" again gives the empty list (everyone).
    void onlyTheseMachines()
    {
        QTemporaryDir dir;
        QFile ethers(dir.filePath(QStringLiteral("ethers")));
        QVERIFY(ethers.open(QIODevice::WriteOnly));
        ethers.write("# lab\n8:0:20:1:2:3 alice\n2:0:0:0:0:9 bob\nbroken\n");
        ethers.close();
        qputenv("AOESAN_ETHERS", ethers.fileName().toUtf8());
        ui::WizardContext context {{},
            [] { return Result<std::vector<net::InterfaceInfo>, std::string>(interfaces()); }, nullptr, {}, dir.path(),
            {}};
        ui::ExportWizard wizard(context);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        next(wizard); // a new sparse image
        QTRY_COMPARE(wizard.currentId(), int(ui::ExportWizard::Address));
        next(wizard);
        QCOMPARE(wizard.currentId(), int(ui::ExportWizard::Options));

        auto *page = wizard.optionsPage();
        auto *everyone = page->findChild<QRadioButton *>(QStringLiteral("allowEveryone"));
        auto *only = page->findChild<QRadioButton *>(QStringLiteral("allowOnly"));
        auto *panel = page->findChild<QWidget *>(QStringLiteral("allowPanel"));
        auto *list = page->findChild<QListWidget *>(QStringLiteral("allowList"));
        auto *entry = page->findChild<QLineEdit *>(QStringLiteral("allowEntry"));
        auto *problem = page->findChild<QLabel *>(QStringLiteral("allowProblem"));
        auto *note = page->findChild<QLabel *>(QStringLiteral("allowNote"));
        QVERIFY(everyone->isChecked());
        QVERIFY(!panel->isVisible());
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("VLAN")));
        QVERIFY(entry->placeholderText().contains(ethers.fileName()));

        clickBox(only);
        QVERIFY(only->isChecked());
        QVERIFY(panel->isVisible());
        QVERIFY(note->isVisible());
        // The note sits beside the list, wholly inside the page.
        QVERIFY(note->geometry().left() >= panel->geometry().right());
        QVERIFY(page->rect().contains(QRect(note->mapTo(page, QPoint(0, 0)), note->size())));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // nobody on the list yet

        QTest::keyClicks(entry, QStringLiteral("ALICE, 02:00:00:00:00:77"));
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("allowAdd")), Qt::LeftButton);
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->text(), QStringLiteral("08:00:20:01:02:03 (alice)"));
        QCOMPARE(list->item(1)->text(), QStringLiteral("02:00:00:00:00:77"));
        QVERIFY(entry->text().isEmpty());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

        // Return adds (and is not taken for Next).
        QTest::keyClicks(entry, QStringLiteral("mallory"));
        QTest::keyClick(entry, Qt::Key_Return);
        QCOMPARE(wizard.currentId(), int(ui::ExportWizard::Options));
        QCOMPARE(list->count(), 2);
        QCOMPARE(problem->text(),
            QStringLiteral("“mallory” is neither a MAC address nor a name in %1.").arg(ethers.fileName()));
        entry->clear();
        QTest::keyClicks(entry, QStringLiteral("ff:ff:ff:ff:ff:ff"));
        QTest::keyClick(entry, Qt::Key_Return);
        QVERIFY2(problem->text().contains(QStringLiteral("broadcast")), qPrintable(problem->text()));
        QCOMPARE(list->count(), 2);

        // Typed and not added: Next adds it.
        entry->clear();
        QTest::keyClicks(entry, QStringLiteral("bob"));
        next(wizard);
        QCOMPARE(wizard.currentId(), int(ui::ExportWizard::Review));
        QCOMPARE(list->count(), 3);
        QCOMPARE(list->item(2)->text(), QStringLiteral("02:00:00:00:00:09 (bob)"));
        const auto *command = wizard.reviewPage()->findChild<QPlainTextEdit *>(QStringLiteral("commandLine"));
        QVERIFY2(command->toPlainText().contains(
                     QStringLiteral(" -m 08:00:20:01:02:03,02:00:00:00:00:77,02:00:00:00:00:09 ")),
            qPrintable(command->toPlainText()));

        // Back, "Every machine": no list in the record; the list is kept should the person change their mind.
        wizard.back();
        QCOMPARE(wizard.currentId(), int(ui::ExportWizard::Options));
        clickBox(everyone);
        QVERIFY(!panel->isVisible());
        next(wizard);
        QVERIFY(wizard.draft().record.macs.empty());
        QVERIFY(!command->toPlainText().contains(QStringLiteral(" -m ")));
        wizard.back();
        clickBox(only);
        QCOMPARE(list->count(), 3);
        next(wizard);

        QSignalSpy accepted(&wizard, &QDialog::accepted);
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        const auto &macs = wizard.draft().record.macs;
        QCOMPARE(macs.size(), 3U);
        QCOMPARE(macs.at(0).toString(), std::string("08:00:20:01:02:03"));
        QCOMPARE(macs.at(1).toString(), std::string("02:00:00:00:00:77"));
        QCOMPARE(macs.at(2).toString(), std::string("02:00:00:00:00:09"));
        qunsetenv("AOESAN_ETHERS");
    }

    // An /etc/ethers that cannot be read (a FIFO here) is said under the list; MACs still work, names do not.
    void unreadableHostNames()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("ethers"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        qputenv("AOESAN_ETHERS", fifo.toUtf8());
        ui::WizardContext context {{},
            [] { return Result<std::vector<net::InterfaceInfo>, std::string>(interfaces()); }, nullptr, {}, dir.path(),
            {}};
        ui::ExportWizard wizard(context);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        next(wizard);
        QTRY_COMPARE(wizard.currentId(), int(ui::ExportWizard::Address));
        next(wizard);
        auto *page = wizard.optionsPage();
        clickBox(page->findChild<QRadioButton *>(QStringLiteral("allowOnly")));
        auto *problem = page->findChild<QLabel *>(QStringLiteral("allowProblem"));
        QVERIFY2(problem->text().contains(QStringLiteral("a FIFO")) && problem->text().contains(fifo),
            qPrintable(problem->text()));
        auto *entry = page->findChild<QLineEdit *>(QStringLiteral("allowEntry"));
        QTest::keyClicks(entry, QStringLiteral("02:00:00:00:00:01"));
        QTest::keyClick(entry, Qt::Key_Return);
        QCOMPARE(wizard.currentId(), int(ui::ExportWizard::Options));
        QCOMPARE(page->findChild<QListWidget *>(QStringLiteral("allowList"))->count(), 1);
        QTest::keyClicks(entry, QStringLiteral("alice"));
        QTest::keyClick(entry, Qt::Key_Return);
        QCOMPARE(page->findChild<QListWidget *>(QStringLiteral("allowList"))->count(), 1);
        next(wizard);
        QCOMPARE(wizard.currentId(), int(ui::ExportWizard::Options)); // "alice" is still typed and unknown
        qunsetenv("AOESAN_ETHERS");
    }

    // A fully allocated image made by Next shows its progress; Back and Next again keep that file.
    // Network boot: iPXE needs a cylinder of 255 x 63 sectors (8,225,280 bytes), Windows initiators whole ones.
    void bootSizesAreNamedAndOffered()
    {
        QTemporaryDir dir;
        ui::TargetModel targets;
        ui::WizardContext context {[] { return Result<std::vector<platform::BlockDevice>, QString>(machine()); },
            [] { return Result<std::vector<net::InterfaceInfo>, std::string>(interfaces()); }, &targets, {}, dir.path(),
            {}};
        ui::ExportWizard wizard(context);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto *source = wizard.sourcePage();
        auto *size = source->findChild<QDoubleSpinBox *>(QStringLiteral("newImageSize"));
        auto *verdict = source->findChild<QLabel *>(QStringLiteral("sourceVerdict"));
        auto *cylinders = source->findChild<QCheckBox *>(QStringLiteral("wholeCylinders"));
        QVERIFY(cylinders && !cylinders->isChecked());
        source->findChild<QComboBox *>(QStringLiteral("newImageUnit"))->setCurrentIndex(0); // MiB
        size->setValue(4);
        QVERIFY2(verdict->text().contains(QStringLiteral("Too small to boot with iPXE")), qPrintable(verdict->text()));
        QVERIFY(source->isComplete()); // a note, not a refusal
        size->setValue(16);
        QVERIFY2(verdict->text().contains(QStringLiteral("Not whole cylinders")), qPrintable(verdict->text()));
        QVERIFY2(verdict->text().contains(QStringLiteral("(15.69 MiB or 23.53 MiB)")), qPrintable(verdict->text()));
        cylinders->setChecked(true);
        QVERIFY2(verdict->text().contains(QStringLiteral("A 23.53 MiB image")), qPrintable(verdict->text()));
        QVERIFY(!verdict->text().contains(QStringLiteral("cylinders")));
        next(wizard);
        QTRY_COMPARE(wizard.currentId(), int(ui::ExportWizard::Address));
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("aoesan-disk.img"))).size(), 3 * 8225280);
    }

    void nextCreatesAFullImageWithProgress()
    {
        QTemporaryDir dir;
        ui::WizardContext context {{},
            [] { return Result<std::vector<net::InterfaceInfo>, std::string>(interfaces()); }, nullptr, {}, dir.path(),
            {}};
        ui::ExportWizard wizard(context);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto *source = wizard.sourcePage();
        auto *size = source->findChild<QDoubleSpinBox *>(QStringLiteral("newImageSize"));
        size->selectAll();
        QTest::keyClicks(size, QStringLiteral("64"));
        source->findChild<QComboBox *>(QStringLiteral("newImageUnit"))->setCurrentIndex(0); // MiB
        auto *sparse = source->findChild<QCheckBox *>(QStringLiteral("sparse"));
        clickBox(sparse);
        QVERIFY(!sparse->isChecked()); // zeros are written: it takes a moment
        auto *progress = source->findChild<QProgressBar *>(QStringLiteral("createProgress"));
        next(wizard);
        QVERIFY(progress->isVisible());
        QTRY_COMPARE(wizard.currentId(), int(ui::ExportWizard::Address));
        QCOMPARE(progress->value(), 100);
        const QString made = dir.filePath(QStringLiteral("aoesan-disk.img"));
        QCOMPARE(QFileInfo(made).size(), 64 << 20);
        QCOMPARE(wizard.draft().path, made);
        wizard.back();
        next(wizard);
        QCOMPARE(wizard.currentId(), int(ui::ExportWizard::Address)); // at once: nothing to create again
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("aoesan-disk.img")});
    }

    void mountedPartitionIsReadOnlyAndSystemDiskRefused()
    {
        ui::WizardContext context {[] { return Result<std::vector<platform::BlockDevice>, QString>(machine()); },
            [] { return Result<std::vector<net::InterfaceInfo>, std::string>(interfaces()); }, nullptr, {},
            QDir::tempPath(), {}};
        ui::ExportWizard wizard(context);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto *source = wizard.sourcePage();
        clickBox(source->findChild<QRadioButton *>(QStringLiteral("sourceDevice")));
        QTRY_COMPARE(source->devices()->rowCount(), 5); // scanned on a worker thread
        auto *table = source->findChild<QTableView *>(QStringLiteral("devicesTable"));
        const auto select = [&](const QString &name) {
            // The device table is not sorted: its rows are the model's.
            table->setFocus();
            table->setCurrentIndex(table->model()->index(source->devices()->rowOf(name), 0));
        };
        select(QStringLiteral("sdd2"));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(source->findChild<QLabel *>(QStringLiteral("sourceVerdict"))
                    ->text()
                    .contains(QStringLiteral("cannot be exported")));
        select(QStringLiteral("sdc1"));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        next(wizard);
        QCOMPARE(wizard.draft().path, QStringLiteral("/dev/sdc1"));
        QVERIFY(wizard.draft().readOnlyRequired);
        next(wizard);
        auto *readOnly = wizard.optionsPage()->findChild<QCheckBox *>(QStringLiteral("readOnly"));
        QVERIFY(readOnly->isChecked());
        QVERIFY(!readOnly->isEnabled());
    }
};

QTEST_MAIN(TestExportWizard)
#include "tst_export_wizard.moc"
