// SPDX-License-Identifier: GPL-3.0-or-later
// The translations built into the program: Spanish and German load and translate strings of every kind
// of context (widget classes in namespaces, the explicit contexts of free functions), with the words of
// UI.md and their plural forms; English supplies its plural forms; an unknown language falls back to it.
// Core's sentences the GUI shows as they are (block-device safety, refusals) follow the language too.
#include <QApplication>
#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

#include "platform/BlockDeviceSafety.h"
#include "shell/Translations.h"
#include "supervisor/ExportPreflight.h"

using namespace aoesan;

namespace {

// Replaces the installed translators with those of `language`, as a restart with that setting would.
void useLanguage(const QString &language)
{
    for (auto *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    ui::installTranslations(*qApp, language);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    static QString translated(const char *context, const char *text, int n = -1)
    {
        return QCoreApplication::translate(context, text, nullptr, n);
    }

private slots:
    void translated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *lang, const char *ctx, const char *src, int n, const QString &want) {
            QTest::addRow("%s %s %s", lang, ctx, src)
                << QString::fromLatin1(lang) << QString::fromLatin1(ctx) << QString::fromUtf8(src) << n << want;
        };
        row("es", "aoesan::ui::MainWindow", "Targets", -1, QStringLiteral("Destinos"));
        row("es", "aoesan::ui::MainWindow", "Shelves", -1, QStringLiteral("Estantes"));
        row("es", "Look", "down", -1, QStringLiteral("caído"));
        row("es", "Look", "conflict", -1, QStringLiteral("conflicto"));
        row("es", "aoesan::ui::OptionsPage", "&Read-only: initiators cannot write", -1,
            QStringLiteral("Solo &lectura: los iniciadores no pueden escribir"));
        row("es", "TrayState", "%n exports failed", 3, QStringLiteral("3 exportaciones han fallado"));
        row("es", "aoesan::ui::MainWindow", "%n target(s)", 1, QStringLiteral("1 destino"));
        row("de", "aoesan::ui::MainWindow", "Exports", -1, QStringLiteral("Exporte"));
        row("de", "Look", "up", -1, QStringLiteral("erreichbar"));
        row("de", "aoesan::ui::SourcePage", "An existing &image file", -1,
            QStringLiteral("Eine vorhandene &Image-Datei"));
        row("de", "Actions", "&Discover now", -1, QStringLiteral("Jetzt &suchen"));
        row("de", "TrayState", "%n targets are down", 2, QStringLiteral("2 Ziele sind nicht erreichbar"));
        row("de", "aoesan::ui::lab::LabEnvironment", "Lab mode needs the ip program (Debian package iproute2).", -1,
            QStringLiteral("Der Labormodus braucht das Programm ip (Debian-Paket iproute2)."));
        row("de", "ExportRunner", "the engine was killed by a signal", -1,
            QStringLiteral("die Engine wurde durch ein Signal beendet"));
        row("es", "ExportRunner", " (gave up after %1 failed starts in a row)", -1,
            QStringLiteral(" (se abandonó tras %1 arranques fallidos seguidos)"));
        // UI.md's word table: a shelf is a Regal in German, everywhere it is shown.
        row("de", "aoesan::ui::MainWindow", "Shelves", -1, QStringLiteral("Regale"));
        row("de", "aoesan::ui::ShelfView", "Shelf %1", -1, QStringLiteral("Regal %1"));
        row("de", "aoesan::ui::AddressPage", "S&helf:", -1, QStringLiteral("&Regal:"));
        row("de", "Actions", "S&helves", -1, QStringLiteral("&Regale"));
        // Counts with plural forms: "1 caído", not "1 caídos".
        row("es", "aoesan::ui::MainWindow", "%n down", 1, QStringLiteral("1 caído"));
        row("es", "aoesan::ui::MainWindow", "%n down", 3, QStringLiteral("3 caídos"));
        row("es", "aoesan::ui::MainWindow", "%n up", 1, QStringLiteral("1 activo"));
        row("de", "aoesan::ui::MainWindow", "%n down", 2, QStringLiteral("2 nicht erreichbar"));
        row("en", "aoesan::ui::MainWindow", "%n up", 2, QStringLiteral("2 up"));
        // The wizard's verdict says what a mounted partition can still do, in every language.
        row("en", "aoesan::ui::BlockDeviceModel", "%1: can be exported read-only", -1,
            QStringLiteral("%1: can be exported read-only"));
        row("de", "aoesan::ui::BlockDeviceModel", "%1: can be exported read-only", -1,
            QStringLiteral("%1: schreibgeschützt exportierbar"));
        row("es", "aoesan::ui::BlockDeviceModel", "%1: can be exported read-only", -1,
            QStringLiteral("%1: exportable en solo lectura"));
        // Log lines for a person follow the language; the technical ones say what they are.
        row("de", "aoesan::ui::PersonLog", "%1 is down.", -1, QStringLiteral("%1 ist nicht erreichbar."));
        row("es", "aoesan::ui::LogModel", "%1 (technical)", -1, QStringLiteral("%1 (técnico)"));
        row("en", "aoesan::ui::MainWindow", "%n target(s)", 1, QStringLiteral("1 target"));
        row("en", "TrayState", "%n export(s)", 3, QStringLiteral("3 exports"));
        row("tlh", "TrayState", "%n export(s)", 1, QStringLiteral("1 export"));
    }

