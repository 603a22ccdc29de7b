// SPDX-License-Identifier: GPL-3.0-or-later
// One export as the engine builds it, for the target's unit tests: a 64-sector image with labelled
// sectors, its ATA device and the protocol, over a copy of an initial export state.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstring>
#include <memory>
#include <span>
#include <vector>

#include "TargetFrames.h"
#include "TargetProtocolCases.h"
#include "engine/AtaDevice.h"
#include "engine/BlockBackend.h"
#include "engine/TargetProtocol.h"

namespace aoesan::test {

class TestExport
{
public:
    explicit TestExport(const engine::ExportState &initial, bool readOnly = false)
        : m_state(initial)
    {
        m_path = m_dir.filePath(QStringLiteral("disk.img"));
        QFile image(m_path);
        if (!image.open(QIODevice::WriteOnly)
            || image.write(frames::sectorLabels(0, cases::kImageSectors)) != qint64(kImageBytes))
            return;
        image.close();
        auto opened = engine::BlockBackend::open(m_path.toStdString(), {readOnly, false, false, 0, std::nullopt});
        if (!opened)
            return;
        m_backend = std::move(opened).value();
        m_device = std::make_unique<engine::AtaDevice>(*m_backend, cases::identityInfo(), cases::kMaxSectors);
        m_protocol = std::make_unique<engine::TargetProtocol>(cases::targetIdentity(), m_state, *m_device);
    }

    static constexpr std::size_t kImageBytes = cases::kImageSectors * 512;
    // The engine's buffers hold a whole frame of the interface's MTU (1500 here).
    static constexpr std::size_t kBufferBytes = 36 + std::size_t {cases::kMaxSectors} * 512;

    bool ok() const { return m_protocol != nullptr; }
    engine::TargetProtocol &protocol() { return *m_protocol; }
    const engine::AtaDevice &device() const { return *m_device; }
    const engine::ExportState &state() const { return m_state; }
    QByteArray image() const
    {
        QFile f(m_path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    qint64 imageSize() const { return QFileInfo(m_path).size(); }

    // receive(), then executeAta() for what it hands over: the bytes that go back on the wire.
    QByteArray answer(const QByteArray &request, engine::ReceiveResult *result = nullptr)
    {
        const std::span<const std::uint8_t> in(
            reinterpret_cast<const std::uint8_t *>(request.constData()), std::size_t(request.size()));
        std::vector<std::uint8_t> reply;
        const auto r = m_protocol->receive(in, reply);
        if (result)
            *result = r;
        if (r.verdict == engine::Verdict::Reply)
            return bytes(reply);
        if (r.verdict == engine::Verdict::Drop)
            return {};
        // The request sits at the start of a buffer of the interface's frame size.
        std::vector<std::uint8_t> buffer(std::max(in.size(), kBufferBytes));
        std::memcpy(buffer.data(), in.data(), in.size());
        const auto done = m_protocol->executeAta(buffer, in.size());
        return bytes(std::span(buffer).first(done.length));
    }

private:
    static QByteArray bytes(std::span<const std::uint8_t> v)
    {
        return {reinterpret_cast<const char *>(v.data()), static_cast<qsizetype>(v.size())};
    }

    QTemporaryDir m_dir;
    QString m_path;
    engine::ExportState m_state;
    std::unique_ptr<engine::BlockBackend> m_backend;
    std::unique_ptr<engine::AtaDevice> m_device;
    std::unique_ptr<engine::TargetProtocol> m_protocol;
};

} // namespace aoesan::test
