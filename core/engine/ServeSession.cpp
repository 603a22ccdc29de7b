// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ServeSession.h"

#include <csignal>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <fmt/format.h>
#include <sys/signalfd.h>

#include "Version.h"
#include "engine/AtaDevice.h"
#include "engine/BlockBackend.h"
#include "engine/TargetProtocol.h"
#include "engine/TargetServer.h"
#include "log/Logging.h"
#include "net/PacketSocket.h"
#include "net/TransportErrorWord.h"
#include "platform/Privileges.h"
#include "util/ErrorWords.h"

namespace aoesan::engine {

namespace {

std::uint64_t fnv1a(const std::string &text)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string backendErrorCode(BackendError::Code code)
{
    switch (code) {
    case BackendError::Code::NotFound:
        return error_word::kNotFound;
    case BackendError::Code::PermissionDenied:
        return error_word::kNoPermission;
    case BackendError::Code::Busy:
        return error_word::kBusy;
    case BackendError::Code::OutOfRange:
        return error_word::kOutOfRange;
    case BackendError::Code::NotStorage:
        return error_word::kBadArguments;
    case BackendError::Code::Io:
        break;
    }
    return error_word::kIo;
}

std::uint16_t firmwareVersion()
{
    // aoesan's own scheme, kept for good: 0xA000 | major << 8 | minor << 4 | patch (0.1.0 → 0xA010).
    return static_cast<std::uint16_t>(0xA000U | (kVersionMajor << 8U) | (kVersionMinor << 4U) | kVersionPatch);
}

} // namespace

protocol::IdentifyInfo exportIdentity(const ServeOptions &o)
{
    std::string machine;
    std::ifstream("/etc/machine-id") >> machine;
    std::error_code ec;
    const auto real = std::filesystem::weakly_canonical(o.path, ec);
    const std::uint64_t h = fnv1a(machine + '\0' + (ec ? o.path : real.string()) + '\0'
        + std::to_string(o.offsetSectors) + '\0' + std::to_string(o.shelf) + '.' + std::to_string(o.slot));
    protocol::IdentifyInfo info;
    info.serial = fmt::format("{}.{}:{:08x}", o.shelf, o.slot, static_cast<std::uint32_t>(h ^ (h >> 32U)));
    info.firmware = kVersionString;
    info.model = "aoesan AoE target";
    return info;
}

std::string defaultStateFile(const ServeOptions &o)
{
    return fmt::format("{}/targets/e{}.{}@{}.json", log::stateDirectory(), o.shelf, o.slot, o.interface);
}

int runServe(const ServeOptions &options, EngineEvents &events)
{
    auto log = log::logger("engine");
    for (const auto &w : options.warnings)
        events.warning(w);

    BackendOptions backendOptions {
        options.readOnly, options.direct, options.sync, options.offsetSectors, options.lengthSectors};
    auto backend = BlockBackend::open(options.path, backendOptions);
    if (!backend) {
        events.error(backendErrorCode(backend.error().code), backend.error().message);
        return backend.error().code == BackendError::Code::PermissionDenied ? ExitNoPermission : ExitFailed;
    }

    auto iface = net::findAoeInterface(options.interface);
    if (!iface) {
        events.error(error_word::kNoSuchInterface, iface.error(), "Name an Ethernet interface; `ip link` lists them.");
        return ExitFailed;
    }
    const std::uint8_t maxSectors = protocol::sectorsPerFrame(static_cast<std::size_t>(iface->mtu));
    if (maxSectors == 0) {
        events.error(error_word::kBadArguments,
            fmt::format(
                "the MTU of {} ({}) is too small for AoE; it needs at least 548", options.interface, iface->mtu));
        return ExitFailed;
    }

    const std::size_t socketBytes = std::max<std::size_t>(
        std::size_t {options.bufferCount} * 4 * (static_cast<std::size_t>(iface->mtu) + 14U), std::size_t {4} << 20U);
    auto socket = net::PacketSocket::open(options.interface, options.shelf, options.slot, socketBytes);
    if (!socket) {
        events.error(net::errorWord(socket.error().code), socket.error().message, socket.error().fix);
        return socket.error().code == net::TransportError::Code::NoPermission ? ExitNoPermission : ExitFailed;
    }

    // From here on the engine needs no privilege: whatever a request does, it cannot open another socket.
    if (auto dropped = platform::dropAllCapabilities(); !dropped) {
        events.error(error_word::kIo, dropped.error());
        return ExitFailed;
    }

    const std::string statePath
        = options.noState ? std::string() : options.stateFile.value_or(defaultStateFile(options));
    if (!statePath.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(statePath).parent_path(), ec);
    }
    std::string stateWarning;
    auto state = ExportState::load(statePath, &stateWarning);
    if (!state) {
        events.error(error_word::kIo, state.error());
        return ExitFailed;
    }
    if (!stateWarning.empty())
        events.warning(stateWarning);
    state->setWireEdits(options.wireEdits);
    const bool keepLists = options.wireEdits == WireEdits::Keep;
    if (!keepLists && (!state->masks().empty() || !state->reservations().empty())) {
        // Kept by an earlier run (or an older aoesan, which kept every edit): edits from the wire no longer
        // outlive the engine unless the owner says so, and a list nobody here set must not lock hosts out.
        events.warning("not restoring the " + accessText(state->masks(), state->reservations()) + " kept in "
            + statePath + " from an earlier run: edits from initiators last until the engine stops "
            + "(--wire-edits keep restores them)");
        state->setMasks({});
        state->setReservations({});
        if (auto saved = state->save(); !saved)
            events.warning(saved.error());
    }
    if (!options.masks.empty()) {
        state->setMasks(options.masks); // -m at startup wins over the saved list, as it does for vblade
        if (keepLists) {
            if (auto saved = state->save(); !saved)
                events.warning(saved.error());
        }
    }

