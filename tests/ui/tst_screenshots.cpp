// SPDX-License-Identifier: GPL-3.0-or-later
// Every language, every screen: the main window at its default size (Targets, Shelves, Exports, the
// status line) and every page of the New export wizard, in English, German and Spanish, with a lab-like
// SAN (14 targets on three shelves, one down, one conflict, one exported here; three exports), the settings
// dialog (with the service's settings for disks of this machine and with an older service) and the boxes
// shown instead of a disk (this machine's own export, Open without udisks2). No visible
// header, state text, status-bar segment, navigation entry, shelf label, settings or wizard label may be cut off: each
// text is measured with the widget's own font (QFontMetrics::horizontalAdvance) against the width it is given. The
// table must fit the window without scrolling sideways. Runs offscreen with the system's fonts (fontconfig: DejaVu on
// Debian), so the measures are those of real glyphs; screenshots of each screen go to
// $AOESAN_SCREENSHOT_DIR/<language>/ (default: screenshots-i18n/ in the working directory).
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusObjectPath>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QToolBar>
#include <QTranslator>
#include <QTreeWidget>

#include <fcntl.h>

#include "BootLink.h"
#include "FakeProbe.h"
#include "Fixtures.h"
#include "WindowRig.h"
#include "capture/CaptureDialog.h"
#include "discovery/DiscoveryController.h"
#include "exports/BootDialog.h"
#include "exports/ExportController.h"
#include "exports/ExportsView.h"
#include "log/LogBuffer.h"
#include "log/LogDock.h"
#include "log/LogModel.h"
#include "models/BlockDeviceModel.h"
#include "models/ExportModel.h"
#include "models/TargetFilterModel.h"
#include "models/TargetModel.h"
#include "settings/KernelSettingsGroup.h"
#include "settings/SettingsDialog.h"
#include "shell/MainWindow.h"
#include "shell/ShelvesPage.h"
#include "shell/Translations.h"
#include "supervisor/ExportStore.h"
#include "supervisor/ExportSupervisor.h"
#include "targets/ShelfLayout.h"
#include "targets/ShelfView.h"
#include "targets/TargetActions.h"
#include "targets/TargetsView.h"
#include "wizard/ExportWizard.h"

using namespace aoesan;

namespace {

void useLanguage(const QString &language)
{
    for (auto *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    ui::installTranslations(*qApp, language);
}

QString plain(QString text)
{
    // "&Filter:" shows "Filter:"; "&&" shows "&".
    static const QRegularExpression mnemonic(QStringLiteral("&(?!&)"));
    return text.remove(mnemonic).replace(QStringLiteral("&&"), QStringLiteral("&"));
}

// The widest line of a label's text in its own font (rich text reduced to what it shows).
int textWidth(const QLabel *label)
{
    QString text = label->text();
    if (label->textFormat() == Qt::RichText || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text))) {
        QTextDocument doc;
        doc.setHtml(text);
        text = doc.toPlainText();
    }
    int widest = 0;
    for (const QString &line : plain(text).split(QLatin1Char('\n')))
        widest = std::max(widest, label->fontMetrics().horizontalAdvance(line));
    return widest;
}

// Everything on screen inside `root` that shows a text and has too little room for it.
QStringList cutOff(QWidget *root)
{
    QStringList found;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(root) || w->width() <= 0)
            continue;
        if (auto *label = qobject_cast<QLabel *>(w)) {
            if (label->text().isEmpty() || label->pixmap().cacheKey() != 0)
                continue;
            const QRect room
                = label->contentsRect().adjusted(label->margin(), label->margin(), -label->margin(), -label->margin());
            const bool fits = label->wordWrap() ? label->heightForWidth(room.width()) <= room.height() + 1
                                                : textWidth(label) <= room.width();
            if (!fits)
                found << QStringLiteral("label \"%1\" (%2 px for %3 px)")
                             .arg(label->text())
                             .arg(room.width())
                             .arg(textWidth(label));
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            if (button->text().isEmpty())
                continue;
            // sizeHint is the button's text measured in its font plus the style's indicator and padding.
            if (button->sizeHint().width() > button->width())
                found << QStringLiteral("button \"%1\" (%2 px for %3 px)")
                             .arg(plain(button->text()))
                             .arg(button->width())
                             .arg(button->sizeHint().width());
        }
    }
    return found;
}

