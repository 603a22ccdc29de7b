// SPDX-License-Identifier: GPL-3.0-or-later
// The frame codec (core/protocol): the input is one received frame. Decoding never reads past the end;
// whatever decodes encodes again, and the re-encoded frame decodes to the same header and argument (ATA
// data and raw arguments may gain the zero padding of the 60-byte minimum); encoding is then a fixed point.
// The same bytes also build a Frame field by field: encoding refuses exactly the frames it must refuse, and
// what it accepts decodes back to the frame.
#include <algorithm>
#include <fuzzer/FuzzedDataProvider.h>

#include "FuzzSupport.h"
#include "protocol/Frame.h"

using namespace aoesan;
using namespace aoesan::protocol;

namespace {

bool allZero(fuzz::Bytes bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t b) { return b == 0; });
}

// `again` is what decoding the encoding of `first` gave: the same, up to padding of the trailing bytes.
bool samePadded(fuzz::Bytes first, fuzz::Bytes again)
{
    return again.size() >= first.size() && std::equal(first.begin(), first.end(), again.begin())
        && allZero(again.subspan(first.size()));
}

bool sameUpToPadding(const Frame &first, const Frame &again)
{
    if (!(first.header == again.header) || first.arg.index() != again.arg.index())
        return false;
    if (const auto *a = first.as<AtaArg>()) {
        const auto *b = again.as<AtaArg>();
        return a->aflags == b->aflags && a->errFeature == b->errFeature && a->sectorCount == b->sectorCount
            && a->cmdStatus == b->cmdStatus && a->lba == b->lba && samePadded(a->data, b->data);
    }
    if (const auto *a = first.as<RawArg>())
        return samePadded(a->bytes, again.as<RawArg>()->bytes);
    return first.arg == again.arg;
}

void roundTrip(fuzz::Bytes input, DecodeOptions options)
{
    const auto decoded = decodeFrame(input, options);
    const auto header = decodeHeader(input, options);
    if (!decoded) {
        FUZZ_CHECK(decoded.error().offset <= input.size());
        FUZZ_CHECK(!decoded.error().message().empty());
        return;
    }
    FUZZ_CHECK(header.ok() && header.value() == decoded->header);
    // Every decoded argument fits its encoder's limits, and it belongs to its command.
    const auto encoded = encodeFrame(decoded.value());
    FUZZ_CHECK(encoded.ok());
    FUZZ_CHECK(encoded->size() >= kMinimumFrameSize);
    const auto again = decodeFrame(encoded.value(), options);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(sameUpToPadding(decoded.value(), again.value()));
    const auto encodedAgain = encodeFrame(again.value());
    FUZZ_CHECK(encodedAgain.ok() && encodedAgain.value() == encoded.value());
    // The encoder into a reused buffer writes the same bytes.
    std::vector<std::uint8_t> reused(7, 0xAA);
    const auto size = encodeFrameInto(again.value(), reused);
    FUZZ_CHECK(size.ok() && size.value() == reused.size() && reused == encoded.value());
}

MacAddress takeMac(FuzzedDataProvider &in)
{
    MacAddress::Bytes b {};
    for (auto &x : b)
        x = in.ConsumeIntegral<std::uint8_t>();
    return MacAddress(b);
}

