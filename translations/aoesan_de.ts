<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Discover now</source>
        <translation>Jetzt &amp;suchen</translation>
    </message>
    <message>
        <source>Probe every interface for AoE targets now</source>
        <translation>Jetzt auf allen Schnittstellen nach AoE-Zielen suchen</translation>
    </message>
    <message>
        <source>&amp;Forget down targets</source>
        <translation>Nicht erreichbare Ziele &amp;vergessen</translation>
    </message>
    <message>
        <source>Remove the targets that stopped answering from the list</source>
        <translation>Ziele, die nicht mehr antworten, aus der Liste entfernen</translation>
    </message>
    <message>
        <source>&amp;New export…</source>
        <translation>&amp;Neuer Export…</translation>
    </message>
    <message>
        <source>Export a disk, partition or image file as an AoE target</source>
        <translation>Eine Festplatte, Partition oder Image-Datei als AoE-Ziel exportieren</translation>
    </message>
    <message>
        <source>&amp;Start export</source>
        <translation>Export &amp;starten</translation>
    </message>
    <message>
        <source>Start serving the selected export</source>
        <translation>Den ausgewählten Export bereitstellen</translation>
    </message>
    <message>
        <source>S&amp;top export</source>
        <translation>Export an&amp;halten</translation>
    </message>
    <message>
        <source>Stop serving the selected export</source>
        <translation>Den ausgewählten Export nicht mehr bereitstellen</translation>
    </message>
    <message>
        <source>&amp;Remove export</source>
        <translation>Export &amp;entfernen</translation>
    </message>
    <message>
        <source>Stop the selected export and remove it from the list (the disk or file is kept)</source>
        <translation>Den ausgewählten Export anhalten und aus der Liste entfernen (Festplatte bzw. Datei bleiben erhalten)</translation>
    </message>
    <message>
        <source>&amp;Targets</source>
        <translation>&amp;Ziele</translation>
    </message>
    <message>
        <source>Show the table of discovered targets</source>
        <translation>Die Tabelle der gefundenen Ziele zeigen</translation>
    </message>
    <message>
        <source>S&amp;helves</source>
        <translation>&amp;Regale</translation>
    </message>
    <message>
        <source>Show every shelf with its slots at a glance</source>
        <translation>Jedes Regal mit seinen Slots auf einen Blick zeigen</translation>
    </message>
    <message>
        <source>&amp;Exports</source>
        <translation>&amp;Exporte</translation>
    </message>
    <message>
        <source>Show the exports served from this machine</source>
        <translation>Die von diesem Rechner bereitgestellten Exporte zeigen</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <source>Show or hide the log of events</source>
        <translation>Das Ereignisprotokoll zeigen oder verbergen</translation>
    </message>
    <message>
        <source>&amp;Filter targets</source>
        <translation>Ziele &amp;filtern</translation>
    </message>
    <message>
        <source>Filter the targets by device pattern or text</source>
        <translation>Die Ziele nach Gerätemuster oder Text filtern</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Interfaces, probe interval, notifications and language</source>
        <translation>Schnittstellen, Suchintervall, Benachrichtigungen und Sprache</translation>
    </message>
    <message>
        <source>&amp;Pause notifications</source>
        <translation>Benachrichtigungen &amp;pausieren</translation>
    </message>
    <message>
        <source>Do not show notifications until you turn this off</source>
        <translation>Keine Benachrichtigungen zeigen, bis Sie dies wieder ausschalten</translation>
    </message>
    <message>
        <source>Show &amp;aoesan</source>
        <translation>&amp;aoesan zeigen</translation>
    </message>
    <message>
        <source>Show the aoesan window</source>
        <translation>Das aoesan-Fenster zeigen</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>Fenster &amp;schließen</translation>
    </message>
    <message>
        <source>Hide the window; aoesan keeps watching from the tray</source>
        <translation>Das Fenster ausblenden; aoesan überwacht weiter aus dem Infobereich</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Stop watching and quit aoesan (asks first when exports are running)</source>
        <translation>Die Überwachung beenden und aoesan schließen (fragt vorher, wenn Exporte laufen)</translation>
    </message>
    <message>
        <source>&amp;Use on this machine</source>
        <translation>Auf diesem Rechner &amp;verwenden</translation>
    </message>
    <message>
        <source>Make the selected target a disk of this machine (/dev/etherd/eX.Y)</source>
        <translation>Das ausgewählte Ziel zu einem Laufwerk dieses Rechners machen (/dev/etherd/eX.Y)</translation>
    </message>
    <message>
        <source>De&amp;tach from this machine</source>
        <translation>Von diesem Rechner &amp;trennen</translation>
    </message>
    <message>
        <source>Release the selected target&apos;s disk on this machine (refused while it is mounted or open)</source>
        <translation>Das Laufwerk des ausgewählten Ziels auf diesem Rechner freigeben (abgelehnt, solange es eingehängt oder geöffnet ist)</translation>
    </message>
    <message>
        <source>Network &amp;boot…</source>
        <translation>Netzwerk-&amp;Boot…</translation>
    </message>
    <message>
        <source>Let machines with no disk boot from the selected export over the network</source>
        <translation>Rechner ohne eigene Festplatte über das Netzwerk vom ausgewählten Export starten lassen</translation>
    </message>
    <message>
        <source>&amp;Capture…</source>
        <translation>&amp;Mitschneiden…</translation>
    </message>
    <message>
        <source>Write the AoE traffic of an interface (or of the selected target) to a file for Wireshark</source>
        <translation>Den AoE-Verkehr einer Schnittstelle (oder des gewählten Ziels) für Wireshark in eine Datei schreiben</translation>
    </message>
</context>
<context>
    <name>BlockDeviceSafety</name>
    <message>
        <source>%1 (a partition of %2)</source>
        <translation>%1 (eine Partition von %2)</translation>
    </message>
    <message>
        <source>LVM (volume %1)</source>
        <translation>LVM (Volume %1)</translation>
    </message>
    <message>
        <source>LVM</source>
        <translation>LVM</translation>
    </message>
    <message>
        <source>the RAID array %1</source>
        <translation>den RAID-Verbund %1</translation>
    </message>
    <message>
        <source>the encrypted volume %1</source>
        <translation>das verschlüsselte Volume %1</translation>
    </message>
    <message>
        <source>an encrypted volume</source>
        <translation>ein verschlüsseltes Volume</translation>
    </message>
    <message>
        <source>the device-mapper volume %1</source>
        <translation>das Device-Mapper-Volume %1</translation>
    </message>
    <message>
        <source>%1 is mounted at %2: initiators may see its files change under them, and see a damaged filesystem while this machine writes to it.</source>
        <translation>%1 ist unter %2 eingehängt: Initiatoren können sehen, wie sich seine Dateien ändern, und ein beschädigtes Dateisystem sehen, während dieser Rechner darauf schreibt.</translation>
    </message>
    <message>
        <source>%1 is mounted at %2. If another machine wrote to it while this one uses it, the filesystem would be destroyed.</source>
        <translation>%1 ist unter %2 eingehängt. Schriebe ein anderer Rechner darauf, während dieser es benutzt, wäre das Dateisystem zerstört.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>%1 is in use by %2: initiators may see its data change under them.</source>
        <translation>%1 wird von %2 benutzt: Initiatoren können sehen, wie sich seine Daten ändern.</translation>
    </message>
    <message>
        <source>%1 is in use by %2. Writes from another machine would corrupt whatever is stored there.</source>
        <translation>%1 wird von %2 benutzt. Schreibzugriffe eines anderen Rechners würden alles beschädigen, was dort gespeichert ist.</translation>
    </message>
    <message>
        <source>%1 is this machine&apos;s swap space. It holds pieces of the machine&apos;s memory (which may include passwords), and writing to it would crash the machine.</source>
        <translation>%1 ist der Auslagerungsbereich (Swap) dieses Rechners. Er enthält Teile seines Arbeitsspeichers (womöglich mit Passwörtern), und darauf zu schreiben brächte den Rechner zum Absturz.</translation>
    </message>
    <message>
        <source>Exporting anyway, because it was forced.</source>
        <translation>Wird trotzdem exportiert, weil es erzwungen wurde.</translation>
    </message>
    <message>
        <source>Export it read-only instead.</source>
        <translation>Exportieren Sie es stattdessen schreibgeschützt.</translation>
    </message>
    <message>
        <source>Choose another device; if you are sure, force the export.</source>
        <translation>Wählen Sie ein anderes Gerät; wenn Sie sicher sind, erzwingen Sie den Export.</translation>
    </message>
    <message>
        <source>Stop using it first, or export it read-only; if you are sure, force the export.</source>
        <translation>Beenden Sie zuerst seine Benutzung oder exportieren Sie es schreibgeschützt; wenn Sie sicher sind, erzwingen Sie den Export.</translation>
    </message>
    <message>
        <source>%1 is read-only (write-protected), so it cannot be exported read-write.</source>
        <translation>%1 ist schreibgeschützt und kann daher nicht beschreibbar exportiert werden.</translation>
    </message>
    <message>
        <source>%1 holds this machine&apos;s root filesystem (/).</source>
        <translation>%1 enthält das Wurzeldateisystem (/) dieses Rechners.</translation>
    </message>
    <message>
        <source>%1 is on %2, the disk that holds this machine&apos;s root filesystem (/).</source>
        <translation>%1 liegt auf %2, der Festplatte mit dem Wurzeldateisystem (/) dieses Rechners.</translation>
    </message>
    <message>
        <source> A mistake by another machine writing to it could leave this one unable to start.</source>
        <translation> Ein Fehler eines anderen Rechners, der darauf schreibt, könnte diesen Rechner unstartbar machen.</translation>
    </message>
    <message>
        <source>%1 is removable: the export stops working when it is taken out.</source>
        <translation>%1 ist ein Wechseldatenträger: Der Export funktioniert nicht mehr, sobald er entfernt wird.</translation>
    </message>
</context>
<context>
    <name>ExportPreflight</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>Create the image file or connect the disk, or change the export&apos;s path.</source>
        <translation>Legen Sie die Image-Datei an oder schließen Sie die Festplatte an, oder ändern Sie den Pfad des Exports.</translation>
    </message>
    <message>
        <source>%1 is a directory</source>
        <translation>%1 ist ein Verzeichnis</translation>
    </message>
    <message>
        <source>Export an image file or a block device.</source>
        <translation>Exportieren Sie eine Image-Datei oder ein Blockgerät.</translation>
    </message>
    <message>
        <source>%1 is already answered on %2 by %3</source>
        <translation>%1 wird auf %2 bereits von %3 beantwortet</translation>
    </message>
    <message>
        <source>Choose another shelf or slot, or stop the other target first; two targets at one address would mix up the initiators&apos; data.</source>
        <translation>Wählen Sie ein anderes Regal oder einen anderen Slot, oder stoppen Sie zuerst das andere Ziel; zwei Ziele unter einer Adresse würden die Daten der Initiatoren vermischen.</translation>
    </message>
    <message>
        <source>cannot tell whether %1 is in use: %2</source>
        <translation>kann nicht feststellen, ob %1 benutzt wird: %2</translation>
    </message>
    <message>
        <source>Force the export if you are sure it is not in use.</source>
        <translation>Erzwingen Sie den Export, wenn Sie sicher sind, dass es nicht benutzt wird.</translation>
    </message>
    <message>
        <source>forced: %1</source>
        <translation>erzwungen: %1</translation>
    </message>