// Header sections that are shown but too narrow for their text (with the sort arrow's room), or that
// lie outside the table's viewport (the table does not fit its window).
QStringList cutOffHeader(QTableView *table, bool mustFit)
{
    QStringList found;
    QHeaderView *header = table->horizontalHeader();
    const QFontMetrics fm = header->fontMetrics();
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    const int arrow = header->isSortIndicatorShown()
        ? header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header) + margin
        : 0;
    for (int logical = 0; logical < header->count(); ++logical) {
        if (header->isSectionHidden(logical))
            continue;
        const QString text = table->model()->headerData(logical, Qt::Horizontal).toString();
        const int needed = fm.horizontalAdvance(text) + 2 * margin + arrow;
        if (needed > header->sectionSize(logical))
            found << QStringLiteral("header \"%1\" (%2 px for %3 px)")
                         .arg(text)
                         .arg(header->sectionSize(logical))
                         .arg(needed);
        if (mustFit
            && header->sectionViewportPosition(logical) + header->sectionSize(logical) > header->viewport()->width())
            found << QStringLiteral("header \"%1\" is outside the window").arg(text);
    }
    return found;
}

// Cells of a column whose text (and icon) does not fit, in the font the row is drawn with.
QStringList cutOffCells(QTableView *table, int column)
{
    QStringList found;
    const int margin = 2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1);
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, column);
        const QString text = index.data().toString();
        const QVariant font = index.data(Qt::FontRole);
        const QFontMetrics fm(font.isValid() ? font.value<QFont>() : table->font());
        const int iconWidth = table->iconSize().isValid()
            ? table->iconSize().width()
            : table->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, table);
        const int icon = index.data(Qt::DecorationRole).isValid() ? iconWidth + margin : 0;
        const int needed = fm.horizontalAdvance(text) + icon + margin;
        // The stretched last column may be wider than its set width, never narrower.
        if (needed > table->horizontalHeader()->sectionSize(column))
            found << QStringLiteral("cell \"%1\" (%2 px for %3 px)")
                         .arg(text)
                         .arg(table->columnWidth(column))
                         .arg(needed);
    }
    return found;
}

// Status-bar segments: each text fits its label, and no two labels overlap.
QStringList cutOffStatus(QStatusBar *bar)
{
    QStringList found;
    QList<QLabel *> labels;
    for (QLabel *label : bar->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(bar) || label->text().isEmpty())
            continue;
        labels << label;
        if (textWidth(label) > label->contentsRect().width())
            found << QStringLiteral("status \"%1\" (%2 px for %3 px)")
                         .arg(label->text())
                         .arg(label->contentsRect().width())
                         .arg(textWidth(label));
        if (label->geometry().right() > bar->width())
            found << QStringLiteral("status \"%1\" runs off the window").arg(label->text());
    }
    for (int i = 0; i < labels.size(); ++i) {
        for (int j = i + 1; j < labels.size(); ++j) {
            if (labels[i]->geometry().intersects(labels[j]->geometry()))
                found << QStringLiteral("status \"%1\" overlaps \"%2\"").arg(labels[i]->text(), labels[j]->text());
        }
    }
    return found;
}

// The Shelves view paints its own texts: each band's "Shelf 7" and each tile's name and size must fit.
QStringList cutOffShelves(ui::ShelfView *view)
{
    QStringList found;
    QFont bold = view->font();
    bold.setBold(true);
    const QFontMetrics plainMetrics(view->font());
    const QFontMetrics boldMetrics(bold);
    for (const auto &band : view->layoutForTests().bands()) {
        const QString label = ui::ShelfView::tr("Shelf %1").arg(band.shelf);
        if (boldMetrics.horizontalAdvance(label) > band.labelRect.width())
            found << QStringLiteral("shelf label \"%1\" (%2 px for %3 px)")
                         .arg(label)
                         .arg(band.labelRect.width())
                         .arg(boldMetrics.horizontalAdvance(label));
        for (const auto &tile : band.tiles) {
            const int room = tile.rect.width() - 8; // the painter's inner margins
            const QString name = QString::fromStdString(tile.id.deviceName());
            if (boldMetrics.horizontalAdvance(name) > room || plainMetrics.horizontalAdvance(tile.size) > room)
                found << QStringLiteral("tile %1 \"%2\" (%3 px)").arg(name, tile.size).arg(room);
        }
    }
    return found;
}

