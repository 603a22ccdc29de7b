// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/CommandHelp.h"

#include <QCoreApplication>

namespace aoesan {

bool isHelpRequest(const QStringList &words)
{
    for (const QString &word : words) {
        if (word == QLatin1String("--"))
            return false;
        if (word == QLatin1String("-h") || word == QLatin1String("--help"))
            return true;
    }
    return false;
}

QString commandHelpText(const QCommandLineParser &parser, const QString &usageName)
{
    QString text = parser.helpText();
    // Qt names the program by argv[0], which is whatever path it was started by.
    const QStringList arguments = QCoreApplication::arguments();
    const QString prefix = QStringLiteral("Usage: ");
    if (!arguments.isEmpty() && text.startsWith(prefix + arguments.constFirst()))
        text.replace(prefix.size(), arguments.constFirst().size(), usageName);
    return text;
}

} // namespace aoesan
