// aoesan: the desktop program. Builds the window and hands it what it needs; never runs as root.
#include <QApplication>
#include <QCommandLineParser>

#include "MainWindow.h"
#include "Version.h"
#include "log/Logging.h"

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("aoesan"));
    QApplication::setApplicationDisplayName(QStringLiteral("aoesan"));
    QApplication::setApplicationVersion(QString::fromLatin1(aoesan::kVersionString));
    QApplication::setDesktopFileName(QString::fromLatin1(aoesan::kAppId));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("ATA over Ethernet SAN manager: discover, export and watch AoE targets."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
                                      QStringLiteral("trace, debug, info, warn, error or off (default: $AOESAN_LOG or info)."),
                                      QStringLiteral("level"));
    parser.addOption(logLevel);
    parser.process(app);

    aoesan::log::LogOptions logOptions{"aoesan", std::nullopt, true, true};
    if (parser.isSet(logLevel))
        logOptions.level = parser.value(logLevel).toStdString();
    aoesan::log::initLogging(logOptions);

    aoesan::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