</context>
<context>
    <name>ExportRunner</name>
    <message>
        <source>the engine could not be run (%1)</source>
        <translation>die Engine konnte nicht gestartet werden (%1)</translation>
    </message>
    <message>
        <source>Check that aoesan-engine is installed and executable.</source>
        <translation>Prüfen Sie, ob aoesan-engine installiert und ausführbar ist.</translation>
    </message>
    <message>
        <source>the engine was killed by a signal</source>
        <translation>die Engine wurde durch ein Signal beendet</translation>
    </message>
    <message>
        <source>the engine has no permission</source>
        <translation>die Engine hat keine Berechtigung</translation>
    </message>
    <message>
        <source>the engine exited with code %1</source>
        <translation>die Engine wurde mit Code %1 beendet</translation>
    </message>
    <message>
        <source> (gave up after %1 failed starts in a row)</source>
        <translation> (aufgegeben nach %1 fehlgeschlagenen Starts in Folge)</translation>
    </message>
    <message>
        <source>the engine did not start serving within %1 s</source>
        <translation>die Engine hat nicht innerhalb von %1 s mit dem Bereitstellen begonnen</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
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
        <translation>%1 T %2 h</translation>
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
        <translation>%1 gibt es schon; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Lab</name>
    <message>
        <source>Lab mode could not create a user namespace (%1). Allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, or user.max_user_namespaces &gt; 0), or start aoesan --lab as root.</source>
        <translation>Der Labormodus konnte keinen User-Namespace anlegen (%1). Erlauben Sie User-Namespaces ohne Privilegien (sysctl kernel.unprivileged_userns_clone=1 oder user.max_user_namespaces &gt; 0) oder starten Sie aoesan --lab als root.</translation>
    </message>
    <message>
        <source>Lab mode could not map the user ids of its namespace (%1).</source>
        <translation>Der Labormodus konnte die Benutzerkennungen seines Namespace nicht zuordnen (%1).</translation>
    </message>
    <message>
        <source>Lab mode could not keep its network capabilities (%1).</source>
        <translation>Der Labormodus konnte seine Netzwerk-Capabilities nicht behalten (%1).</translation>
    </message>
    <message>
        <source>Lab mode could not create a private network namespace (%1). Start aoesan --lab as root, or allow unprivileged user namespaces.</source>
        <translation>Der Labormodus konnte keinen privaten Netzwerk-Namespace anlegen (%1). Starten Sie aoesan --lab als root oder erlauben Sie User-Namespaces ohne Privilegien.</translation>
    </message>
    <message>
        <source>Lab mode could not make its mounts private (%1).</source>
        <translation>Der Labormodus konnte seine Einhängepunkte nicht privat machen (%1).</translation>
    </message>
    <message>
        <source>Lab mode could not mount sysfs for its namespace (%1).</source>
        <translation>Der Labormodus konnte sysfs für seinen Namespace nicht einhängen (%1).</translation>
    </message>
