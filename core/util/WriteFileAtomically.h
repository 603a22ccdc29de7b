// SPDX-License-Identifier: GPL-3.0-or-later
// Replacing a small configuration or state file (an export list, an engine's state, the service's settings, the
// GUI's preferences) without trusting what is at the path. QSaveFile follows a symbolic link and renames its
// temporary file over the link's target: a link to /dev/zero at the path would, as root, replace the device node
// /dev/zero itself with the file's text. So a target that is not a regular file (after links), or a link that
// points at nothing, is refused with a sentence naming it, and nothing is written.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

#include "util/Result.h"

namespace aoesan::util {

// Why `path` must not be written, or nothing when it may be (no file there yet, or a regular file, also through
// links). `what` names the file before its path in the sentence ("the export list"); empty: the path alone.
std::optional<QString> refusedWriteTarget(const QString &path, const QString &what = {});

// Writes `bytes` to a temporary file beside the target, fsyncs it and renames it over the target: a reader sees
// the old content or the new, never a part. Refused as refusedWriteTarget says.
Result<bool, QString> writeFileAtomically(const QString &path, const QByteArray &bytes, const QString &what = {});

} // namespace aoesan::util
