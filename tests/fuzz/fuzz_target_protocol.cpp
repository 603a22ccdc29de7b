// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's frame handler (core/engine TargetProtocol) over an in-memory disk: the input is a session of
// requests (FuzzSupport.h records; each record is one flags byte and a frame). Every frame goes through
// receive() and, when it hands over an ATA command, through executeAta() or the two-step beginAta()/finishAta()
// the AIO path uses, in a buffer of the size the engine's server allocates. After every frame:
// - the export state stays valid: at most 32 masks (no repeats), 32 reservations, a 1024-byte config string;
//   a change of state is reported as one; a dropped frame changes nothing;
// - a reply is well-formed: a response from our MAC and address to the sender, with the request's tag and
//   command, decodable, at least 60 bytes and never larger than the interface's MTU allows;
// - the disk holds what a successful WRITE wrote, and a successful READ returns what the disk holds.
#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <unistd.h>

#include <sys/mman.h>

#include "FuzzSupport.h"
#include "engine/AtaDevice.h"
#include "engine/BlockBackend.h"
#include "engine/ExportState.h"
#include "engine/TargetProtocol.h"

using namespace aoesan;
using namespace aoesan::protocol;

namespace {

constexpr std::uint16_t kShelf = 7;
constexpr std::uint8_t kSlot = 3;
constexpr MacAddress kOurMac(MacAddress::Bytes {0x02, 0x00, 0x00, 0x00, 0xa0, 0x01});
constexpr std::uint64_t kDiskSectors = 64;

// Record flags (the first byte of each record).
constexpr std::uint8_t kToUs = 0x01; // destination := our MAC
constexpr std::uint8_t kOurAddress = 0x02; // shelf.slot := ours
constexpr std::uint8_t kTwoStep = 0x04; // beginAta/finishAta instead of executeAta
constexpr std::uint8_t kRequest = 0x08; // clear the response flag

// The disk: a memfd, emptied before every input so that inputs do not depend on each other.
struct Disk
{
    int fd = -1;
    std::unique_ptr<engine::BlockBackend> readWrite;
    std::unique_ptr<engine::BlockBackend> readOnly;