</context>
<context>
    <name>Look</name>
    <message>
        <source>up</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>down</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>up, exported here</source>
        <translation>erreichbar, von hier exportiert</translation>
    </message>
    <message>
        <source>starting, exported here</source>
        <translation>startet, von hier exportiert</translation>
    </message>
    <message>
        <source>stopped, exported here</source>
        <translation>angehalten, von hier exportiert</translation>
    </message>
    <message>
        <source>failed, exported here</source>
        <translation>fehlgeschlagen, von hier exportiert</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>it is far too large</source>
        <translation>sie ist viel zu groß</translation>
    </message>
    <message>
        <source>it cannot be read: %1</source>
        <translation>sie kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>it holds binary data</source>
        <translation>sie enthält Binärdaten</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>sie ist kein UTF-8-Text</translation>
    </message>
    <message>
        <source>it is not a settings file</source>
        <translation>sie ist keine Einstellungsdatei</translation>
    </message>
    <message>
        <source>The settings file %1 was damaged (%2); it was kept as %3 and the defaults are used.</source>
        <translation>Die Einstellungsdatei %1 war beschädigt (%2); sie wurde als %3 aufbewahrt, und die Standardwerte werden verwendet.</translation>
    </message>
    <message>
        <source>The settings file %1 was damaged (%2); the defaults are used.</source>
        <translation>Die Einstellungsdatei %1 war beschädigt (%2); die Standardwerte werden verwendet.</translation>
    </message>
    <message>
        <source>The setting %1 in %2 was not valid; its default is used.</source>
        <translation>Die Einstellung %1 in %2 war ungültig; ihr Standardwert wird verwendet.</translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation>Die Einstellungen konnten nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>sie ist keine gewöhnliche Datei</translation>
    </message>
    <message>
        <source>The settings could not be written to %1: it is not a regular file.</source>
        <translation>Die Einstellungen konnten nicht nach %1 geschrieben werden: sie ist keine gewöhnliche Datei.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>aoesan is already running; its window was brought to the front.</source>
        <translation>aoesan läuft bereits; sein Fenster wurde nach vorn geholt.</translation>
    </message>
    <message>
        <source>aoesan is already running; it was asked to show its window but did not answer.</source>
        <translation>aoesan läuft bereits; es wurde gebeten, sein Fenster zu zeigen, hat aber nicht geantwortet.</translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>aoesan — no targets known yet</source>
        <translation>aoesan — noch keine Ziele bekannt</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n export(s)</source>
        <translation>
            <numerusform>%n Export</numerusform>
            <numerusform>%n Exporte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>aoesan — %1</source>
        <translation>aoesan — %1</translation>
    </message>
    <message>
        <source>%1 is down</source>
        <translation>%1 ist nicht erreichbar</translation>
    </message>
    <message>
        <source>%1 is back up</source>
        <translation>%1 ist wieder erreichbar</translation>
    </message>
    <message>
        <source>It answers again.</source>
        <translation>Es antwortet wieder.</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; failed</source>
        <translation>Export „%1“ ist fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n targets are down</source>
        <translation>
            <numerusform>%n Ziel ist nicht erreichbar</numerusform>
            <numerusform>%n Ziele sind nicht erreichbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n targets are back up</source>
        <translation>
            <numerusform>%n Ziel ist wieder erreichbar</numerusform>
            <numerusform>%n Ziele sind wieder erreichbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exports failed</source>
        <translation>
            <numerusform>%n Export ist fehlgeschlagen</numerusform>
            <numerusform>%n Exporte sind fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changes on the SAN</source>
        <translation>
            <numerusform>%n Änderung im SAN</numerusform>
            <numerusform>%n Änderungen im SAN</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No answer for %n s.</source>
        <translation>
            <numerusform>Seit %n s keine Antwort.</numerusform>
            <numerusform>Seit %n s keine Antwort.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n up</source>
        <translation>
            <numerusform>%n erreichbar</numerusform>
            <numerusform>%n erreichbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n down</source>
        <translation>
            <numerusform>%n nicht erreichbar</numerusform>
            <numerusform>%n nicht erreichbar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aoesan::gui::ServiceConnection</name>
    <message>
        <source>The private D-Bus bus could not be reached: %1</source>
        <translation>Der private D-Bus-Bus ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>No directory for a private D-Bus bus: %1</source>
        <translation>Kein Verzeichnis für einen privaten D-Bus-Bus: %1</translation>
    </message>
    <message>
        <source>No aoesan service is running and dbus-daemon is not installed, so aoesan cannot start one of its own. Install the dbus-daemon package, or install and start aoesan&apos;s service.</source>
        <translation>Es läuft kein aoesan-Dienst und dbus-daemon ist nicht installiert, daher kann aoesan keinen eigenen starten. Installieren Sie das Paket dbus-daemon oder installieren und starten Sie den Dienst von aoesan.</translation>
    </message>
    <message>
        <source>A private D-Bus bus could not be started: %1</source>
        <translation>Ein privater D-Bus-Bus konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>No aoesan service is running, and aoesan-service was not found to start one (%1).</source>
        <translation>Es läuft kein aoesan-Dienst, und aoesan-service wurde nicht gefunden, um einen zu starten (%1).</translation>
    </message>
    <message>
        <source>aoesan-service did not appear on the bus: %1</source>
        <translation>aoesan-service ist nicht auf dem Bus erschienen: %1</translation>
    </message>
    <message>
        <source>aoesan-service could not be started: %1</source>
        <translation>aoesan-service konnte nicht gestartet werden: %1</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::AddressPage</name>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Choose the AoE address (shelf and slot) and the network interface to serve on.</source>
        <translation>Wählen Sie die AoE-Adresse (Regal und Slot) und die Netzwerkschnittstelle, auf der bereitgestellt wird.</translation>
    </message>
    <message>
        <source>Shelf number (0–65534): the X in eX.Y</source>
        <translation>Regalnummer (0–65534): das X in eX.Y</translation>
    </message>
    <message>
        <source>Slot number (0–254): the Y in eX.Y</source>
        <translation>Slot-Nummer (0–254): das Y in eX.Y</translation>
    </message>
    <message>
        <source>The Ethernet interface the initiators reach this machine on</source>
        <translation>Die Ethernet-Schnittstelle, über die die Initiatoren diesen Rechner erreichen</translation>
    </message>
    <message>
        <source>S&amp;helf:</source>
        <translation>&amp;Regal:</translation>
    </message>
    <message>
        <source>S&amp;lot:</source>
        <translation>S&amp;lot:</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>S&amp;chnittstelle:</translation>
    </message>
    <message>
        <source>link up</source>
        <translation>Verbindung steht</translation>
    </message>
    <message>
        <source>no link</source>
        <translation>keine Verbindung</translation>
    </message>
    <message>
        <source>down</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>%1 — %2, MTU %3, %4 sectors per frame, %5</source>
        <translation>%1 — %2, MTU %3, %4 Sektoren pro Frame, %5</translation>
    </message>
    <message>
        <source>e%1.%2 is already used by the export &apos;%3&apos; on %4.</source>
        <translation>e%1.%2 wird schon vom Export „%3“ auf %4 verwendet.</translation>
    </message>
    <message>
        <source>e%1.%2 is already answered by %3.</source>
        <translation>Unter e%1.%2 antwortet schon %3.</translation>
    </message>
    <message>
        <source>Initiators on %1 will read and write %2 sectors per frame.</source>
        <translation>Initiatoren an %1 lesen und schreiben %2 Sektoren pro Frame.</translation>
    </message>
    <message>
        <source>There is no Ethernet interface to serve on.</source>
        <translation>Es gibt keine Ethernet-Schnittstelle zum Bereitstellen.</translation>
    </message>
    <message>
        <source>This disk is smaller than 8 MiB: iPXE cannot boot from it.</source>
        <translation>Diese Festplatte ist kleiner als 8 MiB: iPXE kann nicht von ihr starten.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::AllowListBox</name>
    <message>
        <source>&amp;Every machine</source>
        <translation>&amp;Jeder Rechner</translation>
    </message>
    <message>
        <source>&amp;Only these machines:</source>
        <translation>N&amp;ur diese Rechner:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Any initiator that can reach this interface may use the disk</source>
        <translation>Jeder Initiator, der diese Schnittstelle erreicht, darf die Festplatte nutzen</translation>
    </message>
    <message>
        <source>Only initiators sending from these MAC addresses may use the disk (vblade -m)</source>
        <translation>Nur Initiatoren, die von diesen MAC-Adressen senden, dürfen die Festplatte nutzen (vblade -m)</translation>
    </message>
    <message>
        <source>A list of MAC addresses is no security on a shared network: any machine can send with another machine&apos;s address. To keep other machines out, give the export a VLAN or a network interface of its own.</source>
        <translation>Eine Liste von MAC-Adressen ist in einem geteilten Netz kein Schutz: Jeder Rechner kann mit der Adresse eines anderen senden. Um andere Rechner fernzuhalten, geben Sie dem Export ein eigenes VLAN oder eine eigene Netzwerkschnittstelle.</translation>
    </message>
    <message>
        <source>Names from %1 cannot be used: %2</source>
        <translation>Namen aus %1 können nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>a MAC address or a name from %1</source>
        <translation>eine MAC-Adresse oder ein Name aus %1</translation>
    </message>
    <message>
        <source>“%1” is not a MAC address (six hex numbers joined by “:”, e.g. 02:00:00:00:00:01).</source>
        <translation>„%1“ ist keine MAC-Adresse (sechs Hexadezimalzahlen, durch „:“ verbunden, z. B. 02:00:00:00:00:01).</translation>
    </message>
    <message>
        <source>“%1” is neither a MAC address nor a name in %2.</source>
        <translation>„%1“ ist weder eine MAC-Adresse noch ein Name in %2.</translation>
    </message>
    <message>
        <source>“%1” is no machine&apos;s address (all zeros, broadcast or multicast).</source>
        <translation>„%1“ ist nicht die Adresse eines Rechners (nur Nullen, Broadcast oder Multicast).</translation>
    </message>
    <message>
        <source>At most %1 machines.</source>
        <translation>Höchstens %1 Rechner.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::AppController</name>
    <message>
        <source>aoesan is still running</source>
        <translation>aoesan läuft weiter</translation>
    </message>
    <message>
        <source>It keeps watching your targets and exports from the tray. Use Quit in the tray menu to leave.</source>
        <translation>Es überwacht Ihre Ziele und Exporte weiter aus dem Infobereich. Mit „Beenden“ im Menü des Symbols schließen Sie es.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language is used the next time aoesan starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von aoesan.</translation>
    </message>
    <message>
        <source>New export</source>
        <translation>Neuer Export</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::BlockDeviceModel</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Filesystem</source>
        <translation>Dateisystem</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Mounted at</source>
        <translation>Eingehängt unter</translation>
    </message>
    <message>
        <source>Can be exported</source>
        <translation>Exportierbar</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>mounted at %1</source>
        <translation>eingehängt unter %1</translation>
    </message>
    <message>
        <source>in use by %1</source>
        <translation>belegt von %1</translation>
    </message>
    <message>
        <source>another device</source>
        <translation>einem anderen Gerät</translation>
    </message>
    <message>
        <source>swap space</source>
        <translation>Auslagerungsspeicher</translation>
    </message>
    <message>
        <source>holds /</source>
        <translation>enthält /</translation>
    </message>
    <message>
        <source>write-protected</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>%1: can be exported read-only</source>
        <translation>%1: schreibgeschützt exportierbar</translation>
    </message>
    <message>
        <source>%1: cannot be exported</source>
        <translation>%1: nicht exportierbar</translation>
    </message>
    <message>
        <source>a partition is mounted</source>
        <translation>eine Partition ist eingehängt</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::BootDialog</name>
    <message>
        <source>Another DHCP server gives the addresses (&amp;proxy DHCP)</source>
        <translation>Ein anderer DHCP-Server vergibt die Adressen (&amp;Proxy-DHCP)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>An&amp;halten</translation>
    </message>
    <message>
        <source>Network boot — %1 (%2)</source>
        <translation>Netzwerk-Boot — %1 (%2)</translation>
    </message>
    <message>
        <source>Machines with no disk of their own can start from this export over the network: their PXE firmware gets iPXE, and iPXE boots the export.</source>
        <translation>Rechner ohne eigene Festplatte können über das Netzwerk von diesem Export starten: ihre PXE-Firmware erhält iPXE, und iPXE startet den Export.</translation>
    </message>
    <message>
        <source>This network has no DHCP server: &amp;hand out addresses</source>
        <translation>Dieses Netz hat keinen DHCP-Server: Adressen &amp;vergeben</translation>
    </message>
    <message>
        <source>First address</source>
        <translation>Erste Adresse</translation>
    </message>
    <message>
        <source>Last address</source>
        <translation>Letzte Adresse</translation>
    </message>
    <message>
        <source>any machine</source>
        <translation>jeder Rechner</translation>
    </message>
    <message>
        <source>MAC addresses separated by spaces or commas, e.g. 52:54:00:12:34:56; other machines get no answer at all. Empty: any machine.</source>
        <translation>MAC-Adressen, durch Leerzeichen oder Kommas getrennt, z. B. 52:54:00:12:34:56; andere Rechner erhalten gar keine Antwort. Leer: jeder Rechner.</translation>
    </message>
    <message>
        <source>Start the boot server with these settings (a running one is replaced)</source>
        <translation>Den Boot-Server mit diesen Einstellungen starten (ein laufender wird ersetzt)</translation>
    </message>
    <message>
        <source>Stop the boot server; the export itself keeps serving</source>
        <translation>Den Boot-Server anhalten; der Export selbst bleibt bereitgestellt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC-Adresse</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <source>Copy the iPXE script to the clipboard</source>
        <translation>Das iPXE-Skript in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Root path:</source>
        <translation>Root-Pfad:</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>S&amp;chnittstelle:</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>Adressen:</translation>
    </message>
    <message>
        <source>Allowed &amp;machines:</source>
        <translation>Erlaubte &amp;Rechner:</translation>
    </message>
    <message>
        <source>Machines that asked</source>
        <translation>Rechner, die angefragt haben</translation>
    </message>
    <message>
        <source>iPXE script</source>
        <translation>iPXE-Skript</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — no IPv4 address</source>
        <translation>%1 — keine IPv4-Adresse</translation>
    </message>
    <message>
        <source>(down)</source>
        <translation>(inaktiv)</translation>
    </message>
    <message>
        <source>%1 — not on this machine</source>
        <translation>%1 — nicht auf diesem Rechner</translation>
    </message>
    <message>
        <source>This machine has no network interface to serve on.</source>
        <translation>Dieser Rechner hat keine Netzwerkschnittstelle, auf der er bereitstellen könnte.</translation>
    </message>
    <message>
        <source>%1 is not an interface of this machine now.</source>
        <translation>%1 ist derzeit keine Schnittstelle dieses Rechners.</translation>
    </message>
    <message>
        <source>%1 has no IPv4 address. The boot server needs one on the network it serves: give it an address (e.g. ip addr add 10.0.0.1/24 dev %1) or choose another interface.</source>
        <translation>%1 hat keine IPv4-Adresse. Der Boot-Server braucht eine im Netz, das er bedient: geben Sie ihr eine Adresse (z. B. ip addr add 10.0.0.1/24 dev %1) oder wählen Sie eine andere Schnittstelle.</translation>
    </message>
    <message>
        <source>%1 is down: machines get an answer once it is up.</source>
        <translation>%1 ist inaktiv: Rechner erhalten eine Antwort, sobald sie aktiv ist.</translation>
    </message>
    <message>
        <source>“%1” is not an IPv4 address (e.g. 10.0.0.100).</source>
        <translation>„%1“ ist keine IPv4-Adresse (z. B. 10.0.0.100).</translation>
    </message>
    <message>
        <source>“%1” is not an IPv4 address (e.g. 10.0.0.150).</source>
        <translation>„%1“ ist keine IPv4-Adresse (z. B. 10.0.0.150).</translation>
    </message>
    <message>
        <source>The first address must not come after the last.</source>
        <translation>Die erste Adresse darf nicht nach der letzten kommen.</translation>
    </message>
    <message>
        <source>%1 is not in %2&apos;s network %3: hand out addresses of that network.</source>
        <translation>%1 liegt nicht im Netz %3 von %2: vergeben Sie Adressen dieses Netzes.</translation>
    </message>
    <message>
        <source>%1 is the network&apos;s own address or its broadcast address; choose addresses between them.</source>
        <translation>%1 ist die Netzadresse oder die Broadcast-Adresse; wählen Sie Adressen dazwischen.</translation>
    </message>
    <message>
        <source>The range holds %1, %2&apos;s own address: leave it out.</source>
        <translation>Der Bereich enthält %1, die eigene Adresse von %2: lassen Sie sie aus.</translation>
    </message>
    <message>
        <source>Not the MAC address of a machine: %1 (six pairs of hex digits, e.g. 52:54:00:12:34:56).</source>
        <translation>Keine MAC-Adresse eines Rechners: %1 (sechs Paare Hex-Ziffern, z. B. 52:54:00:12:34:56).</translation>
    </message>
    <message>
        <source>The aoesan service does not answer.</source>
        <translation>Der aoesan-Dienst antwortet nicht.</translation>
    </message>
    <message>
        <source>This export is gone: it was removed.</source>
        <translation>Dieser Export ist nicht mehr da: er wurde entfernt.</translation>
    </message>
    <message>
        <source>Off: no boot server runs for this export.</source>
        <translation>Aus: für diesen Export läuft kein Boot-Server.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Running.</source>
        <translation>Läuft.</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>Läuft: %1</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Frage den Dienst…</translation>
    </message>
    <message>
        <source>Your own DHCP server instead: give these machines option 17 (root-path) %1; iPXE boots it. Or have them load this script.</source>
        <translation>Stattdessen Ihr eigener DHCP-Server: geben Sie diesen Rechnern Option 17 (root-path) %1; iPXE startet ihn. Oder lassen Sie sie dieses Skript laden.</translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <source>Could not stop: %1</source>
        <translation>Anhalten nicht möglich: %1</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::CaptureDialog</name>
    <message>
        <source>Also network boot traffic (DHCP, TFTP, ARP)</source>
        <translation>Auch Netzwerk-Boot-Verkehr (DHCP, TFTP, ARP)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>&amp;Copy path</source>
        <translation>Pfad &amp;kopieren</translation>
    </message>
    <message>
        <source>Open in &amp;Wireshark</source>
        <translation>In &amp;Wireshark öffnen</translation>
    </message>
    <message>
        <source>Capture traffic</source>
        <translation>Verkehr mitschneiden</translation>
    </message>
    <message>
        <source>every target, e.g. e7.3</source>
        <translation>jedes Ziel, z. B. e7.3</translation>
    </message>
    <message>
        <source>Write the AoE frames seen on an interface to a file that Wireshark and tshark read, to find out why a target does not answer or a machine does not boot. The aoesan service captures for you; the frames hold the data of the disks on that network.</source>
        <translation>Die auf einer Schnittstelle gesehenen AoE-Frames in eine Datei schreiben, die Wireshark und tshark lesen – um herauszufinden, warum ein Ziel nicht antwortet oder ein Rechner nicht startet. Der aoesan-Dienst schneidet für Sie mit; die Frames enthalten die Daten der Laufwerke in diesem Netz.</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Schnittstelle:</translation>
    </message>
    <message>
        <source>Only this &amp;target:</source>
        <translation>Nur dieses &amp;Ziel:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Capture file</source>
        <translation>Mitschnittdatei</translation>
    </message>
    <message>
        <source>Capture files (*.pcap)</source>
        <translation>Mitschnittdateien (*.pcap)</translation>
    </message>
    <message>
        <source>Wireshark is not installed (sudo apt-get install wireshark)</source>
        <translation>Wireshark ist nicht installiert (sudo apt-get install wireshark)</translation>
    </message>
    <message>
        <source>Open the file in Wireshark</source>
        <translation>Die Datei in Wireshark öffnen</translation>
    </message>
    <message>
        <source>Not capturing.</source>
        <translation>Kein Mitschnitt.</translation>
    </message>
    <message>
        <source>Choose the interface to capture on.</source>
        <translation>Wählen Sie die Schnittstelle für den Mitschnitt.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Capturing on %1…</source>
        <translation>Mitschnitt auf %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), %1 dropped</source>
        <translation>
            <numerusform>%n Frame, %1 verworfen</numerusform>
            <numerusform>%n Frames, %1 verworfen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n Frame</numerusform>
            <numerusform>%n Frames</numerusform>
        </translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>Geschrieben nach %1</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ColumnChooser</name>
    <message>
        <source>Right-click to choose the columns</source>
        <translation>Rechtsklick wählt die Spalten</translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation>Standardspalten</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::DiscoveryController</name>
    <message>
        <source>There is no Ethernet interface that is up, so there is nowhere to look for targets.</source>
        <translation>Keine Ethernet-Schnittstelle ist aktiv, also gibt es keinen Ort, an dem nach Zielen gesucht werden kann.</translation>
    </message>
    <message>
        <source>Connect a cable or bring an interface up (ip link set eth1 up), then press Discover now. To try aoesan without a network, start it with aoesan --lab.</source>
        <translation>Schließen Sie ein Kabel an oder aktivieren Sie eine Schnittstelle (ip link set eth1 up) und klicken Sie dann auf „Jetzt suchen“. Um aoesan ohne Netzwerk auszuprobieren, starten Sie es mit aoesan --lab.</translation>
    </message>
    <message numerus="yes">
        <source>Forgot %n down target(s).</source>
        <translation>
            <numerusform>%n nicht erreichbares Ziel vergessen.</numerusform>
            <numerusform>%n nicht erreichbare Ziele vergessen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discovery started on %1.</source>
        <translation>Suche auf %1 gestartet.</translation>
    </message>
    <message>
        <source>The aoesan service went away; its targets and exports are shown again when it is back.</source>
        <translation>Der aoesan-Dienst ist weg; seine Ziele und Freigaben werden wieder angezeigt, sobald er zurück ist.</translation>
    </message>
    <message>
        <source>The aoesan service is back.</source>
        <translation>Der aoesan-Dienst ist zurück.</translation>
    </message>
    <message>
        <source>The discovery settings were not changed: %1</source>
        <translation>Die Sucheinstellungen wurden nicht geändert: %1</translation>
    </message>
    <message>
        <source>The service&apos;s answer could not be read: %1</source>
        <translation>Die Antwort des Dienstes konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The aoesan service is not running, so there are no targets and exports to show.</source>
        <translation>Der aoesan-Dienst läuft nicht, daher gibt es keine Ziele und Freigaben anzuzeigen.</translation>
    </message>
    <message>
        <source>aoesan shows them again as soon as the service is back (systemctl start aoesan).</source>
        <translation>aoesan zeigt sie wieder an, sobald der Dienst zurück ist (systemctl start aoesan).</translation>
    </message>
    <message>
        <source>Discovery keeps at most %1 targets and %2 paths each, and is refusing more: a station on the network may be sending forged answers.</source>
        <translation>Die Suche behält höchstens %1 Ziele mit je %2 Pfaden und weist weitere ab: Eine Station im Netz sendet vielleicht gefälschte Antworten.</translation>
    </message>
    <message>
        <source>Discovery refuses no more answers.</source>
        <translation>Die Suche weist keine Antworten mehr ab.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ErrorBanner</name>
    <message>
        <source>Fix: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ExportController</name>
    <message>
        <source>Export &apos;%1&apos; added: %2</source>
        <translation>Export „%1“ hinzugefügt: %2</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; removed.</source>
        <translation>Export „%1“ entfernt.</translation>
    </message>
    <message>
        <source>Check that polkit (polkitd) runs, then try again.</source>
        <translation>Prüfen Sie, ob polkit (polkitd) läuft, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The aoesan service does not answer. Start it (systemctl start aoesan) and try again.</source>
        <translation>Der aoesan-Dienst antwortet nicht. Starten Sie ihn (systemctl start aoesan) und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ExportModel</name>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>startet neu</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>wird angehalten</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Disk or image file</source>
        <translation>Festplatte oder Image-Datei</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>restarting in %1</source>
        <translation>Neustart in %1</translation>
    </message>
    <message numerus="yes">
        <source>restricted to %n host(s)</source>
        <translation>
            <numerusform>auf %n Host beschränkt</numerusform>
            <numerusform>auf %n Hosts beschränkt</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the hosts on its list may use this export.
