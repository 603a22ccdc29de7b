// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace aoesan::ui {

QString installTranslations(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto *ours = new QTranslator(&app);
    QString used = locale.name().left(2);
    if (!ours->load(locale, QStringLiteral("aoesan"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        // No translation for this language: English, whose file holds the plural forms ("1 export",
        // "3 exports") that the source strings leave open.
        used = QStringLiteral("en");
        if (!ours->load(QStringLiteral("aoesan_en"), QStringLiteral(":/i18n"))) {
            delete ours;
            return used;
        }
    }
    QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    return used;
}

} // namespace aoesan::ui
