// SPDX-License-Identifier: GPL-3.0-or-later
// The cases of tst_target_protocol, grouped by the section of AOE-PROTOCOL.md they come from.
// Every expected reply is written out byte by byte; comments name the rule, not the bytes.
#include "TargetProtocolCases.h"

namespace aoesan::test::cases {

using namespace frames;
using engine::ExportState;
using engine::Verdict;
using protocol::MacAddress;

namespace {

// Unique tags per group, so a wrong reply can never pass for another case's.
class Tags
{
public:
    explicit Tags(std::uint32_t base)
        : m_next(base)
    { }
    std::uint32_t operator()() { return m_next++; }

private:
    std::uint32_t m_next;
};

RawFrame request(std::uint8_t command, std::uint32_t tag, const MacAddress &from = kA, std::uint16_t major = kShelf,
    std::uint8_t minor = kSlot, std::uint8_t versionAndFlags = kRequest)
{
    return header(kTarget, from, versionAndFlags, 0, major, minor, command, tag);
}

// What every reply starts with: to the sender, from us, Ver 1, our real shelf.slot, the request's tag.
RawFrame reply(std::uint8_t command, std::uint32_t tag, const MacAddress &to = kA,
    std::uint8_t versionAndFlags = kReply, std::uint8_t error = 0)
{
    return header(to, kTarget, versionAndFlags, error, kShelf, kSlot, command, tag);
}

QByteArray configReply(
    std::uint32_t tag, unsigned ccmd, const QByteArray &text, const MacAddress &to = kA, std::uint8_t error = 0)
{
    return reply(kConfig, tag, to, error ? kErrorReply : kReply, error)
        .config(kBufferCount, kFirmware, kMaxSectors, 0x10U | ccmd, static_cast<unsigned>(text.size()), text)
        .padTo();
}

MacAddress sourceOf(const QByteArray &frame)
{
    MacAddress::Bytes b {};
    for (std::size_t i = 0; i < b.size(); ++i)
        b[i] = static_cast<std::uint8_t>(frame[static_cast<qsizetype>(6 + i)]);
    return MacAddress(b);
}

// An AoE error reply: the header with E and the code, then the request's bytes after the header
// echoed up to the 60-byte minimum, as vblade answers.
QByteArray errorEcho(const QByteArray &req, std::uint8_t error)
{
    return reply(static_cast<std::uint8_t>(req[19]), tagOf(req), sourceOf(req), kErrorReply, error)
        .raw(req.mid(24, 36))
        .padTo();
}

QByteArray maskList(std::uint32_t tag, unsigned mcmd, const QList<MacAddress> &list, const MacAddress &to = kA)
{
    RawFrame f = reply(kMask, tag, to).mask(mcmd, 0, static_cast<unsigned>(list.size()));
    for (const auto &m : list)
        f.directive(0, m);
    return f.padTo();
}

QByteArray maskFailure(std::uint32_t tag, unsigned mcmd, unsigned merror, unsigned index)
{
    return reply(kMask, tag).mask(mcmd, merror, index).padTo();
}

QByteArray reserveList(
    std::uint32_t tag, unsigned rcmd, const QList<MacAddress> &list, const MacAddress &to = kA, std::uint8_t error = 0)
{
    return reply(kReserve, tag, to, error ? kErrorReply : kReply, error)
        .reserve(rcmd, static_cast<unsigned>(list.size()))
        .macs(list)
        .padTo();
}

std::vector<MacAddress> fillers(unsigned count)
{
    std::vector<MacAddress> list;
    for (unsigned i = 0; i < count; ++i)
        list.push_back(fillerMac(i));
    return list;
}

std::vector<MacAddress> with(std::vector<MacAddress> list, const MacAddress &extra)
{
    list.push_back(extra);
    return list;
}

ProtocolCase dropped(const char *name, const QByteArray &req, const ExportState &before = {})
{
    return {QString::fromLatin1(name), req, before, Verdict::Drop, {}, before};
}

ProtocolCase answered(
    const char *name, const QByteArray &req, const QByteArray &rep, const ExportState &before, const ExportState &after)
{
    return {QString::fromLatin1(name), req, before, Verdict::Reply, rep, after};
}

ProtocolCase answered(const char *name, const QByteArray &req, const QByteArray &rep, const ExportState &before = {})
{
    return answered(name, req, rep, before, before);
}

ProtocolCase ata(const char *name, const QByteArray &req, const QByteArray &rep, const ExportState &before = {})
{
    return {QString::fromLatin1(name), req, before, Verdict::Ata, rep, before};
}

} // namespace

protocol::IdentifyInfo identityInfo()
{
    protocol::IdentifyInfo info;
    info.serial = "7.3:0123abcd";
    info.firmware = "0.1.0";
    info.model = "aoesan AoE target";
    return info;
}

engine::TargetIdentity targetIdentity()
{
    return {kShelf, kSlot, kTarget, kBufferCount, kFirmware, kMaxSectors};
}

ExportState exportState(
    const std::string &config, const std::vector<MacAddress> &masks, const std::vector<MacAddress> &reserve)
{
    ExportState s;
    s.setConfigString(config);
    s.setMasks(masks);
    s.setReservations(reserve);
    return s;
}

QList<ProtocolCase> addressingCases()
{
    Tags tag(0x80010000);
    QList<ProtocolCase> c;
    const auto query = [](std::uint32_t t, std::uint16_t major, std::uint8_t minor) -> QByteArray {
        return request(kConfig, t, kA, major, minor).configRequest(0, {}).padTo();
    };
    std::uint32_t t = tag();
    c << answered("own shelf.slot", query(t, 7, 3), configReply(t, 0, {}));
    t = tag();
    c << answered("broadcast shelf and slot: reply carries 7.3", query(t, 0xFFFF, 0xFF), configReply(t, 0, {}));
    t = tag();
    c << answered("broadcast shelf, own slot", query(t, 0xFFFF, 3), configReply(t, 0, {}));
    t = tag();
    c << answered("own shelf, broadcast slot", query(t, 7, 0xFF), configReply(t, 0, {}));
    t = tag();
    {
        // Sent to the broadcast MAC rather than ours: the address that counts is shelf.slot.
        const QByteArray req
            = header(MacAddress::broadcast(), kA, kRequest, 0, 0xFFFF, 0xFF, kConfig, t).configRequest(0, {}).padTo();
        c << answered("broadcast destination MAC", req, configReply(t, 0, {}));
    }
    c << dropped("unicast to another host's MAC (a promiscuous interface)",
        header(kD, kA, kRequest, 0, 7, 3, kConfig, tag()).configRequest(0, {}).padTo());
    t = tag();
    c << answered("multicast destination MAC",
        header(frames::mac("01:00:5e:00:00:01"), kA, kRequest, 0, 7, 3, kConfig, t).configRequest(0, {}).padTo(),
        configReply(t, 0, {}));
    // A forged group source: a reply would go to every host on the segment (reflection, ~18x for a READ).
    for (const char *group : {"ff:ff:ff:ff:ff:ff", "01:00:5e:00:00:01", "33:33:00:00:00:01", "03:00:00:00:00:00"}) {
        const MacAddress source = frames::mac(group);
        c << dropped(qPrintable(QStringLiteral("config query from group source %1").arg(QLatin1String(group))),
            header(kTarget, source, kRequest, 0, 7, 3, kConfig, tag()).configRequest(0, {}).padTo());
        c << dropped(qPrintable(QStringLiteral("READ from group source %1").arg(QLatin1String(group))),
            header(kTarget, source, kRequest, 0, 7, 3, kAta, tag()).ata(0x40, 0, 1, 0x24, 0).padTo());
        c << dropped(
            qPrintable(QStringLiteral("broadcast config query from group source %1").arg(QLatin1String(group))),
            header(MacAddress::broadcast(), source, kRequest, 0, 0xFFFF, 0xFF, kConfig, tag())
                .configRequest(0, {})
                .padTo());
    }
    c << dropped("other shelf", query(tag(), 8, 3));
    c << dropped("other slot", query(tag(), 7, 4));
    c << dropped("broadcast shelf, other slot", query(tag(), 0xFFFF, 4));
    c << dropped("other shelf, broadcast slot", query(tag(), 8, 0xFF));
    c << dropped("shelf 0 slot 0", query(tag(), 0, 0));
    c << dropped("shelf 0x0700 (byte order)", query(tag(), 0x0700, 3));

    // R set: a response, maybe our own echoed back on lo. Never answered, whatever else it holds.
    t = tag();
    c << dropped(
        "R flag: a config reply", request(kConfig, t, kA, 7, 3, kReply).config(16, 0x4019, 2, 0x10, 0, {}).padTo());
    c << dropped("R and E flags: an error reply", request(kConfig, tag(), kA, 7, 3, kErrorReply).padTo());
    c << dropped("R flag: an ATA READ", request(kAta, tag(), kA, 7, 3, kReply).ata(0x40, 0, 1, 0x24, 0).padTo());
    c << dropped("R flag with Ver 2", request(kAta, tag(), kA, 7, 3, 0x28).ata(0, 0, 0, 0xE5, 0).padTo());
    c << dropped("R flag on an unknown command", request(0xF0, tag(), kA, 7, 3, kReply).padTo());

    // Short frames: dropped when the command's own header is cut; accepted unpadded when complete.
    c << dropped("13 bytes: no EtherType", query(tag(), 7, 3).left(13));
    c << dropped("23 bytes: AoE header cut", query(tag(), 7, 3).left(23));
    {
        QByteArray ip = query(tag(), 7, 3);
        ip[12] = 0x08;
        ip[13] = 0x00;
        c << dropped("wrong EtherType 0x0800", ip);
    }
    c << dropped("ATA with no argument (24 bytes)", request(kAta, tag()));
    c << dropped("ATA argument one byte short (35 bytes)", request(kAta, tag()).ata(0, 0, 1, 0xEC, 0).cutTo(35));
    c << dropped("config header one byte short (31 bytes)", request(kConfig, tag()).configRequest(0, {}).cutTo(31));
    t = tag();
    c << answered(
        "config query of 32 bytes, unpadded (Linux)", request(kConfig, t).configRequest(0, {}), configReply(t, 0, {}));
    c << dropped("mask header one byte short (27 bytes)", request(kMask, tag()).mask(0, 0, 0).cutTo(27));
    t = tag();
    c << answered("mask read of 28 bytes", request(kMask, t).mask(0, 0, 0), maskList(t, 0, {}));
    c << dropped("reserve header one byte short (25 bytes)", request(kReserve, tag()).reserve(0, 0).cutTo(25));
    t = tag();
    c << answered("reserve read of 26 bytes", request(kReserve, t).reserve(0, 0), reserveList(t, 0, {}));
    t = tag();
    {
        const QByteArray req = request(0x05, t); // unknown commands have no header of their own
        c << answered("unknown command, 24 bytes", req, errorEcho(req, 1));
    }

    // A non-empty MAC mask list silences everyone else: no reply, not even an error, and no change.
    const ExportState maskedB = exportState("kept", {kB});
    c << dropped("masked out: config read", query(tag(), 7, 3), maskedB);
    c << dropped("masked out: broadcast config read", query(tag(), 0xFFFF, 0xFF), maskedB);
    c << dropped("masked out: config force set", request(kConfig, tag()).configRequest(4, "mine").padTo(), maskedB);
    c << dropped("masked out: IDENTIFY", request(kAta, tag()).ata(0, 0, 1, 0xEC, 0xA0000000).padTo(), maskedB);
    c << dropped("masked out: mask read", request(kMask, tag()).mask(0, 0, 0).padTo(), maskedB);
    c << dropped("masked out: mask delete of the only entry",
        request(kMask, tag()).mask(1, 0, 1).directive(2, kB).padTo(), maskedB);
    c << dropped("masked out: reserve force set", request(kReserve, tag()).reserve(2, 1).mac(kA).padTo(), maskedB);
    c << dropped("masked out: unknown command 0xF0", request(0xF0, tag()).padTo(), maskedB);
    c << dropped("masked out: Ver 2", request(kConfig, tag(), kA, 7, 3, 0x20).configRequest(0, {}).padTo(), maskedB);
    t = tag();
    c << answered("on the mask list: config read", request(kConfig, t, kB).configRequest(0, {}).padTo(),
        configReply(t, 0, "kept", kB), maskedB);
    return c;
}

QList<ProtocolCase> versionAndCommandCases()
{
    Tags tag(0x80020000);
    QList<ProtocolCase> c;
    // Ver must be 1: anything else is answered with error 5, and the reply itself is Ver 1.
    QByteArray req = request(kConfig, tag(), kA, 7, 3, 0x00).configRequest(0, {}).padTo();
    c << answered("Ver 0 config query", req, errorEcho(req, 5));
    req = request(kAta, tag(), kA, 7, 3, 0x20).ata(0, 0, 0, 0xE5, 0).padTo();
    c << answered("Ver 2 CHECK POWER (vblade serves it)", req, errorEcho(req, 5));
    req = request(kAta, tag(), kA, 0xFFFF, 0xFF, 0x20).ata(0x40, 0, 1, 0x24, 0).padTo();
    c << answered("Ver 2 broadcast READ EXT", req, errorEcho(req, 5));
    req = request(kReserve, tag(), kA, 7, 3, 0xF0).reserve(2, 1).mac(kB).padTo();
    c << answered("Ver 15 reserve force set changes nothing", req, errorEcho(req, 5), exportState({}, {}, {kA}));
    req = request(kConfig, tag(), kA, 7, 3, 0x20).configRequest(4, "new").padTo();
    c << answered("Ver 2 config force set changes nothing", req, errorEcho(req, 5), exportState("old"));

    // Unknown commands, the vendor range included: E + error 1, the request echoed.
    for (const unsigned command : {4U, 5U, 0x0FU, 0x7FU, 0xF0U, 0xFEU, 0xFFU}) {
        req = request(static_cast<std::uint8_t>(command), tag()).fill(36, static_cast<char>(0xA5));
        const QByteArray name = "unknown command 0x" + QByteArray::number(command, 16);
        c << answered(name.constData(), req, errorEcho(req, 1));
    }
    req = request(0xF0, tag()).fill(200, 'v');
    c << answered("vendor command 0xF0, long: the echo stops at 60 bytes", req, errorEcho(req, 1));
    req = request(0xF0, tag(), kA, 7, 3, 0x14).padTo(); // E set on a request means nothing
    c << answered("request carrying the E flag", req, errorEcho(req, 1));
    return c;
}

QList<ProtocolCase> configCases()
{
    Tags tag(0x80030000);
    QList<ProtocolCase> c;
    const std::string stored = "stored-config";
    const ExportState none = exportState();
    const ExportState have = exportState(stored);
    const auto ask = [](std::uint32_t t, unsigned ccmd, const QByteArray &text) -> QByteArray {
        return request(kConfig, t).configRequest(ccmd, text).padTo();
    };
    std::uint32_t t = tag();
    c << answered("read, no string", ask(t, 0, {}), configReply(t, 0, {}));
    t = tag();
    c << answered("read returns the string", ask(t, 0, {}), configReply(t, 0, "stored-config"), have);
    t = tag();
    c << answered("read ignores a string in the request", ask(t, 0, "junk"), configReply(t, 0, "stored-config"), have);
    t = tag();
    c << answered("read with the AoE version nibble set", request(kConfig, t).config(0, 0, 0, 0x10, 0, {}).padTo(),
        configReply(t, 0, "stored-config"), have);

    // Test exact (1) and prefix (2): a reply means "yes", and "no" is silence.
    t = tag();
    c << answered("test: equal", ask(t, 1, "stored-config"), configReply(t, 1, "stored-config"), have);
    c << dropped("test: different", ask(tag(), 1, "other-config"), have);
    c << dropped("test: only a prefix", ask(tag(), 1, "stored"), have);
    c << dropped("test: longer", ask(tag(), 1, "stored-config-2"), have);
    c << dropped("test: empty against a string", ask(tag(), 1, {}), have);
    t = tag();
    c << answered("test: empty against empty", ask(t, 1, {}), configReply(t, 1, {}));
    t = tag();
    c << answered("prefix: a prefix", ask(t, 2, "stored"), configReply(t, 2, "stored-config"), have);
    t = tag();
    c << answered("prefix: the whole string", ask(t, 2, "stored-config"), configReply(t, 2, "stored-config"), have);
    t = tag();
    c << answered("prefix: empty", ask(t, 2, {}), configReply(t, 2, "stored-config"), have);
    c << dropped("prefix: longer than the string", ask(tag(), 2, "stored-config-2"), have);
    c << dropped("prefix: a suffix", ask(tag(), 2, "config"), have);
    c << dropped("prefix: against empty", ask(tag(), 2, "s"), none);

    // Set if empty (3) and force set (4).
    t = tag();
    c << answered("set on empty stores", ask(t, 3, "fresh"), configReply(t, 3, "fresh"), none, exportState("fresh"));
    t = tag();
    c << answered(
        "set of the same string is accepted", ask(t, 3, "stored-config"), configReply(t, 3, "stored-config"), have);
    t = tag();
    c << answered("set of a different string: error 4 with the current one", ask(t, 3, "other"),
        configReply(t, 3, "stored-config", kA, 4), have);
    t = tag();
    c << answered("set of an empty string over a string: error 4", ask(t, 3, {}),
        configReply(t, 3, "stored-config", kA, 4), have);
    t = tag();
    c << answered("force set replaces", ask(t, 4, "forced"), configReply(t, 4, "forced"), have, exportState("forced"));
    t = tag();
    c << answered("force set of the same string", ask(t, 4, "stored-config"), configReply(t, 4, "stored-config"), have);
    t = tag();
    c << answered("force set of an empty string clears", ask(t, 4, {}), configReply(t, 4, {}), have, none);
    {
        // Every byte value but NUL survives: the string is bytes, not text.
        QByteArray binary;
        for (int i = 1; i < 256; ++i)
            binary.append(static_cast<char>(i));
        t = tag();
        c << answered("force set of binary bytes", ask(t, 4, binary), configReply(t, 4, binary), none,
            exportState(binary.toStdString()));
    }
    for (const unsigned ccmd : {5U, 7U, 15U}) {
        t = tag();
        const QByteArray name = "ccmd " + QByteArray::number(ccmd) + ": error 2, nothing stored";
        c << answered(name.constData(), ask(t, ccmd, "sneaky"), configReply(t, ccmd, "stored-config", kA, 2), have);
    }

    // String lengths: up to 1024 bytes, and never past the end of the frame.
    const QByteArray longest(1024, 'x');
    t = tag();
    c << answered("force set of 1024 bytes", ask(t, 4, longest), configReply(t, 4, longest), none,
        exportState(longest.toStdString()));
    QByteArray req = request(kConfig, tag()).configRequest(4, QByteArray(1025, 'y'));
    c << answered("force set of 1025 bytes: error 2", req, errorEcho(req, 2), have);
    req = request(kConfig, tag()).config(0, 0, 0, 0, 2000, {}).padTo();
    c << answered("read with length 2000: error 2", req, errorEcho(req, 2), have);
    req = request(kConfig, tag()).config(0, 0, 0, 4, 29, "beyond").padTo();
    c << answered("force set, length one past a 60-byte frame: error 2", req, errorEcho(req, 2), have);
    req = request(kConfig, tag()).config(0, 0, 0, 3, 0xFFFF, {}).padTo();
    c << answered("set, length 0xFFFF: error 2", req, errorEcho(req, 2), none);
    t = tag();
    c << answered("force set filling a 60-byte frame exactly", ask(t, 4, QByteArray(28, 'z')),
        configReply(t, 4, QByteArray(28, 'z')), have, exportState(std::string(28, 'z')));
    return c;
}

QByteArray maskAddRequest(std::uint32_t tag, const MacAddress &mac, const MacAddress &from)
{
    return request(kMask, tag, from).mask(1, 0, 1).directive(1, mac).padTo();
}

QByteArray reserveSetRequest(std::uint32_t tag, unsigned rcmd, const MacAddress &mac, const MacAddress &from)
{
    return request(kReserve, tag, from).reserve(rcmd, 1).mac(mac).padTo();
}

QList<ProtocolCase> maskCases()
{
    Tags tag(0x80040000);
    QList<ProtocolCase> c;
    const auto edit = [](std::uint32_t t, const QList<std::pair<unsigned, MacAddress>> &directives,
                          const MacAddress &from = kA) -> QByteArray {
        RawFrame f = request(kMask, t, from).mask(1, 0, static_cast<unsigned>(directives.size()));
        for (const auto &[dcmd, m] : directives)
            f.directive(dcmd, m);
        return f.padTo();
    };
    const ExportState none = exportState();
    std::uint32_t t = tag();
    c << answered("read, empty list", request(kMask, t).mask(0, 0, 0).padTo(), maskList(t, 0, {}));
    t = tag();
    c << answered("read, three entries", request(kMask, t).mask(0, 0, 0).padTo(), maskList(t, 0, {kA, kB, kC}),
        exportState({}, {kA, kB, kC}));
    t = tag();
    c << answered("add the sender", edit(t, {{1, kA}}), maskList(t, 1, {kA}), none, exportState({}, {kA}));
    t = tag();
    c << answered("add three: each is its own entry (vblade overwrote entry 1)", edit(t, {{1, kA}, {1, kB}, {1, kC}}),
        maskList(t, 1, {kA, kB, kC}), none, exportState({}, {kA, kB, kC}));
    t = tag();
    c << answered("add a MAC already listed", edit(t, {{1, kA}}), maskList(t, 1, {kA, kB}), exportState({}, {kA, kB}));
    t = tag();
    c << answered("matching delete of the only entry (crashes vblade)", edit(t, {{2, kA}}), maskList(t, 1, {}),
        exportState({}, {kA}), none);
    t = tag();
    c << answered("delete the middle entry", edit(t, {{2, kB}}), maskList(t, 1, {kA, kC}),
        exportState({}, {kA, kB, kC}), exportState({}, {kA, kC}));
    t = tag();
    c << answered("delete the last entry (vblade only searched the first ceil(n/6))", edit(t, {{2, kC}}),
        maskList(t, 1, {kA, kB}), exportState({}, {kA, kB, kC}), exportState({}, {kA, kB}));
    t = tag();
    c << answered("delete a MAC not listed", edit(t, {{2, kD}}), maskList(t, 1, {kA, kB}), exportState({}, {kA, kB}));
    t = tag();
    c << answered("DCmd 0 directives are skipped", edit(t, {{0, kB}, {1, kA}, {0, kC}}), maskList(t, 1, {kA}), none,
        exportState({}, {kA}));
    t = tag();
    c << answered("add and delete in one edit", edit(t, {{1, kA}, {1, kB}, {2, kA}}), maskList(t, 1, {kB}), none,
        exportState({}, {kB}));

    // A failing directive: MError, Dir Count = its index, no list; the ones before it stay applied.
    t = tag();
    c << answered("bad DCmd 3 second: MError 2, Dir Count 1, the first applied", edit(t, {{1, kB}, {3, kC}, {1, kD}}),
        maskFailure(t, 1, 2, 1), none, exportState({}, {kB}));
    t = tag();
    c << answered(
        "bad DCmd 0xFF first: nothing applied", edit(t, {{0xFF, kB}, {1, kC}}), maskFailure(t, 1, 2, 0), none);
    const auto full = with(fillers(31), kA); // 32 entries, the sender among them
    t = tag();
    c << answered("add to a full list: MError 3, Dir Count 0", edit(t, {{1, kD}}), maskFailure(t, 1, 3, 0),
        exportState({}, full));
    t = tag();
    c << answered(
        "add to a full list an entry it holds", edit(t, {{1, kA}}),
        [&] {
            QList<MacAddress> list(full.begin(), full.end());
            return maskList(t, 1, list);
        }(),
        exportState({}, full));
    t = tag();
    c << answered("fill past capacity: MError 3 at Dir Count 1, the 32nd kept", edit(t, {{1, kD}, {1, kB}, {1, kC}}),
        maskFailure(t, 1, 3, 1), exportState({}, with(fillers(30), kA)),
        exportState({}, with(with(fillers(30), kA), kD)));
    QByteArray req = request(kMask, tag()).mask(1, 0, 5).directive(1, kA).padTo(); // room for 4 directives
    c << answered("Dir Count past the frame: error 2, nothing applied", req, errorEcho(req, 2), none);
    req = request(kMask, tag()).mask(0, 0, 200).padTo();
    c << answered("read with Dir Count past the frame: error 2", req, errorEcho(req, 2), exportState({}, {kA}));
    t = tag();
    c << answered("MCmd 2: MError 1", request(kMask, t).mask(2, 0, 1).directive(1, kB).padTo(), maskFailure(t, 2, 1, 0),
        exportState({}, {kA}));
    t = tag();
    c << answered("the list from a second host on it", request(kMask, t, kB).mask(0, 0, 0).padTo(),
        maskList(t, 0, {kA, kB}, kB), exportState({}, {kA, kB}));
    return c;
}

QList<ProtocolCase> reserveCases()
{
    Tags tag(0x80050000);
    QList<ProtocolCase> c;
    const auto ask
        = [](std::uint32_t t, unsigned rcmd, const QList<MacAddress> &list, const MacAddress &from = kA) -> QByteArray {
        return request(kReserve, t, from).reserve(rcmd, static_cast<unsigned>(list.size())).macs(list).padTo();
    };
    const ExportState none = exportState();
    const ExportState heldAC = exportState({}, {}, {kA, kC});
    std::uint32_t t = tag();
    c << answered("read, empty", ask(t, 0, {}), reserveList(t, 0, {}));
    t = tag();
    c << answered("read ignores MACs in the request", ask(t, 0, {kB}), reserveList(t, 0, {kA, kC}), heldAC);
    t = tag();
    c << answered("read by a non-holder", ask(t, 0, {}, kB), reserveList(t, 0, {kA, kC}, kB), heldAC);
    t = tag();
    c << answered("set on an empty list", ask(t, 1, {kA, kC}), reserveList(t, 1, {kA, kC}), none, heldAC);
    t = tag();
    c << answered("set by a holder", ask(t, 1, {kA}), reserveList(t, 1, {kA}), heldAC, exportState({}, {}, {kA}));
    t = tag();
    c << answered(
        "set by a non-holder: error 6 with the list", ask(t, 1, {kB}, kB), reserveList(t, 1, {kA, kC}, kB, 6), heldAC);
    t = tag();
    c << answered("release by a holder (set, no MACs)", ask(t, 1, {}, kC), reserveList(t, 1, {}, kC), heldAC, none);
    t = tag();
    c << answered("release by a non-holder: error 6", ask(t, 1, {}, kB), reserveList(t, 1, {kA, kC}, kB, 6), heldAC);
    t = tag();
    c << answered("force set by a non-holder", ask(t, 2, {kB}, kB), reserveList(t, 2, {kB}, kB), heldAC,
        exportState({}, {}, {kB}));
    t = tag();
    c << answered("force release by a non-holder", ask(t, 2, {}, kB), reserveList(t, 2, {}, kB), heldAC, none);
    t = tag();
    c << answered("RCmd 5: error 2 with the list", ask(t, 5, {kB}), reserveList(t, 5, {kA, kC}, kA, 2), heldAC);
    {
        QList<MacAddress> many;
        for (unsigned i = 0; i < 32; ++i)
            many << fillerMac(i);
        t = tag();
        c << answered("force set of 32 MACs (capacity)", ask(t, 2, many), reserveList(t, 2, many), none,
            exportState({}, {}, std::vector<MacAddress>(many.begin(), many.end())));
        many << fillerMac(32);
        t = tag();
        c << answered("force set of 33 MACs: error 2, list unchanged", ask(t, 2, many),
            reserveList(t, 2, {kA, kC}, kA, 2), heldAC);
    }
    const QByteArray req = request(kReserve, tag()).reserve(2, 6).mac(kB).padTo(); // room for 5 MACs
    c << answered("NMacs past the frame: error 2, list unchanged", req, errorEcho(req, 2), heldAC);
    return c;
}

QList<ProtocolCase> ataCases(const QByteArray &identifyBlock)
{
    Tags tag(0x80060000);
    QList<ProtocolCase> c;
    const auto cmd = [](std::uint32_t t, unsigned aflags, unsigned count, unsigned op, std::uint64_t lba,
                         const MacAddress &from = kA) { return request(kAta, t, from).ata(aflags, 0, count, op, lba); };
    const auto rep
        = [](std::uint32_t t, unsigned aflags, unsigned error, unsigned left, unsigned status, std::uint64_t lba,
              const MacAddress &to = kA) { return reply(kAta, t, to).ata(aflags, error, left, status, lba); };
    const auto aoeError = [](std::uint32_t t, std::uint8_t code, unsigned aflags, unsigned count, std::uint64_t lba) {
        return reply(kAta, t, kA, kErrorReply, code).ata(aflags, 0, count, 0, lba).padTo();
    };
    constexpr std::uint64_t kIdentifyLba = 0xA0000000; // Linux: lba3 = 0xA0

    std::uint32_t t = tag();
    c << ata("IDENTIFY of 36 bytes, unpadded (Linux)", cmd(t, 0, 1, 0xEC, kIdentifyLba),
        rep(t, 0, 0, 0, 0x40, kIdentifyLba).raw(identifyBlock));
    t = tag();
    c << ata("IDENTIFY with sector count 2 still answers one block", cmd(t, 0, 2, 0xEC, 0).padTo(),
        rep(t, 0, 0, 0, 0x40, 0).raw(identifyBlock));
    t = tag();
    c << ata("READ (LBA28) with device bits 0xE0 in lba3", cmd(t, 0, 1, 0x20, 0xE0000005).padTo(),
        rep(t, 0, 0, 0, 0x40, 0xE0000005).raw(sectorLabels(5, 1)));
    t = tag();
    c << ata("READ EXT of 2 sectors at the end", cmd(t, 0x40, 2, 0x24, 62).padTo(),
        rep(t, 0x40, 0, 0, 0x40, 62).raw(sectorLabels(62, 2)));
    t = tag();
    c << ata("READ EXT padded with zeros (a Linux path probe)", cmd(t, 0x40, 1, 0x24, 7).padTo(36 + 1024),
        rep(t, 0x40, 0, 0, 0x40, 7).raw(sectorLabels(7, 1)));
    t = tag();
    c << ata("READ EXT at the end: IDNF", cmd(t, 0x40, 1, 0x24, 64).padTo(), rep(t, 0x40, 0x10, 1, 0x41, 64).padTo());
    t = tag();
    c << ata(
        "READ EXT across the end: IDNF", cmd(t, 0x40, 2, 0x24, 63).padTo(), rep(t, 0x40, 0x10, 2, 0x41, 63).padTo());
    t = tag();
    c << ata("READ EXT: lba3 is LBA data, not device bits", cmd(t, 0x40, 1, 0x24, 0xE0000005).padTo(),
        rep(t, 0x40, 0x10, 1, 0x41, 0xE0000005).padTo());
    t = tag();
    c << ata("READ EXT of 3 sectors (max 2): error 2", cmd(t, 0x40, 3, 0x24, 0).padTo(), aoeError(t, 2, 0x40, 3, 0));
    t = tag();
    c << ata("WRITE EXT of one sector", cmd(t, 0x41, 1, 0x34, 9).raw(sectorLabels(9, 1)),
        rep(t, 0x41, 0, 0, 0x40, 9).padTo());
    t = tag();
    c << ata("WRITE (LBA28) with device bits", cmd(t, 0x01, 1, 0x30, 0xE0000009).raw(sectorLabels(9, 1)),
        rep(t, 0x01, 0, 0, 0x40, 0xE0000009).padTo());
    t = tag();
    c << ata("WRITE EXT carrying 24 of 512 bytes: error 2", cmd(t, 0x41, 1, 0x34, 2).fill(24, 'w'),
        aoeError(t, 2, 0x41, 1, 2));
    t = tag();
    c << ata("WRITE EXT past the end: IDNF", cmd(t, 0x41, 1, 0x34, 64).raw(sectorLabels(0, 1)),
        rep(t, 0x41, 0x10, 1, 0x41, 64).padTo());
    t = tag();
    c << ata("FLUSH CACHE", cmd(t, 0, 0, 0xE7, 0).padTo(), rep(t, 0, 0, 0, 0x40, 0).padTo());
    t = tag();
    c << ata("FLUSH CACHE EXT", cmd(t, 0x40, 0, 0xEA, 0).padTo(), rep(t, 0x40, 0, 0, 0x40, 0).padTo());
    t = tag();
    c << ata("CHECK POWER MODE: count 0xFF", cmd(t, 0, 0, 0xE5, 0).padTo(), rep(t, 0, 0, 0xFF, 0x40, 0).padTo());
    t = tag();
    c << ata("SMART: ABRT", request(kAta, t).ata(0, 0xD0, 1, 0xB0, 0xC24F00).padTo(),
        rep(t, 0, 0x04, 1, 0x41, 0xC24F00).padTo());
    t = tag();
    c << ata("opcode 0xC8 (READ DMA): ABRT", cmd(t, 0, 1, 0xC8, 0).padTo(), rep(t, 0, 0x04, 1, 0x41, 0).padTo());

    // Reservations: a non-holder may IDENTIFY, and nothing else.
    const ExportState held = exportState({}, {}, {kA, kC});
    QByteArray req = cmd(tag(), 0x40, 1, 0x24, 0, kB).padTo();
    c << answered("READ EXT by a non-holder: error 6", req, errorEcho(req, 6), held);
    req = cmd(tag(), 0x41, 1, 0x34, 0, kB).raw(QByteArray(512, 'B'));
    c << answered("WRITE EXT by a non-holder: error 6", req, errorEcho(req, 6), held);
    req = cmd(tag(), 0, 0, 0xE5, 0, kB).padTo();
    c << answered("CHECK POWER by a non-holder: error 6", req, errorEcho(req, 6), held);
    req = cmd(tag(), 0, 0, 0xE7, 0, kB).padTo();
    c << answered("FLUSH by a non-holder: error 6", req, errorEcho(req, 6), held);
    t = tag();
    c << ata("IDENTIFY by a non-holder", cmd(t, 0, 1, 0xEC, kIdentifyLba, kB).padTo(),
        rep(t, 0, 0, 0, 0x40, kIdentifyLba, kB).raw(identifyBlock), held);
    t = tag();
    c << ata("READ EXT by a holder", cmd(t, 0x40, 1, 0x24, 3, kC).padTo(),
        rep(t, 0x40, 0, 0, 0x40, 3, kC).raw(sectorLabels(3, 1)), held);
    t = tag();
    c << answered("config read by a non-holder", request(kConfig, t, kB).configRequest(0, {}).padTo(),
        configReply(t, 0, {}, kB), held);
    return c;
}

} // namespace aoesan::test::cases
