// SPDX-License-Identifier: GPL-3.0-or-later
// Something a person has to know and can act on: what happened and how to fix it.
#pragma once

#include <QString>

namespace aoesan::ui {

struct Problem
{
    enum class Level { Info, Warning, Error };
    Level level = Level::Error;
    QString code; // a stable word where the engine gave one (no-permission, engine-missing, ...)
    QString message;
    QString fix;

    bool operator==(const Problem &) const = default;
};

} // namespace aoesan::ui
