<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Discover now</source>
        <translation>&amp;Discover now</translation>
    </message>
    <message>
        <source>Probe every interface for AoE targets now</source>
        <translation>Probe every interface for AoE targets now</translation>
    </message>
    <message>
        <source>&amp;Forget down targets</source>
        <translation>&amp;Forget down targets</translation>
    </message>
    <message>
        <source>Remove the targets that stopped answering from the list</source>
        <translation>Remove the targets that stopped answering from the list</translation>
    </message>
    <message>
        <source>&amp;New export…</source>
        <translation>&amp;New export…</translation>
    </message>
    <message>
        <source>Export a disk, partition or image file as an AoE target</source>
        <translation>Export a disk, partition or image file as an AoE target</translation>
    </message>
    <message>
        <source>&amp;Start export</source>
        <translation>&amp;Start export</translation>
    </message>
    <message>
        <source>Start serving the selected export</source>
        <translation>Start serving the selected export</translation>
    </message>
    <message>
        <source>S&amp;top export</source>
        <translation>S&amp;top export</translation>
    </message>
    <message>
        <source>Stop serving the selected export</source>
        <translation>Stop serving the selected export</translation>
    </message>
    <message>
        <source>&amp;Remove export</source>
        <translation>&amp;Remove export</translation>
    </message>
    <message>
        <source>Stop the selected export and remove it from the list (the disk or file is kept)</source>
        <translation>Stop the selected export and remove it from the list (the disk or file is kept)</translation>
    </message>
    <message>
        <source>&amp;Targets</source>
        <translation>&amp;Targets</translation>
    </message>
    <message>
        <source>Show the table of discovered targets</source>
        <translation>Show the table of discovered targets</translation>
    </message>
    <message>
        <source>S&amp;helves</source>
        <translation>S&amp;helves</translation>
    </message>
    <message>
        <source>Show every shelf with its slots at a glance</source>
        <translation>Show every shelf with its slots at a glance</translation>
    </message>
    <message>
        <source>&amp;Exports</source>
        <translation>&amp;Exports</translation>
    </message>
    <message>
        <source>Show the exports served from this machine</source>
        <translation>Show the exports served from this machine</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Log</translation>
    </message>
    <message>
        <source>Show or hide the log of events</source>
        <translation>Show or hide the log of events</translation>
    </message>
    <message>
        <source>&amp;Filter targets</source>
        <translation>&amp;Filter targets</translation>
    </message>
    <message>
        <source>Filter the targets by device pattern or text</source>
        <translation>Filter the targets by device pattern or text</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Interfaces, probe interval, notifications and language</source>
        <translation>Interfaces, probe interval, notifications and language</translation>
    </message>
    <message>
        <source>&amp;Pause notifications</source>
        <translation>&amp;Pause notifications</translation>
    </message>
    <message>
        <source>Do not show notifications until you turn this off</source>
        <translation>Do not show notifications until you turn this off</translation>
    </message>
    <message>
        <source>Show &amp;aoesan</source>
        <translation>Show &amp;aoesan</translation>
    </message>
    <message>
        <source>Show the aoesan window</source>
        <translation>Show the aoesan window</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>&amp;Close window</translation>
    </message>
    <message>
        <source>Hide the window; aoesan keeps watching from the tray</source>
        <translation>Hide the window; aoesan keeps watching from the tray</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Stop watching and quit aoesan (asks first when exports are running)</source>
        <translation>Stop watching and quit aoesan (asks first when exports are running)</translation>
    </message>
    <message>
        <source>&amp;Use on this machine</source>
        <translation>&amp;Use on this machine</translation>
    </message>
    <message>
        <source>Make the selected target a disk of this machine (/dev/etherd/eX.Y)</source>
        <translation>Make the selected target a disk of this machine (/dev/etherd/eX.Y)</translation>
    </message>
    <message>
        <source>De&amp;tach from this machine</source>
        <translation>De&amp;tach from this machine</translation>
    </message>
    <message>
        <source>Release the selected target&apos;s disk on this machine (refused while it is mounted or open)</source>
        <translation>Release the selected target&apos;s disk on this machine (refused while it is mounted or open)</translation>
    </message>
    <message>
        <source>Network &amp;boot…</source>
        <translation>Network &amp;boot…</translation>
    </message>
    <message>
        <source>Let machines with no disk boot from the selected export over the network</source>
        <translation>Let machines with no disk boot from the selected export over the network</translation>
    </message>
    <message>
        <source>&amp;Capture…</source>
        <translation>&amp;Capture…</translation>
    </message>
    <message>
        <source>Write the AoE traffic of an interface (or of the selected target) to a file for Wireshark</source>
        <translation>Write the AoE traffic of an interface (or of the selected target) to a file for Wireshark</translation>
    </message>
</context>
<context>
    <name>BlockDeviceSafety</name>
    <message>
        <source>%1 (a partition of %2)</source>
        <translation>%1 (a partition of %2)</translation>
    </message>
    <message>
        <source>LVM (volume %1)</source>
        <translation>LVM (volume %1)</translation>
    </message>
    <message>
        <source>LVM</source>
        <translation>LVM</translation>
    </message>
    <message>
        <source>the RAID array %1</source>
        <translation>the RAID array %1</translation>
    </message>
    <message>
        <source>the encrypted volume %1</source>
        <translation>the encrypted volume %1</translation>
    </message>
    <message>
        <source>an encrypted volume</source>
        <translation>an encrypted volume</translation>
    </message>
    <message>
        <source>the device-mapper volume %1</source>
        <translation>the device-mapper volume %1</translation>
    </message>
    <message>
        <source>%1 is mounted at %2: initiators may see its files change under them, and see a damaged filesystem while this machine writes to it.</source>
        <translation>%1 is mounted at %2: initiators may see its files change under them, and see a damaged filesystem while this machine writes to it.</translation>
    </message>
    <message>
        <source>%1 is mounted at %2. If another machine wrote to it while this one uses it, the filesystem would be destroyed.</source>
        <translation>%1 is mounted at %2. If another machine wrote to it while this one uses it, the filesystem would be destroyed.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> and </translation>
    </message>
    <message>
        <source>%1 is in use by %2: initiators may see its data change under them.</source>
        <translation>%1 is in use by %2: initiators may see its data change under them.</translation>
    </message>
    <message>
        <source>%1 is in use by %2. Writes from another machine would corrupt whatever is stored there.</source>
        <translation>%1 is in use by %2. Writes from another machine would corrupt whatever is stored there.</translation>
    </message>
    <message>
        <source>%1 is this machine&apos;s swap space. It holds pieces of the machine&apos;s memory (which may include passwords), and writing to it would crash the machine.</source>
        <translation>%1 is this machine&apos;s swap space. It holds pieces of the machine&apos;s memory (which may include passwords), and writing to it would crash the machine.</translation>
    </message>
    <message>
        <source>Exporting anyway, because it was forced.</source>
        <translation>Exporting anyway, because it was forced.</translation>
    </message>
    <message>
        <source>Export it read-only instead.</source>
        <translation>Export it read-only instead.</translation>
    </message>
    <message>
        <source>Choose another device; if you are sure, force the export.</source>
        <translation>Choose another device; if you are sure, force the export.</translation>
    </message>
    <message>
        <source>Stop using it first, or export it read-only; if you are sure, force the export.</source>
        <translation>Stop using it first, or export it read-only; if you are sure, force the export.</translation>
    </message>
    <message>
        <source>%1 is read-only (write-protected), so it cannot be exported read-write.</source>
        <translation>%1 is read-only (write-protected), so it cannot be exported read-write.</translation>
    </message>
    <message>
        <source>%1 holds this machine&apos;s root filesystem (/).</source>
        <translation>%1 holds this machine&apos;s root filesystem (/).</translation>
    </message>
    <message>
        <source>%1 is on %2, the disk that holds this machine&apos;s root filesystem (/).</source>
        <translation>%1 is on %2, the disk that holds this machine&apos;s root filesystem (/).</translation>
    </message>
    <message>
        <source> A mistake by another machine writing to it could leave this one unable to start.</source>
        <translation> A mistake by another machine writing to it could leave this one unable to start.</translation>
    </message>
    <message>
        <source>%1 is removable: the export stops working when it is taken out.</source>
        <translation>%1 is removable: the export stops working when it is taken out.</translation>
    </message>
</context>
<context>
    <name>ExportPreflight</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 does not exist</translation>
    </message>
    <message>
        <source>Create the image file or connect the disk, or change the export&apos;s path.</source>
        <translation>Create the image file or connect the disk, or change the export&apos;s path.</translation>
    </message>
    <message>
        <source>%1 is a directory</source>
        <translation>%1 is a directory</translation>
    </message>
    <message>
        <source>Export an image file or a block device.</source>
        <translation>Export an image file or a block device.</translation>
    </message>
    <message>
        <source>%1 is already answered on %2 by %3</source>
        <translation>%1 is already answered on %2 by %3</translation>
    </message>
    <message>
        <source>Choose another shelf or slot, or stop the other target first; two targets at one address would mix up the initiators&apos; data.</source>
        <translation>Choose another shelf or slot, or stop the other target first; two targets at one address would mix up the initiators&apos; data.</translation>
    </message>
    <message>
        <source>cannot tell whether %1 is in use: %2</source>
        <translation>cannot tell whether %1 is in use: %2</translation>
    </message>
    <message>
        <source>Force the export if you are sure it is not in use.</source>
        <translation>Force the export if you are sure it is not in use.</translation>
    </message>
    <message>
        <source>forced: %1</source>
        <translation>forced: %1</translation>
    </message>
</context>
<context>
    <name>ExportRunner</name>
    <message>
        <source>the engine could not be run (%1)</source>
        <translation>the engine could not be run (%1)</translation>
    </message>
    <message>
        <source>Check that aoesan-engine is installed and executable.</source>
        <translation>Check that aoesan-engine is installed and executable.</translation>
    </message>
    <message>
        <source>the engine was killed by a signal</source>
        <translation>the engine was killed by a signal</translation>
    </message>
    <message>
        <source>the engine has no permission</source>
        <translation>the engine has no permission</translation>
    </message>
    <message>
        <source>the engine exited with code %1</source>
        <translation>the engine exited with code %1</translation>
    </message>
    <message>
        <source> (gave up after %1 failed starts in a row)</source>
        <translation> (gave up after %1 failed starts in a row)</translation>
    </message>
    <message>
        <source>the engine did not start serving within %1 s</source>
        <translation>the engine did not start serving within %1 s</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