QStringList cutOffNavigation(QListWidget *nav)
{
    QStringList found;
    for (int row = 0; row < nav->count(); ++row) {
        const QRect rect = nav->visualItemRect(nav->item(row));
        const int needed = nav->fontMetrics().horizontalAdvance(nav->item(row)->text()) + 8;
        if (needed > std::min(rect.width(), nav->viewport()->width()))
            found << QStringLiteral("navigation \"%1\" (%2 px for %3 px)")
                         .arg(nav->item(row)->text())
                         .arg(rect.width())
                         .arg(needed);
    }
    return found;
}

QStringList cutOffToolBars(QWidget *window)
{
    QStringList found;
    for (QToolBar *bar : window->findChildren<QToolBar *>()) {
        if (!bar->isVisibleTo(window))
            continue;
        // An overflowing tool bar hides its last buttons behind an extension arrow.
        for (QWidget *w : bar->findChildren<QWidget *>(QStringLiteral("qt_toolbar_ext_button"))) {
            if (w->isVisibleTo(bar))
                found << QStringLiteral("tool bar \"%1\" overflows").arg(bar->windowTitle());
        }
    }
    return found;
}

std::vector<platform::BlockDevice> machine()
{
    platform::BlockDevice sda;
    sda.name = QStringLiteral("sda");
    sda.path = QStringLiteral("/dev/sda");
    sda.kind = platform::BlockDeviceKind::Disk;
    sda.sizeBytes = 256ULL << 30;
    sda.model = QStringLiteral("Samsung SSD 860");
    platform::BlockDevice root = sda;
    root.name = QStringLiteral("sda1");
    root.path = QStringLiteral("/dev/sda1");
    root.kind = platform::BlockDeviceKind::Partition;
    root.parent = QStringLiteral("sda");
    root.fsType = QStringLiteral("ext4");
    root.mountPoints = {QStringLiteral("/")};
    platform::BlockDevice home = root;
    home.name = QStringLiteral("sdb1");
    home.path = QStringLiteral("/dev/sdb1");
    home.parent = QStringLiteral("sdb");
    home.fsType = QStringLiteral("xfs");
    home.label = QStringLiteral("home");
    home.mountPoints = {QStringLiteral("/home")};
    platform::BlockDevice spare = sda;
    spare.name = QStringLiteral("vdc");
    spare.path = QStringLiteral("/dev/vdc");
    spare.model = QStringLiteral("Virtio 1.0 block device");
    spare.sizeBytes = 1ULL << 40;
    return {sda, root, home, spare};
}

std::vector<net::InterfaceInfo> wizardInterfaces()
{
    net::InterfaceInfo san;
    san.name = "lab-san";
    san.mtu = 9000;
    san.up = true;
    san.carrier = true;
    net::InterfaceInfo mon = san;
    mon.name = "lab-mon";
    mon.mtu = 1500;
    return {san, mon};
}

struct Rig : test::WindowRig
{
    Rig()
        : WindowRig({QStringLiteral("lab-san"), QStringLiteral("lab-mon")})
    { }

