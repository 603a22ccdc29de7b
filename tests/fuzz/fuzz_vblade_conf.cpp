// SPDX-License-Identifier: GPL-3.0-or-later
// The vblade-persistence reader (core/supervisor/VbladeConf): the input is one /etc/vblade.conf.d/NAME.conf.
// Parsing never crashes or runs anything; a file that becomes an export gives a record that keeps every rule,
// and the same file read from a directory gives the same record (or is skipped with a reason).
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "FuzzSupport.h"
#include "supervisor/VbladeConf.h"

using namespace aoesan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::ensureApplication();
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QString text = QString::fromUtf8(bytes);
    const auto assignments = supervisor::parseShellAssignments(text);
    if (!assignments)
        FUZZ_CHECK(!assignments.error().isEmpty());
    const auto record = supervisor::recordFromVbladeConf(QStringLiteral("disk"), text);
    if (record) {
        FUZZ_CHECK(assignments.ok());
        FUZZ_CHECK(!supervisor::validateRecord(record.value()));
        FUZZ_CHECK(record->name == QStringLiteral("disk") && record->autostart);
    } else {
        FUZZ_CHECK(!record.error().isEmpty());
    }

    static QTemporaryDir dir(fuzz::scratchTemplate());
    FUZZ_CHECK(dir.isValid());
    {
        QFile file(QDir(dir.path()).filePath(QStringLiteral("disk.conf")));
        FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size());
    }
    const auto imported = supervisor::readVbladeConfDirectory(dir.path());
    FUZZ_CHECK(imported.ok());
    FUZZ_CHECK(imported->records.size() + imported->skipped.size() == 1);
    if (record)
        FUZZ_CHECK(imported->records.size() == 1 && imported->records.front() == record.value());
    else
        FUZZ_CHECK(imported->skipped.size() == 1 && !imported->skipped.front().reason.isEmpty());
    return 0;
}