</context>
<context>
    <name>ImageCreator</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation>%1 already exists; choose another name.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>Lab</name>
    <message>
        <source>Lab mode could not create a user namespace (%1). Allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, or user.max_user_namespaces &gt; 0), or start aoesan --lab as root.</source>
        <translation>Lab mode could not create a user namespace (%1). Allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, or user.max_user_namespaces &gt; 0), or start aoesan --lab as root.</translation>
    </message>
    <message>
        <source>Lab mode could not map the user ids of its namespace (%1).</source>
        <translation>Lab mode could not map the user ids of its namespace (%1).</translation>
    </message>
    <message>
        <source>Lab mode could not keep its network capabilities (%1).</source>
        <translation>Lab mode could not keep its network capabilities (%1).</translation>
    </message>
    <message>
        <source>Lab mode could not create a private network namespace (%1). Start aoesan --lab as root, or allow unprivileged user namespaces.</source>
        <translation>Lab mode could not create a private network namespace (%1). Start aoesan --lab as root, or allow unprivileged user namespaces.</translation>
    </message>
    <message>
        <source>Lab mode could not make its mounts private (%1).</source>
        <translation>Lab mode could not make its mounts private (%1).</translation>
    </message>
    <message>
        <source>Lab mode could not mount sysfs for its namespace (%1).</source>
        <translation>Lab mode could not mount sysfs for its namespace (%1).</translation>
    </message>