    // A lab-like SAN: shelves 1, 2 and 7, sizes from 64 MiB to 10 TiB, e1.3 down, e1.6 in conflict,
    // e2.2 exported from here; three exports in different states.
    void fill()
    {
        auto *p = probe();
        p->sayStarted({QStringLiteral("lab-san"), QStringLiteral("lab-mon")});
        const std::uint64_t sizes[] = {131072, 4194304, 21474836480ULL, 2097152, 8, 1953525168};
        int n = 0;
        for (std::uint8_t slot = 0; slot < 7; ++slot, ++n)
            p->sayTarget("added", test::target(1, slot, sizes[n % 6]));
        for (std::uint8_t slot = 0; slot < 4; ++slot, ++n)
            p->sayTarget("added", test::target(2, slot, sizes[n % 6]));
        for (std::uint8_t slot = 0; slot < 3; ++slot, ++n)
            p->sayTarget("added", test::target(7, slot, sizes[n % 6]));
        p->sayTarget("state", test::target(1, 3, 131072, discovery::TargetState::Down));
        auto conflicted = test::target(1, 6);
        conflicted.conflict = true;
        // As the program says it: long enough to wrap in every language.
        conflicted.conflictDetail = "e1.6 is answered by 02:00:00:00:01:06 (131072 sectors, serial '1.6:24441a05') "
                                    "and by 02:00:00:00:01:07 (262144 sectors, serial '1.6:e71f40a9')";
        conflicted.backends.push_back({*protocol::MacAddress::fromString("02:00:00:00:01:07"), true, 262144, "x"});
        p->sayTarget("changed", conflicted);
        // This machine's exports as the export controller publishes them: every state a row can show.
        using supervisor::ExportState;
        const auto here = [](std::uint8_t slot, const char *name, ExportState state) {
            return ui::LocalExport {{2, slot}, QString::fromLatin1(name), QStringLiteral("lab-san"), state,
                state == ExportState::Stopped ? 0U : 2097152U, QStringLiteral("02:00:00:00:02:00")};
        };
        targets.setLocalExports(
            {here(0, "lab-media", ExportState::Running), here(2, "lab-scratch", ExportState::Restarting),
                here(3, "lab-old", ExportState::Stopped), here(9, "lab-broken", ExportState::Failed)});
        exportModel.setRecords({test::exportRecord(QStringLiteral("lab-media"), 2, 0, QStringLiteral("lab-san")),
            test::exportRecord(QStringLiteral("lab-scratch"), 2, 2, QStringLiteral("lab-san")),
            test::exportRecord(QStringLiteral("lab-old"), 2, 3, QStringLiteral("lab-san")),
            test::exportRecord(QStringLiteral("lab-broken"), 2, 9, QStringLiteral("lab-san"))});
        // lab-media has served a minute: a read burst that eases off, writes that start half way through.
        clock = QDateTime::fromSecsSinceEpoch(1'700'000'000);
        auto media = test::exportStatus(QStringLiteral("lab-media"), supervisor::ExportState::Running);
        for (int second = 0; second <= ui::ExportActivity::kHistoryLength; ++second) {
            clock = clock.addSecs(1);
            media.counters.framesIn += 1000;
            media.counters.framesOut += 1000;
            media.counters.bytesRead += std::uint64_t(std::max(12, 110 - 2 * second) + (second % 5) * 4) << 20;
            media.counters.bytesWritten += std::uint64_t(second > 30 ? 20 + (second % 7) * 6 : 0) << 20;
            media.counters.clients = 2;
            exportModel.setStatus(media);
        }
        service::BootView boot; // lab-media has a network boot server: its mark in the Device column
        boot.state = service::BootView::State::Running;
        boot.interface = QStringLiteral("lab-san");
        exportModel.setBoot(QStringLiteral("lab-media"), boot);
        exportModel.setStatus(test::exportStatus(QStringLiteral("lab-scratch"), supervisor::ExportState::Restarting));
        auto failed = test::exportStatus(QStringLiteral("lab-broken"), supervisor::ExportState::Failed);
        failed.lastError = supervisor::ExportProblem {
            QStringLiteral("no-such-interface"), QStringLiteral("no interface named lab-gone"), {}};
        exportModel.setStatus(failed);
    }
};

QString shotDirectory(const QString &language)
{
    const QByteArray base = qgetenv("AOESAN_SCREENSHOT_DIR");
    const QString dir
        = (base.isEmpty() ? QDir::currentPath() + QStringLiteral("/screenshots-i18n") : QString::fromLocal8Bit(base))
        + QLatin1Char('/') + language;
    QDir().mkpath(dir);
    return dir;
}

void shoot(QWidget *widget, const QString &language, const QString &name)
{
    QCoreApplication::processEvents();
    QVERIFY(widget->grab().save(shotDirectory(language) + QLatin1Char('/') + name));
}

#define VERIFY_NOTHING_CUT(list)                                                                                       \
    do {                                                                                                               \
        const QStringList cut = (list);                                                                                \
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral("; "))));                                           \
    } while (false)

} // namespace

