// SPDX-License-Identifier: GPL-3.0-or-later
// The names of the aoesan service's D-Bus API, version 1: the one home that the service, the GUI and
// aoesan-ctl use. The methods, properties and their types are in io.github.aoesan1.xml (compiled in as a
// resource; tst_dbus_api checks these names against it), the meaning in docs/dbus-api.md.
#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace aoesan::service {

inline constexpr char kBusName[] = "io.github.aoesan1";
inline constexpr char kRootPath[] = "/io/github/aoesan1";
inline constexpr char kExportsPath[] = "/io/github/aoesan1/exports";
inline constexpr char kTargetsPath[] = "/io/github/aoesan1/targets";
inline constexpr char kCapturesPath[] = "/io/github/aoesan1/captures";

inline constexpr char kManagerInterface[] = "io.github.aoesan1.Manager";
inline constexpr char kExportInterface[] = "io.github.aoesan1.Export";
inline constexpr char kTargetInterface[] = "io.github.aoesan1.Target";
inline constexpr char kCaptureInterface[] = "io.github.aoesan1.Capture";

inline constexpr char kObjectManagerInterface[] = "org.freedesktop.DBus.ObjectManager";
inline constexpr char kPropertiesInterface[] = "org.freedesktop.DBus.Properties";
inline constexpr char kIntrospectableInterface[] = "org.freedesktop.DBus.Introspectable";
inline constexpr char kPeerInterface[] = "org.freedesktop.DBus.Peer";

// polkit actions (packaging/polkit/io.github.aoesan1.policy). Viewing needs none.
namespace action {
inline constexpr char kManageExports[] = "io.github.aoesan1.manage-exports";
inline constexpr char kConfigureDiscovery[] = "io.github.aoesan1.configure-discovery";
inline constexpr char kChangeTargets[] = "io.github.aoesan1.change-targets";
inline constexpr char kAttachTargets[] = "io.github.aoesan1.attach-targets"; // Attach, Detach, SetKernelSettings
inline constexpr char kNetworkBoot[] = "io.github.aoesan1.network-boot"; // Export.StartBoot, StopBoot
inline constexpr char kCaptureTraffic[] = "io.github.aoesan1.capture-traffic"; // Manager.StartCapture
} // namespace action

// The typed errors. Each message is a sentence a person can act on.
namespace error {
inline constexpr char kNotAuthorized[] = "io.github.aoesan1.Error.NotAuthorized"; // polkit said no
inline constexpr char kAuthorizationUnavailable[]
    = "io.github.aoesan1.Error.AuthorizationUnavailable"; // polkit did not answer
inline constexpr char kInvalidArgs[] = "org.freedesktop.DBus.Error.InvalidArgs"; // wrong types, unknown key
inline constexpr char kBadName[] = "io.github.aoesan1.Error.BadName";
inline constexpr char kBadPath[] = "io.github.aoesan1.Error.BadPath"; // relative, .., missing, a directory ...
inline constexpr char kBadAddress[] = "io.github.aoesan1.Error.BadAddress"; // shelf or slot out of range
inline constexpr char kBadInterface[] = "io.github.aoesan1.Error.BadInterface";
inline constexpr char kBadOption[] = "io.github.aoesan1.Error.BadOption";
inline constexpr char kExists[] = "io.github.aoesan1.Error.Exists"; // that name is taken
inline constexpr char kAddressTaken[] = "io.github.aoesan1.Error.AddressTaken"; // another export has it
inline constexpr char kNotFound[] = "io.github.aoesan1.Error.NotFound";
inline constexpr char kRefused[] = "io.github.aoesan1.Error.Refused"; // the supervisor would not start it
inline constexpr char kFailed[] = "io.github.aoesan1.Error.Failed"; // the list could not be written ...
inline constexpr char kRequestFailed[] = "io.github.aoesan1.Error.RequestFailed"; // a target request
inline constexpr char kNoDiscovery[] = "io.github.aoesan1.Error.NoDiscovery"; // discovery is not running
inline constexpr char kOwnExport[] = "io.github.aoesan1.Error.OwnExport"; // Attach of this machine's own export
inline constexpr char kInUse[] = "io.github.aoesan1.Error.InUse"; // Detach of a mounted or open disk
inline constexpr char kNoKernelDriver[] = "io.github.aoesan1.Error.NoKernelDriver"; // aoe cannot be loaded
inline constexpr char kUnknownMethod[] = "org.freedesktop.DBus.Error.UnknownMethod";
inline constexpr char kUnknownObject[] = "org.freedesktop.DBus.Error.UnknownObject";
inline constexpr char kUnknownProperty[] = "org.freedesktop.DBus.Error.UnknownProperty";
inline constexpr char kPropertyReadOnly[] = "org.freedesktop.DBus.Error.PropertyReadOnly";
} // namespace error

// Manager.KernelSettings and SetKernelSettings keys, and Attach's options.
namespace kernel_key {
inline constexpr char kFlushDownAfterSeconds[] = "flushDownAfterSeconds"; // u; 0: never
inline constexpr char kReattach[] = "reattach"; // b
inline constexpr char kInterfaces[] = "interfaces"; // Attach: as
inline constexpr char kTimeoutSeconds[] = "timeoutSeconds"; // Attach: u
inline constexpr unsigned kMaxFlushDownAfterSeconds = 86400;
inline constexpr unsigned kMaxAttachTimeoutSeconds = 300;
} // namespace kernel_key

// Export.StartBoot's options and the keys of Export.Boot's JSON.
namespace boot_key {
inline constexpr char kInterface[] = "interface"; // s
inline constexpr char kRange[] = "range"; // s, "FIRST,LAST"
inline constexpr char kProxy[] = "proxy"; // b
inline constexpr char kMacs[] = "macs"; // as
// Export.Boot's JSON only:
inline constexpr char kState[] = "state"; // off, starting, running, failed
inline constexpr char kMode[] = "mode"; // isolated, proxy
inline constexpr char kRootPath[] = "rootPath";
inline constexpr char kServing[] = "serving";
inline constexpr char kError[] = "error";
inline constexpr char kScript[] = "script";
inline constexpr char kClients[] = "clients"; // [{time, mac, address, given, text}]
inline constexpr int kMaxClients = 50;
} // namespace boot_key

// Manager.StartCapture's options.
namespace capture_key {
inline constexpr char kInterface[] = "interface"; // s
inline constexpr char kTarget[] = "target"; // s, e7.3
inline constexpr char kBoot[] = "boot"; // b
inline constexpr char kSeconds[] = "seconds"; // u
inline constexpr char kCount[] = "count"; // t
inline constexpr unsigned kMaxSeconds = 86400;
inline constexpr int kMaxRunning = 4;
} // namespace capture_key

// Object paths. An export's name has every byte outside [A-Za-z0-9] written as _XX (lower-case hex), so
// any name gives one valid path element and the path gives the name back.
QString exportPath(const QString &name);
std::optional<QString> exportNameFromPath(const QString &path);
QString targetPath(std::uint16_t shelf, std::uint8_t slot); // /io/github/aoesan1/targets/e7_3
QString capturePath(quint64 number); // /io/github/aoesan1/captures/1
struct TargetAddress
{
    std::uint16_t shelf = 0;
    std::uint8_t slot = 0;
};
std::optional<TargetAddress> targetAddressFromPath(const QString &path);

// The introspection XML of one interface, or of the whole API (an empty name), from the resource.
QString introspectionXml(const QString &interfaceName = {});

} // namespace aoesan::service