%1</source>
        <translation>Nur die Hosts auf seiner Liste dürfen diesen Export nutzen.
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
        <translation>Für diesen Export läuft ein Netzwerk-Boot-Server.</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>bedient</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Throughput appears after a second of serving.</source>
        <translation>Der Durchsatz erscheint nach einer Sekunde Betrieb.</translation>
    </message>
    <message>
        <source>No engine serves this export.</source>
        <translation>Kein Engine-Prozess stellt diesen Export bereit.</translation>
    </message>
    <message>
        <source>Now: reading %1 (%2 requests/s), writing %3 (%4 requests/s)
Last minute: up to %5 reading, %6 writing</source>
        <translation>Jetzt: Lesen %1 (%2 Anfragen/s), Schreiben %3 (%4 Anfragen/s)
Letzte Minute: bis zu %5 Lesen, %6 Schreiben</translation>
    </message>
    <message>
        <source>The last minute of throughput: blue reading, orange writing</source>
        <translation>Der Durchsatz der letzten Minute: blau Lesen, orange Schreiben</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 changed who may use it over the network; the engine keeps that for its next start.</source>
        <translation>%1 hat über das Netzwerk geändert, wer es benutzen darf; die Engine behält das für ihren nächsten Start.</translation>
    </message>
    <message>
        <source>%1 changed who may use it over the network; that lasts until the export stops.</source>
        <translation>%1 hat über das Netzwerk geändert, wer es benutzen darf; das gilt, bis der Export stoppt.</translation>
    </message>
    <message>
        <source>The engine restored the list it kept from an earlier run.</source>
        <translation>Die Engine hat die Liste wiederhergestellt, die sie von einem früheren Lauf behalten hatte.</translation>
    </message>
    <message>
        <source>Every host may use this export now.
%1</source>
        <translation>Jeder Rechner darf diese Freigabe jetzt benutzen.
%1</translation>
    </message>
    <message>
        <source>Only the hosts on its list may use this export.
%1
%2</source>
        <translation>Nur die Rechner auf ihrer Liste dürfen diese Freigabe benutzen.
