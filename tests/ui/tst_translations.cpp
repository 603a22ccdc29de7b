// The translations built into the program: Spanish and German load and translate strings of every kind
// of context (widget classes in namespaces, the explicit contexts of free functions), with the words of
// UI.md and their plural forms; English supplies its plural forms; an unknown language falls back to it.
#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

#include "shell/Translations.h"

using namespace aoesan;

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    void useLanguage(const QString &language)
    {
        for (auto *t : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        ui::installTranslations(*qApp, language);
    }
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

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