</context>
<context>
    <name>Look</name>
    <message>
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>up, exported here</source>
        <translation>up, exported here</translation>
    </message>
    <message>
        <source>starting, exported here</source>
        <translation>starting, exported here</translation>
    </message>
    <message>
        <source>stopped, exported here</source>
        <translation>stopped, exported here</translation>
    </message>
    <message>
        <source>failed, exported here</source>
        <translation>failed, exported here</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>it is far too large</source>
        <translation>it is far too large</translation>
    </message>
    <message>
        <source>it cannot be read: %1</source>
        <translation>it cannot be read: %1</translation>
    </message>
    <message>
        <source>it holds binary data</source>
        <translation>it holds binary data</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>it is not UTF-8 text</translation>
    </message>
    <message>
        <source>it is not a settings file</source>
        <translation>it is not a settings file</translation>
    </message>
    <message>
        <source>The settings file %1 was damaged (%2); it was kept as %3 and the defaults are used.</source>
        <translation>The settings file %1 was damaged (%2); it was kept as %3 and the defaults are used.</translation>
    </message>
    <message>
        <source>The settings file %1 was damaged (%2); the defaults are used.</source>
        <translation>The settings file %1 was damaged (%2); the defaults are used.</translation>
    </message>
    <message>
        <source>The setting %1 in %2 was not valid; its default is used.</source>
        <translation>The setting %1 in %2 was not valid; its default is used.</translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation>The settings could not be written to %1.</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>it is not a regular file</translation>
    </message>
    <message>
        <source>The settings could not be written to %1: it is not a regular file.</source>
        <translation>The settings could not be written to %1: it is not a regular file.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>aoesan is already running; its window was brought to the front.</source>
        <translation>aoesan is already running; its window was brought to the front.</translation>
    </message>
    <message>
        <source>aoesan is already running; it was asked to show its window but did not answer.</source>
        <translation>aoesan is already running; it was asked to show its window but did not answer.</translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>aoesan — no targets known yet</source>
        <translation>aoesan — no targets known yet</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n export(s)</source>
        <translation>
            <numerusform>%n export</numerusform>
            <numerusform>%n exports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message>
        <source>aoesan — %1</source>
        <translation>aoesan — %1</translation>
    </message>
    <message>
        <source>%1 is down</source>
        <translation>%1 is down</translation>
    </message>
    <message>
        <source>%1 is back up</source>
        <translation>%1 is back up</translation>
    </message>
    <message>
        <source>It answers again.</source>
        <translation>It answers again.</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; failed</source>
        <translation>Export &apos;%1&apos; failed</translation>
    </message>
    <message numerus="yes">
        <source>%n targets are down</source>
        <translation>
            <numerusform>%n target is down</numerusform>
            <numerusform>%n targets are down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n targets are back up</source>
        <translation>
            <numerusform>%n target is back up</numerusform>
            <numerusform>%n targets are back up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exports failed</source>
        <translation>
            <numerusform>%n export failed</numerusform>
            <numerusform>%n exports failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changes on the SAN</source>
        <translation>
            <numerusform>%n change on the SAN</numerusform>
            <numerusform>%n changes on the SAN</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No answer for %n s.</source>
        <translation>
            <numerusform>No answer for %n s.</numerusform>
            <numerusform>No answer for %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n up</source>
        <translation>
            <numerusform>%n up</numerusform>
            <numerusform>%n up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n down</source>
        <translation>
            <numerusform>%n down</numerusform>
            <numerusform>%n down</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aoesan::gui::ServiceConnection</name>
    <message>
        <source>The private D-Bus bus could not be reached: %1</source>
        <translation>The private D-Bus bus could not be reached: %1</translation>
    </message>
    <message>
        <source>No directory for a private D-Bus bus: %1</source>
        <translation>No directory for a private D-Bus bus: %1</translation>
    </message>
    <message>
        <source>No aoesan service is running and dbus-daemon is not installed, so aoesan cannot start one of its own. Install the dbus-daemon package, or install and start aoesan&apos;s service.</source>
        <translation>No aoesan service is running and dbus-daemon is not installed, so aoesan cannot start one of its own. Install the dbus-daemon package, or install and start aoesan&apos;s service.</translation>
    </message>
    <message>
        <source>A private D-Bus bus could not be started: %1</source>
        <translation>A private D-Bus bus could not be started: %1</translation>
    </message>
    <message>
        <source>No aoesan service is running, and aoesan-service was not found to start one (%1).</source>
        <translation>No aoesan service is running, and aoesan-service was not found to start one (%1).</translation>
    </message>
    <message>
        <source>aoesan-service did not appear on the bus: %1</source>
        <translation>aoesan-service did not appear on the bus: %1</translation>
    </message>
    <message>
        <source>aoesan-service could not be started: %1</source>
        <translation>aoesan-service could not be started: %1</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::AddressPage</name>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Choose the AoE address (shelf and slot) and the network interface to serve on.</source>
        <translation>Choose the AoE address (shelf and slot) and the network interface to serve on.</translation>
    </message>
    <message>
        <source>Shelf number (0–65534): the X in eX.Y</source>
        <translation>Shelf number (0–65534): the X in eX.Y</translation>
    </message>
    <message>
        <source>Slot number (0–254): the Y in eX.Y</source>
        <translation>Slot number (0–254): the Y in eX.Y</translation>
    </message>
    <message>
        <source>The Ethernet interface the initiators reach this machine on</source>
        <translation>The Ethernet interface the initiators reach this machine on</translation>
    </message>
    <message>
        <source>S&amp;helf:</source>
        <translation>S&amp;helf:</translation>
    </message>
    <message>
        <source>S&amp;lot:</source>
        <translation>S&amp;lot:</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Interface:</translation>
    </message>
    <message>
        <source>link up</source>
        <translation>link up</translation>
    </message>
    <message>
        <source>no link</source>
        <translation>no link</translation>
    </message>
    <message>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <source>%1 — %2, MTU %3, %4 sectors per frame, %5</source>
        <translation>%1 — %2, MTU %3, %4 sectors per frame, %5</translation>
    </message>
    <message>
        <source>e%1.%2 is already used by the export &apos;%3&apos; on %4.</source>
        <translation>e%1.%2 is already used by the export &apos;%3&apos; on %4.</translation>
    </message>
    <message>
        <source>e%1.%2 is already answered by %3.</source>
        <translation>e%1.%2 is already answered by %3.</translation>
    </message>
    <message>
        <source>Initiators on %1 will read and write %2 sectors per frame.</source>
        <translation>Initiators on %1 will read and write %2 sectors per frame.</translation>
    </message>
    <message>
        <source>There is no Ethernet interface to serve on.</source>
        <translation>There is no Ethernet interface to serve on.</translation>
    </message>
    <message>
        <source>This disk is smaller than 8 MiB: iPXE cannot boot from it.</source>
        <translation>This disk is smaller than 8 MiB: iPXE cannot boot from it.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::AllowListBox</name>
    <message>
        <source>&amp;Every machine</source>
        <translation>&amp;Every machine</translation>
    </message>
    <message>
        <source>&amp;Only these machines:</source>
        <translation>&amp;Only these machines:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Any initiator that can reach this interface may use the disk</source>
        <translation>Any initiator that can reach this interface may use the disk</translation>
    </message>
    <message>
        <source>Only initiators sending from these MAC addresses may use the disk (vblade -m)</source>
        <translation>Only initiators sending from these MAC addresses may use the disk (vblade -m)</translation>
    </message>
    <message>
        <source>A list of MAC addresses is no security on a shared network: any machine can send with another machine&apos;s address. To keep other machines out, give the export a VLAN or a network interface of its own.</source>
        <translation>A list of MAC addresses is no security on a shared network: any machine can send with another machine&apos;s address. To keep other machines out, give the export a VLAN or a network interface of its own.</translation>
    </message>
    <message>
        <source>Names from %1 cannot be used: %2</source>
        <translation>Names from %1 cannot be used: %2</translation>
    </message>
    <message>
        <source>a MAC address or a name from %1</source>
        <translation>a MAC address or a name from %1</translation>
    </message>
    <message>
        <source>“%1” is not a MAC address (six hex numbers joined by “:”, e.g. 02:00:00:00:00:01).</source>
        <translation>“%1” is not a MAC address (six hex numbers joined by “:”, e.g. 02:00:00:00:00:01).</translation>
    </message>
    <message>
        <source>“%1” is neither a MAC address nor a name in %2.</source>
        <translation>“%1” is neither a MAC address nor a name in %2.</translation>
    </message>
    <message>
        <source>“%1” is no machine&apos;s address (all zeros, broadcast or multicast).</source>
        <translation>“%1” is no machine&apos;s address (all zeros, broadcast or multicast).</translation>
    </message>
    <message>
        <source>At most %1 machines.</source>
        <translation>At most %1 machines.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::AppController</name>
    <message>
        <source>aoesan is still running</source>
        <translation>aoesan is still running</translation>
    </message>
    <message>
        <source>It keeps watching your targets and exports from the tray. Use Quit in the tray menu to leave.</source>
        <translation>It keeps watching your targets and exports from the tray. Use Quit in the tray menu to leave.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The new language is used the next time aoesan starts.</source>
        <translation>The new language is used the next time aoesan starts.</translation>
    </message>
    <message>
        <source>New export</source>
        <translation>New export</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::BlockDeviceModel</name>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Filesystem</source>
        <translation>Filesystem</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Mounted at</source>
        <translation>Mounted at</translation>
    </message>
    <message>
        <source>Can be exported</source>
        <translation>Can be exported</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>mounted at %1</source>
        <translation>mounted at %1</translation>
    </message>
    <message>
        <source>in use by %1</source>
        <translation>in use by %1</translation>
    </message>
    <message>
        <source>another device</source>
        <translation>another device</translation>
    </message>
    <message>
        <source>swap space</source>
        <translation>swap space</translation>
    </message>
    <message>
        <source>holds /</source>
        <translation>holds /</translation>
    </message>
    <message>
        <source>write-protected</source>
        <translation>write-protected</translation>
    </message>
    <message>
        <source>%1: can be exported read-only</source>
        <translation>%1: can be exported read-only</translation>
    </message>
    <message>
        <source>%1: cannot be exported</source>
        <translation>%1: cannot be exported</translation>
    </message>
    <message>
        <source>a partition is mounted</source>
        <translation>a partition is mounted</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::BootDialog</name>
    <message>
        <source>Another DHCP server gives the addresses (&amp;proxy DHCP)</source>
        <translation>Another DHCP server gives the addresses (&amp;proxy DHCP)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>Network boot — %1 (%2)</source>
        <translation>Network boot — %1 (%2)</translation>
    </message>
    <message>
        <source>Machines with no disk of their own can start from this export over the network: their PXE firmware gets iPXE, and iPXE boots the export.</source>
        <translation>Machines with no disk of their own can start from this export over the network: their PXE firmware gets iPXE, and iPXE boots the export.</translation>
    </message>
    <message>
        <source>This network has no DHCP server: &amp;hand out addresses</source>
        <translation>This network has no DHCP server: &amp;hand out addresses</translation>
    </message>
    <message>
        <source>First address</source>
        <translation>First address</translation>
    </message>
    <message>
        <source>Last address</source>
        <translation>Last address</translation>
    </message>
    <message>
        <source>any machine</source>
        <translation>any machine</translation>
    </message>
    <message>
        <source>MAC addresses separated by spaces or commas, e.g. 52:54:00:12:34:56; other machines get no answer at all. Empty: any machine.</source>
        <translation>MAC addresses separated by spaces or commas, e.g. 52:54:00:12:34:56; other machines get no answer at all. Empty: any machine.</translation>
    </message>
    <message>
        <source>Start the boot server with these settings (a running one is replaced)</source>
        <translation>Start the boot server with these settings (a running one is replaced)</translation>
    </message>
    <message>
        <source>Stop the boot server; the export itself keeps serving</source>
        <translation>Stop the boot server; the export itself keeps serving</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC address</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP address</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>Copy the iPXE script to the clipboard</source>
        <translation>Copy the iPXE script to the clipboard</translation>
    </message>
    <message>
        <source>Root path:</source>
        <translation>Root path:</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Interface:</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>Addresses:</translation>
    </message>
    <message>
        <source>Allowed &amp;machines:</source>
        <translation>Allowed &amp;machines:</translation>
    </message>
    <message>
        <source>Machines that asked</source>
        <translation>Machines that asked</translation>
    </message>
    <message>
        <source>iPXE script</source>
        <translation>iPXE script</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — no IPv4 address</source>
        <translation>%1 — no IPv4 address</translation>
    </message>
    <message>
        <source>(down)</source>
        <translation>(down)</translation>
    </message>
    <message>
        <source>%1 — not on this machine</source>
        <translation>%1 — not on this machine</translation>
    </message>
    <message>
        <source>This machine has no network interface to serve on.</source>
        <translation>This machine has no network interface to serve on.</translation>
    </message>
    <message>
        <source>%1 is not an interface of this machine now.</source>
        <translation>%1 is not an interface of this machine now.</translation>
    </message>
    <message>
        <source>%1 has no IPv4 address. The boot server needs one on the network it serves: give it an address (e.g. ip addr add 10.0.0.1/24 dev %1) or choose another interface.</source>
        <translation>%1 has no IPv4 address. The boot server needs one on the network it serves: give it an address (e.g. ip addr add 10.0.0.1/24 dev %1) or choose another interface.</translation>
    </message>
    <message>
        <source>%1 is down: machines get an answer once it is up.</source>
        <translation>%1 is down: machines get an answer once it is up.</translation>
    </message>
    <message>
        <source>“%1” is not an IPv4 address (e.g. 10.0.0.100).</source>
        <translation>“%1” is not an IPv4 address (e.g. 10.0.0.100).</translation>
    </message>
    <message>
        <source>“%1” is not an IPv4 address (e.g. 10.0.0.150).</source>
        <translation>“%1” is not an IPv4 address (e.g. 10.0.0.150).</translation>
    </message>
    <message>
        <source>The first address must not come after the last.</source>
        <translation>The first address must not come after the last.</translation>
    </message>
    <message>
        <source>%1 is not in %2&apos;s network %3: hand out addresses of that network.</source>
        <translation>%1 is not in %2&apos;s network %3: hand out addresses of that network.</translation>
    </message>
    <message>
        <source>%1 is the network&apos;s own address or its broadcast address; choose addresses between them.</source>
        <translation>%1 is the network&apos;s own address or its broadcast address; choose addresses between them.</translation>
    </message>
    <message>
        <source>The range holds %1, %2&apos;s own address: leave it out.</source>
        <translation>The range holds %1, %2&apos;s own address: leave it out.</translation>
    </message>
    <message>
        <source>Not the MAC address of a machine: %1 (six pairs of hex digits, e.g. 52:54:00:12:34:56).</source>
        <translation>Not the MAC address of a machine: %1 (six pairs of hex digits, e.g. 52:54:00:12:34:56).</translation>
    </message>
    <message>
        <source>The aoesan service does not answer.</source>
        <translation>The aoesan service does not answer.</translation>
    </message>
    <message>
        <source>This export is gone: it was removed.</source>
        <translation>This export is gone: it was removed.</translation>
    </message>
    <message>
        <source>Off: no boot server runs for this export.</source>
        <translation>Off: no boot server runs for this export.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Running.</source>
        <translation>Running.</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>Running: %1</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Failed.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Asking the service…</translation>
    </message>
    <message>
        <source>Your own DHCP server instead: give these machines option 17 (root-path) %1; iPXE boots it. Or have them load this script.</source>
        <translation>Your own DHCP server instead: give these machines option 17 (root-path) %1; iPXE boots it. Or have them load this script.</translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation>Could not start: %1</translation>
    </message>
    <message>
        <source>Could not stop: %1</source>
        <translation>Could not stop: %1</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>C&amp;opy</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::CaptureDialog</name>
    <message>
        <source>Also network boot traffic (DHCP, TFTP, ARP)</source>
        <translation>Also network boot traffic (DHCP, TFTP, ARP)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>&amp;Copy path</source>
        <translation>&amp;Copy path</translation>
    </message>
    <message>
        <source>Open in &amp;Wireshark</source>
        <translation>Open in &amp;Wireshark</translation>
    </message>
    <message>
        <source>Capture traffic</source>
        <translation>Capture traffic</translation>
    </message>
    <message>
        <source>every target, e.g. e7.3</source>
        <translation>every target, e.g. e7.3</translation>
    </message>
    <message>
        <source>Write the AoE frames seen on an interface to a file that Wireshark and tshark read, to find out why a target does not answer or a machine does not boot. The aoesan service captures for you; the frames hold the data of the disks on that network.</source>
        <translation>Write the AoE frames seen on an interface to a file that Wireshark and tshark read, to find out why a target does not answer or a machine does not boot. The aoesan service captures for you; the frames hold the data of the disks on that network.</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Interface:</translation>
    </message>
    <message>
        <source>Only this &amp;target:</source>
        <translation>Only this &amp;target:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>Capture file</source>
        <translation>Capture file</translation>
    </message>
    <message>
        <source>Capture files (*.pcap)</source>
        <translation>Capture files (*.pcap)</translation>
    </message>
    <message>
        <source>Wireshark is not installed (sudo apt-get install wireshark)</source>
        <translation>Wireshark is not installed (sudo apt-get install wireshark)</translation>
    </message>
    <message>
        <source>Open the file in Wireshark</source>
        <translation>Open the file in Wireshark</translation>
    </message>
    <message>
        <source>Not capturing.</source>
        <translation>Not capturing.</translation>
    </message>
    <message>
        <source>Choose the interface to capture on.</source>
        <translation>Choose the interface to capture on.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Capturing on %1…</source>
        <translation>Capturing on %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), %1 dropped</source>
        <translation>
            <numerusform>%n frame, %1 dropped</numerusform>
            <numerusform>%n frames, %1 dropped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n frame</numerusform>
            <numerusform>%n frames</numerusform>
        </translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>Written to %1</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ColumnChooser</name>
    <message>
        <source>Right-click to choose the columns</source>
        <translation>Right-click to choose the columns</translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation>Default columns</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::DiscoveryController</name>
    <message>
        <source>There is no Ethernet interface that is up, so there is nowhere to look for targets.</source>
        <translation>There is no Ethernet interface that is up, so there is nowhere to look for targets.</translation>
    </message>
    <message>
        <source>Connect a cable or bring an interface up (ip link set eth1 up), then press Discover now. To try aoesan without a network, start it with aoesan --lab.</source>
        <translation>Connect a cable or bring an interface up (ip link set eth1 up), then press Discover now. To try aoesan without a network, start it with aoesan --lab.</translation>
    </message>
    <message numerus="yes">
        <source>Forgot %n down target(s).</source>
        <translation>
            <numerusform>Forgot %n down target.</numerusform>
            <numerusform>Forgot %n down targets.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discovery started on %1.</source>
        <translation>Discovery started on %1.</translation>
    </message>
    <message>
        <source>The aoesan service went away; its targets and exports are shown again when it is back.</source>
        <translation>The aoesan service went away; its targets and exports are shown again when it is back.</translation>
    </message>
    <message>
        <source>The aoesan service is back.</source>
        <translation>The aoesan service is back.</translation>
    </message>
    <message>
        <source>The discovery settings were not changed: %1</source>
        <translation>The discovery settings were not changed: %1</translation>
    </message>
    <message>
        <source>The service&apos;s answer could not be read: %1</source>
        <translation>The service&apos;s answer could not be read: %1</translation>
    </message>
    <message>
        <source>The aoesan service is not running, so there are no targets and exports to show.</source>
        <translation>The aoesan service is not running, so there are no targets and exports to show.</translation>
    </message>
    <message>
        <source>aoesan shows them again as soon as the service is back (systemctl start aoesan).</source>
        <translation>aoesan shows them again as soon as the service is back (systemctl start aoesan).</translation>
    </message>
    <message>
        <source>Discovery keeps at most %1 targets and %2 paths each, and is refusing more: a station on the network may be sending forged answers.</source>
        <translation>Discovery keeps at most %1 targets and %2 paths each, and is refusing more: a station on the network may be sending forged answers.</translation>
    </message>
    <message>
        <source>Discovery refuses no more answers.</source>
        <translation>Discovery refuses no more answers.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ErrorBanner</name>
    <message>
        <source>Fix: %1</source>
        <translation>Fix: %1</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ExportController</name>
    <message>
        <source>Export &apos;%1&apos; added: %2</source>
        <translation>Export &apos;%1&apos; added: %2</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; removed.</source>
        <translation>Export &apos;%1&apos; removed.</translation>
    </message>
    <message>
        <source>Check that polkit (polkitd) runs, then try again.</source>
        <translation>Check that polkit (polkitd) runs, then try again.</translation>
    </message>
    <message>
        <source>The aoesan service does not answer. Start it (systemctl start aoesan) and try again.</source>
        <translation>The aoesan service does not answer. Start it (systemctl start aoesan) and try again.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ExportModel</name>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>starting</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>restarting</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>stopping</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Disk or image file</source>
        <translation>Disk or image file</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Uptime</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>restarting in %1</source>
        <translation>restarting in %1</translation>
    </message>
    <message numerus="yes">
        <source>restricted to %n host(s)</source>
        <translation>
            <numerusform>restricted to %n host</numerusform>
            <numerusform>restricted to %n hosts</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the hosts on its list may use this export.