// The service's side of Capture traffic… as the dialog sees it: one capture that has seen 1234 frames.
class CaptureLink : public test::BootLink
{
public:
    QVariantMap options;
    bool fdWasOpen = false;
    int stopped = 0;
    void startCapture(int fd, const QVariantMap &o, Done done) override
    {
        options = o;
        fdWasOpen = fd >= 0 && ::fcntl(fd, F_GETFD) != -1;
        done(QVariantList {QVariant::fromValue(QDBusObjectPath(QStringLiteral("/io/github/aoesan1/captures/1")))});
    }
    void captureProperties(const QString &, Done done) override
    {
        done(QVariantList {QVariant::fromValue(QVariantMap {{QStringLiteral("Frames"), QVariant::fromValue(1234ULL)},
            {QStringLiteral("Dropped"), QVariant::fromValue(0ULL)},
            {QStringLiteral("State"), QStringLiteral("running")}})});
    }
    void stopCapture(const QString &, Done done) override
    {
        ++stopped;
        done(QVariantList {});
    }
};

class TestScreenshots : public QObject
{
    Q_OBJECT

private slots:
    void mainWindow_data()
    {
        QTest::addColumn<QString>("language");
        for (const char *language : {"en", "de", "es"})
            QTest::addRow("%s", language) << QString::fromLatin1(language);
    }

    void mainWindow()
    {
        QFETCH(QString, language);
        useLanguage(language);
        Rig rig;
        rig.window->setLabMode(true);
        rig.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(rig.window.get()));
        rig.fill();
        auto *table = rig.window->targetsView()->table();
        QTRY_COMPARE(table->model()->rowCount(), 15); // 14 heard, and e2.9: an export here that failed
        rig.window->targetsView()->select({1, 6});
        QCoreApplication::processEvents();

        // Pictures first, so that a failing run leaves them to look at.
        shoot(rig.window.get(), language, QStringLiteral("targets.png"));
        // Targets: every shown header and state text whole, the table inside the window.
        VERIFY_NOTHING_CUT(cutOffHeader(table, true));
        QCOMPARE(table->horizontalScrollBar()->maximum(), 0);
        for (int column = 0; column < ui::TargetModel::ColumnCount; ++column) {
            if (!table->isColumnHidden(column))
                VERIFY_NOTHING_CUT(cutOffCells(table, column));
        }
        VERIFY_NOTHING_CUT(cutOffStatus(rig.window->statusBar()));
        VERIFY_NOTHING_CUT(cutOffNavigation(rig.window->findChild<QListWidget *>(QStringLiteral("navigation"))));
        VERIFY_NOTHING_CUT(cutOffToolBars(rig.window.get()));
        VERIFY_NOTHING_CUT(cutOff(rig.window->targetsView()));

        rig.window->showPage(ui::MainWindow::Page::Shelves);
        shoot(rig.window.get(), language, QStringLiteral("shelves.png"));
        VERIFY_NOTHING_CUT(cutOff(rig.window->shelvesPage()));
        VERIFY_NOTHING_CUT(cutOffShelves(rig.window->shelvesPage()->shelves()));

        rig.window->showPage(ui::MainWindow::Page::Exports);
        shoot(rig.window.get(), language, QStringLiteral("exports.png"));
        auto *exportTable = rig.window->exportsView()->findChild<QTableView *>(QStringLiteral("exportTable"));
        VERIFY_NOTHING_CUT(cutOffHeader(exportTable, true));
        QCOMPARE(exportTable->horizontalScrollBar()->maximum(), 0);
        // Every column but the path and the last error, which are as long as they are (tooltips show them).
        for (int column = 0; column < ui::ExportModel::ColumnCount; ++column) {
            if (!exportTable->isColumnHidden(column) && column != ui::ExportModel::Backing
                && column != ui::ExportModel::LastError)
                VERIFY_NOTHING_CUT(cutOffCells(exportTable, column));
        }
        VERIFY_NOTHING_CUT(cutOffToolBars(rig.window.get()));
        VERIFY_NOTHING_CUT(cutOff(rig.window->exportsView()));

