// SPDX-License-Identifier: GPL-3.0-or-later
// What an initiator can change on an export: the config string, the MAC mask list and the reserve list
// (vblade keeps none of them across a restart; ggaoed keeps all three). Bounded lists indexed by entry.
// Saved atomically to a small JSON state file after every change: the config string always; the mask and
// reserve lists only when the export's owner allows it (WireEdits::Keep), because one broadcast mask edit
// from any host on the segment would otherwise lock every export out for good.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/MacAddress.h"
#include "util/Result.h"

namespace aoesan::engine {

// What a MAC mask or reserve edit that arrives over the network does (--wire-edits; an export's
// "wireEdits"). The owner's own list (-m, from the command line, the service or the GUI) always holds at
// start; these say what a host on the segment may do to it afterwards.
enum class WireEdits : std::uint8_t {
    Forget, // applied until the engine stops, never saved (the default; vblade forgets them too)
    Keep, // applied and saved in the state file, restored at the next start (ggaoed's way)
    Refuse, // refused: a mask edit gets MError 1, a reserve set the error "target reserved"
};
// The words of the option and of exports.json: "forget", "keep", "refuse".
std::string_view wireEditsWord(WireEdits mode);
std::optional<WireEdits> wireEditsFromWord(std::string_view word);

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
    // Writes the state file (write-temp-rename): the config string, and the mask and reserve lists only
    // under WireEdits::Keep (written empty otherwise, so an older file's lists do not come back). No-op
    // without a path.
    Result<bool, std::string> save() const;

    WireEdits wireEdits() const { return m_wireEdits; }
    void setWireEdits(WireEdits mode) { m_wireEdits = mode; }

    const std::string &configString() const { return m_config; }
    void setConfigString(std::string value) { m_config = std::move(value); }

    const std::vector<protocol::MacAddress> &masks() const { return m_masks; }
    bool maskAllows(const protocol::MacAddress &mac) const;
    MaskEdit addMask(const protocol::MacAddress &mac);
    bool removeMask(const protocol::MacAddress &mac); // false: it was not on the list
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
    WireEdits m_wireEdits = WireEdits::Forget;
    std::string m_config;
    std::vector<protocol::MacAddress> m_masks;
    std::vector<protocol::MacAddress> m_reserve;
};

} // namespace aoesan::engine
