// SPDX-License-Identifier: GPL-3.0-or-later
// Where aoesan-engine is: the one privileged program, installed in libexec, next to aoesan-ctl in a
// build tree, or wherever $AOESAN_ENGINE says (tests, and people running a build in place). The same
// for aoesan-service ($AOESAN_SERVICE).
#pragma once

#include <QString>

namespace aoesan::supervisor {

// The engine's path; empty when none of the places has an executable one.
QString findEngine();

// Where findEngine() looks, in order, for the message when it finds nothing.
QString engineSearchDescription();

// aoesan-service, for the GUI's private service when none is reachable: $AOESAN_SERVICE, next to the
// program (a build tree), else libexec/aoesan. Empty when none is an executable file.
QString findServiceProgram();
QString serviceSearchDescription();

// aoesan-ctl, for the service's boot servers (`aoesan-ctl boot serve`): $AOESAN_CTL, next to the program, else
// the installed one. Empty when none is an executable file.
QString findCtlProgram();

} // namespace aoesan::supervisor