%1</source>
        <translation>Only the hosts on its list may use this export.
%1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Boot</source>
        <translation>Boot</translation>
    </message>
    <message>
        <source>A network boot server runs for this export.</source>
        <translation>A network boot server runs for this export.</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>serving</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>on %1</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Writing</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Throughput appears after a second of serving.</source>
        <translation>Throughput appears after a second of serving.</translation>
    </message>
    <message>
        <source>No engine serves this export.</source>
        <translation>No engine serves this export.</translation>
    </message>
    <message>
        <source>Now: reading %1 (%2 requests/s), writing %3 (%4 requests/s)
Last minute: up to %5 reading, %6 writing</source>
        <translation>Now: reading %1 (%2 requests/s), writing %3 (%4 requests/s)
Last minute: up to %5 reading, %6 writing</translation>
    </message>
    <message>
        <source>The last minute of throughput: blue reading, orange writing</source>
        <translation>The last minute of throughput: blue reading, orange writing</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 changed who may use it over the network; the engine keeps that for its next start.</source>
        <translation>%1 changed who may use it over the network; the engine keeps that for its next start.</translation>
    </message>
    <message>
        <source>%1 changed who may use it over the network; that lasts until the export stops.</source>
        <translation>%1 changed who may use it over the network; that lasts until the export stops.</translation>
    </message>
    <message>
        <source>The engine restored the list it kept from an earlier run.</source>
        <translation>The engine restored the list it kept from an earlier run.</translation>
    </message>
    <message>
        <source>Every host may use this export now.
%1</source>
        <translation>Every host may use this export now.
%1</translation>
    </message>
    <message>
        <source>Only the hosts on its list may use this export.
%1
%2</source>
        <translation>Only the hosts on its list may use this export.
