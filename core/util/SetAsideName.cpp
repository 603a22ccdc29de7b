// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/SetAsideName.h"

#include <QDateTime>
#include <QFileInfo>

namespace aoesan::util {

QString unusedAsideName(const QString &path)
{
    const QString stem = path + QStringLiteral(".corrupt-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString name = stem;
    // exists() follows links: a dangling link answers false, and a rename onto it would replace it.
    for (int n = 2; QFileInfo::exists(name) || QFileInfo(name).isSymLink(); ++n)
        name = stem + QLatin1Char('-') + QString::number(n);
    return name;
}

} // namespace aoesan::util
