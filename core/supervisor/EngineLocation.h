// SPDX-License-Identifier: GPL-3.0-or-later
// Where aoesan-engine is: the one privileged program, installed in libexec, next to aoesan-ctl in a
// build tree, or wherever $AOESAN_ENGINE says (tests, and people running a build in place).
#pragma once

#include <QString>

namespace aoesan::supervisor {

// The engine's path; empty when none of the places has an executable one.
QString findEngine();

// Where findEngine() looks, in order, for the message when it finds nothing.
QString engineSearchDescription();

} // namespace aoesan::supervisor
