// SPDX-License-Identifier: GPL-3.0-or-later
// What an initiator can change on an export and expects to find again after a restart: the config
// string, the MAC mask list and the reserve list (vblade keeps none of them; ggaoed keeps all three).
// Bounded lists indexed by entry. Saved atomically to a small JSON state file after every change.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "protocol/MacAddress.h"
#include "util/Result.h"

namespace aoesan::engine {

class ExportState
{
public:
    // vblade's mask holds 32 MACs; a full list reply (32 × 8 bytes) fits any MTU.
    static constexpr std::size_t kMaxMasks = 32;
    static constexpr std::size_t kMaxReservations = 32;

    enum class MaskEdit : std::uint8_t { Ok, ListFull };

    ExportState() = default;
    // Loads `path` if it exists; with an empty path nothing is ever saved. A damaged file is renamed
    // to PATH.corrupt-<time> and reported in `warning`, and the state starts empty. One that cannot be
    // read (no permission, not a regular file, larger than 1 MiB) is an error and is left as it is.
    static Result<ExportState, std::string> load(const std::string &path, std::string *warning = nullptr);
    // Writes the state file (write-temp-rename). No-op without a path.
    Result<bool, std::string> save() const;

    const std::string &configString() const { return m_config; }
    void setConfigString(std::string value) { m_config = std::move(value); }

    const std::vector<protocol::MacAddress> &masks() const { return m_masks; }
    bool maskAllows(const protocol::MacAddress &mac) const;
    MaskEdit addMask(const protocol::MacAddress &mac);
    void removeMask(const protocol::MacAddress &mac);
    void setMasks(std::vector<protocol::MacAddress> masks); // from -m at startup (bounded)

    const std::vector<protocol::MacAddress> &reservations() const { return m_reserve; }
    bool reservationAllows(const protocol::MacAddress &mac) const;
    void setReservations(std::vector<protocol::MacAddress> macs);

    const std::string &path() const { return m_path; }
    void setPath(std::string path) { m_path = std::move(path); }

    bool operator==(const ExportState &o) const
    {
        return m_config == o.m_config && m_masks == o.m_masks && m_reserve == o.m_reserve;
    }

private:
    std::string m_path;
    std::string m_config;
    std::vector<protocol::MacAddress> m_masks;
    std::vector<protocol::MacAddress> m_reserve;
};

} // namespace aoesan::engine