    Disk()
    {
        fd = ::memfd_create("aoesan-fuzz-disk", MFD_CLOEXEC);
        FUZZ_CHECK(fd >= 0);
        reset();
        const std::string path = "/proc/self/fd/" + std::to_string(fd);
        auto rw = engine::BlockBackend::open(path, {false, false, false, 0, std::nullopt});
        auto ro = engine::BlockBackend::open(path, {true, false, false, 0, std::nullopt});
        FUZZ_CHECK(rw.ok() && ro.ok());
        readWrite = std::move(rw).value();
        readOnly = std::move(ro).value();
        FUZZ_CHECK(readWrite->sectors() == kDiskSectors);
    }
    void reset() const { FUZZ_CHECK(::ftruncate(fd, 0) == 0 && ::ftruncate(fd, kDiskSectors * 512) == 0); }
    std::vector<std::uint8_t> read(std::uint64_t lba, std::size_t bytes) const
    {
        std::vector<std::uint8_t> out(bytes);
        FUZZ_CHECK(::pread(fd, out.data(), bytes, static_cast<off_t>(lba * 512)) == static_cast<ssize_t>(bytes));
        return out;
    }
};

void checkState(const engine::ExportState &s)
{
    FUZZ_CHECK(s.masks().size() <= engine::ExportState::kMaxMasks);
    FUZZ_CHECK(s.reservations().size() <= engine::ExportState::kMaxReservations);
    FUZZ_CHECK(s.configString().size() <= kMaxConfigStringLength);
    auto masks = s.masks();
    std::sort(masks.begin(), masks.end());
    FUZZ_CHECK(std::adjacent_find(masks.begin(), masks.end()) == masks.end());
}

// A reply to `request` as it would go on the wire. An error reply echoes the request's argument, as vblade does
// (and initiators read only its header): its header must decode; any other reply must decode whole.
std::optional<Frame> checkReply(fuzz::Bytes reply, const Header &request, std::size_t mtu)
{
    FUZZ_CHECK(reply.size() >= kMinimumFrameSize);
    FUZZ_CHECK(reply.size() <= kEthernetHeaderSize + mtu);
    const auto header = decodeHeader(reply);
    FUZZ_CHECK(header.ok());
    const Header &h = header.value();
    FUZZ_CHECK(h.response && h.version == kVersion && h.reservedFlags == 0);
    FUZZ_CHECK(h.source == kOurMac && h.destination == request.source);
    FUZZ_CHECK(h.major == kShelf && h.minor == kSlot);
    FUZZ_CHECK(h.tag == request.tag && h.command == request.command);
    const auto decoded = decodeFrame(reply);
    if (!decoded && !h.error) {
        std::fprintf(stderr, "the reply does not decode: %s\n", decoded.error().message().c_str());
        for (const std::uint8_t b : reply)
            std::fprintf(stderr, "%02x", b);
        std::fprintf(stderr, "\n");
    }
    FUZZ_CHECK(decoded.ok() || h.error);
    if (!decoded)
        return std::nullopt;
    FUZZ_CHECK(decoded->header == h);
    return decoded.value();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const Disk disk;
    disk.reset();
    if (size < 1)
        return 0;
    // The first byte: read-only or not, the interface's MTU (the standard 1500 or a jumbo 9000), and what
    // mask and reserve edits from the wire do (forget, keep, refuse).
    const bool readOnly = (data[0] & 0x01) != 0;
    const std::size_t mtu = (data[0] & 0x02) != 0 ? 9000 : 1500;
    const auto wireEdits = static_cast<engine::WireEdits>(((data[0] >> 2U) & 0x03U) % 3U);
    const std::uint8_t maxSectors = sectorsPerFrame(mtu);
    const engine::BlockBackend &backend = readOnly ? *disk.readOnly : *disk.readWrite;

    IdentifyInfo info;
    info.serial = "7.3:0123abcd";
    info.firmware = "0.1.0";
    info.model = "aoesan AoE target";
    engine::ExportState state;
    state.setWireEdits(wireEdits);
    engine::AtaDevice device(backend, info, maxSectors);
    engine::TargetProtocol target({kShelf, kSlot, kOurMac, 16, 0x4001, maxSectors}, state, device);
    // As TargetServer allocates them: a whole frame of the MTU, and room for IDENTIFY's 512 bytes.
    const std::size_t capacity = std::max(kEthernetHeaderSize + mtu, kCommonHeaderSize + kAtaHeaderSize + 512);
    std::vector<std::uint8_t> buffer(capacity);
    std::vector<std::uint8_t> reply;

    for (const fuzz::Bytes record : fuzz::splitRecords(fuzz::Bytes(data, size).subspan(1))) {
        if (record.empty() || record.size() - 1 > kEthernetHeaderSize + mtu)
            continue; // the socket never hands over more than a frame of the MTU
        const std::uint8_t flags = record[0];
        std::vector<std::uint8_t> frame(record.begin() + 1, record.end());
        if (frame.size() >= kCommonHeaderSize) {
            if ((flags & kToUs) != 0)
                std::copy(kOurMac.bytes().begin(), kOurMac.bytes().end(), frame.begin());
            if ((flags & kOurAddress) != 0) {
                frame[16] = kShelf >> 8U;
                frame[17] = kShelf & 0xffU;
                frame[18] = kSlot;
            }
            if ((flags & kRequest) != 0)
                frame[14] &= static_cast<std::uint8_t>(~flags::Response);
        }
        const engine::ExportState before = state;
        reply.assign(3, 0xEE); // leftovers must not pass for a reply
        const auto result = target.receive(frame, reply);
        checkState(state);
        // What the state file keeps must be written; every change of who may use it is said; under refuse
        // nobody on the wire changes that at all.
        const bool listsChanged = state.masks() != before.masks() || state.reservations() != before.reservations();
        if (state.configString() != before.configString())
            FUZZ_CHECK(result.stateChanged);
        if (listsChanged)
            FUZZ_CHECK(result.accessChanged && wireEdits != engine::WireEdits::Refuse);
        if (listsChanged && wireEdits == engine::WireEdits::Keep)
            FUZZ_CHECK(result.stateChanged);
        if (result.verdict == engine::Verdict::Drop) {
            FUZZ_CHECK(state == before);
            continue;
        }
        const auto header = decodeHeader(frame, DecodeOptions {false});
        FUZZ_CHECK(header.ok() && !header->response && header->addresses(kShelf, kSlot));
        FUZZ_CHECK(state.maskAllows(header->source) || before.maskAllows(header->source));
        if (result.verdict == engine::Verdict::Reply) {
            checkReply(reply, header.value(), mtu);
            continue;
        }
        // Verdict::Ata: only ATA commands, only after every check passed.
        FUZZ_CHECK(header->commandCode() == Command::Ata && !result.stateChanged);
        const auto request = decodeFrame(frame, DecodeOptions {false});
        FUZZ_CHECK(request.ok());
        const AtaArg command = *request->as<AtaArg>();
        const std::vector<std::uint8_t> writeData(command.data.begin(), command.data.end());
        std::fill(buffer.begin(), buffer.end(), 0xA5);
        std::copy(frame.begin(), frame.end(), buffer.begin());
        engine::AtaCompletion done;
        if ((flags & kTwoStep) != 0) {
            const auto start = target.beginAta(buffer, frame.size());
            done = start.done;
            if (start.pending) {
                const auto &t = start.transfer;
                FUZZ_CHECK(t.bytes == std::size_t {t.count} * 512 && t.count <= maxSectors);
                FUZZ_CHECK(start.data >= buffer.data() && start.data + t.bytes <= buffer.data() + buffer.size());
                const auto status = t.write ? backend.write(t.lba, std::span<const std::uint8_t>(start.data, t.bytes))
                                            : backend.read(t.lba, std::span<std::uint8_t>(start.data, t.bytes));
                done = target.finishAta(buffer, t, status);
            }
        } else {
            done = target.executeAta(buffer, frame.size());
        }
        if (done.length == 0)
            continue;
        FUZZ_CHECK(done.length <= buffer.size());
        const auto answer = checkReply(fuzz::Bytes(buffer.data(), done.length), header.value(), mtu);
        FUZZ_CHECK(answer.has_value()); // an ATA reply has its 12-byte header, error or not
        const auto *ata = answer->as<AtaArg>();
        FUZZ_CHECK(ata != nullptr);
        FUZZ_CHECK(done.bytesRead == 0 || done.bytesWritten == 0);
        const std::uint64_t lba = command.effectiveLba();
        if (done.bytesWritten > 0) {
            FUZZ_CHECK(!readOnly && !done.failed && done.bytesWritten <= writeData.size());
            FUZZ_CHECK(disk.read(lba, done.bytesWritten)
                == std::vector<std::uint8_t>(
                    writeData.begin(), writeData.begin() + static_cast<std::ptrdiff_t>(done.bytesWritten)));
        }
        if (done.bytesRead > 0) {
            FUZZ_CHECK(!done.failed && ata->data.size() >= done.bytesRead);
            FUZZ_CHECK(disk.read(lba, done.bytesRead)
                == std::vector<std::uint8_t>(
                    ata->data.begin(), ata->data.begin() + static_cast<std::ptrdiff_t>(done.bytesRead)));
        }
    }
    // What the engine announces at start, with the state the session left.
    for (const auto &frame : target.announcements()) {
        FUZZ_CHECK(frame.size() >= kMinimumFrameSize && frame.size() <= kEthernetHeaderSize + mtu);
        const auto decoded = decodeFrame(frame);
        FUZZ_CHECK(
            decoded.ok() && decoded->as<ConfigArg>() && decoded->as<ConfigArg>()->configString == state.configString());
    }
    return 0;
}
