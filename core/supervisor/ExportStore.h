// SPDX-License-Identifier: GPL-3.0-or-later
// The persisted export list: $XDG_CONFIG_HOME/aoesan/exports.json (or a path given by the caller),
// written atomically so a crash or a full disk never leaves half a file. A file that cannot be read as
// an export list is moved aside as exports.json.corrupt-<time> and reported; records that break a rule
// are reported with the reason and kept in such a copy. Nothing a person configured is dropped silently.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

#include "supervisor/ExportRecord.h"
#include "util/Result.h"

namespace aoesan::supervisor {

struct StoreError
{
    enum class Code : std::uint8_t {
        Io, // the file or its directory could not be read or written
        Invalid, // a record breaks a rule (the message says which)
        NotFound, // no export of that name
    };
    Code code = Code::Io;
    QString message;
};

// What loading found besides the records: problems a person should hear about.
struct LoadReport
{
    QStringList problems; // one sentence each: a damaged file, a skipped record
    QString movedAsidePath; // where the original went when it had to be set aside; empty otherwise
};

class ExportStore
{
public:
    // $XDG_CONFIG_HOME/aoesan/exports.json, else ~/.config/aoesan/exports.json.
    static QString defaultPath();

    explicit ExportStore(QString path = defaultPath());

    const QString &path() const { return m_path; }

    // Reads the file; a missing file is an empty list. Only an unreadable file (permissions, I/O, not a
    // regular file, larger than any export list) or a damaged one that cannot be moved aside is an error;
    // other damage is in the report.
    Result<LoadReport, StoreError> load();
    // Writes the list (write to a temporary file in the same directory, fsync, rename). Refused while the
    // last load() could not read the file: saving would replace what is there with a list that lacks it.
    Result<bool, StoreError> save() const;

    const std::vector<ExportRecord> &records() const { return m_records; }
    std::optional<ExportRecord> find(const QString &name) const;

    // Validate against the list, change it in memory; save() makes it last.
    Result<bool, StoreError> add(const ExportRecord &record);
    Result<bool, StoreError> replace(const ExportRecord &record); // same name
    Result<bool, StoreError> remove(const QString &name);

private:
    QString moveAside(QString *error) const;

    QString m_path;
    std::vector<ExportRecord> m_records;
    QString m_unreadable; // why the last load() could not read the file; empty when it could
};

} // namespace aoesan::supervisor
