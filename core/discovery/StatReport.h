// SPDX-License-Identifier: GPL-3.0-or-later
// aoe-stat's report made from discovery snapshots: one line per target in its exact format, sorted by
// shelf then slot as numbers (aoe-stat sorts the text), optionally filtered by a regular expression that
// is matched against the line as aoe-stat's `grep $1` does.
#pragma once

#include <QRegularExpression>

#include <string>
#include <vector>

#include "discovery/TargetInfo.h"

namespace aoesan::discovery {

// "      e7.3         0.067GB       eth0 1024  up            \n"; a target IDENTIFY never answered shows
// "(NA)" as its size, the way aoe-stat shows a sysfs file it cannot read.
std::string statLine(const TargetInfo &target);

// The whole report; `filter` (when valid and not empty) keeps the lines it matches anywhere.
std::string statReport(std::vector<TargetInfo> targets, const QRegularExpression &filter = {});

} // namespace aoesan::discovery