%1
%2</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ExportWizard</name>
    <message>
        <source>New export</source>
        <translation>New export</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ExportsView</name>
    <message>
        <source>Exports are served by aoesan-engine from this machine; they also appear in Targets: blue while running, grey when stopped.</source>
        <translation>Exports are served by aoesan-engine from this machine; they also appear in Targets: blue while running, grey when stopped.</translation>
    </message>
    <message>
        <source>Exports are served by this system&apos;s aoesan service: they keep running when aoesan is closed. They also appear in Targets: blue while running, grey when stopped.</source>
        <translation>Exports are served by this system&apos;s aoesan service: they keep running when aoesan is closed. They also appear in Targets: blue while running, grey when stopped.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About aoesan</source>
        <translation>&amp;About aoesan</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>&amp;Copy diagnostics</translation>
    </message>
    <message>
        <source>Version, license and where to report a problem</source>
        <translation>Version, license and where to report a problem</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of the window</source>
        <translation>Every keyboard shortcut of the window</translation>
    </message>
    <message>
        <source>Copy versions, interfaces, permissions and the last errors to the clipboard for a bug report</source>
        <translation>Copy versions, interfaces, permissions and the last errors to the clipboard for a bug report</translation>
    </message>
    <message>
        <source>&lt;h3&gt;aoesan %1&lt;/h3&gt;&lt;p&gt;ATA over Ethernet SAN manager: discover, export and watch AoE targets.&lt;/p&gt;&lt;p&gt;License: GNU General Public License, version 3 or later (GPL-3.0-or-later).&lt;/p&gt;&lt;p&gt;Home: &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;br&gt;Report a problem: &lt;a href=&quot;%3&quot;&gt;%3&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Built with Qt %4, running with Qt %5.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;aoesan %1&lt;/h3&gt;&lt;p&gt;ATA over Ethernet SAN manager: discover, export and watch AoE targets.&lt;/p&gt;&lt;p&gt;License: GNU General Public License, version 3 or later (GPL-3.0-or-later).&lt;/p&gt;&lt;p&gt;Home: &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;br&gt;Report a problem: &lt;a href=&quot;%3&quot;&gt;%3&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Built with Qt %4, running with Qt %5.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About aoesan</source>
        <translation>About aoesan</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Copy diagnostics</translation>
    </message>
    <message>
        <source>The diagnostics are on the clipboard: paste them into your bug report at %1.</source>
        <translation>The diagnostics are on the clipboard: paste them into your bug report at %1.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::KernelSettingsGroup</name>
    <message>
        <source>Disks of this machine</source>
        <translation>Disks of this machine</translation>
    </message>
    <message>
        <source>&amp;Attach it again when its target is back</source>
        <translation>&amp;Attach it again when its target is back</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>A disk of this machine whose target went down, and that no program or mount uses, is released after this long, so that it cannot hang the next fdisk or shutdown; 0: never</source>
        <translation>A disk of this machine whose target went down, and that no program or mount uses, is released after this long, so that it cannot hang the next fdisk or shutdown; 0: never</translation>
    </message>
    <message>
        <source>A disk that was released while its target was down becomes a disk of this machine again once discovery sees the target back</source>
        <translation>A disk that was released while its target was down becomes a disk of this machine again once discovery sees the target back</translation>
    </message>
    <message>
        <source>&amp;Release a down disk nobody uses after:</source>
        <translation>&amp;Release a down disk nobody uses after:</translation>
    </message>
    <message>
        <source>Reading the service&apos;s settings…</source>
        <translation>Reading the service&apos;s settings…</translation>
    </message>
    <message>
        <source>The aoesan service is not running, so these settings cannot be read or changed now.</source>
        <translation>The aoesan service is not running, so these settings cannot be read or changed now.</translation>
    </message>
    <message>
        <source>The aoesan service did not give these settings: %1</source>
        <translation>The aoesan service did not give these settings: %1</translation>
    </message>
    <message>
        <source>The aoesan service running now is older and has no settings for disks of this machine.</source>
        <translation>The aoesan service running now is older and has no settings for disks of this machine.</translation>
    </message>
    <message>
        <source>The service keeps these for every user of this machine.</source>
        <translation>The service keeps these for every user of this machine.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::LogDock</name>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Debug and above</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info and above</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnings and errors</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <source>Show only messages of this level or more serious</source>
        <translation>Show only messages of this level or more serious</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Remove every message from the log view (the log file keeps them)</source>
        <translation>Remove every message from the log view (the log file keeps them)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>&amp;Technical messages</source>
        <translation>&amp;Technical messages</translation>
    </message>
    <message>
        <source>Also show the program&apos;s technical messages (in English, for bug reports)</source>
        <translation>Also show the program&apos;s technical messages (in English, for bug reports)</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::LogModel</name>
    <message>
        <source>trace</source>
        <translation>trace</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>debug</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>A technical message for bug reports; in English by design</source>
        <translation>A technical message for bug reports; in English by design</translation>
    </message>
    <message>
        <source>%1 (technical)</source>
        <translation>%1 (technical)</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::MacListDialog</name>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Add &amp;this computer</source>
        <translation>Add &amp;this computer</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>“%1” is not a MAC address (six pairs of hex digits, e.g. 02:00:00:00:00:01).</source>
        <translation>“%1” is not a MAC address (six pairs of hex digits, e.g. 02:00:00:00:00:01).</translation>
    </message>
    <message>
        <source>(this computer)</source>
        <translation>(this computer)</translation>
    </message>
    <message>
        <source>This computer (%1 on %2) is not on the list: it will be locked out.</source>
        <translation>This computer (%1 on %2) is not on the list: it will be locked out.</translation>
    </message>
    <message>
        <source>This computer is %1 on %2.</source>
        <translation>This computer is %1 on %2.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::MainWindow</name>
    <message>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>Shelves</source>
        <translation>Shelves</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>Targets (Ctrl+1), Shelves (Ctrl+2), Exports (Ctrl+3)</source>
        <translation>Targets (Ctrl+1), Shelves (Ctrl+2), Exports (Ctrl+3)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Targets</source>
        <translation>&amp;Targets</translation>
    </message>
    <message>
        <source>&amp;Exports</source>
        <translation>&amp;Exports</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>Targets  %1</source>
        <translation>Targets  %1</translation>
    </message>
    <message>
        <source>Exports  %1</source>
        <translation>Exports  %1</translation>
    </message>
    <message numerus="yes">
        <source>%n target(s)</source>
        <translation>
            <numerusform>%n target</numerusform>
            <numerusform>%n targets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n export(s) running</source>
        <translation>
            <numerusform>%n export running</numerusform>
            <numerusform>%n exports running</numerusform>
        </translation>
    </message>
    <message>
        <source>last probe %1 s ago</source>
        <translation>last probe %1 s ago</translation>
    </message>
    <message>
        <source>discovery is not running</source>
        <translation>discovery is not running</translation>
    </message>
    <message>
        <source>interfaces: %1</source>
        <translation>interfaces: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Remove export</source>
        <translation>Remove export</translation>
    </message>
    <message>
        <source>Stop export &apos;%1&apos; and remove it from the list? The disk or image file is kept.</source>
        <translation>Stop export &apos;%1&apos; and remove it from the list? The disk or image file is kept.</translation>
    </message>
    <message>
        <source>AoE SAN Manager</source>
        <translation>AoE SAN Manager</translation>
    </message>
    <message>
        <source>AoE SAN Manager [lab]</source>
        <translation>AoE SAN Manager [lab]</translation>
    </message>
    <message>
        <source>Lab mode: a private network namespace; nothing is sent on this machine&apos;s interfaces</source>
        <translation>Lab mode: a private network namespace; nothing is sent on this machine&apos;s interfaces</translation>
    </message>
    <message>
        <source>The interfaces discovery watches</source>
        <translation>The interfaces discovery watches</translation>
    </message>
    <message numerus="yes">
        <source>%n up</source>
        <translation>
            <numerusform>%n up</numerusform>
            <numerusform>%n up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n down</source>
        <translation>
            <numerusform>%n down</numerusform>
            <numerusform>%n down</numerusform>
        </translation>
    </message>
    <message>
        <source>The aoesan service went away. What it served before may still run; its exports are shown again as soon as it is back.</source>
        <translation>The aoesan service went away. What it served before may still run; its exports are shown again as soon as it is back.</translation>
    </message>
    <message numerus="yes">
        <source>target limit reached: %n answer(s) refused</source>
        <translation>
            <numerusform>target limit reached: %n answer refused</numerusform>
            <numerusform>target limit reached: %n answers refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aoesan::ui::OldExportList</name>
    <message>
        <source>Move your exports</source>
        <translation>Move your exports</translation>
    </message>
    <message numerus="yes">
        <source>Your own export list has %n export(s) that this system&apos;s aoesan service does not serve. Move them into the service? It keeps them running when aoesan is closed.</source>
        <translation>
            <numerusform>Your own export list has %n export that this system&apos;s aoesan service does not serve. Move them into the service? It keeps them running when aoesan is closed.</numerusform>
            <numerusform>Your own export list has %n exports that this system&apos;s aoesan service does not serve. Move them into the service? It keeps them running when aoesan is closed.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Move them</source>
        <translation>&amp;Move them</translation>
    </message>
    <message>
        <source>&amp;Keep them where they are</source>
        <translation>&amp;Keep them where they are</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::OptionsPage</name>
    <message>
        <source>&amp;Read-only: initiators cannot write</source>
        <translation>&amp;Read-only: initiators cannot write</translation>
    </message>
    <message>
        <source>&amp;Direct I/O: bypass this machine&apos;s page cache (O_DIRECT)</source>
        <translation>&amp;Direct I/O: bypass this machine&apos;s page cache (O_DIRECT)</translation>
    </message>
    <message>
        <source>S&amp;ynchronous writes: each write reaches the disk before it is answered (O_SYNC)</source>
        <translation>S&amp;ynchronous writes: each write reaches the disk before it is answered (O_SYNC)</translation>
    </message>
    <message>
        <source>&amp;Start this export whenever aoesan starts</source>
        <translation>&amp;Start this export whenever aoesan starts</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>How the export behaves. The defaults suit most uses.</source>
        <translation>How the export behaves. The defaults suit most uses.</translation>
    </message>
    <message>
        <source>vblade -r</source>
        <translation>vblade -r</translation>
    </message>
    <message>
        <source>vblade -d: slower on small requests, but no double caching and honest flushes</source>
        <translation>vblade -d: slower on small requests, but no double caching and honest flushes</translation>
    </message>
    <message>
        <source>vblade -s: safest, slowest</source>
        <translation>vblade -s: safest, slowest</translation>
    </message>
    <message>
        <source>optional, e.g. rack-b/3</source>
        <translation>optional, e.g. rack-b/3</translation>
    </message>
    <message>
        <source>The AoE config string initiators see in Query Config replies</source>
        <translation>The AoE config string initiators see in Query Config replies</translation>
    </message>
    <message>
        <source>Start serving when aoesan starts (also used by the systemd unit)</source>
        <translation>Start serving when aoesan starts (also used by the systemd unit)</translation>
    </message>
    <message>
        <source>&amp;Config string:</source>
        <translation>&amp;Config string:</translation>
    </message>
    <message>
        <source>This device is in use here; it may only be exported read-only</source>
        <translation>This device is in use here; it may only be exported read-only</translation>
    </message>
    <message>
        <source>Who may use this export</source>
        <translation>Who may use this export</translation>
    </message>
    <message>
        <source>Last until the export stops, as with vblade</source>
        <translation>Last until the export stops, as with vblade</translation>
    </message>
    <message>
        <source>Are kept when it restarts (every machine here is trusted)</source>
        <translation>Are kept when it restarts (every machine here is trusted)</translation>
    </message>
    <message>
        <source>Are refused</source>
        <translation>Are refused</translation>
    </message>
    <message>
        <source>Any machine on the network can change who may use an export (aoe-mask, aoe-reserve). Whatever you choose, such a change is shown on the Exports page.</source>
        <translation>Any machine on the network can change who may use an export (aoe-mask, aoe-reserve). Whatever you choose, such a change is shown on the Exports page.</translation>
    </message>
    <message>
        <source>C&amp;hanges sent by other machines:</source>
        <translation>C&amp;hanges sent by other machines:</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::PersonLog</name>
    <message>
        <source>discovery</source>
        <translation>discovery</translation>
    </message>
    <message>
        <source>exports</source>
        <translation>exports</translation>
    </message>
    <message>
        <source>%1 is down.</source>
        <translation>%1 is down.</translation>
    </message>
    <message>
        <source>%1 is back up.</source>
        <translation>%1 is back up.</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; is running.</source>
        <translation>Export &apos;%1&apos; is running.</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; failed: %2</source>
        <translation>Export &apos;%1&apos; failed: %2</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::QuitFlow</name>
    <message>
        <source>Quit aoesan</source>
        <translation>Quit aoesan</translation>
    </message>
    <message numerus="yes">
        <source>Stop %n export(s) and quit? Clients using them will lose their disks.</source>
        <translation>
            <numerusform>Stop %n export and quit? Clients using it will lose their disk.</numerusform>
            <numerusform>Stop %n exports and quit? Clients using them will lose their disks.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Stop exports and quit</source>
        <translation>&amp;Stop exports and quit</translation>
    </message>
    <message>
        <source>No aoesan service was running, so this window runs its exports itself; they end with it. Installed, the aoesan service keeps them running.</source>
        <translation>No aoesan service was running, so this window runs its exports itself; they end with it. Installed, the aoesan service keeps them running.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ReviewPage</name>
    <message>
        <source>Start &amp;serving now</source>
        <translation>Start &amp;serving now</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Check the export, then press Export.</source>
        <translation>Check the export, then press Export.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>A short name for this export: letters, digits, &apos;-&apos; and &apos;_&apos;</source>
        <translation>A short name for this export: letters, digits, &apos;-&apos; and &apos;_&apos;</translation>
    </message>
    <message>
        <source>The same export from a terminal, with vblade&apos;s arguments</source>
        <translation>The same export from a terminal, with vblade&apos;s arguments</translation>
    </message>
    <message>
        <source>Start the engine for this export as soon as it is added</source>
        <translation>Start the engine for this export as soon as it is added</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Equivalent command:</source>
        <translation>Equivalent command:</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>read-only</translation>
    </message>
    <message>
        <source>direct I/O</source>
        <translation>direct I/O</translation>
    </message>
    <message>
        <source>synchronous writes</source>
        <translation>synchronous writes</translation>
    </message>
    <message numerus="yes">
        <source>%n allowed initiator(s)</source>
        <translation>
            <numerusform>%n allowed initiator</numerusform>
            <numerusform>%n allowed initiators</numerusform>
        </translation>
    </message>
    <message>
        <source>starts with aoesan</source>
        <translation>starts with aoesan</translation>
    </message>
    <message>
        <source>e%1.%2 on %3, serving %4 (%5)</source>
        <translation>e%1.%2 on %3, serving %4 (%5)</translation>
    </message>
    <message>
        <source>Options: %1</source>
        <translation>Options: %1</translation>
    </message>
    <message>
        <source>changes from the network kept</source>
        <translation>changes from the network kept</translation>
    </message>
    <message>
        <source>changes from the network refused</source>
        <translation>changes from the network refused</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::SettingsDialog</name>
    <message>
        <source>Show &amp;notifications</source>
        <translation>Show &amp;notifications</translation>
    </message>
    <message>
        <source>When a &amp;target goes down or comes back</source>
        <translation>When a &amp;target goes down or comes back</translation>
    </message>
    <message>
        <source>When an &amp;export fails</source>
        <translation>When an &amp;export fails</translation>
    </message>
    <message>
        <source>aoesan settings</source>
        <translation>aoesan settings</translation>
    </message>
    <message>
        <source>Tick the interfaces to look for targets on; with none ticked, every Ethernet interface that is up is used</source>
        <translation>Tick the interfaces to look for targets on; with none ticked, every Ethernet interface that is up is used</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds between probes; a target is down after three intervals without an answer</source>
        <translation>Seconds between probes; a target is down after three intervals without an answer</translation>
    </message>
    <message>
        <source>Show desktop notifications from the tray icon</source>
        <translation>Show desktop notifications from the tray icon</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>The language of aoesan&apos;s window; a change applies the next time aoesan starts</source>
        <translation>The language of aoesan&apos;s window; a change applies the next time aoesan starts</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Discovery</translation>
    </message>
    <message>
        <source>&amp;Interfaces:</source>
        <translation>&amp;Interfaces:</translation>
    </message>
    <message>
        <source>Probe &amp;every:</source>
        <translation>Probe &amp;every:</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Start aoesan in the tray when I log in</source>
        <translation>&amp;Start aoesan in the tray when I log in</translation>
    </message>
    <message>
        <source>At login aoesan starts with its window hidden and watches your targets and exports from the tray icon</source>
        <translation>At login aoesan starts with its window hidden and watches your targets and exports from the tray icon</translation>
    </message>
    <message>
        <source>Disks of this machine</source>
        <translation>Disks of this machine</translation>
    </message>
    <message>
        <source>The service did not take the settings for disks of this machine.</source>
        <translation>The service did not take the settings for disks of this machine.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ShelfView</name>
    <message>
        <source>Every shelf with its slots: green up, red down, amber conflict, blue exported from this machine. Click to select, double-click or Enter to open in the Targets table.</source>
        <translation>Every shelf with its slots: green up, red down, amber conflict, blue exported from this machine. Click to select, double-click or Enter to open in the Targets table.</translation>
    </message>
    <message>
        <source>No targets yet.