        // The log dock, open under the Targets page: its lines for a person, its controls whole.
        rig.window->showPage(ui::MainWindow::Page::Targets);
        rig.window->logDock()->show();
        rig.log.pull();
        shoot(rig.window.get(), language, QStringLiteral("log.png"));
        VERIFY_NOTHING_CUT(cutOff(rig.window->logDock()));
        VERIFY_NOTHING_CUT(cutOffHeader(rig.window->logDock()->table(), true));
        for (int column : {ui::LogModel::Time, ui::LogModel::Level, ui::LogModel::Source})
            VERIFY_NOTHING_CUT(cutOffCells(rig.window->logDock()->table(), column));
    }

    void settingsDialog_data() { mainWindow_data(); }

    void settingsDialog()
    {
        QFETCH(QString, language);
        useLanguage(language);
        // With the service's settings for disks of this machine, and with an older service that has none.
        test::LocalLink link;
        link.kernelSettings
            = QVariantMap {{QStringLiteral("flushDownAfterSeconds"), 60U}, {QStringLiteral("reattach"), true}};
        ui::SettingsDialog dialog(
            ui::AppSettings {}, {QStringLiteral("lab-san"), QStringLiteral("lab-mon")}, nullptr, &link);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_VERIFY(dialog.kernelGroup()->available());
        shoot(&dialog, language, QStringLiteral("settings.png"));
        VERIFY_NOTHING_CUT(cutOff(&dialog));
        test::LocalLink older;
        ui::SettingsDialog olderDialog(ui::AppSettings {}, {QStringLiteral("lab-san")}, nullptr, &older);
        olderDialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&olderDialog));
        QTRY_VERIFY(!olderDialog.kernelGroup()->note()->text().contains(QStringLiteral("…")));
        QCoreApplication::processEvents();
        shoot(&olderDialog, language, QStringLiteral("settings-older-service.png"));
        VERIFY_NOTHING_CUT(cutOff(&olderDialog));
    }

    void kernelBoxes_data() { mainWindow_data(); }

    // The boxes instead of a disk: this machine's own export, and Open without udisks2.
    void kernelBoxes()
    {
        QFETCH(QString, language);
        useLanguage(language);
        test::WindowRig rig;
        rig.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(rig.window.get()));
        rig.exports.add(rig.record(QStringLiteral("lab-boot"), 0, 3), true);
        QTRY_VERIFY(rig.targets.find({0, 3}) && rig.targets.find({0, 3})->exportedHere);
        auto &actions = *rig.window->targetActions();
        actions.useOnThisMachine({0, 3});
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = rig.window->findChild<QMessageBox *>(QStringLiteral("ownExportBox"))) && box->isVisible());
        QTest::qWait(50);
        shoot(box, language, QStringLiteral("own-export.png"));
        VERIFY_NOTHING_CUT(cutOff(box));
        box->close();
        actions.setUDisksBus(
            QDBusConnection::connectToBus(QStringLiteral("unix:path=/nonexistent/bus"), QStringLiteral("no-udisks")));
        actions.openFilesystem(QStringLiteral("/dev/etherd/e0.1p1"));
        QTRY_VERIFY((box = rig.window->findChild<QMessageBox *>(QStringLiteral("openPathBox"))) && box->isVisible());
        QTest::qWait(50);
        shoot(box, language, QStringLiteral("open-without-udisks.png"));
        VERIFY_NOTHING_CUT(cutOff(box));
        box->close();
    }

    void wizard_data() { mainWindow_data(); }

    void wizard()
    {
        QFETCH(QString, language);
        useLanguage(language);
        QTemporaryDir dir;
        ui::TargetModel targets;
        targets.upsert({test::target(0, 0), test::target(0, 1)});
        ui::WizardContext context {[] { return Result<std::vector<platform::BlockDevice>, QString>(machine()); },
            [] { return Result<std::vector<net::InterfaceInfo>, std::string>(wizardInterfaces()); }, &targets, {},
            dir.path(), QStringLiteral("lab-san")};
        ui::ExportWizard wizard(context);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        // The device list with its verdicts, one line each, inside the page.
        auto *devices = wizard.findChild<QTableView *>(QStringLiteral("devicesTable"));
        QTRY_COMPARE(devices->model()->rowCount(), 4); // scanned on a worker thread
        wizard.findChild<QAbstractButton *>(QStringLiteral("sourceDevice"))->click();
        devices->selectRow(2);
        QCoreApplication::processEvents();
        shoot(&wizard, language, QStringLiteral("wizard-source.png"));
        VERIFY_NOTHING_CUT(cutOff(&wizard));
        VERIFY_NOTHING_CUT(cutOffHeader(devices, true));
        // The model may give way to the verdict (its tooltip shows it whole); everything else fits.
        for (int column = 0; column < devices->model()->columnCount(); ++column) {
            if (column != ui::BlockDeviceModel::Model)
                VERIFY_NOTHING_CUT(cutOffCells(devices, column));
        }
        wizard.findChild<QAbstractButton *>(QStringLiteral("sourceNewImage"))->click();
        const QStringList pages {QStringLiteral("wizard-where.png"), QStringLiteral("wizard-options.png"),
            QStringLiteral("wizard-review.png")};
        for (const QString &page : pages) {
            const int before = wizard.currentId();
            QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
            wizard.next();
            QTRY_VERIFY(wizard.currentId() != before); // the first Next creates the image
            if (wizard.currentId() == ui::ExportWizard::Options) {
                // "Only these machines" with its list, entry and the note beside it, at their widest.
                wizard.findChild<QAbstractButton *>(QStringLiteral("allowOnly"))->click();
                auto *entry = wizard.findChild<QLineEdit *>(QStringLiteral("allowEntry"));
                entry->setText(QStringLiteral("02:00:00:00:00:77, 08:00:20:01:02:03"));
                wizard.findChild<QAbstractButton *>(QStringLiteral("allowAdd"))->click();
                QCOMPARE(wizard.findChild<QListWidget *>(QStringLiteral("allowList"))->count(), 2);
                QVERIFY(wizard.findChild<QLabel *>(QStringLiteral("allowNote"))->isVisible());
                QCoreApplication::processEvents();
            }
            shoot(&wizard, language, page);
            VERIFY_NOTHING_CUT(cutOff(&wizard));
        }
    }

    void bootDialog_data() { mainWindow_data(); }

    // Network boot…: off with the form pre-filled, the form's problems shown inline, a boot server running
    // with machines that asked, and one that failed. Made-up interfaces: lab0 with an address, lab1 without.
    void bootDialog()
    {
        QFETCH(QString, language);
        useLanguage(language);
        test::BootLink link;
        const auto interfaces = [] {
            return std::vector<ui::BootInterface> {
                {QStringLiteral("lab0"), 0x0A4D0001U, 24, true}, {QStringLiteral("lab1"), std::nullopt, 24, true}};
        };
        ui::BootDialog dialog(link, QStringLiteral("lab-media"), nullptr, interfaces);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.firstEdit()->text(), QStringLiteral("10.77.0.100"));
        shoot(&dialog, language, QStringLiteral("boot-off.png"));
        VERIFY_NOTHING_CUT(cutOff(&dialog));

        dialog.firstEdit()->setText(QStringLiteral("10.9.0.5"));
        emit dialog.firstEdit()->textEdited(dialog.firstEdit()->text());
        dialog.macsEdit()->setText(QStringLiteral("52:54:00:12:34:56 nope"));
        QVERIFY(!dialog.startButton()->isEnabled());
        QCoreApplication::processEvents();
        shoot(&dialog, language, QStringLiteral("boot-problems.png"));
        VERIFY_NOTHING_CUT(cutOff(&dialog));
        dialog.interfaceBox()->setCurrentIndex(1);
        QCoreApplication::processEvents();
        shoot(&dialog, language, QStringLiteral("boot-no-ipv4.png"));
        VERIFY_NOTHING_CUT(cutOff(&dialog));

        service::BootView running = link.boot();
        running.state = service::BootView::State::Running;
        running.interface = QStringLiteral("lab0");
        running.rangeFirst = QStringLiteral("10.77.0.100");
        running.rangeLast = QStringLiteral("10.77.0.150");
        running.serving = QStringLiteral("DHCP 10.77.0.100-10.77.0.150 on lab0");
        const QDateTime t = QDateTime(QDate(2026, 12, 2), QTime(14, 2, 7));
        running.clients = {{t, QStringLiteral("52:54:00:aa:00:03"), QStringLiteral("10.77.0.117"),
                               QStringLiteral("PXE: iPXE by TFTP (undionly.kpxe)"), {}},
            {t.addSecs(2), {}, QStringLiteral("10.77.0.117"), QStringLiteral("TFTP: sent undionly.kpxe"), {}},
            {t.addSecs(4), QStringLiteral("52:54:00:aa:00:03"), QStringLiteral("10.77.0.117"),
                QStringLiteral("iPXE: root-path aoe:e7.3"), {}}};
        link.setBoot(running);
        ui::BootDialog runningDialog(link, QStringLiteral("lab-media"), nullptr, interfaces);
        runningDialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&runningDialog));
        QCOMPARE(runningDialog.clientList()->topLevelItemCount(), 3);
        QVERIFY(runningDialog.stopButton()->isEnabled());
        shoot(&runningDialog, language, QStringLiteral("boot-running.png"));
        VERIFY_NOTHING_CUT(cutOff(&runningDialog));

        service::BootView failed = running;
        failed.state = service::BootView::State::Failed;
        failed.clients.clear();
        failed.error = QStringLiteral("dnsmasq is missing: install the package dnsmasq-base (apt-get install "
                                      "dnsmasq-base), then start the boot server again");
        link.setBoot(failed);
        QCoreApplication::processEvents();
        shoot(&runningDialog, language, QStringLiteral("boot-failed.png"));
        VERIFY_NOTHING_CUT(cutOff(&runningDialog));
    }

    void captureDialog_data() { mainWindow_data(); }

    // Capture traffic…: the form, then a capture that counts frames (a stand-in for the service), then stopped
    // with the file's path. Made-up interfaces lab0 and lab1.
    void captureDialog()
    {
        QFETCH(QString, language);
        useLanguage(language);
        CaptureLink link;
        QTemporaryDir home;
        ui::CaptureDialog dialog(
            link, QStringLiteral("e7.3"), nullptr, {QStringLiteral("lab0"), QStringLiteral("lab1")});
        dialog.findChild<QLineEdit *>(QStringLiteral("captureFile"))
            ->setText(home.filePath(QStringLiteral("lab0.pcap")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        shoot(&dialog, language, QStringLiteral("capture-off.png"));
        VERIFY_NOTHING_CUT(cutOff(&dialog));
        dialog.findChild<QPushButton *>(QStringLiteral("captureStart"))->click();
        QTRY_VERIFY(!dialog.capturePath().isEmpty());
        QCOMPARE(link.options.value(QStringLiteral("interface")).toString(), QStringLiteral("lab0"));
        QCOMPARE(link.options.value(QStringLiteral("target")).toString(), QStringLiteral("e7.3"));
        QVERIFY(link.fdWasOpen);
        QTRY_VERIFY(dialog.findChild<QLabel *>(QStringLiteral("captureCount"))->text().contains(QLatin1String("1234")));
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("captureStop"))->isEnabled());
        shoot(&dialog, language, QStringLiteral("capture-running.png"));
        VERIFY_NOTHING_CUT(cutOff(&dialog));
        dialog.findChild<QPushButton *>(QStringLiteral("captureStop"))->click();
        QTRY_COMPARE(link.stopped, 1);
        QVERIFY(
            dialog.findChild<QLabel *>(QStringLiteral("captureStatus"))->text().contains(QLatin1String("lab0.pcap")));
        shoot(&dialog, language, QStringLiteral("capture-done.png"));
        VERIFY_NOTHING_CUT(cutOff(&dialog));
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("aoesan"));
    TestScreenshots test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_screenshots.moc"