    void translated()
    {
        QFETCH(QString, language);
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(int, n);
        QFETCH(QString, expected);
        useLanguage(language);
        QCOMPARE(translated(context.toLatin1().constData(), source.toUtf8().constData(), n), expected);
    }
};

// Core's sentences: a disk with a mounted partition, judged for a read-write export, and a missing image.
namespace {

std::vector<platform::BlockDevice> diskWithMountedPartition()
{
    platform::BlockDevice disk;
    disk.name = QStringLiteral("sdb");
    disk.path = QStringLiteral("/dev/sdb");
    disk.kind = platform::BlockDeviceKind::Disk;
    platform::BlockDevice part;
    part.name = QStringLiteral("sdb1");
    part.path = QStringLiteral("/dev/sdb1");
    part.kind = platform::BlockDeviceKind::Partition;
    part.parent = QStringLiteral("sdb");
    part.mountPoints = {QStringLiteral("/srv/media")};
    return {disk, part};
}

} // namespace

class TestCoreTranslations : public QObject
{
    Q_OBJECT

private slots:
    void safetyFollowsTheLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("advice");
        QTest::addRow("en") << QStringLiteral("en")
                            << QStringLiteral("sdb1 (a partition of sdb) is mounted at /srv/media. If another machine "
                                              "wrote to it while this one uses it, the filesystem would be destroyed.")
                            << QStringLiteral(
                                   "Stop using it first, or export it read-only; if you are sure, force the export.");
        QTest::addRow("de") << QStringLiteral("de")
                            << QStringLiteral("sdb1 (eine Partition von sdb) ist unter /srv/media eingehängt. Schriebe "
                                              "ein anderer Rechner darauf, während dieser es benutzt, wäre das "
                                              "Dateisystem zerstört.")
                            << QStringLiteral("Beenden Sie zuerst seine Benutzung oder exportieren Sie es "
                                              "schreibgeschützt; wenn Sie sicher sind, erzwingen Sie den Export.");
        QTest::addRow("es") << QStringLiteral("es")
                            << QStringLiteral("sdb1 (una partición de sdb) está montado en /srv/media. Si otra máquina "
                                              "escribiera en él mientras esta lo usa, el sistema de archivos quedaría "
                                              "destruido.")
                            << QStringLiteral("Deje de usarlo primero o expórtelo en solo lectura; si está seguro, "
                                              "fuerce la exportación.");
    }

    void safetyFollowsTheLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, problem);
        QFETCH(QString, advice);
        useLanguage(language);
        const auto devices = diskWithMountedPartition();
        const auto safety = platform::assessExport(devices, devices.front(), false, false);
        QCOMPARE(safety.problems.size(), std::size_t {1});
        QCOMPARE(safety.problems.front().text, problem);
        QCOMPARE(safety.advice(), advice);
    }

    void refusalFollowsTheLanguage()
    {
        useLanguage(QStringLiteral("de"));
        supervisor::ExportRecord record;
        record.name = QStringLiteral("gone");
        record.path = QStringLiteral("/nonexistent/aoesan-test.img");
        record.interface = QStringLiteral("lan0");
        const supervisor::ExportPreflight preflight(nullptr, nullptr);
        const auto refused = preflight.check(record, false);
        QVERIFY(refused);
        QCOMPARE(refused->message, QStringLiteral("/nonexistent/aoesan-test.img existiert nicht"));
        QCOMPARE(refused->fix,
            QStringLiteral("Legen Sie die Image-Datei an oder schließen Sie die Festplatte an, "
                           "oder ändern Sie den Pfad des Exports."));
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    TestTranslations ui;
    TestCoreTranslations core;
    return QTest::qExec(&ui, argc, argv) | QTest::qExec(&core, argc, argv);
}
#include "tst_translations.moc"