%1
%2</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ExportWizard</name>
    <message>
        <source>New export</source>
        <translation>Neuer Export</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ExportsView</name>
    <message>
        <source>Exports are served by aoesan-engine from this machine; they also appear in Targets: blue while running, grey when stopped.</source>
        <translation>Exporte werden von aoesan-engine auf diesem Rechner bereitgestellt; sie erscheinen auch unter „Ziele“: blau, solange sie laufen, grau, wenn sie angehalten sind.</translation>
    </message>
    <message>
        <source>Exports are served by this system&apos;s aoesan service: they keep running when aoesan is closed. They also appear in Targets: blue while running, grey when stopped.</source>
        <translation>Freigaben werden vom aoesan-Dienst dieses Systems bereitgestellt: Sie laufen weiter, wenn aoesan geschlossen wird. Sie erscheinen auch unter Ziele: blau, solange sie laufen, grau, wenn sie gestoppt sind.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About aoesan</source>
        <translation>Ü&amp;ber aoesan</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>&amp;Diagnose kopieren</translation>
    </message>
    <message>
        <source>Version, license and where to report a problem</source>
        <translation>Version, Lizenz und wo man ein Problem meldet</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of the window</source>
        <translation>Alle Tastenkürzel des Fensters</translation>
    </message>
    <message>
        <source>Copy versions, interfaces, permissions and the last errors to the clipboard for a bug report</source>
        <translation>Versionen, Schnittstellen, Berechtigungen und die letzten Fehler für einen Fehlerbericht in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>&lt;h3&gt;aoesan %1&lt;/h3&gt;&lt;p&gt;ATA over Ethernet SAN manager: discover, export and watch AoE targets.&lt;/p&gt;&lt;p&gt;License: GNU General Public License, version 3 or later (GPL-3.0-or-later).&lt;/p&gt;&lt;p&gt;Home: &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;br&gt;Report a problem: &lt;a href=&quot;%3&quot;&gt;%3&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Built with Qt %4, running with Qt %5.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;aoesan %1&lt;/h3&gt;&lt;p&gt;SAN-Verwaltung für ATA over Ethernet: AoE-Ziele suchen, exportieren und überwachen.&lt;/p&gt;&lt;p&gt;Lizenz: GNU General Public License, Version 3 oder neuer (GPL-3.0-or-later).&lt;/p&gt;&lt;p&gt;Startseite: &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;br&gt;Problem melden: &lt;a href=&quot;%3&quot;&gt;%3&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Gebaut mit Qt %4, läuft mit Qt %5.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About aoesan</source>
        <translation>Über aoesan</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Diagnose kopieren</translation>
    </message>
    <message>
        <source>The diagnostics are on the clipboard: paste them into your bug report at %1.</source>
        <translation>Die Diagnose liegt in der Zwischenablage: Fügen Sie sie in Ihren Fehlerbericht unter %1 ein.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::KernelSettingsGroup</name>
    <message>
        <source>Disks of this machine</source>
        <translation>Datenträger dieses Rechners</translation>
    </message>
    <message>
        <source>&amp;Attach it again when its target is back</source>
        <translation>&amp;Wieder verbinden, wenn sein Ziel zurück ist</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>A disk of this machine whose target went down, and that no program or mount uses, is released after this long, so that it cannot hang the next fdisk or shutdown; 0: never</source>
        <translation>Ein Datenträger dieses Rechners, dessen Ziel ausgefallen ist und den kein Programm und kein Einhängepunkt verwendet, wird nach dieser Zeit freigegeben, damit er das nächste fdisk oder Herunterfahren nicht blockiert; 0: nie</translation>
    </message>
    <message>
        <source>A disk that was released while its target was down becomes a disk of this machine again once discovery sees the target back</source>
        <translation>Ein Datenträger, der freigegeben wurde, während sein Ziel ausgefallen war, wird wieder ein Datenträger dieses Rechners, sobald die Suche das Ziel wieder sieht</translation>
    </message>
    <message>
        <source>&amp;Release a down disk nobody uses after:</source>
        <translation>Ausgefallenen, unbenutzten Datenträger &amp;freigeben nach:</translation>
    </message>
    <message>
        <source>Reading the service&apos;s settings…</source>
        <translation>Die Einstellungen des Dienstes werden gelesen…</translation>
    </message>
    <message>
        <source>The aoesan service is not running, so these settings cannot be read or changed now.</source>
        <translation>Der aoesan-Dienst läuft nicht, daher können diese Einstellungen jetzt nicht gelesen oder geändert werden.</translation>
    </message>
    <message>
        <source>The aoesan service did not give these settings: %1</source>
        <translation>Der aoesan-Dienst hat diese Einstellungen nicht geliefert: %1</translation>
    </message>
    <message>
        <source>The aoesan service running now is older and has no settings for disks of this machine.</source>
        <translation>Der laufende aoesan-Dienst ist älter und hat keine Einstellungen für Datenträger dieses Rechners.</translation>
    </message>
    <message>
        <source>The service keeps these for every user of this machine.</source>
        <translation>Der Dienst speichert diese für alle Benutzer dieses Rechners.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::LogDock</name>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Show only messages of this level or more serious</source>
        <translation>Nur Meldungen dieser oder einer ernsteren Stufe zeigen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Remove every message from the log view (the log file keeps them)</source>
        <translation>Alle Meldungen aus der Ansicht entfernen (die Protokolldatei behält sie)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>&amp;Technical messages</source>
        <translation>&amp;Technische Meldungen</translation>
    </message>
    <message>
        <source>Also show the program&apos;s technical messages (in English, for bug reports)</source>
        <translation>Auch die technischen Meldungen des Programms zeigen (auf Englisch, für Fehlerberichte)</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::LogModel</name>
    <message>
        <source>trace</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>A technical message for bug reports; in English by design</source>
        <translation>Eine technische Meldung für Fehlerberichte; absichtlich auf Englisch</translation>
    </message>
    <message>
        <source>%1 (technical)</source>
        <translation>%1 (technisch)</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::MacListDialog</name>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;this computer</source>
        <translation>&amp;Diesen Computer hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>“%1” is not a MAC address (six pairs of hex digits, e.g. 02:00:00:00:00:01).</source>
        <translation>„%1“ ist keine MAC-Adresse (sechs Paare Hex-Ziffern, z. B. 02:00:00:00:00:01).</translation>
    </message>
    <message>
        <source>(this computer)</source>
        <translation>(dieser Computer)</translation>
    </message>
    <message>
        <source>This computer (%1 on %2) is not on the list: it will be locked out.</source>
        <translation>Dieser Computer (%1 an %2) ist nicht auf der Liste: er wird ausgesperrt.</translation>
    </message>
    <message>
        <source>This computer is %1 on %2.</source>
        <translation>Dieser Computer ist %1 an %2.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::MainWindow</name>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Shelves</source>
        <translation>Regale</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exporte</translation>
    </message>
    <message>
        <source>Targets (Ctrl+1), Shelves (Ctrl+2), Exports (Ctrl+3)</source>
        <translation>Ziele (Strg+1), Regale (Strg+2), Exporte (Strg+3)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Targets</source>
        <translation>&amp;Ziele</translation>
    </message>
    <message>
        <source>&amp;Exports</source>
        <translation>&amp;Exporte</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Targets  %1</source>
        <translation>Ziele  %1</translation>
    </message>
    <message>
        <source>Exports  %1</source>
        <translation>Exporte  %1</translation>
    </message>
    <message numerus="yes">
        <source>%n target(s)</source>
        <translation>
            <numerusform>%n Ziel</numerusform>
            <numerusform>%n Ziele</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n export(s) running</source>
        <translation>
            <numerusform>%n Export läuft</numerusform>
            <numerusform>%n Exporte laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>last probe %1 s ago</source>
        <translation>letzte Suche vor %1 s</translation>
    </message>
    <message>
        <source>discovery is not running</source>
        <translation>die Suche läuft nicht</translation>
    </message>
    <message>
        <source>interfaces: %1</source>
        <translation>Schnittstellen: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Remove export</source>
        <translation>Export entfernen</translation>
    </message>
    <message>
        <source>Stop export &apos;%1&apos; and remove it from the list? The disk or image file is kept.</source>
        <translation>Export „%1“ anhalten und aus der Liste entfernen? Die Festplatte bzw. Image-Datei bleibt erhalten.</translation>
    </message>
    <message>
        <source>AoE SAN Manager</source>
        <translation>AoE-SAN-Verwaltung</translation>
    </message>
    <message>
        <source>AoE SAN Manager [lab]</source>
        <translation>AoE-SAN-Verwaltung [Labor]</translation>
    </message>
    <message>
        <source>Lab mode: a private network namespace; nothing is sent on this machine&apos;s interfaces</source>
        <translation>Labormodus: ein privater Netzwerk-Namensraum; auf den Schnittstellen dieses Rechners wird nichts gesendet</translation>
    </message>
    <message>
        <source>The interfaces discovery watches</source>
        <translation>Die Schnittstellen, auf denen gesucht wird</translation>
    </message>
    <message numerus="yes">
        <source>%n up</source>
        <translation>
            <numerusform>%n erreichbar</numerusform>
            <numerusform>%n erreichbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n down</source>
        <translation>
            <numerusform>%n nicht erreichbar</numerusform>
            <numerusform>%n nicht erreichbar</numerusform>
        </translation>
    </message>
    <message>
        <source>The aoesan service went away. What it served before may still run; its exports are shown again as soon as it is back.</source>
        <translation>Der aoesan-Dienst ist weg. Was er bereitgestellt hat, läuft vielleicht noch; seine Freigaben werden wieder angezeigt, sobald er zurück ist.</translation>
    </message>
    <message numerus="yes">
        <source>target limit reached: %n answer(s) refused</source>
        <translation>
            <numerusform>Ziel-Grenze erreicht: %n Antwort abgewiesen</numerusform>
            <numerusform>Ziel-Grenze erreicht: %n Antworten abgewiesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aoesan::ui::OldExportList</name>
    <message>
        <source>Move your exports</source>
        <translation>Ihre Freigaben verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Your own export list has %n export(s) that this system&apos;s aoesan service does not serve. Move them into the service? It keeps them running when aoesan is closed.</source>
        <translation>
            <numerusform>Ihre eigene Liste hat %n Freigabe, die der aoesan-Dienst dieses Systems nicht bereitstellt. In den Dienst verschieben? Er hält sie am Laufen, wenn aoesan geschlossen wird.</numerusform>
            <numerusform>Ihre eigene Liste hat %n Freigaben, die der aoesan-Dienst dieses Systems nicht bereitstellt. In den Dienst verschieben? Er hält sie am Laufen, wenn aoesan geschlossen wird.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Move them</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>&amp;Keep them where they are</source>
        <translation>&amp;Dort lassen</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::OptionsPage</name>
    <message>
        <source>&amp;Read-only: initiators cannot write</source>
        <translation>&amp;Schreibgeschützt: Initiatoren können nicht schreiben</translation>
    </message>
    <message>
        <source>&amp;Direct I/O: bypass this machine&apos;s page cache (O_DIRECT)</source>
        <translation>&amp;Direkte E/A: am Seitencache dieses Rechners vorbei (O_DIRECT)</translation>
    </message>
    <message>
        <source>S&amp;ynchronous writes: each write reaches the disk before it is answered (O_SYNC)</source>
        <translation>S&amp;ynchrones Schreiben: jeder Schreibvorgang erreicht die Festplatte, bevor er beantwortet wird (O_SYNC)</translation>
    </message>
    <message>
        <source>&amp;Start this export whenever aoesan starts</source>
        <translation>Diesen Export bei jedem Start von aoesan &amp;starten</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>How the export behaves. The defaults suit most uses.</source>
        <translation>Wie sich der Export verhält. Die Voreinstellungen passen für die meisten Zwecke.</translation>
    </message>
    <message>
        <source>vblade -r</source>
        <translation>vblade -r</translation>
    </message>
    <message>
        <source>vblade -d: slower on small requests, but no double caching and honest flushes</source>
        <translation>vblade -d: langsamer bei kleinen Anfragen, aber kein doppeltes Caching und verlässliches Flush</translation>
    </message>
    <message>
        <source>vblade -s: safest, slowest</source>
        <translation>vblade -s: am sichersten, am langsamsten</translation>
    </message>
    <message>
        <source>optional, e.g. rack-b/3</source>
        <translation>optional, z. B. rack-b/3</translation>
    </message>
    <message>
        <source>The AoE config string initiators see in Query Config replies</source>
        <translation>Der AoE-Konfigurationstext, den Initiatoren in Antworten auf Query Config sehen</translation>
    </message>
    <message>
        <source>Start serving when aoesan starts (also used by the systemd unit)</source>
        <translation>Beim Start von aoesan bereitstellen (gilt auch für die systemd-Unit)</translation>
    </message>
    <message>
        <source>&amp;Config string:</source>
        <translation>&amp;Konfigurationstext:</translation>
    </message>
    <message>
        <source>This device is in use here; it may only be exported read-only</source>
        <translation>Dieses Gerät wird hier benutzt; es darf nur schreibgeschützt exportiert werden</translation>
    </message>
    <message>
        <source>Who may use this export</source>
        <translation>Wer diesen Export nutzen darf</translation>
    </message>
    <message>
        <source>Last until the export stops, as with vblade</source>
        <translation>Gelten, bis der Export endet, wie bei vblade</translation>
    </message>
    <message>
        <source>Are kept when it restarts (every machine here is trusted)</source>
        <translation>Bleiben bei einem Neustart erhalten (jedem Rechner hier wird vertraut)</translation>
    </message>
    <message>
        <source>Are refused</source>
        <translation>Werden abgelehnt</translation>
    </message>
    <message>
        <source>Any machine on the network can change who may use an export (aoe-mask, aoe-reserve). Whatever you choose, such a change is shown on the Exports page.</source>
        <translation>Jeder Rechner im Netz kann ändern, wer einen Export benutzen darf (aoe-mask, aoe-reserve). Was Sie auch wählen: Eine solche Änderung wird auf der Seite Exporte angezeigt.</translation>
    </message>
    <message>
        <source>C&amp;hanges sent by other machines:</source>
        <translation>Änderungen von &amp;anderen Rechnern:</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::PersonLog</name>
    <message>
        <source>discovery</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>exports</source>
        <translation>Exporte</translation>
    </message>
    <message>
        <source>%1 is down.</source>
        <translation>%1 ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>%1 is back up.</source>
        <translation>%1 ist wieder erreichbar.</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; is running.</source>
        <translation>Export „%1“ läuft.</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; failed: %2</source>
        <translation>Export „%1“ ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::QuitFlow</name>
    <message>
        <source>Quit aoesan</source>
        <translation>aoesan beenden</translation>
    </message>
    <message numerus="yes">
        <source>Stop %n export(s) and quit? Clients using them will lose their disks.</source>
        <translation>
            <numerusform>%n Export anhalten und beenden? Clients, die ihn nutzen, verlieren ihre Festplatte.</numerusform>
            <numerusform>%n Exporte anhalten und beenden? Clients, die sie nutzen, verlieren ihre Festplatten.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Stop exports and quit</source>
        <translation>Exporte an&amp;halten und beenden</translation>
    </message>
    <message>
        <source>No aoesan service was running, so this window runs its exports itself; they end with it. Installed, the aoesan service keeps them running.</source>
        <translation>Es lief kein aoesan-Dienst, daher stellt dieses Fenster seine Freigaben selbst bereit; sie enden mit ihm. Installiert hält der aoesan-Dienst sie am Laufen.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ReviewPage</name>
    <message>
        <source>Start &amp;serving now</source>
        <translation>Jetzt &amp;bereitstellen</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Check the export, then press Export.</source>
        <translation>Prüfen Sie den Export und klicken Sie dann auf „Exportieren“.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>A short name for this export: letters, digits, &apos;-&apos; and &apos;_&apos;</source>
        <translation>Ein kurzer Name für diesen Export: Buchstaben, Ziffern, „-“ und „_“</translation>
    </message>
    <message>
        <source>The same export from a terminal, with vblade&apos;s arguments</source>
        <translation>Derselbe Export im Terminal, mit den Argumenten von vblade</translation>
    </message>
    <message>
        <source>Start the engine for this export as soon as it is added</source>
        <translation>Die Engine für diesen Export starten, sobald er hinzugefügt ist</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Equivalent command:</source>
        <translation>Gleichwertiger Befehl:</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>direct I/O</source>
        <translation>direkte E/A</translation>
    </message>
    <message>
        <source>synchronous writes</source>
        <translation>synchrones Schreiben</translation>
    </message>
    <message numerus="yes">
        <source>%n allowed initiator(s)</source>
        <translation>
            <numerusform>%n erlaubter Initiator</numerusform>
            <numerusform>%n erlaubte Initiatoren</numerusform>
        </translation>
    </message>
    <message>
        <source>starts with aoesan</source>
        <translation>startet mit aoesan</translation>
    </message>
    <message>
        <source>e%1.%2 on %3, serving %4 (%5)</source>
        <translation>e%1.%2 auf %3, stellt %4 bereit (%5)</translation>
    </message>
    <message>
        <source>Options: %1</source>
        <translation>Optionen: %1</translation>
    </message>
    <message>
        <source>changes from the network kept</source>
        <translation>Änderungen aus dem Netz bleiben erhalten</translation>
    </message>
    <message>
        <source>changes from the network refused</source>
        <translation>Änderungen aus dem Netz werden abgelehnt</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::SettingsDialog</name>
    <message>
        <source>Show &amp;notifications</source>
        <translation>&amp;Benachrichtigungen zeigen</translation>
    </message>
    <message>
        <source>When a &amp;target goes down or comes back</source>
        <translation>Wenn ein &amp;Ziel ausfällt oder wiederkommt</translation>
    </message>
    <message>
        <source>When an &amp;export fails</source>
        <translation>Wenn ein &amp;Export fehlschlägt</translation>
    </message>
    <message>
        <source>aoesan settings</source>
        <translation>aoesan-Einstellungen</translation>
    </message>
    <message>
        <source>Tick the interfaces to look for targets on; with none ticked, every Ethernet interface that is up is used</source>
        <translation>Kreuzen Sie die Schnittstellen an, auf denen nach Zielen gesucht wird; ohne Auswahl werden alle aktiven Ethernet-Schnittstellen verwendet</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds between probes; a target is down after three intervals without an answer</source>
        <translation>Sekunden zwischen zwei Suchen; ein Ziel gilt nach drei Intervallen ohne Antwort als nicht erreichbar</translation>
    </message>
    <message>
        <source>Show desktop notifications from the tray icon</source>
        <translation>Desktop-Benachrichtigungen über das Symbol im Infobereich zeigen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>The language of aoesan&apos;s window; a change applies the next time aoesan starts</source>
        <translation>Die Sprache des aoesan-Fensters; eine Änderung gilt ab dem nächsten Start</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>&amp;Interfaces:</source>
        <translation>S&amp;chnittstellen:</translation>
    </message>
    <message>
        <source>Probe &amp;every:</source>
        <translation>&amp;Suchen alle:</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <source>&amp;Start aoesan in the tray when I log in</source>
        <translation>aoesan beim &amp;Anmelden im Infobereich starten</translation>
    </message>
    <message>
        <source>At login aoesan starts with its window hidden and watches your targets and exports from the tray icon</source>
        <translation>Beim Anmelden startet aoesan mit ausgeblendetem Fenster und überwacht Ihre Ziele und Exporte über das Symbol im Infobereich</translation>
    </message>
    <message>
        <source>Disks of this machine</source>
        <translation>Datenträger dieses Rechners</translation>
    </message>
    <message>
        <source>The service did not take the settings for disks of this machine.</source>
        <translation>Der Dienst hat die Einstellungen für Datenträger dieses Rechners nicht übernommen.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ShelfView</name>
    <message>
        <source>Every shelf with its slots: green up, red down, amber conflict, blue exported from this machine. Click to select, double-click or Enter to open in the Targets table.</source>
        <translation>Jedes Regal mit seinen Slots: grün erreichbar, rot nicht erreichbar, gelb Konflikt, blau von diesem Rechner exportiert. Klicken wählt aus, Doppelklick oder Eingabe öffnet es in der Zieltabelle.</translation>
    </message>
    <message>
        <source>No targets yet.
