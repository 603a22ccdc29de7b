// SPDX-License-Identifier: GPL-3.0-or-later
// Installs aoesan's translation (built into the binary from translations/*.ts) and Qt's own for the
// chosen language, or the system's when none is chosen.
#pragma once

#include <QString>

class QCoreApplication;

namespace aoesan::ui {

// Returns the language actually used ("en" when no translation matched).
QString installTranslations(QCoreApplication &app, const QString &language);

} // namespace aoesan::ui