Discovered shelves and slots appear here.</source>
        <translation>No targets yet.
Discovered shelves and slots appear here.</translation>
    </message>
    <message>
        <source>Shelf %1</source>
        <translation>Shelf %1</translation>
    </message>
    <message numerus="yes">
        <source>%n empty</source>
        <translation>
            <numerusform>%n empty</numerusform>
            <numerusform>%n empty</numerusform>
        </translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message>
        <source>Serial: %1</source>
        <translation>Serial: %1</translation>
    </message>
    <message>
        <source>Path: %1 → %2 (RTT %3)</source>
        <translation>Path: %1 → %2 (RTT %3)</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Conflict: %1</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Size: %1</translation>
    </message>
    <message>
        <source>On this machine: %1</source>
        <translation>On this machine: %1</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::SourcePage</name>
    <message>
        <source>A &amp;disk or partition</source>
        <translation>A &amp;disk or partition</translation>
    </message>
    <message>
        <source>An existing &amp;image file</source>
        <translation>An existing &amp;image file</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;Sparse (disk space is used only as data is written)</source>
        <translation>&amp;Sparse (disk space is used only as data is written)</translation>
    </message>
    <message>
        <source>&amp;Create image</source>
        <translation>&amp;Create image</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>What to export</translation>
    </message>
    <message>
        <source>Choose a disk, a partition or an image file. Initiators will see it as one AoE disk.</source>
        <translation>Choose a disk, a partition or an image file. Initiators will see it as one AoE disk.</translation>
    </message>
    <message>
        <source>Disks and partitions of this machine; greyed ones cannot be exported</source>
        <translation>Disks and partitions of this machine; greyed ones cannot be exported</translation>
    </message>
    <message>
        <source>/srv/aoe/disk.img</source>
        <translation>/srv/aoe/disk.img</translation>
    </message>
    <message>
        <source>The image file (or device path) to export</source>
        <translation>The image file (or device path) to export</translation>
    </message>
    <message>
        <source>Choose an existing image file</source>
        <translation>Choose an existing image file</translation>
    </message>
    <message>
        <source>Where to create the new image file</source>
        <translation>Where to create the new image file</translation>
    </message>
    <message>
        <source>Size of the new image</source>
        <translation>Size of the new image</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>TiB</source>
        <translation>TiB</translation>
    </message>
    <message>
        <source>Without this, the whole size is written with zeros now, which takes a while</source>
        <translation>Without this, the whole size is written with zeros now, which takes a while</translation>
    </message>
    <message>
        <source>Create the image file now (Alt+C)</source>
        <translation>Create the image file now (Alt+C)</translation>
    </message>
    <message>
        <source>Disks cannot be listed here.</source>
        <translation>Disks cannot be listed here.</translation>
    </message>
    <message>
        <source>Looking for disks and partitions…</source>
        <translation>Looking for disks and partitions…</translation>
    </message>
    <message>
        <source>The disks could not be listed: %1</source>
        <translation>The disks could not be listed: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n disk(s) and partition(s).</source>
        <translation>
            <numerusform>%n disk or partition.</numerusform>
            <numerusform>%n disks and partitions.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a disk or partition.</source>
        <translation>Select a disk or partition.</translation>
    </message>
    <message>
        <source>%1: %2, can be exported.</source>
        <translation>%1: %2, can be exported.</translation>
    </message>
    <message>
        <source>%1 can only be exported read-only: %2</source>
        <translation>%1 can only be exported read-only: %2</translation>
    </message>
    <message>
        <source>%1 cannot be exported: %2</source>
        <translation>%1 cannot be exported: %2</translation>
    </message>
    <message>
        <source>Type or browse for an image file.</source>
        <translation>Type or browse for an image file.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 does not exist.</translation>
    </message>
    <message>
        <source>%1 is a directory.</source>
        <translation>%1 is a directory.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Creating the image…</source>
        <translation>Creating the image…</translation>
    </message>
    <message>
        <source>%1 is ready.</source>
        <translation>%1 is ready.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation>%1 already exists; choose another name.</translation>
    </message>
    <message>
        <source>Choose an image file</source>
        <translation>Choose an image file</translation>
    </message>
    <message>
        <source>The image could not be created: %1</source>
        <translation>The image could not be created: %1</translation>
    </message>
    <message>
        <source>A ne&amp;w image file</source>
        <translation>A ne&amp;w image file</translation>
    </message>
    <message>
        <source>A %1 image will be created when you press Next.</source>
        <translation>A %1 image will be created when you press Next.</translation>
    </message>
    <message>
        <source>Whole c&amp;ylinders (network boot with iPXE and Windows initiators)</source>
        <translation>Whole c&amp;ylinders (network boot with iPXE and Windows initiators)</translation>
    </message>
    <message>
        <source>Rounds the size up to a multiple of 8,225,280 bytes (255 heads × 63 sectors)</source>
        <translation>Rounds the size up to a multiple of 8,225,280 bytes (255 heads × 63 sectors)</translation>
    </message>
    <message>
        <source>Too small to boot with iPXE: under 8,225,280 bytes (one cylinder of 255 heads × 63 sectors).</source>
        <translation>Too small to boot with iPXE: under 8,225,280 bytes (one cylinder of 255 heads × 63 sectors).</translation>
    </message>
    <message>
        <source>Not whole cylinders: Windows AoE initiators need a multiple of 8,225,280 bytes (%1 or %2).</source>
        <translation>Not whole cylinders: Windows AoE initiators need a multiple of 8,225,280 bytes (%1 or %2).</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::TargetActions</name>
    <message>
        <source>&amp;Identify again</source>
        <translation>&amp;Identify again</translation>
    </message>
    <message>
        <source>&amp;Config string…</source>
        <translation>&amp;Config string…</translation>
    </message>
    <message>
        <source>&amp;MAC mask…</source>
        <translation>&amp;MAC mask…</translation>
    </message>
    <message>
        <source>&amp;Reservations…</source>
        <translation>&amp;Reservations…</translation>
    </message>
    <message>
        <source>Copy boot &amp;URI (%1)</source>
        <translation>Copy boot &amp;URI (%1)</translation>
    </message>
    <message>
        <source>Copy i&amp;PXE line</source>
        <translation>Copy i&amp;PXE line</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard.</source>
        <translation>Copied %1 to the clipboard.</translation>
    </message>
    <message>
        <source>Copied “%1” to the clipboard.</source>
        <translation>Copied “%1” to the clipboard.</translation>
    </message>
    <message>
        <source>Discovery is not running, so %1 cannot be asked. Press Discover now and try again.</source>
        <translation>Discovery is not running, so %1 cannot be asked. Press Discover now and try again.</translation>
    </message>
    <message>
        <source>The discovery engine did not answer the request for %1.</source>
        <translation>The discovery engine did not answer the request for %1.</translation>
    </message>
    <message>
        <source>%1 cannot be reached on any interface discovery watches.</source>
        <translation>%1 cannot be reached on any interface discovery watches.</translation>
    </message>
    <message>
        <source>%1 did not answer.</source>
        <translation>%1 did not answer.</translation>
    </message>
    <message>
        <source>%1 is reserved by %2; it refused the change.</source>
        <translation>%1 is reserved by %2; it refused the change.</translation>
    </message>
    <message>
        <source>%1 runs vblade 25 or older, which crashes when a listed address is removed from its MAC mask. Nothing was sent. Restart vblade with a new -m list instead.</source>
        <translation>%1 runs vblade 25 or older, which crashes when a listed address is removed from its MAC mask. Nothing was sent. Restart vblade with a new -m list instead.</translation>
    </message>
    <message>
        <source>The change would lock this computer out of %1; nothing was sent.</source>
        <translation>The change would lock this computer out of %1; nothing was sent.</translation>
    </message>
    <message>
        <source>The discovery engine did not understand the request: %1</source>
        <translation>The discovery engine did not understand the request: %1</translation>
    </message>
    <message>
        <source>%1 refused the request: %2</source>
        <translation>%1 refused the request: %2</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>Target %1</translation>
    </message>
    <message>
        <source>%1 answered IDENTIFY: %2, serial %3, firmware %4, %5.</source>
        <translation>%1 answered IDENTIFY: %2, serial %3, firmware %4, %5.</translation>
    </message>
    <message>
        <source>Config string of %1</source>
        <translation>Config string of %1</translation>
    </message>
    <message>
        <source>Hosts read the config string to tell targets apart (at most 1024 bytes).