Discovered shelves and slots appear here.</source>
        <translation>Noch keine Ziele.
Gefundene Regale und Slots erscheinen hier.</translation>
    </message>
    <message>
        <source>Shelf %1</source>
        <translation>Regal %1</translation>
    </message>
    <message numerus="yes">
        <source>%n empty</source>
        <translation>
            <numerusform>%n leer</numerusform>
            <numerusform>%n leer</numerusform>
        </translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Serial: %1</source>
        <translation>Seriennummer: %1</translation>
    </message>
    <message>
        <source>Path: %1 → %2 (RTT %3)</source>
        <translation>Pfad: %1 → %2 (RTT %3)</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Konflikt: %1</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Größe: %1</translation>
    </message>
    <message>
        <source>On this machine: %1</source>
        <translation>Auf diesem Rechner: %1</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::SourcePage</name>
    <message>
        <source>A &amp;disk or partition</source>
        <translation>Eine &amp;Festplatte oder Partition</translation>
    </message>
    <message>
        <source>An existing &amp;image file</source>
        <translation>Eine vorhandene &amp;Image-Datei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Sparse (disk space is used only as data is written)</source>
        <translation>&amp;Sparse (Speicherplatz wird erst belegt, wenn Daten geschrieben werden)</translation>
    </message>
    <message>
        <source>&amp;Create image</source>
        <translation>Image &amp;anlegen</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>Was exportiert wird</translation>
    </message>
    <message>
        <source>Choose a disk, a partition or an image file. Initiators will see it as one AoE disk.</source>
        <translation>Wählen Sie eine Festplatte, eine Partition oder eine Image-Datei. Initiatoren sehen sie als eine AoE-Festplatte.</translation>
    </message>
    <message>
        <source>Disks and partitions of this machine; greyed ones cannot be exported</source>
        <translation>Festplatten und Partitionen dieses Rechners; ausgegraute sind nicht exportierbar</translation>
    </message>
    <message>
        <source>/srv/aoe/disk.img</source>
        <translation>/srv/aoe/platte.img</translation>
    </message>
    <message>
        <source>The image file (or device path) to export</source>
        <translation>Die zu exportierende Image-Datei (oder der Gerätepfad)</translation>
    </message>
    <message>
        <source>Choose an existing image file</source>
        <translation>Eine vorhandene Image-Datei wählen</translation>
    </message>
    <message>
        <source>Where to create the new image file</source>
        <translation>Wo die neue Image-Datei angelegt wird</translation>
    </message>
    <message>
        <source>Size of the new image</source>
        <translation>Größe des neuen Images</translation>
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
        <translation>Ohne dies wird jetzt die ganze Größe mit Nullen beschrieben, was eine Weile dauert</translation>
    </message>
    <message>
        <source>Create the image file now (Alt+C)</source>
        <translation>Die Image-Datei jetzt anlegen (Alt+A)</translation>
    </message>
    <message>
        <source>Disks cannot be listed here.</source>
        <translation>Festplatten können hier nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Looking for disks and partitions…</source>
        <translation>Suche nach Festplatten und Partitionen…</translation>
    </message>
    <message>
        <source>The disks could not be listed: %1</source>
        <translation>Die Festplatten konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n disk(s) and partition(s).</source>
        <translation>
            <numerusform>%n Festplatte oder Partition.</numerusform>
            <numerusform>%n Festplatten und Partitionen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a disk or partition.</source>
        <translation>Wählen Sie eine Festplatte oder Partition.</translation>
    </message>
    <message>
        <source>%1: %2, can be exported.</source>
        <translation>%1: %2, exportierbar.</translation>
    </message>
    <message>
        <source>%1 can only be exported read-only: %2</source>
        <translation>%1 kann nur schreibgeschützt exportiert werden: %2</translation>
    </message>
    <message>
        <source>%1 cannot be exported: %2</source>
        <translation>%1 kann nicht exportiert werden: %2</translation>
    </message>
    <message>
        <source>Type or browse for an image file.</source>
        <translation>Geben Sie eine Image-Datei ein oder suchen Sie sie aus.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 gibt es nicht.</translation>
    </message>
    <message>
        <source>%1 is a directory.</source>
        <translation>%1 ist ein Verzeichnis.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Creating the image…</source>
        <translation>Das Image wird angelegt…</translation>
    </message>
    <message>
        <source>%1 is ready.</source>
        <translation>%1 ist bereit.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation>%1 gibt es schon; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Choose an image file</source>
        <translation>Image-Datei wählen</translation>
    </message>
    <message>
        <source>The image could not be created: %1</source>
        <translation>Das Image konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>A ne&amp;w image file</source>
        <translation>Eine &amp;neue Image-Datei</translation>
    </message>
    <message>
        <source>A %1 image will be created when you press Next.</source>
        <translation>Beim Klick auf Weiter wird ein Image von %1 angelegt.</translation>
    </message>
    <message>
        <source>Whole c&amp;ylinders (network boot with iPXE and Windows initiators)</source>
        <translation>Ganze &amp;Zylinder (Netzwerkstart mit iPXE und Windows-Initiatoren)</translation>
    </message>
    <message>
        <source>Rounds the size up to a multiple of 8,225,280 bytes (255 heads × 63 sectors)</source>
        <translation>Rundet die Größe auf ein Vielfaches von 8.225.280 Bytes auf (255 Köpfe × 63 Sektoren)</translation>
    </message>
    <message>
        <source>Too small to boot with iPXE: under 8,225,280 bytes (one cylinder of 255 heads × 63 sectors).</source>
        <translation>Zu klein für den Start mit iPXE: unter 8.225.280 Bytes (ein Zylinder aus 255 Köpfen × 63 Sektoren).</translation>
    </message>
    <message>
        <source>Not whole cylinders: Windows AoE initiators need a multiple of 8,225,280 bytes (%1 or %2).</source>
        <translation>Keine ganzen Zylinder: Windows-AoE-Initiatoren brauchen ein Vielfaches von 8.225.280 Bytes (%1 oder %2).</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::TargetActions</name>
    <message>
        <source>&amp;Identify again</source>
        <translation>Erneut &amp;identifizieren</translation>
    </message>
    <message>
        <source>&amp;Config string…</source>
        <translation>&amp;Config-String…</translation>
    </message>
    <message>
        <source>&amp;MAC mask…</source>
        <translation>&amp;MAC-Maske…</translation>
    </message>
    <message>
        <source>&amp;Reservations…</source>
        <translation>&amp;Reservierungen…</translation>
    </message>
    <message>
        <source>Copy boot &amp;URI (%1)</source>
        <translation>Boot-&amp;URI kopieren (%1)</translation>
    </message>
    <message>
        <source>Copy i&amp;PXE line</source>
        <translation>i&amp;PXE-Zeile kopieren</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard.</source>
        <translation>%1 in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Copied “%1” to the clipboard.</source>
        <translation>„%1“ in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Discovery is not running, so %1 cannot be asked. Press Discover now and try again.</source>
        <translation>Die Suche läuft nicht, daher kann %1 nicht gefragt werden. Drücken Sie „Jetzt suchen“ und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The discovery engine did not answer the request for %1.</source>
        <translation>Die Such-Engine hat die Anfrage für %1 nicht beantwortet.</translation>
    </message>
    <message>
        <source>%1 cannot be reached on any interface discovery watches.</source>
        <translation>%1 ist über keine überwachte Schnittstelle erreichbar.</translation>
    </message>
    <message>
        <source>%1 did not answer.</source>
        <translation>%1 hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>%1 is reserved by %2; it refused the change.</source>
        <translation>%1 ist von %2 reserviert; es hat die Änderung abgelehnt.</translation>
    </message>
    <message>
        <source>%1 runs vblade 25 or older, which crashes when a listed address is removed from its MAC mask. Nothing was sent. Restart vblade with a new -m list instead.</source>
        <translation>%1 läuft mit vblade 25 oder älter, das abstürzt, wenn eine gelistete Adresse aus seiner MAC-Maske entfernt wird. Es wurde nichts gesendet. Starten Sie vblade stattdessen mit einer neuen -m-Liste neu.</translation>
    </message>
    <message>
        <source>The change would lock this computer out of %1; nothing was sent.</source>
        <translation>Die Änderung würde diesen Computer von %1 aussperren; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The discovery engine did not understand the request: %1</source>
        <translation>Die Such-Engine hat die Anfrage nicht verstanden: %1</translation>
    </message>
    <message>
        <source>%1 refused the request: %2</source>
        <translation>%1 hat die Anfrage abgelehnt: %2</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <source>%1 answered IDENTIFY: %2, serial %3, firmware %4, %5.</source>
        <translation>%1 hat auf IDENTIFY geantwortet: %2, Seriennummer %3, Firmware %4, %5.</translation>
    </message>
    <message>
        <source>Config string of %1</source>
        <translation>Config-String von %1</translation>
    </message>
    <message>
        <source>Hosts read the config string to tell targets apart (at most 1024 bytes).