    // SIGTERM and SIGINT arrive through a signalfd the server polls: a clean stop, no async handler.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    const int signalFd = ::signalfd(-1, &stopSignals, SFD_CLOEXEC | SFD_NONBLOCK);

    // O_DIRECT: kernel AIO keeps many requests in flight from one thread. O_SYNC writes block in
    // io_submit, so they get I/O threads. Page cache: inline is cheapest per byte.
    const bool asyncIo = options.direct && !options.sync && !options.workers;
    const unsigned workers = options.workers.value_or(options.sync ? 16U : 0U);
    AtaDevice device(*backend.value(), exportIdentity(options), maxSectors);
    TargetIdentity identity {
        options.shelf, options.slot, iface->mac, options.bufferCount, firmwareVersion(), maxSectors};
    TargetProtocol protocol(identity, state.value(), device);
    ServerEvents serverEvents {[&](const protocol::MacAddress &mac) { events.clientSeen(mac); },
        [&](std::uint64_t unlisted, std::uint64_t kept) { events.clientsUnlisted(unlisted, kept); },
        [&](const CounterSnapshot &c) { events.counters(c); }, [&](const std::string &w) { events.warning(w); },
        [&](const AccessChange &change) { events.accessChanged(change, keepLists); }};
    TargetServer server(*socket.value(), protocol, state.value(), ServerOptions {asyncIo, workers, 64, signalFd},
        std::move(serverEvents));

    const std::string io = asyncIo ? "aio" : workers > 0 ? "threads" : "inline";
    events.started(StartedInfo {options, iface->mac, iface->mtu, backend.value()->sectors(), maxSectors, workers, io,
        statePath, state->configString(), state->masks()});
    log->info("serving e{}.{} on {} from {}", options.shelf, options.slot, options.interface, options.path);
    // -m given now is no surprise; a list kept from an earlier run is, so it is said out loud.
    const std::vector<protocol::MacAddress> restoredMasks
        = options.masks.empty() ? state->masks() : std::vector<protocol::MacAddress> {};
    if (!restoredMasks.empty() || !state->reservations().empty()) {
        events.restored(restoredMasks, state->reservations(), statePath);
        log->warn("e{}.{}: restored from {}: {}", options.shelf, options.slot, statePath,
            accessText(restoredMasks, state->reservations()));
    }
    auto result = server.run();
    if (signalFd >= 0)
        ::close(signalFd);
    if (!result) {
        events.error(error_word::kIo, result.error());
        return ExitFailed;
    }
    events.stopped("signal", server.counters());
    return ExitOk;
}

} // namespace aoesan::engine