%1 holds now: “%2”</source>
        <translation>Hosts read the config string to tell targets apart (at most 1024 bytes).
%1 holds now: “%2”</translation>
    </message>
    <message>
        <source>&amp;Set…</source>
        <translation>&amp;Set…</translation>
    </message>
    <message>
        <source>A config string has at most 1024 bytes; this one has %1.</source>
        <translation>A config string has at most 1024 bytes; this one has %1.</translation>
    </message>
    <message>
        <source>Set config string</source>
        <translation>Set config string</translation>
    </message>
    <message>
        <source>Replace the config string of %1?</source>
        <translation>Replace the config string of %1?</translation>
    </message>
    <message>
        <source>“%1” becomes “%2”. Every host that reads %3 sees the new string.</source>
        <translation>“%1” becomes “%2”. Every host that reads %3 sees the new string.</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>%1 now holds the config string “%2”.</source>
        <translation>%1 now holds the config string “%2”.</translation>
    </message>
    <message>
        <source>MAC mask of %1</source>
        <translation>MAC mask of %1</translation>
    </message>
    <message>
        <source>While the MAC mask lists any address, %1 answers only the hosts on it.</source>
        <translation>While the MAC mask lists any address, %1 answers only the hosts on it.</translation>
    </message>
    <message>
        <source>The list is empty: every host may use %1.</source>
        <translation>The list is empty: every host may use %1.</translation>
    </message>
    <message>
        <source>The MAC mask of %1 is empty now: every host may use it.</source>
        <translation>The MAC mask of %1 is empty now: every host may use it.</translation>
    </message>
    <message numerus="yes">
        <source>The MAC mask of %1 now lists %n host(s).</source>
        <translation>
            <numerusform>The MAC mask of %1 now lists %n host.</numerusform>
            <numerusform>The MAC mask of %1 now lists %n hosts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reservations of %1</source>
        <translation>Reservations of %1</translation>
    </message>
    <message>
        <source>While %1 is reserved, only the hosts on the list may read or write it.</source>
        <translation>While %1 is reserved, only the hosts on the list may read or write it.</translation>
    </message>
    <message>
        <source>The list is empty: %1 is not reserved.</source>
        <translation>The list is empty: %1 is not reserved.</translation>
    </message>
    <message>
        <source>%1 is not reserved now.</source>
        <translation>%1 is not reserved now.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is now reserved for %n host(s).</source>
        <translation>
            <numerusform>%1 is now reserved for %n host.</numerusform>
            <numerusform>%1 is now reserved for %n hosts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reserved by another host</source>
        <translation>Reserved by another host</translation>
    </message>
    <message>
        <source>%1 is reserved by %2.</source>
        <translation>%1 is reserved by %2.</translation>
    </message>
    <message>
        <source>Taking the reservation over cuts those hosts off %1 at once; anything they are doing with it fails.</source>
        <translation>Taking the reservation over cuts those hosts off %1 at once; anything they are doing with it fails.</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Take over</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Lock this computer out?</source>
        <translation>Lock this computer out?</translation>
    </message>
    <message>
        <source>Lock this computer out of %1?</source>
        <translation>Lock this computer out of %1?</translation>
    </message>
    <message>
        <source>After this change %1 is reserved for %2, but not for this computer (%3 on %4).</source>
        <translation>After this change %1 is reserved for %2, but not for this computer (%3 on %4).</translation>
    </message>
    <message>
        <source>After this change the MAC mask of %1 lists %2, but not this computer (%3 on %4).</source>
        <translation>After this change the MAC mask of %1 lists %2, but not this computer (%3 on %4).</translation>
    </message>
    <message>
        <source>%1 will then ignore this computer: it cannot use %1 or undo the change from here, only from a host on the list or on the target itself.</source>
        <translation>%1 will then ignore this computer: it cannot use %1 or undo the change from here, only from a host on the list or on the target itself.</translation>
    </message>
    <message>
        <source>Lock this computer out</source>
        <translation>Lock this computer out</translation>
    </message>
    <message>
        <source>Nothing was changed on %1.</source>
        <translation>Nothing was changed on %1.</translation>
    </message>
    <message>
        <source>&amp;Use on this machine</source>
        <translation>&amp;Use on this machine</translation>
    </message>
    <message>
        <source>De&amp;tach from this machine</source>
        <translation>De&amp;tach from this machine</translation>
    </message>
    <message>
        <source>Attaching %1 through the kernel&apos;s aoe driver…</source>
        <translation>Attaching %1 through the kernel&apos;s aoe driver…</translation>
    </message>
    <message>
        <source>%1 is on this machine as %2</source>
        <translation>%1 is on this machine as %2</translation>
    </message>
    <message>
        <source>Could not use %1 on this machine: %2</source>
        <translation>Could not use %1 on this machine: %2</translation>
    </message>
    <message>
        <source>Detaching %1…</source>
        <translation>Detaching %1…</translation>
    </message>
    <message>
        <source>%1 is detached from this machine</source>
        <translation>%1 is detached from this machine</translation>
    </message>
    <message>
        <source>Could not detach %1: %2</source>
        <translation>Could not detach %1: %2</translation>
    </message>
    <message>
        <source>%1 is exported by this machine. The kernel&apos;s aoe driver does not see this machine&apos;s own frames, so the export cannot become a disk here.</source>
        <translation>%1 is exported by this machine. The kernel&apos;s aoe driver does not see this machine&apos;s own frames, so the export cannot become a disk here.</translation>
    </message>
    <message>
        <source>The service says: %1</source>
        <translation>The service says: %1</translation>
    </message>
    <message>
        <source>Use its backing file or device itself.</source>
        <translation>Use its backing file or device itself.</translation>
    </message>
    <message>
        <source>Use its backing file or device itself:</source>
        <translation>Use its backing file or device itself:</translation>
    </message>
    <message>
        <source>%1 is exported by this machine: use %2 itself.</source>
        <translation>%1 is exported by this machine: use %2 itself.</translation>
    </message>
    <message>
        <source>its backing file</source>
        <translation>its backing file</translation>
    </message>
    <message>
        <source>Copy &amp;path</source>
        <translation>Copy &amp;path</translation>
    </message>
    <message>
        <source>Mounting %1…</source>
        <translation>Mounting %1…</translation>
    </message>
    <message>
        <source>%1 is mounted at %2.</source>
        <translation>%1 is mounted at %2.</translation>
    </message>
    <message>
        <source>Mount it yourself, for instance: sudo mount %1 /mnt</source>
        <translation>Mount it yourself, for instance: sudo mount %1 /mnt</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Open %1</translation>
    </message>
    <message>
        <source>udisks2 is not running on this machine, so aoesan cannot mount the filesystem for you.</source>
        <translation>udisks2 is not running on this machine, so aoesan cannot mount the filesystem for you.</translation>
    </message>
    <message>
        <source>udisks2 knows no filesystem it can mount on %1.</source>
        <translation>udisks2 knows no filesystem it can mount on %1.</translation>
    </message>
    <message>
        <source>Could not mount %1: %2</source>
        <translation>Could not mount %1: %2</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::TargetDetails</name>
    <message>
        <source>Copy boot URI</source>
        <translation>Copy boot URI</translation>
    </message>
    <message>
        <source>Copy the iPXE boot URI (aoe:eX.Y) of this target to the clipboard</source>
        <translation>Copy the iPXE boot URI (aoe:eX.Y) of this target to the clipboard</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a target to see its details and paths.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Select a target to see its details and paths.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1 (%2), %3 sectors, %4</source>
        <translation>%1 (%2), %3 sectors, %4</translation>
    </message>
    <message>
        <source>size not known yet (no answer to IDENTIFY)</source>
        <translation>size not known yet (no answer to IDENTIFY)</translation>
    </message>
    <message>
        <source>(down since %1)</source>
        <translation>(down since %1)</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>State: %1</translation>
    </message>
    <message>
        <source>%1 → %2 (RTT %3)</source>
        <translation>%1 → %2 (RTT %3)</translation>
    </message>
    <message>
        <source>Paths: %1</source>
        <translation>Paths: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>model %1</translation>
    </message>
    <message>
        <source>serial %1</source>
        <translation>serial %1</translation>
    </message>
    <message>
        <source>buffers %1</source>
        <translation>buffers %1</translation>
    </message>
    <message>
        <source>%1 bytes per frame</source>
        <translation>%1 bytes per frame</translation>
    </message>
    <message>
        <source>config &quot;%1&quot;</source>
        <translation>config &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Boot URI: &lt;code&gt;aoe:%1&lt;/code&gt;</source>
        <translation>Boot URI: &lt;code&gt;aoe:%1&lt;/code&gt;</translation>
    </message>
    <message>
        <source>aoe-stat: %1</source>
        <translation>aoe-stat: %1</translation>
    </message>
    <message numerus="yes">
        <source>Conflict: %n backends answer this address</source>
        <translation>
            <numerusform>Conflict: %n backends answer this address</numerusform>
            <numerusform>Conflict: %n backends answer this address</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3 sectors, serial &quot;%4&quot;</source>
        <translation>%1: %2, %3 sectors, serial &quot;%4&quot;</translation>
    </message>
    <message>
        <source>(the size shown: the smallest)</source>
        <translation>(the size shown: the smallest)</translation>
    </message>
    <message>
        <source>%1: size not known yet</source>
        <translation>%1: size not known yet</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identify</translation>
    </message>
    <message>
        <source>Ask the target for its IDENTIFY data again</source>
        <translation>Ask the target for its IDENTIFY data again</translation>
    </message>
    <message>
        <source>Config…</source>
        <translation>Config…</translation>
    </message>
    <message>
        <source>Read or set the target&apos;s config string</source>
        <translation>Read or set the target&apos;s config string</translation>
    </message>
    <message>
        <source>MAC mask…</source>
        <translation>MAC mask…</translation>
    </message>
    <message>
        <source>View or edit which hosts the target answers</source>
        <translation>View or edit which hosts the target answers</translation>
    </message>
    <message>
        <source>Reservations…</source>
        <translation>Reservations…</translation>
    </message>
    <message>
        <source>View or set which hosts may read and write the target</source>
        <translation>View or set which hosts may read and write the target</translation>
    </message>
    <message>
        <source>Copy iPXE line</source>
        <translation>Copy iPXE line</translation>
    </message>
    <message>
        <source>Copy “sanboot aoe:eX.Y” to the clipboard</source>
        <translation>Copy “sanboot aoe:eX.Y” to the clipboard</translation>
    </message>
    <message>
        <source>Exported here, %1 (list restored from an earlier run)</source>
        <translation>Exported here, %1 (list restored from an earlier run)</translation>
    </message>
    <message>
        <source>Exported here, %1</source>
        <translation>Exported here, %1</translation>
    </message>
    <message>
        <source>firmware %1</source>
        <translation>firmware %1</translation>
    </message>
    <message>
        <source>On this machine: &lt;b&gt;&lt;code&gt;%1&lt;/code&gt;&lt;/b&gt; — kernel state: &lt;span style=&quot;color:%2&quot;&gt;%3&lt;/span&gt;</source>
        <translation>On this machine: &lt;b&gt;&lt;code&gt;%1&lt;/code&gt;&lt;/b&gt; — kernel state: &lt;span style=&quot;color:%2&quot;&gt;%3&lt;/span&gt;</translation>
    </message>
    <message>
        <source>no filesystem known</source>
        <translation>no filesystem known</translation>
    </message>
    <message>
        <source>label &quot;%1&quot;</source>
        <translation>label &quot;%1&quot;</translation>
    </message>
    <message>
        <source>not mounted</source>
        <translation>not mounted</translation>
    </message>
    <message>
        <source>mounted at %1</source>
        <translation>mounted at %1</translation>
    </message>
    <message>
        <source>No partitions</source>
        <translation>No partitions</translation>
    </message>
    <message>
        <source>Not in use: it can be detached</source>
        <translation>Not in use: it can be detached</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>In use: %1</translation>
    </message>
    <message>
        <source>Use on this machine</source>
        <translation>Use on this machine</translation>
    </message>
    <message>
        <source>Make this target a disk of this machine through the kernel&apos;s aoe driver (Ctrl+U)</source>
        <translation>Make this target a disk of this machine through the kernel&apos;s aoe driver (Ctrl+U)</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Detach</translation>
    </message>
    <message>
        <source>Release this machine&apos;s disk of the target (Ctrl+Shift+U)</source>
        <translation>Release this machine&apos;s disk of the target (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>Exported by this machine: the kernel&apos;s aoe driver cannot use it here (it does not see this machine&apos;s own frames); use %1 itself.</source>
        <translation>Exported by this machine: the kernel&apos;s aoe driver cannot use it here (it does not see this machine&apos;s own frames); use %1 itself.</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Open %1</translation>
    </message>
    <message>
        <source>Mount %1 (through udisks2) and open it in the file manager</source>
        <translation>Mount %1 (through udisks2) and open it in the file manager</translation>
    </message>
    <message>
        <source>Exported here, %1 (list set over the network by %2)</source>
        <translation>Exported here, %1 (list set over the network by %2)</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::TargetModel</name>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Interfaces</source>
        <translation>Interfaces</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>Buffers</source>
        <translation>Buffers</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Serial</translation>
    </message>
    <message>
        <source>Config string</source>
        <translation>Config string</translation>
    </message>
    <message>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unknown)</translation>
    </message>
    <message numerus="yes">
        <source>conflict: %n backends</source>
        <translation>
            <numerusform>conflict: %n backend</numerusform>
            <numerusform>conflict: %n backends</numerusform>
        </translation>
    </message>
    <message>
        <source>down since %1</source>
        <translation>down since %1</translation>
    </message>
    <message>
        <source>The target has not answered IDENTIFY yet.</source>
        <translation>The target has not answered IDENTIFY yet.</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Conflict: %1</translation>
    </message>
    <message>
        <source>No answer since %1</source>
        <translation>No answer since %1</translation>
    </message>
    <message>
        <source>%1