%1 holds now: “%2”</source>
        <translation>Hosts lesen den Config-String, um Ziele zu unterscheiden (höchstens 1024 Bytes).
%1 hat jetzt: „%2“</translation>
    </message>
    <message>
        <source>&amp;Set…</source>
        <translation>&amp;Setzen…</translation>
    </message>
    <message>
        <source>A config string has at most 1024 bytes; this one has %1.</source>
        <translation>Ein Config-String hat höchstens 1024 Bytes; dieser hat %1.</translation>
    </message>
    <message>
        <source>Set config string</source>
        <translation>Config-String setzen</translation>
    </message>
    <message>
        <source>Replace the config string of %1?</source>
        <translation>Config-String von %1 ersetzen?</translation>
    </message>
    <message>
        <source>“%1” becomes “%2”. Every host that reads %3 sees the new string.</source>
        <translation>„%1“ wird zu „%2“. Jeder Host, der %3 liest, sieht den neuen String.</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <source>%1 now holds the config string “%2”.</source>
        <translation>%1 hat jetzt den Config-String „%2“.</translation>
    </message>
    <message>
        <source>MAC mask of %1</source>
        <translation>MAC-Maske von %1</translation>
    </message>
    <message>
        <source>While the MAC mask lists any address, %1 answers only the hosts on it.</source>
        <translation>Solange die MAC-Maske eine Adresse enthält, antwortet %1 nur den Hosts darauf.</translation>
    </message>
    <message>
        <source>The list is empty: every host may use %1.</source>
        <translation>Die Liste ist leer: jeder Host darf %1 nutzen.</translation>
    </message>
    <message>
        <source>The MAC mask of %1 is empty now: every host may use it.</source>
        <translation>Die MAC-Maske von %1 ist jetzt leer: jeder Host darf es nutzen.</translation>
    </message>
    <message numerus="yes">
        <source>The MAC mask of %1 now lists %n host(s).</source>
        <translation>
            <numerusform>Die MAC-Maske von %1 enthält jetzt %n Host.</numerusform>
            <numerusform>Die MAC-Maske von %1 enthält jetzt %n Hosts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reservations of %1</source>
        <translation>Reservierungen von %1</translation>
    </message>
    <message>
        <source>While %1 is reserved, only the hosts on the list may read or write it.</source>
        <translation>Solange %1 reserviert ist, dürfen nur die Hosts auf der Liste es lesen oder schreiben.</translation>
    </message>
    <message>
        <source>The list is empty: %1 is not reserved.</source>
        <translation>Die Liste ist leer: %1 ist nicht reserviert.</translation>
    </message>
    <message>
        <source>%1 is not reserved now.</source>
        <translation>%1 ist jetzt nicht reserviert.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is now reserved for %n host(s).</source>
        <translation>
            <numerusform>%1 ist jetzt für %n Host reserviert.</numerusform>
            <numerusform>%1 ist jetzt für %n Hosts reserviert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reserved by another host</source>
        <translation>Von einem anderen Host reserviert</translation>
    </message>
    <message>
        <source>%1 is reserved by %2.</source>
        <translation>%1 ist von %2 reserviert.</translation>
    </message>
    <message>
        <source>Taking the reservation over cuts those hosts off %1 at once; anything they are doing with it fails.</source>
        <translation>Die Übernahme trennt diese Hosts sofort von %1; alles, was sie damit tun, schlägt fehl.</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Lock this computer out?</source>
        <translation>Diesen Computer aussperren?</translation>
    </message>
    <message>
        <source>Lock this computer out of %1?</source>
        <translation>Diesen Computer von %1 aussperren?</translation>
    </message>
    <message>
        <source>After this change %1 is reserved for %2, but not for this computer (%3 on %4).</source>
        <translation>Nach dieser Änderung ist %1 für %2 reserviert, aber nicht für diesen Computer (%3 an %4).</translation>
    </message>
    <message>
        <source>After this change the MAC mask of %1 lists %2, but not this computer (%3 on %4).</source>
        <translation>Nach dieser Änderung enthält die MAC-Maske von %1 %2, aber nicht diesen Computer (%3 an %4).</translation>
    </message>
    <message>
        <source>%1 will then ignore this computer: it cannot use %1 or undo the change from here, only from a host on the list or on the target itself.</source>
        <translation>%1 ignoriert diesen Computer dann: er kann %1 nicht nutzen und die Änderung nicht von hier zurücknehmen, nur von einem Host auf der Liste oder am Ziel selbst.</translation>
    </message>
    <message>
        <source>Lock this computer out</source>
        <translation>Diesen Computer aussperren</translation>
    </message>
    <message>
        <source>Nothing was changed on %1.</source>
        <translation>An %1 wurde nichts geändert.</translation>
    </message>
    <message>
        <source>&amp;Use on this machine</source>
        <translation>Auf diesem Rechner &amp;verwenden</translation>
    </message>
    <message>
        <source>De&amp;tach from this machine</source>
        <translation>Von diesem Rechner &amp;trennen</translation>
    </message>
    <message>
        <source>Attaching %1 through the kernel&apos;s aoe driver…</source>
        <translation>%1 wird über den aoe-Treiber des Kernels verbunden…</translation>
    </message>
    <message>
        <source>%1 is on this machine as %2</source>
        <translation>%1 ist auf diesem Rechner %2</translation>
    </message>
    <message>
        <source>Could not use %1 on this machine: %2</source>
        <translation>%1 konnte auf diesem Rechner nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Detaching %1…</source>
        <translation>%1 wird getrennt…</translation>
    </message>
    <message>
        <source>%1 is detached from this machine</source>
        <translation>%1 ist von diesem Rechner getrennt</translation>
    </message>
    <message>
        <source>Could not detach %1: %2</source>
        <translation>%1 konnte nicht getrennt werden: %2</translation>
    </message>
    <message>
        <source>%1 is exported by this machine. The kernel&apos;s aoe driver does not see this machine&apos;s own frames, so the export cannot become a disk here.</source>
        <translation>%1 wird von diesem Rechner exportiert. Der aoe-Treiber des Kernels sieht die eigenen Frames dieses Rechners nicht, daher kann der Export hier kein Datenträger werden.</translation>
    </message>
    <message>
        <source>The service says: %1</source>
        <translation>Der Dienst meldet: %1</translation>
    </message>
    <message>
        <source>Use its backing file or device itself.</source>
        <translation>Verwenden Sie direkt die Datei oder das Gerät dahinter.</translation>
    </message>
    <message>
        <source>Use its backing file or device itself:</source>
        <translation>Verwenden Sie direkt die Datei oder das Gerät dahinter:</translation>
    </message>
    <message>
        <source>%1 is exported by this machine: use %2 itself.</source>
        <translation>%1 wird von diesem Rechner exportiert: verwenden Sie %2 direkt.</translation>
    </message>
    <message>
        <source>its backing file</source>
        <translation>die Datei dahinter</translation>
    </message>
    <message>
        <source>Copy &amp;path</source>
        <translation>&amp;Pfad kopieren</translation>
    </message>
    <message>
        <source>Mounting %1…</source>
        <translation>%1 wird eingehängt…</translation>
    </message>
    <message>
        <source>%1 is mounted at %2.</source>
        <translation>%1 ist unter %2 eingehängt.</translation>
    </message>
    <message>
        <source>Mount it yourself, for instance: sudo mount %1 /mnt</source>
        <translation>Hängen Sie es selbst ein, zum Beispiel: sudo mount %1 /mnt</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>udisks2 is not running on this machine, so aoesan cannot mount the filesystem for you.</source>
        <translation>udisks2 läuft auf diesem Rechner nicht, daher kann aoesan das Dateisystem nicht für Sie einhängen.</translation>
    </message>
    <message>
        <source>udisks2 knows no filesystem it can mount on %1.</source>
        <translation>udisks2 kennt auf %1 kein Dateisystem, das es einhängen kann.</translation>
    </message>
    <message>
        <source>Could not mount %1: %2</source>
        <translation>%1 konnte nicht eingehängt werden: %2</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::TargetDetails</name>
    <message>
        <source>Copy boot URI</source>
        <translation>Boot-URI kopieren</translation>
    </message>
    <message>
        <source>Copy the iPXE boot URI (aoe:eX.Y) of this target to the clipboard</source>
        <translation>Die iPXE-Boot-URI (aoe:eX.Y) dieses Ziels in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a target to see its details and paths.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie ein Ziel, um seine Details und Pfade zu sehen.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1 (%2), %3 sectors, %4</source>
        <translation>%1 (%2), %3 Sektoren, %4</translation>
    </message>
    <message>
        <source>size not known yet (no answer to IDENTIFY)</source>
        <translation>Größe noch unbekannt (keine Antwort auf IDENTIFY)</translation>
    </message>
    <message>
        <source>(down since %1)</source>
        <translation>(nicht erreichbar seit %1)</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>%1 → %2 (RTT %3)</source>
        <translation>%1 → %2 (RTT %3)</translation>
    </message>
    <message>
        <source>Paths: %1</source>
        <translation>Pfade: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>Modell %1</translation>
    </message>
    <message>
        <source>serial %1</source>
        <translation>Seriennummer %1</translation>
    </message>
    <message>
        <source>buffers %1</source>
        <translation>Puffer %1</translation>
    </message>
    <message>
        <source>%1 bytes per frame</source>
        <translation>%1 Bytes pro Frame</translation>
    </message>
    <message>
        <source>config &quot;%1&quot;</source>
        <translation>Konfiguration „%1“</translation>
    </message>
    <message>
        <source>Boot URI: &lt;code&gt;aoe:%1&lt;/code&gt;</source>
        <translation>Boot-URI: &lt;code&gt;aoe:%1&lt;/code&gt;</translation>
    </message>
    <message>
        <source>aoe-stat: %1</source>
        <translation>aoe-stat: %1</translation>
    </message>
    <message numerus="yes">
        <source>Conflict: %n backends answer this address</source>
        <translation>
            <numerusform>Konflikt: %n Backend antwortet auf diese Adresse</numerusform>
            <numerusform>Konflikt: %n Backends antworten auf diese Adresse</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3 sectors, serial &quot;%4&quot;</source>
        <translation>%1: %2, %3 Sektoren, Seriennummer &quot;%4&quot;</translation>
    </message>
    <message>
        <source>(the size shown: the smallest)</source>
        <translation>(angezeigte Größe: die kleinste)</translation>
    </message>
    <message>
        <source>%1: size not known yet</source>
        <translation>%1: Größe noch unbekannt</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identifizieren</translation>
    </message>
    <message>
        <source>Ask the target for its IDENTIFY data again</source>
        <translation>Das Ziel erneut nach seinen IDENTIFY-Daten fragen</translation>
    </message>
    <message>
        <source>Config…</source>
        <translation>Config…</translation>
    </message>
    <message>
        <source>Read or set the target&apos;s config string</source>
        <translation>Den Config-String des Ziels lesen oder setzen</translation>
    </message>
    <message>
        <source>MAC mask…</source>
        <translation>MAC-Maske…</translation>
    </message>
    <message>
        <source>View or edit which hosts the target answers</source>
        <translation>Ansehen oder ändern, welchen Hosts das Ziel antwortet</translation>
    </message>
    <message>
        <source>Reservations…</source>
        <translation>Reservierungen…</translation>
    </message>
    <message>
        <source>View or set which hosts may read and write the target</source>
        <translation>Ansehen oder festlegen, welche Hosts das Ziel lesen und schreiben dürfen</translation>
    </message>
    <message>
        <source>Copy iPXE line</source>
        <translation>iPXE-Zeile kopieren</translation>
    </message>
    <message>
        <source>Copy “sanboot aoe:eX.Y” to the clipboard</source>
        <translation>„sanboot aoe:eX.Y“ in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Exported here, %1 (list restored from an earlier run)</source>
        <translation>Hier exportiert, %1 (Liste aus einem früheren Lauf wiederhergestellt)</translation>
    </message>
    <message>
        <source>Exported here, %1</source>
        <translation>Hier exportiert, %1</translation>
    </message>
    <message>
        <source>firmware %1</source>
        <translation>Firmware %1</translation>
    </message>
    <message>
        <source>On this machine: &lt;b&gt;&lt;code&gt;%1&lt;/code&gt;&lt;/b&gt; — kernel state: &lt;span style=&quot;color:%2&quot;&gt;%3&lt;/span&gt;</source>
        <translation>Auf diesem Rechner: &lt;b&gt;&lt;code&gt;%1&lt;/code&gt;&lt;/b&gt; — Zustand im Kernel: &lt;span style=&quot;color:%2&quot;&gt;%3&lt;/span&gt;</translation>
    </message>
    <message>
        <source>no filesystem known</source>
        <translation>kein Dateisystem bekannt</translation>
    </message>
    <message>
        <source>label &quot;%1&quot;</source>
        <translation>Bezeichnung &quot;%1&quot;</translation>
    </message>
    <message>
        <source>not mounted</source>
        <translation>nicht eingehängt</translation>
    </message>
    <message>
        <source>mounted at %1</source>
        <translation>eingehängt unter %1</translation>
    </message>
    <message>
        <source>No partitions</source>
        <translation>Keine Partitionen</translation>
    </message>
    <message>
        <source>Not in use: it can be detached</source>
        <translation>Nicht in Gebrauch: kann getrennt werden</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>In Gebrauch: %1</translation>
    </message>
    <message>
        <source>Use on this machine</source>
        <translation>Auf diesem Rechner verwenden</translation>
    </message>
    <message>
        <source>Make this target a disk of this machine through the kernel&apos;s aoe driver (Ctrl+U)</source>
        <translation>Dieses Ziel über den aoe-Treiber des Kernels zu einem Laufwerk dieses Rechners machen (Strg+U)</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Release this machine&apos;s disk of the target (Ctrl+Shift+U)</source>
        <translation>Das Laufwerk dieses Ziels auf diesem Rechner freigeben (Strg+Umschalt+U)</translation>
    </message>
    <message>
        <source>Exported by this machine: the kernel&apos;s aoe driver cannot use it here (it does not see this machine&apos;s own frames); use %1 itself.</source>
        <translation>Von diesem Rechner exportiert: Der aoe-Treiber des Kernels kann es hier nicht verwenden (er sieht die eigenen Frames dieses Rechners nicht); verwenden Sie %1 direkt.</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Mount %1 (through udisks2) and open it in the file manager</source>
        <translation>%1 (über udisks2) einhängen und im Dateimanager öffnen</translation>
    </message>
    <message>
        <source>Exported here, %1 (list set over the network by %2)</source>
        <translation>Hier freigegeben, %1 (Liste über das Netzwerk gesetzt von %2)</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::TargetModel</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Interfaces</source>
        <translation>Schnittstellen</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Nutzlast</translation>
    </message>
    <message>
        <source>Buffers</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Config string</source>
        <translation>Konfigurationstext</translation>
    </message>
    <message>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message numerus="yes">
        <source>conflict: %n backends</source>
        <translation>
            <numerusform>Konflikt: %n Backend</numerusform>
            <numerusform>Konflikt: %n Backends</numerusform>
        </translation>
    </message>
    <message>
        <source>down since %1</source>
        <translation>nicht erreichbar seit %1</translation>
    </message>
    <message>
        <source>The target has not answered IDENTIFY yet.</source>
        <translation>Das Ziel hat noch nicht auf IDENTIFY geantwortet.</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Konflikt: %1</translation>
    </message>
    <message>
        <source>No answer since %1</source>
        <translation>Keine Antwort seit %1</translation>
    </message>
    <message>
        <source>%1
