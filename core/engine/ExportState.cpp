// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ExportState.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include "util/ReadSmallFile.h"
#include "util/SetAsideName.h"
#include "util/WriteFileAtomically.h"

namespace aoesan::engine {

namespace {

constexpr int kFormatVersion = 1;
// A config string of 1024 bytes and two lists of 32 MACs are a few KiB of JSON.
constexpr qint64 kMaxStateBytes = util::kMiB;

QJsonArray macsToJson(const std::vector<protocol::MacAddress> &macs)
{
    QJsonArray array;
    for (const auto &mac : macs)
        array.append(QString::fromStdString(mac.toString()));
    return array;
}

bool macsFromJson(const QJsonValue &value, std::size_t limit, std::vector<protocol::MacAddress> &out)
{
    if (!value.isArray() && !value.isUndefined())
        return false;
    for (const auto &item : value.toArray()) {
        const auto mac = protocol::MacAddress::fromString(item.toString().toStdString());
        if (!mac || out.size() >= limit)
            return false;
        out.push_back(*mac);
    }
    return true;
}

} // namespace

std::string_view wireEditsWord(WireEdits mode)
{
    switch (mode) {
    case WireEdits::Keep:
        return "keep";
    case WireEdits::Refuse:
        return "refuse";
    case WireEdits::Forget:
        break;
    }
    return "forget";
}

std::optional<WireEdits> wireEditsFromWord(std::string_view word)
{
    for (const WireEdits mode : {WireEdits::Forget, WireEdits::Keep, WireEdits::Refuse})
        if (wireEditsWord(mode) == word)
            return mode;
    return std::nullopt;
}

Result<ExportState, std::string> ExportState::load(const std::string &path, std::string *warning)
{
    ExportState state;
    state.m_path = path;
    if (path.empty())
        return state;
    // Not a regular file (a FIFO, /dev/zero), too large, unreadable: an error, and the file is left alone.
    const auto read
        = util::readSmallFile(QString::fromStdString(path), {kMaxStateBytes, QStringLiteral("the export state")});
    if (!read && read.error().code == util::ReadFileError::Code::NotFound)
        return state;
    if (!read)
        return Unexpected(read.error().message.toStdString());
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(read.value(), &parseError);

    const QJsonObject root = doc.object();
    const QJsonValue config = root.value(QStringLiteral("configString"));
    bool good = parseError.error == QJsonParseError::NoError && doc.isObject()
        && root.value(QStringLiteral("version")).toInt() == kFormatVersion
        && (config.isString() || config.isUndefined());
    if (good) {
        // Stored as Latin-1 so every byte value of a config string survives the round trip.
        const QByteArray bytes = config.toString().toLatin1();
        state.m_config.assign(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        good = state.m_config.size() <= 1024
            && macsFromJson(root.value(QStringLiteral("macMask")), kMaxMasks, state.m_masks)
            && macsFromJson(root.value(QStringLiteral("reserve")), kMaxReservations, state.m_reserve);
    }
    if (good)
        return state;

    // Keep the damaged file for the person to look at; never silently drop it.
    const QString aside = util::unusedAsideName(QString::fromStdString(path));
    if (!QFile::rename(QString::fromStdString(path), aside))
        return Unexpected("export state " + path + " is damaged and could not be moved aside");
    if (warning)
        *warning = "export state " + path + " was damaged; kept it as " + aside.toStdString() + " and started empty";
    ExportState fresh;
    fresh.m_path = path;
    return fresh;
}

Result<bool, std::string> ExportState::save() const
{
    if (m_path.empty())
        return true;
    QJsonObject root;
    root.insert(QStringLiteral("version"), kFormatVersion);
    root.insert(
        QStringLiteral("configString"), QString::fromLatin1(m_config.data(), static_cast<qsizetype>(m_config.size())));
    const bool keepLists = m_wireEdits == WireEdits::Keep;
    root.insert(QStringLiteral("macMask"), macsToJson(keepLists ? m_masks : std::vector<protocol::MacAddress> {}));
    root.insert(QStringLiteral("reserve"), macsToJson(keepLists ? m_reserve : std::vector<protocol::MacAddress> {}));
    const auto written = util::writeFileAtomically(
        QString::fromStdString(m_path), QJsonDocument(root).toJson(), QStringLiteral("export state"));
    if (!written)
        return Unexpected(written.error().toStdString());
    return true;
}

bool ExportState::maskAllows(const protocol::MacAddress &mac) const
{
    return m_masks.empty() || std::ranges::find(m_masks, mac) != m_masks.end();
}

ExportState::MaskEdit ExportState::addMask(const protocol::MacAddress &mac)
{
    if (std::ranges::find(m_masks, mac) != m_masks.end())
        return MaskEdit::Ok;
    if (m_masks.size() >= kMaxMasks)
        return MaskEdit::ListFull;
    m_masks.push_back(mac);
    return MaskEdit::Ok;
}

bool ExportState::removeMask(const protocol::MacAddress &mac)
{
    return std::erase(m_masks, mac) > 0;
}

void ExportState::setMasks(std::vector<protocol::MacAddress> masks)
{
    m_masks.clear();
    for (const auto &mac : masks)
        if (addMask(mac) == MaskEdit::ListFull)
            break;
}

bool ExportState::reservationAllows(const protocol::MacAddress &mac) const
{
    return m_reserve.empty() || std::ranges::find(m_reserve, mac) != m_reserve.end();
}

void ExportState::setReservations(std::vector<protocol::MacAddress> macs)
{
    if (macs.size() > kMaxReservations)
        macs.resize(kMaxReservations);
    m_reserve = std::move(macs);
}

} // namespace aoesan::engine
