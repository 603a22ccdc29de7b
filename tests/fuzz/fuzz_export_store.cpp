// SPDX-License-Identifier: GPL-3.0-or-later
// The loaders of what aoesan keeps on disk: the export list (core/supervisor/ExportStore, exports.json) and an
// export's engine state (core/engine/ExportState, the initiators' config string, mask and reserve list). The
// input is the file. Loading never crashes; what loads keeps every rule (each record valid, no two clashing;
// a state within its bounds); a damaged file is kept aside, byte for byte, and reported; what loaded saves
// and loads again the same.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>

#include "FuzzSupport.h"
#include "engine/ExportState.h"
#include "protocol/Constants.h"
#include "supervisor/ExportStore.h"

using namespace aoesan;

namespace {

void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size());
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    FUZZ_CHECK(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

void exportList(const QDir &dir, const QByteArray &bytes)
{
    const QString path = dir.filePath(QStringLiteral("exports.json"));
    write(path, bytes);
    supervisor::ExportStore store(path);
    const auto report = store.load();
    FUZZ_CHECK(report.ok()); // the directory is ours: damage is reported, never an error
    const auto &records = store.records();
    for (std::size_t i = 0; i < records.size(); ++i) {
        FUZZ_CHECK(!supervisor::validateRecord(records[i]));
        std::vector<supervisor::ExportRecord> others = records;
        others.erase(others.begin() + static_cast<std::ptrdiff_t>(i));
        FUZZ_CHECK(!supervisor::validateAgainst(records[i], others));
        FUZZ_CHECK(store.find(records[i].name) == records[i]);
    }
    FUZZ_CHECK(report->problems.isEmpty() == report->movedAsidePath.isEmpty());
    if (!report->movedAsidePath.isEmpty())
        FUZZ_CHECK(contents(report->movedAsidePath) == bytes);

    const QString again = dir.filePath(QStringLiteral("again.json"));
    supervisor::ExportStore copy(again);
    for (const auto &r : records)
        FUZZ_CHECK(copy.add(r).ok());
    FUZZ_CHECK(copy.save().ok());
    supervisor::ExportStore reread(again);
    const auto second = reread.load();
    FUZZ_CHECK(second.ok() && second->problems.isEmpty() && reread.records() == records);
}

void engineState(const QDir &dir, const QByteArray &bytes)
{
    const std::string path = dir.filePath(QStringLiteral("state.json")).toStdString();
    write(QString::fromStdString(path), bytes);
    std::string warning;
    const auto state = engine::ExportState::load(path, &warning);
    FUZZ_CHECK(state.ok());
    const auto &s = state.value();
    FUZZ_CHECK(s.masks().size() <= engine::ExportState::kMaxMasks);
    FUZZ_CHECK(s.reservations().size() <= engine::ExportState::kMaxReservations);
    FUZZ_CHECK(s.configString().size() <= protocol::kMaxConfigStringLength);
    // Damaged: moved aside (the path is free again) and said so; else kept where it was.
    FUZZ_CHECK(warning.empty() == QFile::exists(QString::fromStdString(path)));

    // Saved where edits from the wire are kept, everything comes back; where they are not, only the
    // config string does, and no list an older file held.
    engine::ExportState copy = s;
    copy.setPath(dir.filePath(QStringLiteral("state-again.json")).toStdString());
    copy.setWireEdits(engine::WireEdits::Keep);
    FUZZ_CHECK(copy.save().ok());
    std::string again;
    const auto reread = engine::ExportState::load(copy.path(), &again);
    FUZZ_CHECK(reread.ok() && again.empty() && reread.value() == s);
    copy.setWireEdits(engine::WireEdits::Forget);
    FUZZ_CHECK(copy.save().ok());
    const auto forgotten = engine::ExportState::load(copy.path(), &again);
    FUZZ_CHECK(forgotten.ok() && again.empty() && forgotten->masks().empty() && forgotten->reservations().empty()
        && forgotten->configString() == s.configString());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::ensureApplication();
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QTemporaryDir tmp(fuzz::scratchTemplate()); // emptied after each input: the copies of damaged files go with it
    FUZZ_CHECK(tmp.isValid());
    const QDir dir(tmp.path());
    exportList(dir, bytes);
    engineState(dir, bytes);
    return 0;
}
