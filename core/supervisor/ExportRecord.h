// SPDX-License-Identifier: GPL-3.0-or-later
// One export as the user configured it: what to serve, where, and how. The same record drives the
// GUI's exports table, `aoesan-ctl exports`, the systemd units and the engine's command line, so its
// validation rules live here once, with messages a person can act on.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/ExportState.h"
#include "protocol/MacAddress.h"
#include "util/Result.h"

namespace aoesan::supervisor {

struct ExportRecord
{
    QString name; // stable id: the key of every status snapshot and the systemd instance name
    QString path; // image file or block device, absolute
    std::uint16_t shelf = 0;
    std::uint8_t slot = 0;
    QString interface;
    bool readOnly = false;
    bool direct = false; // O_DIRECT (vblade -d)
    bool sync = false; // O_SYNC (vblade -s)
    std::uint16_t bufferCount = 16;
    std::vector<protocol::MacAddress> macs; // only these initiators (vblade -m); empty = everyone
    std::uint64_t offsetSectors = 0;
    std::optional<std::uint64_t> lengthSectors;
    QString configString; // seeds the engine's config string while its state file has none
    // What mask and reserve edits from hosts on the network do (engine --wire-edits). `macs` is the owner's
    // list and holds at every start whatever this says.
    engine::WireEdits wireEdits = engine::WireEdits::Forget;
    bool autostart = false;

    // "e7.3"
    QString address() const;
    bool operator==(const ExportRecord &) const = default;
};

// Which rule a record breaks; the message says it in words.
struct RecordError
{
    enum class Code : std::uint8_t {
        BadName,
        BadPath,
        BadAddress, // shelf or slot out of range
        BadInterface,
        BadOption, // buffer count, MAC list, offset/length, config string
        DuplicateName,
        DuplicateAddress, // two exports would answer the same shelf.slot on one interface
        BadFormat, // a JSON record with a missing or mistyped field
    };
    Code code = Code::BadFormat;
    QString message;
};

// Limits the engine enforces too; kept equal so a record that validates also starts.
inline constexpr int kMaxNameLength = 64;
inline constexpr std::uint16_t kMaxShelf = 65534; // 65535 is the broadcast shelf
inline constexpr std::uint8_t kMaxSlot = 254; // 255 is the broadcast slot
inline constexpr std::size_t kMaxMacs = 32;
inline constexpr int kMaxConfigStringBytes = 1024;

// nullopt when the record is usable on its own.
std::optional<RecordError> validateRecord(const ExportRecord &record);
// Also checks the record against the others (same name, same address on the same interface).
std::optional<RecordError> validateAgainst(const ExportRecord &record, const std::vector<ExportRecord> &others);

QJsonObject recordToJson(const ExportRecord &record);
// Reads and validates one record.
Result<ExportRecord, RecordError> recordFromJson(const QJsonObject &object);

// The arguments of `aoesan-engine serve` for this record, starting with "serve" and "--events".
// An empty stateFile lets the engine choose its default.
QStringList engineArguments(const ExportRecord &record, const QString &stateFile = {});

// A one-line description for lists and logs: "e7.3 on eth1 ← /srv/disk.img (read-only, direct)".
QString describeRecord(const ExportRecord &record);

} // namespace aoesan::supervisor