%2 sectors</source>
        <translation>%1
%2 sectors</translation>
    </message>
    <message>
        <source>restarting, exported here</source>
        <translation>restarting, exported here</translation>
    </message>
    <message>
        <source>stopping, exported here</source>
        <translation>stopping, exported here</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; of this machine: %2</source>
        <translation>Export &apos;%1&apos; of this machine: %2</translation>
    </message>
    <message>
        <source>On this machine</source>
        <translation>On this machine</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>state unknown</source>
        <translation>state unknown</translation>
    </message>
    <message>
        <source>%1, on this machine as %2</source>
        <translation>%1, on this machine as %2</translation>
    </message>
    <message>
        <source>Not used on this machine (the kernel&apos;s aoe driver does not have it)</source>
        <translation>Not used on this machine (the kernel&apos;s aoe driver does not have it)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::TargetsView</name>
    <message>
        <source>Show down targets</source>
        <translation>Show down targets</translation>
    </message>
    <message>
        <source>Filter: e7.* or any text (model, serial, MAC…)</source>
        <translation>Filter: e7.* or any text (model, serial, MAC…)</translation>
    </message>
    <message>
        <source>Type a device pattern such as e7.* or words to look for in any column (Ctrl+F)</source>
        <translation>Type a device pattern such as e7.* or words to look for in any column (Ctrl+F)</translation>
    </message>
    <message>
        <source>List targets that stopped answering, greyed, until you forget them</source>
        <translation>List targets that stopped answering, greyed, until you forget them</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::TrayController</name>
    <message>
        <source>E&amp;xports</source>
        <translation>E&amp;xports</translation>
    </message>
    <message>
        <source>No exports yet</source>
        <translation>No exports yet</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Exports are served by the system and keep running after Quit.</source>
        <translation>Exports are served by the system and keep running after Quit.</translation>
    </message>
    <message>
        <source>Served by the system: they keep running after Quit</source>
        <translation>Served by the system: they keep running after Quit</translation>
    </message>
    <message>
        <source>%1 on this machine is down</source>
        <translation>%1 on this machine is down</translation>
    </message>
    <message>
        <source>In use: %1. Programs reading or writing it wait until the target answers again.</source>
        <translation>In use: %1. Programs reading or writing it wait until the target answers again.</translation>
    </message>
    <message>
        <source>Closewait: the kernel keeps the device down until every program has closed it; close them (or unmount) and attach again.</source>
        <translation>Closewait: the kernel keeps the device down until every program has closed it; close them (or unmount) and attach again.</translation>
    </message>
    <message>
        <source>%1 on this machine is back up</source>
        <translation>%1 on this machine is back up</translation>
    </message>
    <message>
        <source>The target answers again; what uses it can carry on.</source>
        <translation>The target answers again; what uses it can carry on.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::lab::LabEnvironment</name>
    <message>
        <source>Lab mode needs the ip program (Debian package iproute2).</source>
        <translation>Lab mode needs the ip program (Debian package iproute2).</translation>
    </message>
    <message>
        <source>ip %1 failed: %2</source>
        <translation>ip %1 failed: %2</translation>
    </message>
    <message>
        <source>The lab image %1 could not be created: %2</source>
        <translation>The lab image %1 could not be created: %2</translation>
    </message>
    <message>
        <source>aoesan-engine could not be started for the lab: %1</source>
        <translation>aoesan-engine could not be started for the lab: %1</translation>
    </message>
    <message>
        <source>Lab mode could not create its temporary directory: %1</source>
        <translation>Lab mode could not create its temporary directory: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>ATA over Ethernet SAN manager: discover, export and watch AoE targets.</source>
        <translation>ATA over Ethernet SAN manager: discover, export and watch AoE targets.</translation>
    </message>
    <message>
        <source>Start in a private network namespace with demo targets and exports; nothing is sent on this machine&apos;s interfaces.</source>
        <translation>Start in a private network namespace with demo targets and exports; nothing is sent on this machine&apos;s interfaces.</translation>
    </message>
    <message>
        <source>trace, debug, info, warn, error or off (default: $AOESAN_LOG or info).</source>
        <translation>trace, debug, info, warn, error or off (default: $AOESAN_LOG or info).</translation>
    </message>
    <message>
        <source>aoesan lab mode</source>
        <translation>aoesan lab mode</translation>
    </message>
    <message>
        <source>unknown log level &apos;%1&apos; (use %2)</source>
        <translation>unknown log level &apos;%1&apos; (use %2)</translation>
    </message>
    <message>
        <source>Try aoesan --help.</source>
        <translation>Try aoesan --help.</translation>
    </message>
    <message>
        <source>aoesan</source>
        <translation>aoesan</translation>
    </message>
    <message>
        <source>Started by the desktop at login: end at once unless &quot;Start aoesan in the tray when I log in&quot; is on in the settings; then start with the window hidden, in the tray.</source>
        <translation>Started by the desktop at login: end at once unless &quot;Start aoesan in the tray when I log in&quot; is on in the settings; then start with the window hidden, in the tray.</translation>
    </message>
</context>
</TS>