// A frame built from the fuzzer's bytes, then encoded: the encoder's refusals, and decode(encode(f)) == f.
void buildAndEncode(fuzz::Bytes input)
{
    FuzzedDataProvider in(input.data(), input.size());
    Frame f;
    f.header.destination = takeMac(in);
    f.header.source = takeMac(in);
    f.header.version = in.ConsumeIntegralInRange<std::uint8_t>(0, 15);
    f.header.response = in.ConsumeBool();
    f.header.error = in.ConsumeBool();
    f.header.reservedFlags = in.ConsumeIntegralInRange<std::uint8_t>(0, 3);
    f.header.errorCode = in.ConsumeIntegral<std::uint8_t>();
    f.header.major = in.ConsumeIntegral<std::uint16_t>();
    f.header.minor = in.ConsumeIntegral<std::uint8_t>();
    f.header.tag = in.ConsumeIntegral<std::uint32_t>();
    const auto kind = in.ConsumeIntegralInRange<int>(0, 4);
    // Mostly the command the argument belongs to; sometimes another, which the encoder must refuse.
    const bool mismatch = in.ConsumeIntegralInRange<int>(0, 7) == 0;
    std::vector<std::uint8_t> payload; // keeps an AtaArg's or RawArg's bytes alive
    bool mustRefuse = false;
    std::uint8_t command = static_cast<std::uint8_t>(kind);
    switch (kind) {
    case 0: {
        AtaArg a;
        a.aflags = in.ConsumeIntegral<std::uint8_t>();
        a.errFeature = in.ConsumeIntegral<std::uint8_t>();
        a.sectorCount = in.ConsumeIntegral<std::uint8_t>();
        a.cmdStatus = in.ConsumeIntegral<std::uint8_t>();
        a.lba = in.ConsumeIntegralInRange<std::uint64_t>(0, (std::uint64_t {1} << 48) - 1);
        payload = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 2048));
        a.data = payload;
        f.arg = a;
        break;
    }
    case 1: {
        ConfigArg c;
        c.bufferCount = in.ConsumeIntegral<std::uint16_t>();
        c.firmwareVersion = in.ConsumeIntegral<std::uint16_t>();
        c.sectorCount = in.ConsumeIntegral<std::uint8_t>();
        c.aoeVersion = in.ConsumeIntegralInRange<std::uint8_t>(0, 15);
        c.ccmd = in.ConsumeIntegralInRange<std::uint8_t>(0, 15);
        c.configString = in.ConsumeBytesAsString(in.ConsumeIntegralInRange<std::size_t>(0, 1100));
        mustRefuse = c.configString.size() > kMaxConfigStringLength;
        f.arg = c;
        break;
    }
    case 2: {
        std::vector<MacMaskDirective> list(in.ConsumeIntegralInRange<std::size_t>(0, 260));
        for (auto &d : list)
            d = {in.ConsumeIntegral<std::uint8_t>(), takeMac(in)};
        mustRefuse = list.size() > 255;
        f.arg = MacMaskArg::withDirectives(
            static_cast<MacMaskCommand>(in.ConsumeIntegral<std::uint8_t>()), std::move(list));
        break;
    }
    case 3: {
        ReserveArg r;
        r.rcmd = in.ConsumeIntegral<std::uint8_t>();
        r.macs.resize(in.ConsumeIntegralInRange<std::size_t>(0, 260));
        for (auto &m : r.macs)
            m = takeMac(in);
        mustRefuse = r.macs.size() > 255;
        f.arg = r;
        break;
    }
    default:
        command = in.ConsumeIntegralInRange<std::uint8_t>(4, 255); // a command aoesan keeps raw
        payload = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 2048));
        f.arg = RawArg {payload};
        break;
    }
    if (mismatch && kind < 4) {
        command = static_cast<std::uint8_t>((kind + 1 + in.ConsumeIntegralInRange<int>(0, 2)) % 4);
        mustRefuse = true;
    }
    f.header.command = command;

    const auto encoded = encodeFrame(f);
    FUZZ_CHECK(encoded.ok() == !mustRefuse);
    if (!encoded)
        return;
    FUZZ_CHECK(encoded->size() >= kMinimumFrameSize);
    // A MAC mask reply that reports an error carries no list: decoding drops what the encoder wrote.
    const auto *mask = f.as<MacMaskArg>();
    if (mask && f.header.response && mask->merror != 0)
        return;
    const auto decoded = decodeFrame(encoded.value(), DecodeOptions {false});
    FUZZ_CHECK(decoded.ok());
    FUZZ_CHECK(sameUpToPadding(f, decoded.value()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const fuzz::Bytes input(data, size);
    roundTrip(input, DecodeOptions {true});
    roundTrip(input, DecodeOptions {false});
    buildAndEncode(input);
    return 0;
}
