// SPDX-License-Identifier: GPL-3.0-or-later
// The person's export list from before the service, offered once for moving into it (ui/exports/OldExportList):
// only the exports the service does not have are offered; "Move them" adds each (starting the autostart ones)
// and renames the old file so that nothing serves it twice; "Keep them" changes nothing. Against a real
// SanService in this process (LocalLink), whose engines never run.
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include "LocalLink.h"
#include "exports/ExportController.h"
#include "exports/OldExportList.h"
#include "models/ExportModel.h"
#include "supervisor/ExportStore.h"

using namespace aoesan;

namespace {

supervisor::ExportRecord record(const QString &name, std::uint8_t slot, const QString &image, bool autostart = false)
{
    supervisor::ExportRecord r;
    r.name = name;
    r.path = image;
    r.shelf = 1;
    r.slot = slot;
    r.interface = QStringLiteral("lan0");
    r.autostart = autostart;
    return r;
}

QMessageBox *offeredBox()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *box = qobject_cast<QMessageBox *>(w);
            box && box->objectName() == QLatin1String("moveOldExports") && box->isVisible())
            return box;
    }
    return nullptr;
}

void click(QMessageBox *box, QMessageBox::ButtonRole role)
{
    for (QAbstractButton *b : box->buttons()) {
        if (box->buttonRole(b) == role) {
            b->click();
            return;
        }
    }
    QFAIL("no such button");
}

} // namespace

class TestOldExportList : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_image;

    QString writeList(const QString &name, const std::vector<supervisor::ExportRecord> &records)
    {
        const QString path = m_dir.filePath(name);
        supervisor::ExportStore store(path);
        for (const auto &r : records)
            (void)store.add(r);
        return store.save() ? path : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_image = m_dir.filePath(QStringLiteral("disk.img"));
        QFile f(m_image);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(1 << 20));
    }

    void movesOnlyWhatTheServiceLacks()
    {
        test::LocalLink link;
        ui::ExportModel model;
        ui::ExportController exports(link, model);
        bool added = false;
        exports.add(record(QStringLiteral("a"), 1, m_image), false, [&](const std::optional<ui::Problem> &p) {
            QVERIFY(!p);
            added = true;
        });
        QTRY_VERIFY(added);
        const QString old = writeList(QStringLiteral("moving.json"),
            {record(QStringLiteral("a"), 1, m_image), record(QStringLiteral("b"), 2, m_image, true),
                record(QStringLiteral("c"), 3, m_image)});
        QVERIFY(!old.isEmpty());
        const auto pending = ui::OldExportList::pending(old, exports);
        QCOMPARE(pending.size(), 2u);
        QCOMPARE(pending[0].name, QStringLiteral("b"));
        QCOMPARE(pending[1].name, QStringLiteral("c"));

        bool offered = false;
        ui::OldExportList::offer(old, exports, nullptr, [&] { offered = true; });
        QTRY_VERIFY(offeredBox());
        QVERIFY(offeredBox()->informativeText().contains(QLatin1String("b (e1.2)")));
        QVERIFY(!offeredBox()->informativeText().contains(QLatin1String("a (e1.1)")));
        click(offeredBox(), QMessageBox::AcceptRole);
        QTRY_VERIFY(offered);
        QTRY_VERIFY(link.san->record(QStringLiteral("b")) && link.san->record(QStringLiteral("c")));
        // b was autostart: it is started (its engine here never runs, so it stays starting); c is not.
        QTRY_VERIFY(link.san->status(QStringLiteral("b")).state != supervisor::ExportState::Stopped);
        QCOMPARE(link.san->status(QStringLiteral("c")).state, supervisor::ExportState::Stopped);
        QTRY_VERIFY(!QFile::exists(old));
        QVERIFY(QFile::exists(old + QStringLiteral(".moved")));
        // Nothing left to offer: no question a second time.
        QVERIFY(ui::OldExportList::pending(old, exports).empty());
    }

    void keepingChangesNothing()
    {
        test::LocalLink link;
        ui::ExportModel model;
        ui::ExportController exports(link, model);
        const QString old = writeList(QStringLiteral("keeping.json"), {record(QStringLiteral("d"), 4, m_image)});
        const QByteArray before = [&] {
            QFile f(old);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        bool offered = false;
        ui::OldExportList::offer(old, exports, nullptr, [&] { offered = true; });
        QTRY_VERIFY(offeredBox());
        click(offeredBox(), QMessageBox::RejectRole);
        QTRY_VERIFY(offered);
        QTest::qWait(50);
        QVERIFY(!link.san->record(QStringLiteral("d")));
        QFile f(old);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QVERIFY(!QFile::exists(old + QStringLiteral(".moved")));
    }

    void noListNoQuestion()
    {
        test::LocalLink link;
        ui::ExportModel model;
        ui::ExportController exports(link, model);
        const QString none = m_dir.filePath(QStringLiteral("absent.json"));
        QVERIFY(ui::OldExportList::pending(none, exports).empty());
        bool offered = false;
        ui::OldExportList::offer(none, exports, nullptr, [&] { offered = true; });
        QTest::qWait(50);
        QVERIFY(!offeredBox());
        QVERIFY(!offered);
    }
};

QTEST_MAIN(TestOldExportList)
#include "tst_old_export_list.moc"
