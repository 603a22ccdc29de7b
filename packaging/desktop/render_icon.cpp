// SPDX-License-Identifier: GPL-3.0-or-later
// Build-time helper (not installed): renders the app icon's SVG into the PNG sizes of the hicolor theme,
// OUTDIR/NxN/apps/NAME.png, so the package ships PNGs for desktops and menus that do not read SVG, and git
// holds no binary copies of them. It needs no display: the offscreen platform is enough for QPainter.
// Usage: aoesan-render-icon ICON.svg OUTDIR SIZE...
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

namespace {

// The offscreen platform asks for XDG_RUNTIME_DIR, which a package build has no reason to set; that
// warning would only clutter the build log. Everything else (an SVG element Qt cannot draw) is shown.
void quietRuntimeDirWarning(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths:")))
        return;
    std::fprintf(stderr, "%s\n", qPrintable(message));
}

int fail(const QString &text)
{
    std::fprintf(stderr, "aoesan-render-icon: %s\n", qPrintable(text));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(quietRuntimeDirWarning);
    QGuiApplication app(argc, argv);
    const QStringList args = QGuiApplication::arguments();
    if (args.size() < 4)
        return fail(QStringLiteral("usage: aoesan-render-icon ICON.svg OUTDIR SIZE..."));

    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid())
        return fail(QStringLiteral("%1 is not an SVG image Qt can draw").arg(args.at(1)));
    const QString name = QFileInfo(args.at(1)).completeBaseName() + QStringLiteral(".png");
    for (qsizetype i = 3; i < args.size(); ++i) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size < 1 || size > 4096)
            return fail(QStringLiteral("'%1' is not an icon size in pixels").arg(args.at(i)));
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            renderer.render(&painter, QRectF(0, 0, size, size));
        }
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(args.at(2)).arg(size);
        if (!QDir().mkpath(dir))
            return fail(QStringLiteral("cannot create %1").arg(dir));
        const QString out = dir + QLatin1Char('/') + name;
        if (!image.save(out, "PNG"))
            return fail(QStringLiteral("cannot write %1").arg(out));
    }
    return 0;
}