%2 sectors</source>
        <translation>%1
%2 Sektoren</translation>
    </message>
    <message>
        <source>restarting, exported here</source>
        <translation>startet neu, von hier exportiert</translation>
    </message>
    <message>
        <source>stopping, exported here</source>
        <translation>wird angehalten, von hier exportiert</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; of this machine: %2</source>
        <translation>Export &apos;%1&apos; dieses Rechners: %2</translation>
    </message>
    <message>
        <source>On this machine</source>
        <translation>Auf diesem Rechner</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>state unknown</source>
        <translation>Zustand unbekannt</translation>
    </message>
    <message>
        <source>%1, on this machine as %2</source>
        <translation>%1, auf diesem Rechner als %2</translation>
    </message>
    <message>
        <source>Not used on this machine (the kernel&apos;s aoe driver does not have it)</source>
        <translation>Auf diesem Rechner nicht verwendet (der aoe-Treiber des Kernels hat es nicht)</translation>
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
        <translation>Nicht erreichbare Ziele zeigen</translation>
    </message>
    <message>
        <source>Filter: e7.* or any text (model, serial, MAC…)</source>
        <translation>Filter: e7.* oder beliebiger Text (Modell, Seriennummer, MAC…)</translation>
    </message>
    <message>
        <source>Type a device pattern such as e7.* or words to look for in any column (Ctrl+F)</source>
        <translation>Geben Sie ein Gerätemuster wie e7.* oder Wörter ein, die in einer beliebigen Spalte gesucht werden (Strg+F)</translation>
    </message>
    <message>
        <source>List targets that stopped answering, greyed, until you forget them</source>
        <translation>Ziele, die nicht mehr antworten, ausgegraut auflisten, bis Sie sie vergessen</translation>
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
        <translation>E&amp;xporte</translation>
    </message>
    <message>
        <source>No exports yet</source>
        <translation>Noch keine Exporte</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Exports are served by the system and keep running after Quit.</source>
        <translation>Freigaben werden vom System bereitgestellt und laufen nach „Beenden“ weiter.</translation>
    </message>
    <message>
        <source>Served by the system: they keep running after Quit</source>
        <translation>Vom System bereitgestellt: Sie laufen nach „Beenden“ weiter</translation>
    </message>
    <message>
        <source>%1 on this machine is down</source>
        <translation>%1 auf diesem Rechner ist nicht erreichbar</translation>
    </message>
    <message>
        <source>In use: %1. Programs reading or writing it wait until the target answers again.</source>
        <translation>In Gebrauch: %1. Programme, die darauf lesen oder schreiben, warten, bis das Ziel wieder antwortet.</translation>
    </message>
    <message>
        <source>Closewait: the kernel keeps the device down until every program has closed it; close them (or unmount) and attach again.</source>
        <translation>Closewait: Der Kernel hält das Gerät nicht erreichbar, bis jedes Programm es geschlossen hat; schließen Sie sie (oder hängen Sie es aus) und verbinden Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 on this machine is back up</source>
        <translation>%1 auf diesem Rechner ist wieder erreichbar</translation>
    </message>
    <message>
        <source>The target answers again; what uses it can carry on.</source>
        <translation>Das Ziel antwortet wieder; was es verwendet, kann weiterarbeiten.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::lab::LabEnvironment</name>
    <message>
        <source>Lab mode needs the ip program (Debian package iproute2).</source>
        <translation>Der Labormodus braucht das Programm ip (Debian-Paket iproute2).</translation>
    </message>
    <message>
        <source>ip %1 failed: %2</source>
        <translation>ip %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The lab image %1 could not be created: %2</source>
        <translation>Das Labor-Image %1 konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>aoesan-engine could not be started for the lab: %1</source>
        <translation>aoesan-engine konnte für das Labor nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Lab mode could not create its temporary directory: %1</source>
        <translation>Der Labormodus konnte sein temporäres Verzeichnis nicht anlegen: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>ATA over Ethernet SAN manager: discover, export and watch AoE targets.</source>
        <translation>SAN-Verwaltung für ATA over Ethernet: AoE-Ziele suchen, exportieren und überwachen.</translation>
    </message>
    <message>
        <source>Start in a private network namespace with demo targets and exports; nothing is sent on this machine&apos;s interfaces.</source>
        <translation>In einem privaten Netzwerk-Namespace mit Demo-Zielen und -Exporten starten; über die Schnittstellen dieses Rechners wird nichts gesendet.</translation>
    </message>
    <message>
        <source>trace, debug, info, warn, error or off (default: $AOESAN_LOG or info).</source>
        <translation>trace, debug, info, warn, error oder off (Standard: $AOESAN_LOG oder info).</translation>
    </message>
    <message>
        <source>aoesan lab mode</source>
        <translation>aoesan im Labormodus</translation>
    </message>
    <message>
        <source>unknown log level &apos;%1&apos; (use %2)</source>
        <translation>unbekannte Protokollstufe &apos;%1&apos; (möglich: %2)</translation>
    </message>
    <message>
        <source>Try aoesan --help.</source>
        <translation>Siehe aoesan --help.</translation>
    </message>
    <message>
        <source>aoesan</source>
        <translation>aoesan</translation>
    </message>
    <message>
        <source>Started by the desktop at login: end at once unless &quot;Start aoesan in the tray when I log in&quot; is on in the settings; then start with the window hidden, in the tray.</source>
        <translation>Vom Desktop beim Anmelden gestartet: sofort beenden, außer „aoesan beim Anmelden im Infobereich starten“ ist in den Einstellungen eingeschaltet; dann mit ausgeblendetem Fenster im Infobereich starten.</translation>
    </message>
</context>
</TS>
