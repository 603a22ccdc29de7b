<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Discover now</source>
        <translation>&amp;Descubrir ahora</translation>
    </message>
    <message>
        <source>Probe every interface for AoE targets now</source>
        <translation>Buscar ahora destinos AoE en todas las interfaces</translation>
    </message>
    <message>
        <source>&amp;Forget down targets</source>
        <translation>&amp;Olvidar destinos caídos</translation>
    </message>
    <message>
        <source>Remove the targets that stopped answering from the list</source>
        <translation>Quitar de la lista los destinos que dejaron de responder</translation>
    </message>
    <message>
        <source>&amp;New export…</source>
        <translation>&amp;Nueva exportación…</translation>
    </message>
    <message>
        <source>Export a disk, partition or image file as an AoE target</source>
        <translation>Exportar un disco, una partición o un archivo de imagen como destino AoE</translation>
    </message>
    <message>
        <source>&amp;Start export</source>
        <translation>&amp;Iniciar exportación</translation>
    </message>
    <message>
        <source>Start serving the selected export</source>
        <translation>Empezar a servir la exportación seleccionada</translation>
    </message>
    <message>
        <source>S&amp;top export</source>
        <translation>&amp;Detener exportación</translation>
    </message>
    <message>
        <source>Stop serving the selected export</source>
        <translation>Dejar de servir la exportación seleccionada</translation>
    </message>
    <message>
        <source>&amp;Remove export</source>
        <translation>&amp;Quitar exportación</translation>
    </message>
    <message>
        <source>Stop the selected export and remove it from the list (the disk or file is kept)</source>
        <translation>Detener la exportación seleccionada y quitarla de la lista (el disco o el archivo se conservan)</translation>
    </message>
    <message>
        <source>&amp;Targets</source>
        <translation>&amp;Destinos</translation>
    </message>
    <message>
        <source>Show the table of discovered targets</source>
        <translation>Mostrar la tabla de destinos descubiertos</translation>
    </message>
    <message>
        <source>S&amp;helves</source>
        <translation>&amp;Estantes</translation>
    </message>
    <message>
        <source>Show every shelf with its slots at a glance</source>
        <translation>Mostrar cada estante con sus ranuras de un vistazo</translation>
    </message>
    <message>
        <source>&amp;Exports</source>
        <translation>E&amp;xportaciones</translation>
    </message>
    <message>
        <source>Show the exports served from this machine</source>
        <translation>Mostrar las exportaciones servidas desde este equipo</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Registro</translation>
    </message>
    <message>
        <source>Show or hide the log of events</source>
        <translation>Mostrar u ocultar el registro de eventos</translation>
    </message>
    <message>
        <source>&amp;Filter targets</source>
        <translation>&amp;Filtrar destinos</translation>
    </message>
    <message>
        <source>Filter the targets by device pattern or text</source>
        <translation>Filtrar los destinos por patrón de dispositivo o por texto</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>Interfaces, probe interval, notifications and language</source>
        <translation>Interfaces, intervalo de sondeo, notificaciones e idioma</translation>
    </message>
    <message>
        <source>&amp;Pause notifications</source>
        <translation>&amp;Pausar notificaciones</translation>
    </message>
    <message>
        <source>Do not show notifications until you turn this off</source>
        <translation>No mostrar notificaciones hasta que lo desactive</translation>
    </message>
    <message>
        <source>Show &amp;aoesan</source>
        <translation>Mostrar &amp;aoesan</translation>
    </message>
    <message>
        <source>Show the aoesan window</source>
        <translation>Mostrar la ventana de aoesan</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>&amp;Cerrar ventana</translation>
    </message>
    <message>
        <source>Hide the window; aoesan keeps watching from the tray</source>
        <translation>Ocultar la ventana; aoesan sigue vigilando desde la bandeja del sistema</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Stop watching and quit aoesan (asks first when exports are running)</source>
        <translation>Dejar de vigilar y salir de aoesan (pregunta antes si hay exportaciones en marcha)</translation>
    </message>
    <message>
        <source>&amp;Use on this machine</source>
        <translation>&amp;Usar en este equipo</translation>
    </message>
    <message>
        <source>Make the selected target a disk of this machine (/dev/etherd/eX.Y)</source>
        <translation>Convertir el destino seleccionado en un disco de este equipo (/dev/etherd/eX.Y)</translation>
    </message>
    <message>
        <source>De&amp;tach from this machine</source>
        <translation>&amp;Desconectar de este equipo</translation>
    </message>
    <message>
        <source>Release the selected target&apos;s disk on this machine (refused while it is mounted or open)</source>
        <translation>Liberar el disco del destino seleccionado en este equipo (se rechaza mientras está montado o abierto)</translation>
    </message>
    <message>
        <source>Network &amp;boot…</source>
        <translation>Arranque por &amp;red…</translation>
    </message>
    <message>
        <source>Let machines with no disk boot from the selected export over the network</source>
        <translation>Permitir que equipos sin disco arranquen por la red desde la exportación seleccionada</translation>
    </message>
    <message>
        <source>&amp;Capture…</source>
        <translation>&amp;Capturar…</translation>
    </message>
    <message>
        <source>Write the AoE traffic of an interface (or of the selected target) to a file for Wireshark</source>
        <translation>Escribir el tráfico AoE de una interfaz (o del destino seleccionado) en un archivo para Wireshark</translation>
    </message>
</context>
<context>
    <name>BlockDeviceSafety</name>
    <message>
        <source>%1 (a partition of %2)</source>
        <translation>%1 (una partición de %2)</translation>
    </message>
    <message>
        <source>LVM (volume %1)</source>
        <translation>LVM (volumen %1)</translation>
    </message>
    <message>
        <source>LVM</source>
        <translation>LVM</translation>
    </message>
    <message>
        <source>the RAID array %1</source>
        <translation>el RAID %1</translation>
    </message>
    <message>
        <source>the encrypted volume %1</source>
        <translation>el volumen cifrado %1</translation>
    </message>
    <message>
        <source>an encrypted volume</source>
        <translation>un volumen cifrado</translation>
    </message>
    <message>
        <source>the device-mapper volume %1</source>
        <translation>el volumen de device-mapper %1</translation>
    </message>
    <message>
        <source>%1 is mounted at %2: initiators may see its files change under them, and see a damaged filesystem while this machine writes to it.</source>
        <translation>%1 está montado en %2: los iniciadores pueden ver cómo cambian sus archivos y ver un sistema de archivos dañado mientras esta máquina escribe en él.</translation>
    </message>
    <message>
        <source>%1 is mounted at %2. If another machine wrote to it while this one uses it, the filesystem would be destroyed.</source>
        <translation>%1 está montado en %2. Si otra máquina escribiera en él mientras esta lo usa, el sistema de archivos quedaría destruido.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>%1 is in use by %2: initiators may see its data change under them.</source>
        <translation>%1 está en uso por %2: los iniciadores pueden ver cómo cambian sus datos.</translation>
    </message>
    <message>
        <source>%1 is in use by %2. Writes from another machine would corrupt whatever is stored there.</source>
        <translation>%1 está en uso por %2. Las escrituras de otra máquina dañarían todo lo que hay guardado allí.</translation>
    </message>
    <message>
        <source>%1 is this machine&apos;s swap space. It holds pieces of the machine&apos;s memory (which may include passwords), and writing to it would crash the machine.</source>
        <translation>%1 es el espacio de intercambio (swap) de esta máquina. Contiene trozos de su memoria (quizá con contraseñas), y escribir en él haría caer la máquina.</translation>
    </message>
    <message>
        <source>Exporting anyway, because it was forced.</source>
        <translation>Se exporta de todos modos, porque se ha forzado.</translation>
    </message>
    <message>
        <source>Export it read-only instead.</source>
        <translation>Expórtelo en solo lectura.</translation>
    </message>
    <message>
        <source>Choose another device; if you are sure, force the export.</source>
        <translation>Elija otro dispositivo; si está seguro, fuerce la exportación.</translation>
    </message>
    <message>
        <source>Stop using it first, or export it read-only; if you are sure, force the export.</source>
        <translation>Deje de usarlo primero o expórtelo en solo lectura; si está seguro, fuerce la exportación.</translation>
    </message>
    <message>
        <source>%1 is read-only (write-protected), so it cannot be exported read-write.</source>
        <translation>%1 es de solo lectura (protegido contra escritura), así que no se puede exportar con escritura.</translation>
    </message>
    <message>
        <source>%1 holds this machine&apos;s root filesystem (/).</source>
        <translation>%1 contiene el sistema de archivos raíz (/) de esta máquina.</translation>
    </message>
    <message>
        <source>%1 is on %2, the disk that holds this machine&apos;s root filesystem (/).</source>
        <translation>%1 está en %2, el disco que contiene el sistema de archivos raíz (/) de esta máquina.</translation>
    </message>
    <message>
        <source> A mistake by another machine writing to it could leave this one unable to start.</source>
        <translation> Un error de otra máquina al escribir en él podría dejar a esta sin poder arrancar.</translation>
    </message>
    <message>
        <source>%1 is removable: the export stops working when it is taken out.</source>
        <translation>%1 es extraíble: la exportación deja de funcionar cuando se retira.</translation>
    </message>
</context>
<context>
    <name>ExportPreflight</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 no existe</translation>
    </message>
    <message>
        <source>Create the image file or connect the disk, or change the export&apos;s path.</source>
        <translation>Cree el archivo de imagen o conecte el disco, o cambie la ruta de la exportación.</translation>
    </message>
    <message>
        <source>%1 is a directory</source>
        <translation>%1 es un directorio</translation>
    </message>
    <message>
        <source>Export an image file or a block device.</source>
        <translation>Exporte un archivo de imagen o un dispositivo de bloques.</translation>
    </message>
    <message>
        <source>%1 is already answered on %2 by %3</source>
        <translation>%1 ya responde en %2 desde %3</translation>
    </message>
    <message>
        <source>Choose another shelf or slot, or stop the other target first; two targets at one address would mix up the initiators&apos; data.</source>
        <translation>Elija otro estante o ranura, o detenga primero el otro destino; dos destinos en una misma dirección mezclarían los datos de los iniciadores.</translation>
    </message>
    <message>
        <source>cannot tell whether %1 is in use: %2</source>
        <translation>no se puede saber si %1 está en uso: %2</translation>
    </message>
    <message>
        <source>Force the export if you are sure it is not in use.</source>
        <translation>Fuerce la exportación si está seguro de que no está en uso.</translation>
    </message>
    <message>
        <source>forced: %1</source>
        <translation>forzado: %1</translation>
    </message>
</context>
<context>
    <name>ExportRunner</name>
    <message>
        <source>the engine could not be run (%1)</source>
        <translation>no se pudo ejecutar el motor (%1)</translation>
    </message>
    <message>
        <source>Check that aoesan-engine is installed and executable.</source>
        <translation>Compruebe que aoesan-engine está instalado y es ejecutable.</translation>
    </message>
    <message>
        <source>the engine was killed by a signal</source>
        <translation>el motor terminó por una señal</translation>
    </message>
    <message>
        <source>the engine has no permission</source>
        <translation>el motor no tiene permiso</translation>
    </message>
    <message>
        <source>the engine exited with code %1</source>
        <translation>el motor terminó con el código %1</translation>
    </message>
    <message>
        <source> (gave up after %1 failed starts in a row)</source>
        <translation> (se abandonó tras %1 arranques fallidos seguidos)</translation>
    </message>
    <message>
        <source>the engine did not start serving within %1 s</source>
        <translation>el motor no empezó a servir en %1 s</translation>
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
        <translation>%1 ya existe; elija otro nombre.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
</context>
<context>
    <name>Lab</name>
    <message>
        <source>Lab mode could not create a user namespace (%1). Allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, or user.max_user_namespaces &gt; 0), or start aoesan --lab as root.</source>
        <translation>El modo laboratorio no pudo crear un espacio de nombres de usuario (%1). Permita los espacios de nombres de usuario sin privilegios (sysctl kernel.unprivileged_userns_clone=1, o user.max_user_namespaces &gt; 0), o inicie aoesan --lab como root.</translation>
    </message>
    <message>
        <source>Lab mode could not map the user ids of its namespace (%1).</source>
        <translation>El modo laboratorio no pudo asignar los identificadores de usuario de su espacio de nombres (%1).</translation>
    </message>
    <message>
        <source>Lab mode could not keep its network capabilities (%1).</source>
        <translation>El modo laboratorio no pudo conservar sus capacidades de red (%1).</translation>
    </message>
    <message>
        <source>Lab mode could not create a private network namespace (%1). Start aoesan --lab as root, or allow unprivileged user namespaces.</source>
        <translation>El modo laboratorio no pudo crear un espacio de nombres de red privado (%1). Inicie aoesan --lab como root, o permita los espacios de nombres de usuario sin privilegios.</translation>
    </message>
    <message>
        <source>Lab mode could not make its mounts private (%1).</source>
        <translation>El modo laboratorio no pudo hacer privados sus montajes (%1).</translation>
    </message>
    <message>
        <source>Lab mode could not mount sysfs for its namespace (%1).</source>
        <translation>El modo laboratorio no pudo montar sysfs para su espacio de nombres (%1).</translation>
    </message>
</context>
<context>
    <name>Look</name>
    <message>
        <source>up</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>down</source>
        <translation>caído</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflicto</translation>
    </message>
    <message>
        <source>up, exported here</source>
        <translation>activo, exportado desde aquí</translation>
    </message>
    <message>
        <source>starting, exported here</source>
        <translation>iniciando, exportado desde aquí</translation>
    </message>
    <message>
        <source>stopped, exported here</source>
        <translation>detenido, exportado desde aquí</translation>
    </message>
    <message>
        <source>failed, exported here</source>
        <translation>fallido, exportado desde aquí</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>it is far too large</source>
        <translation>es demasiado grande</translation>
    </message>
    <message>
        <source>it cannot be read: %1</source>
        <translation>no se puede leer: %1</translation>
    </message>
    <message>
        <source>it holds binary data</source>
        <translation>contiene datos binarios</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>no es texto UTF-8</translation>
    </message>
    <message>
        <source>it is not a settings file</source>
        <translation>no es un archivo de configuración</translation>
    </message>
    <message>
        <source>The settings file %1 was damaged (%2); it was kept as %3 and the defaults are used.</source>
        <translation>El archivo de configuración %1 estaba dañado (%2); se ha guardado como %3 y se usan los valores predeterminados.</translation>
    </message>
    <message>
        <source>The settings file %1 was damaged (%2); the defaults are used.</source>
        <translation>El archivo de configuración %1 estaba dañado (%2); se usan los valores predeterminados.</translation>
    </message>
    <message>
        <source>The setting %1 in %2 was not valid; its default is used.</source>
        <translation>El ajuste %1 de %2 no era válido; se usa su valor predeterminado.</translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation>No se pudo escribir la configuración en %1.</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>no es un archivo normal</translation>
    </message>
    <message>
        <source>The settings could not be written to %1: it is not a regular file.</source>
        <translation>No se pudo escribir la configuración en %1: no es un archivo normal.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>aoesan is already running; its window was brought to the front.</source>
        <translation>aoesan ya está en marcha; su ventana se ha traído al frente.</translation>
    </message>
    <message>
        <source>aoesan is already running; it was asked to show its window but did not answer.</source>
        <translation>aoesan ya está en marcha; se le pidió mostrar su ventana, pero no respondió.</translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>aoesan — no targets known yet</source>
        <translation>aoesan — aún no se conoce ningún destino</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflicto</numerusform>
            <numerusform>%n conflictos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n export(s)</source>
        <translation>
            <numerusform>%n exportación</numerusform>
            <numerusform>%n exportaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fallida</numerusform>
            <numerusform>%n fallidas</numerusform>
        </translation>
    </message>
    <message>
        <source>aoesan — %1</source>
        <translation>aoesan — %1</translation>
    </message>
    <message>
        <source>%1 is down</source>
        <translation>%1 está caído</translation>
    </message>
    <message>
        <source>%1 is back up</source>
        <translation>%1 vuelve a estar activo</translation>
    </message>
    <message>
        <source>It answers again.</source>
        <translation>Vuelve a responder.</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; failed</source>
        <translation>La exportación «%1» ha fallado</translation>
    </message>
    <message numerus="yes">
        <source>%n targets are down</source>
        <translation>
            <numerusform>%n destino está caído</numerusform>
            <numerusform>%n destinos están caídos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n targets are back up</source>
        <translation>
            <numerusform>%n destino vuelve a estar activo</numerusform>
            <numerusform>%n destinos vuelven a estar activos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exports failed</source>
        <translation>
            <numerusform>%n exportación ha fallado</numerusform>
            <numerusform>%n exportaciones han fallado</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changes on the SAN</source>
        <translation>
            <numerusform>%n cambio en la SAN</numerusform>
            <numerusform>%n cambios en la SAN</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No answer for %n s.</source>
        <translation>
            <numerusform>Sin respuesta durante %n s.</numerusform>
            <numerusform>Sin respuesta durante %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>y %n más</numerusform>
            <numerusform>y %n más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n up</source>
        <translation>
            <numerusform>%n activo</numerusform>
            <numerusform>%n activos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n down</source>
        <translation>
            <numerusform>%n caído</numerusform>
            <numerusform>%n caídos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aoesan::gui::ServiceConnection</name>
    <message>
        <source>The private D-Bus bus could not be reached: %1</source>
        <translation>No se pudo alcanzar el bus D-Bus privado: %1</translation>
    </message>
    <message>
        <source>No directory for a private D-Bus bus: %1</source>
        <translation>No hay directorio para un bus D-Bus privado: %1</translation>
    </message>
    <message>
        <source>No aoesan service is running and dbus-daemon is not installed, so aoesan cannot start one of its own. Install the dbus-daemon package, or install and start aoesan&apos;s service.</source>
        <translation>No hay ningún servicio aoesan en marcha y dbus-daemon no está instalado, así que aoesan no puede iniciar uno propio. Instale el paquete dbus-daemon, o instale e inicie el servicio de aoesan.</translation>
    </message>
    <message>
        <source>A private D-Bus bus could not be started: %1</source>
        <translation>No se pudo iniciar un bus D-Bus privado: %1</translation>
    </message>
    <message>
        <source>No aoesan service is running, and aoesan-service was not found to start one (%1).</source>
        <translation>No hay ningún servicio aoesan en marcha y no se encontró aoesan-service para iniciar uno (%1).</translation>
    </message>
    <message>
        <source>aoesan-service did not appear on the bus: %1</source>
        <translation>aoesan-service no apareció en el bus: %1</translation>
    </message>
    <message>
        <source>aoesan-service could not be started: %1</source>
        <translation>No se pudo iniciar aoesan-service: %1</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::AddressPage</name>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Choose the AoE address (shelf and slot) and the network interface to serve on.</source>
        <translation>Elija la dirección AoE (estante y ranura) y la interfaz de red en la que servir.</translation>
    </message>
    <message>
        <source>Shelf number (0–65534): the X in eX.Y</source>
        <translation>Número de estante (0–65534): la X de eX.Y</translation>
    </message>
    <message>
        <source>Slot number (0–254): the Y in eX.Y</source>
        <translation>Número de ranura (0–254): la Y de eX.Y</translation>
    </message>
    <message>
        <source>The Ethernet interface the initiators reach this machine on</source>
        <translation>La interfaz Ethernet por la que los iniciadores llegan a este equipo</translation>
    </message>
    <message>
        <source>S&amp;helf:</source>
        <translation>&amp;Estante:</translation>
    </message>
    <message>
        <source>S&amp;lot:</source>
        <translation>&amp;Ranura:</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Interfaz:</translation>
    </message>
    <message>
        <source>link up</source>
        <translation>enlace activo</translation>
    </message>
    <message>
        <source>no link</source>
        <translation>sin enlace</translation>
    </message>
    <message>
        <source>down</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <source>%1 — %2, MTU %3, %4 sectors per frame, %5</source>
        <translation>%1 — %2, MTU %3, %4 sectores por trama, %5</translation>
    </message>
    <message>
        <source>e%1.%2 is already used by the export &apos;%3&apos; on %4.</source>
        <translation>e%1.%2 ya lo usa la exportación «%3» en %4.</translation>
    </message>
    <message>
        <source>e%1.%2 is already answered by %3.</source>
        <translation>e%1.%2 ya lo responde %3.</translation>
    </message>
    <message>
        <source>Initiators on %1 will read and write %2 sectors per frame.</source>
        <translation>Los iniciadores en %1 leerán y escribirán %2 sectores por trama.</translation>
    </message>
    <message>
        <source>There is no Ethernet interface to serve on.</source>
        <translation>No hay ninguna interfaz Ethernet en la que servir.</translation>
    </message>
    <message>
        <source>This disk is smaller than 8 MiB: iPXE cannot boot from it.</source>
        <translation>Este disco tiene menos de 8 MiB: iPXE no puede arrancar desde él.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::AllowListBox</name>
    <message>
        <source>&amp;Every machine</source>
        <translation>&amp;Todas las máquinas</translation>
    </message>
    <message>
        <source>&amp;Only these machines:</source>
        <translation>Solo &amp;estas máquinas:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Añadi&amp;r</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Any initiator that can reach this interface may use the disk</source>
        <translation>Cualquier iniciador que llegue a esta interfaz puede usar el disco</translation>
    </message>
    <message>
        <source>Only initiators sending from these MAC addresses may use the disk (vblade -m)</source>
        <translation>Solo los iniciadores que envían desde estas direcciones MAC pueden usar el disco (vblade -m)</translation>
    </message>
    <message>
        <source>A list of MAC addresses is no security on a shared network: any machine can send with another machine&apos;s address. To keep other machines out, give the export a VLAN or a network interface of its own.</source>
        <translation>Una lista de direcciones MAC no es seguridad en una red compartida: cualquier máquina puede enviar con la dirección de otra. Para dejar fuera a las demás máquinas, dé a la exportación una VLAN o una interfaz de red propia.</translation>
    </message>
    <message>
        <source>Names from %1 cannot be used: %2</source>
        <translation>No se pueden usar los nombres de %1: %2</translation>
    </message>
    <message>
        <source>a MAC address or a name from %1</source>
        <translation>una dirección MAC o un nombre de %1</translation>
    </message>
    <message>
        <source>“%1” is not a MAC address (six hex numbers joined by “:”, e.g. 02:00:00:00:00:01).</source>
        <translation>«%1» no es una dirección MAC (seis números hexadecimales unidos por «:», p. ej. 02:00:00:00:00:01).</translation>
    </message>
    <message>
        <source>“%1” is neither a MAC address nor a name in %2.</source>
        <translation>«%1» no es ni una dirección MAC ni un nombre de %2.</translation>
    </message>
    <message>
        <source>“%1” is no machine&apos;s address (all zeros, broadcast or multicast).</source>
        <translation>«%1» no es la dirección de ninguna máquina (todo ceros, difusión o multidifusión).</translation>
    </message>
    <message>
        <source>At most %1 machines.</source>
        <translation>Como máximo %1 máquinas.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::AppController</name>
    <message>
        <source>aoesan is still running</source>
        <translation>aoesan sigue en marcha</translation>
    </message>
    <message>
        <source>It keeps watching your targets and exports from the tray. Use Quit in the tray menu to leave.</source>
        <translation>Sigue vigilando sus destinos y exportaciones desde la bandeja del sistema. Use Salir en el menú de la bandeja para cerrarlo.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language is used the next time aoesan starts.</source>
        <translation>El nuevo idioma se usará la próxima vez que se inicie aoesan.</translation>
    </message>
    <message>
        <source>New export</source>
        <translation>Nueva exportación</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::BlockDeviceModel</name>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Filesystem</source>
        <translation>Sistema de archivos</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Mounted at</source>
        <translation>Montado en</translation>
    </message>
    <message>
        <source>Can be exported</source>
        <translation>Se puede exportar</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>mounted at %1</source>
        <translation>montado en %1</translation>
    </message>
    <message>
        <source>in use by %1</source>
        <translation>en uso por %1</translation>
    </message>
    <message>
        <source>another device</source>
        <translation>otro dispositivo</translation>
    </message>
    <message>
        <source>swap space</source>
        <translation>espacio de intercambio</translation>
    </message>
    <message>
        <source>holds /</source>
        <translation>contiene /</translation>
    </message>
    <message>
        <source>write-protected</source>
        <translation>protegido contra escritura</translation>
    </message>
    <message>
        <source>%1: can be exported read-only</source>
        <translation>%1: exportable en solo lectura</translation>
    </message>
    <message>
        <source>%1: cannot be exported</source>
        <translation>%1: no exportable</translation>
    </message>
    <message>
        <source>a partition is mounted</source>
        <translation>hay una partición montada</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::BootDialog</name>
    <message>
        <source>Another DHCP server gives the addresses (&amp;proxy DHCP)</source>
        <translation>Otro servidor DHCP da las direcciones (DHCP &amp;proxy)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>I&amp;niciar</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>De&amp;tener</translation>
    </message>
    <message>
        <source>Network boot — %1 (%2)</source>
        <translation>Arranque por red — %1 (%2)</translation>
    </message>
    <message>
        <source>Machines with no disk of their own can start from this export over the network: their PXE firmware gets iPXE, and iPXE boots the export.</source>
        <translation>Los equipos sin disco propio pueden arrancar desde esta exportación por la red: su firmware PXE recibe iPXE, e iPXE arranca la exportación.</translation>
    </message>
    <message>
        <source>This network has no DHCP server: &amp;hand out addresses</source>
        <translation>Esta red no tiene servidor DHCP: &amp;dar direcciones</translation>
    </message>
    <message>
        <source>First address</source>
        <translation>Primera dirección</translation>
    </message>
    <message>
        <source>Last address</source>
        <translation>Última dirección</translation>
    </message>
    <message>
        <source>any machine</source>
        <translation>cualquier equipo</translation>
    </message>
    <message>
        <source>MAC addresses separated by spaces or commas, e.g. 52:54:00:12:34:56; other machines get no answer at all. Empty: any machine.</source>
        <translation>Direcciones MAC separadas por espacios o comas, p. ej. 52:54:00:12:34:56; los demás equipos no reciben ninguna respuesta. Vacío: cualquier equipo.</translation>
    </message>
    <message>
        <source>Start the boot server with these settings (a running one is replaced)</source>
        <translation>Iniciar el servidor de arranque con estos ajustes (sustituye al que esté en marcha)</translation>
    </message>
    <message>
        <source>Stop the boot server; the export itself keeps serving</source>
        <translation>Detener el servidor de arranque; la exportación sigue sirviendo</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>Dirección MAC</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Dirección IP</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Copy the iPXE script to the clipboard</source>
        <translation>Copiar el script iPXE al portapapeles</translation>
    </message>
    <message>
        <source>Root path:</source>
        <translation>Ruta raíz:</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Interfaz:</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>Direcciones:</translation>
    </message>
    <message>
        <source>Allowed &amp;machines:</source>
        <translation>&amp;Equipos permitidos:</translation>
    </message>
    <message>
        <source>Machines that asked</source>
        <translation>Equipos que han preguntado</translation>
    </message>
    <message>
        <source>iPXE script</source>
        <translation>Script iPXE</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — no IPv4 address</source>
        <translation>%1 — sin dirección IPv4</translation>
    </message>
    <message>
        <source>(down)</source>
        <translation>(inactiva)</translation>
    </message>
    <message>
        <source>%1 — not on this machine</source>
        <translation>%1 — no está en este equipo</translation>
    </message>
    <message>
        <source>This machine has no network interface to serve on.</source>
        <translation>Este equipo no tiene ninguna interfaz de red en la que servir.</translation>
    </message>
    <message>
        <source>%1 is not an interface of this machine now.</source>
        <translation>%1 no es ahora una interfaz de este equipo.</translation>
    </message>
    <message>
        <source>%1 has no IPv4 address. The boot server needs one on the network it serves: give it an address (e.g. ip addr add 10.0.0.1/24 dev %1) or choose another interface.</source>
        <translation>%1 no tiene dirección IPv4. El servidor de arranque necesita una en la red que sirve: asígnele una dirección (p. ej. ip addr add 10.0.0.1/24 dev %1) o elija otra interfaz.</translation>
    </message>
    <message>
        <source>%1 is down: machines get an answer once it is up.</source>
        <translation>%1 está inactiva: los equipos reciben respuesta en cuanto se active.</translation>
    </message>
    <message>
        <source>“%1” is not an IPv4 address (e.g. 10.0.0.100).</source>
        <translation>«%1» no es una dirección IPv4 (p. ej. 10.0.0.100).</translation>
    </message>
    <message>
        <source>“%1” is not an IPv4 address (e.g. 10.0.0.150).</source>
        <translation>«%1» no es una dirección IPv4 (p. ej. 10.0.0.150).</translation>
    </message>
    <message>
        <source>The first address must not come after the last.</source>
        <translation>La primera dirección no puede ir después de la última.</translation>
    </message>
    <message>
        <source>%1 is not in %2&apos;s network %3: hand out addresses of that network.</source>
        <translation>%1 no está en la red %3 de %2: dé direcciones de esa red.</translation>
    </message>
    <message>
        <source>%1 is the network&apos;s own address or its broadcast address; choose addresses between them.</source>
        <translation>%1 es la dirección de la propia red o la de difusión; elija direcciones entre ambas.</translation>
    </message>
    <message>
        <source>The range holds %1, %2&apos;s own address: leave it out.</source>
        <translation>El rango contiene %1, la dirección propia de %2: déjela fuera.</translation>
    </message>
    <message>
        <source>Not the MAC address of a machine: %1 (six pairs of hex digits, e.g. 52:54:00:12:34:56).</source>
        <translation>No es la dirección MAC de un equipo: %1 (seis pares de dígitos hexadecimales, p. ej. 52:54:00:12:34:56).</translation>
    </message>
    <message>
        <source>The aoesan service does not answer.</source>
        <translation>El servicio aoesan no responde.</translation>
    </message>
    <message>
        <source>This export is gone: it was removed.</source>
        <translation>Esta exportación ya no existe: se ha eliminado.</translation>
    </message>
    <message>
        <source>Off: no boot server runs for this export.</source>
        <translation>Apagado: no hay servidor de arranque para esta exportación.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Running.</source>
        <translation>En marcha.</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>En marcha: %1</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Ha fallado.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Ha fallado: %1</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Preguntando al servicio…</translation>
    </message>
    <message>
        <source>Your own DHCP server instead: give these machines option 17 (root-path) %1; iPXE boots it. Or have them load this script.</source>
        <translation>Con su propio servidor DHCP: dé a estos equipos la opción 17 (root-path) %1; iPXE lo arranca. O haga que carguen este script.</translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation>No se pudo iniciar: %1</translation>
    </message>
    <message>
        <source>Could not stop: %1</source>
        <translation>No se pudo detener: %1</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>C&amp;opiar</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::CaptureDialog</name>
    <message>
        <source>Also network boot traffic (DHCP, TFTP, ARP)</source>
        <translation>También el tráfico de arranque por red (DHCP, TFTP, ARP)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>&amp;Copy path</source>
        <translation>&amp;Copiar ruta</translation>
    </message>
    <message>
        <source>Open in &amp;Wireshark</source>
        <translation>Abrir en &amp;Wireshark</translation>
    </message>
    <message>
        <source>Capture traffic</source>
        <translation>Capturar tráfico</translation>
    </message>
    <message>
        <source>every target, e.g. e7.3</source>
        <translation>todos los destinos, p. ej. e7.3</translation>
    </message>
    <message>
        <source>Write the AoE frames seen on an interface to a file that Wireshark and tshark read, to find out why a target does not answer or a machine does not boot. The aoesan service captures for you; the frames hold the data of the disks on that network.</source>
        <translation>Escribir las tramas AoE vistas en una interfaz en un archivo que leen Wireshark y tshark, para averiguar por qué un destino no responde o un equipo no arranca. El servicio aoesan captura por usted; las tramas contienen los datos de los discos de esa red.</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Interfaz:</translation>
    </message>
    <message>
        <source>Only this &amp;target:</source>
        <translation>Solo este &amp;destino:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>Capture file</source>
        <translation>Archivo de captura</translation>
    </message>
    <message>
        <source>Capture files (*.pcap)</source>
        <translation>Archivos de captura (*.pcap)</translation>
    </message>
    <message>
        <source>Wireshark is not installed (sudo apt-get install wireshark)</source>
        <translation>Wireshark no está instalado (sudo apt-get install wireshark)</translation>
    </message>
    <message>
        <source>Open the file in Wireshark</source>
        <translation>Abrir el archivo en Wireshark</translation>
    </message>
    <message>
        <source>Not capturing.</source>
        <translation>Sin captura.</translation>
    </message>
    <message>
        <source>Choose the interface to capture on.</source>
        <translation>Elija la interfaz en la que capturar.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Capturing on %1…</source>
        <translation>Capturando en %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), %1 dropped</source>
        <translation>
            <numerusform>%n trama, %1 descartadas</numerusform>
            <numerusform>%n tramas, %1 descartadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n trama</numerusform>
            <numerusform>%n tramas</numerusform>
        </translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>Escrito en %1</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ColumnChooser</name>
    <message>
        <source>Right-click to choose the columns</source>
        <translation>Clic derecho para elegir las columnas</translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation>Columnas predeterminadas</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::DiscoveryController</name>
    <message>
        <source>There is no Ethernet interface that is up, so there is nowhere to look for targets.</source>
        <translation>No hay ninguna interfaz Ethernet activa, así que no hay dónde buscar destinos.</translation>
    </message>
    <message>
        <source>Connect a cable or bring an interface up (ip link set eth1 up), then press Discover now. To try aoesan without a network, start it with aoesan --lab.</source>
        <translation>Conecte un cable o active una interfaz (ip link set eth1 up) y pulse Descubrir ahora. Para probar aoesan sin red, inícielo con aoesan --lab.</translation>
    </message>
    <message numerus="yes">
        <source>Forgot %n down target(s).</source>
        <translation>
            <numerusform>Se ha olvidado %n destino caído.</numerusform>
            <numerusform>Se han olvidado %n destinos caídos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discovery started on %1.</source>
        <translation>Descubrimiento iniciado en %1.</translation>
    </message>
    <message>
        <source>The aoesan service went away; its targets and exports are shown again when it is back.</source>
        <translation>El servicio aoesan se ha ido; sus destinos y exportaciones se mostrarán de nuevo cuando vuelva.</translation>
    </message>
    <message>
        <source>The aoesan service is back.</source>
        <translation>El servicio aoesan ha vuelto.</translation>
    </message>
    <message>
        <source>The discovery settings were not changed: %1</source>
        <translation>Los ajustes de búsqueda no se cambiaron: %1</translation>
    </message>
    <message>
        <source>The service&apos;s answer could not be read: %1</source>
        <translation>No se pudo leer la respuesta del servicio: %1</translation>
    </message>
    <message>
        <source>The aoesan service is not running, so there are no targets and exports to show.</source>
        <translation>El servicio aoesan no está en marcha, así que no hay destinos ni exportaciones que mostrar.</translation>
    </message>
    <message>
        <source>aoesan shows them again as soon as the service is back (systemctl start aoesan).</source>
        <translation>aoesan los mostrará de nuevo en cuanto vuelva el servicio (systemctl start aoesan).</translation>
    </message>
    <message>
        <source>Discovery keeps at most %1 targets and %2 paths each, and is refusing more: a station on the network may be sending forged answers.</source>
        <translation>El descubrimiento guarda como máximo %1 destinos con %2 rutas cada uno y rechaza los demás: puede que una estación de la red envíe respuestas falsificadas.</translation>
    </message>
    <message>
        <source>Discovery refuses no more answers.</source>
        <translation>El descubrimiento ya no rechaza respuestas.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ErrorBanner</name>
    <message>
        <source>Fix: %1</source>
        <translation>Solución: %1</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ExportController</name>
    <message>
        <source>Export &apos;%1&apos; added: %2</source>
        <translation>Exportación «%1» añadida: %2</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; removed.</source>
        <translation>Exportación «%1» quitada.</translation>
    </message>
    <message>
        <source>Check that polkit (polkitd) runs, then try again.</source>
        <translation>Compruebe que polkit (polkitd) está en marcha y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The aoesan service does not answer. Start it (systemctl start aoesan) and try again.</source>
        <translation>El servicio aoesan no responde. Inícielo (systemctl start aoesan) y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ExportModel</name>
    <message>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>iniciando</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en marcha</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>reiniciando</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>deteniendo</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallida</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interfaz</translation>
    </message>
    <message>
        <source>Disk or image file</source>
        <translation>Disco o archivo de imagen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Leído</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Escrito</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Tiempo activo</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <source>restarting in %1</source>
        <translation>reinicio en %1</translation>
    </message>
    <message numerus="yes">
        <source>restricted to %n host(s)</source>
        <translation>
            <numerusform>limitada a %n host</numerusform>
            <numerusform>limitada a %n hosts</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the hosts on its list may use this export.
%1</source>
        <translation>Solo los hosts de su lista pueden usar esta exportación.
%1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Boot</source>
        <translation>Arranque</translation>
    </message>
    <message>
        <source>A network boot server runs for this export.</source>
        <translation>Hay un servidor de arranque por red para esta exportación.</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>sirviendo</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Escritura</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Throughput appears after a second of serving.</source>
        <translation>El rendimiento aparece tras un segundo de servicio.</translation>
    </message>
    <message>
        <source>No engine serves this export.</source>
        <translation>Ningún motor sirve esta exportación.</translation>
    </message>
    <message>
        <source>Now: reading %1 (%2 requests/s), writing %3 (%4 requests/s)
Last minute: up to %5 reading, %6 writing</source>
        <translation>Ahora: lectura %1 (%2 peticiones/s), escritura %3 (%4 peticiones/s)
Último minuto: hasta %5 de lectura, %6 de escritura</translation>
    </message>
    <message>
        <source>The last minute of throughput: blue reading, orange writing</source>
        <translation>El rendimiento del último minuto: azul lectura, naranja escritura</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>y %n más</numerusform>
            <numerusform>y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 changed who may use it over the network; the engine keeps that for its next start.</source>
        <translation>%1 cambió por la red quién puede usarlo; el motor lo conserva para su próximo arranque.</translation>
    </message>
    <message>
        <source>%1 changed who may use it over the network; that lasts until the export stops.</source>
        <translation>%1 cambió por la red quién puede usarlo; eso dura hasta que la exportación se detenga.</translation>
    </message>
    <message>
        <source>The engine restored the list it kept from an earlier run.</source>
        <translation>El motor restauró la lista que guardó de una ejecución anterior.</translation>
    </message>
    <message>
        <source>Every host may use this export now.
%1</source>
        <translation>Ahora cualquier equipo puede usar esta exportación.
%1</translation>
    </message>
    <message>
        <source>Only the hosts on its list may use this export.
%1
%2</source>
        <translation>Solo los equipos de su lista pueden usar esta exportación.
%1
%2</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ExportWizard</name>
    <message>
        <source>New export</source>
        <translation>Nueva exportación</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ExportsView</name>
    <message>
        <source>Exports are served by aoesan-engine from this machine; they also appear in Targets: blue while running, grey when stopped.</source>
        <translation>aoesan-engine sirve las exportaciones desde este equipo; también aparecen en Destinos: en azul mientras están en marcha, en gris cuando están detenidas.</translation>
    </message>
    <message>
        <source>Exports are served by this system&apos;s aoesan service: they keep running when aoesan is closed. They also appear in Targets: blue while running, grey when stopped.</source>
        <translation>Las exportaciones las sirve el servicio aoesan de este sistema: siguen en marcha al cerrar aoesan. También aparecen en Destinos: azules mientras funcionan, grises si están paradas.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About aoesan</source>
        <translation>&amp;Acerca de aoesan</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>&amp;Copiar diagnóstico</translation>
    </message>
    <message>
        <source>Version, license and where to report a problem</source>
        <translation>Versión, licencia y dónde informar de un problema</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of the window</source>
        <translation>Todos los atajos de teclado de la ventana</translation>
    </message>
    <message>
        <source>Copy versions, interfaces, permissions and the last errors to the clipboard for a bug report</source>
        <translation>Copiar versiones, interfaces, permisos y los últimos errores al portapapeles para un informe de error</translation>
    </message>
    <message>
        <source>&lt;h3&gt;aoesan %1&lt;/h3&gt;&lt;p&gt;ATA over Ethernet SAN manager: discover, export and watch AoE targets.&lt;/p&gt;&lt;p&gt;License: GNU General Public License, version 3 or later (GPL-3.0-or-later).&lt;/p&gt;&lt;p&gt;Home: &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;br&gt;Report a problem: &lt;a href=&quot;%3&quot;&gt;%3&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Built with Qt %4, running with Qt %5.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;aoesan %1&lt;/h3&gt;&lt;p&gt;Gestor de SAN ATA over Ethernet: descubrir, exportar y vigilar destinos AoE.&lt;/p&gt;&lt;p&gt;Licencia: GNU General Public License, versión 3 o posterior (GPL-3.0-or-later).&lt;/p&gt;&lt;p&gt;Página: &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;br&gt;Informar de un problema: &lt;a href=&quot;%3&quot;&gt;%3&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Compilado con Qt %4, en ejecución con Qt %5.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About aoesan</source>
        <translation>Acerca de aoesan</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Copiar diagnóstico</translation>
    </message>
    <message>
        <source>The diagnostics are on the clipboard: paste them into your bug report at %1.</source>
        <translation>El diagnóstico está en el portapapeles: péguelo en su informe de error en %1.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::KernelSettingsGroup</name>
    <message>
        <source>Disks of this machine</source>
        <translation>Discos de este equipo</translation>
    </message>
    <message>
        <source>&amp;Attach it again when its target is back</source>
        <translation>&amp;Volver a conectarlo cuando su destino vuelva</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>A disk of this machine whose target went down, and that no program or mount uses, is released after this long, so that it cannot hang the next fdisk or shutdown; 0: never</source>
        <translation>Un disco de este equipo cuyo destino ha caído y que ningún programa ni montaje usa se libera tras este tiempo, para que no bloquee el próximo fdisk ni el apagado; 0: nunca</translation>
    </message>
    <message>
        <source>A disk that was released while its target was down becomes a disk of this machine again once discovery sees the target back</source>
        <translation>Un disco que se liberó mientras su destino estaba caído vuelve a ser un disco de este equipo en cuanto el descubrimiento ve de nuevo el destino</translation>
    </message>
    <message>
        <source>&amp;Release a down disk nobody uses after:</source>
        <translation>&amp;Liberar un disco caído que nadie usa tras:</translation>
    </message>
    <message>
        <source>Reading the service&apos;s settings…</source>
        <translation>Leyendo las preferencias del servicio…</translation>
    </message>
    <message>
        <source>The aoesan service is not running, so these settings cannot be read or changed now.</source>
        <translation>El servicio aoesan no está en marcha, así que ahora no se pueden leer ni cambiar estas preferencias.</translation>
    </message>
    <message>
        <source>The aoesan service did not give these settings: %1</source>
        <translation>El servicio aoesan no ha dado estas preferencias: %1</translation>
    </message>
    <message>
        <source>The aoesan service running now is older and has no settings for disks of this machine.</source>
        <translation>El servicio aoesan que está en marcha es más antiguo y no tiene preferencias para los discos de este equipo.</translation>
    </message>
    <message>
        <source>The service keeps these for every user of this machine.</source>
        <translation>El servicio las guarda para todos los usuarios de este equipo.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::LogDock</name>
    <message>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Depuración y superior</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Información y superior</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Advertencias y errores</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Solo errores</translation>
    </message>
    <message>
        <source>Show only messages of this level or more serious</source>
        <translation>Mostrar solo mensajes de este nivel o más graves</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Remove every message from the log view (the log file keeps them)</source>
        <translation>Quitar todos los mensajes de la vista del registro (el archivo de registro los conserva)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>&amp;Technical messages</source>
        <translation>Mensajes &amp;técnicos</translation>
    </message>
    <message>
        <source>Also show the program&apos;s technical messages (in English, for bug reports)</source>
        <translation>Mostrar también los mensajes técnicos del programa (en inglés, para informes de errores)</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::LogModel</name>
    <message>
        <source>trace</source>
        <translation>traza</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>depuración</translation>
    </message>
    <message>
        <source>info</source>
        <translation>información</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>advertencia</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>crítico</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>A technical message for bug reports; in English by design</source>
        <translation>Un mensaje técnico para informes de errores; en inglés a propósito</translation>
    </message>
    <message>
        <source>%1 (technical)</source>
        <translation>%1 (técnico)</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::MacListDialog</name>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>Add &amp;this computer</source>
        <translation>Añadir es&amp;te equipo</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>A&amp;plicar</translation>
    </message>
    <message>
        <source>“%1” is not a MAC address (six pairs of hex digits, e.g. 02:00:00:00:00:01).</source>
        <translation>«%1» no es una dirección MAC (seis pares de dígitos hexadecimales, p. ej. 02:00:00:00:00:01).</translation>
    </message>
    <message>
        <source>(this computer)</source>
        <translation>(este equipo)</translation>
    </message>
    <message>
        <source>This computer (%1 on %2) is not on the list: it will be locked out.</source>
        <translation>Este equipo (%1 en %2) no está en la lista: quedará fuera.</translation>
    </message>
    <message>
        <source>This computer is %1 on %2.</source>
        <translation>Este equipo es %1 en %2.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::MainWindow</name>
    <message>
        <source>Targets</source>
        <translation>Destinos</translation>
    </message>
    <message>
        <source>Shelves</source>
        <translation>Estantes</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exportaciones</translation>
    </message>
    <message>
        <source>Targets (Ctrl+1), Shelves (Ctrl+2), Exports (Ctrl+3)</source>
        <translation>Destinos (Ctrl+1), Estantes (Ctrl+2), Exportaciones (Ctrl+3)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Targets</source>
        <translation>&amp;Destinos</translation>
    </message>
    <message>
        <source>&amp;Exports</source>
        <translation>E&amp;xportaciones</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Targets  %1</source>
        <translation>Destinos  %1</translation>
    </message>
    <message>
        <source>Exports  %1</source>
        <translation>Exportaciones  %1</translation>
    </message>
    <message numerus="yes">
        <source>%n target(s)</source>
        <translation>
            <numerusform>%n destino</numerusform>
            <numerusform>%n destinos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflicto</numerusform>
            <numerusform>%n conflictos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n export(s) running</source>
        <translation>
            <numerusform>%n exportación en marcha</numerusform>
            <numerusform>%n exportaciones en marcha</numerusform>
        </translation>
    </message>
    <message>
        <source>last probe %1 s ago</source>
        <translation>último sondeo hace %1 s</translation>
    </message>
    <message>
        <source>discovery is not running</source>
        <translation>el descubrimiento no está en marcha</translation>
    </message>
    <message>
        <source>interfaces: %1</source>
        <translation>interfaces: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Remove export</source>
        <translation>Quitar exportación</translation>
    </message>
    <message>
        <source>Stop export &apos;%1&apos; and remove it from the list? The disk or image file is kept.</source>
        <translation>¿Detener la exportación «%1» y quitarla de la lista? El disco o el archivo de imagen se conservan.</translation>
    </message>
    <message>
        <source>AoE SAN Manager</source>
        <translation>Gestor de SAN AoE</translation>
    </message>
    <message>
        <source>AoE SAN Manager [lab]</source>
        <translation>Gestor de SAN AoE [laboratorio]</translation>
    </message>
    <message>
        <source>Lab mode: a private network namespace; nothing is sent on this machine&apos;s interfaces</source>
        <translation>Modo laboratorio: un espacio de nombres de red privado; no se envía nada por las interfaces de este equipo</translation>
    </message>
    <message>
        <source>The interfaces discovery watches</source>
        <translation>Las interfaces en las que se descubre</translation>
    </message>
    <message numerus="yes">
        <source>%n up</source>
        <translation>
            <numerusform>%n activo</numerusform>
            <numerusform>%n activos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n down</source>
        <translation>
            <numerusform>%n caído</numerusform>
            <numerusform>%n caídos</numerusform>
        </translation>
    </message>
    <message>
        <source>The aoesan service went away. What it served before may still run; its exports are shown again as soon as it is back.</source>
        <translation>El servicio aoesan se ha ido. Lo que servía puede seguir en marcha; sus exportaciones se mostrarán de nuevo en cuanto vuelva.</translation>
    </message>
    <message numerus="yes">
        <source>target limit reached: %n answer(s) refused</source>
        <translation>
            <numerusform>límite de destinos alcanzado: %n respuesta rechazada</numerusform>
            <numerusform>límite de destinos alcanzado: %n respuestas rechazadas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aoesan::ui::OldExportList</name>
    <message>
        <source>Move your exports</source>
        <translation>Mover sus exportaciones</translation>
    </message>
    <message numerus="yes">
        <source>Your own export list has %n export(s) that this system&apos;s aoesan service does not serve. Move them into the service? It keeps them running when aoesan is closed.</source>
        <translation>
            <numerusform>Su lista propia tiene %n exportación que el servicio aoesan de este sistema no sirve. ¿Moverla al servicio? Él la mantiene en marcha al cerrar aoesan.</numerusform>
            <numerusform>Su lista propia tiene %n exportaciones que el servicio aoesan de este sistema no sirve. ¿Moverlas al servicio? Él las mantiene en marcha al cerrar aoesan.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Move them</source>
        <translation>&amp;Moverlas</translation>
    </message>
    <message>
        <source>&amp;Keep them where they are</source>
        <translation>&amp;Dejarlas donde están</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::OptionsPage</name>
    <message>
        <source>&amp;Read-only: initiators cannot write</source>
        <translation>Solo &amp;lectura: los iniciadores no pueden escribir</translation>
    </message>
    <message>
        <source>&amp;Direct I/O: bypass this machine&apos;s page cache (O_DIRECT)</source>
        <translation>E/S &amp;directa: sin pasar por la caché de páginas de este equipo (O_DIRECT)</translation>
    </message>
    <message>
        <source>S&amp;ynchronous writes: each write reaches the disk before it is answered (O_SYNC)</source>
        <translation>Escrituras &amp;síncronas: cada escritura llega al disco antes de responderla (O_SYNC)</translation>
    </message>
    <message>
        <source>&amp;Start this export whenever aoesan starts</source>
        <translation>&amp;Iniciar esta exportación siempre que se inicie aoesan</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <source>How the export behaves. The defaults suit most uses.</source>
        <translation>Cómo se comporta la exportación. Los valores predeterminados sirven para la mayoría de los usos.</translation>
    </message>
    <message>
        <source>vblade -r</source>
        <translation>vblade -r</translation>
    </message>
    <message>
        <source>vblade -d: slower on small requests, but no double caching and honest flushes</source>
        <translation>vblade -d: más lento con peticiones pequeñas, pero sin doble caché y con vaciados fiables</translation>
    </message>
    <message>
        <source>vblade -s: safest, slowest</source>
        <translation>vblade -s: lo más seguro y lo más lento</translation>
    </message>
    <message>
        <source>optional, e.g. rack-b/3</source>
        <translation>opcional, p. ej. rack-b/3</translation>
    </message>
    <message>
        <source>The AoE config string initiators see in Query Config replies</source>
        <translation>La cadena de configuración AoE que ven los iniciadores en las respuestas a Query Config</translation>
    </message>
    <message>
        <source>Start serving when aoesan starts (also used by the systemd unit)</source>
        <translation>Empezar a servir cuando se inicie aoesan (también lo usa la unidad de systemd)</translation>
    </message>
    <message>
        <source>&amp;Config string:</source>
        <translation>&amp;Cadena de configuración:</translation>
    </message>
    <message>
        <source>This device is in use here; it may only be exported read-only</source>
        <translation>Este dispositivo está en uso aquí; solo se puede exportar en solo lectura</translation>
    </message>
    <message>
        <source>Who may use this export</source>
        <translation>Quién puede usar esta exportación</translation>
    </message>
    <message>
        <source>Last until the export stops, as with vblade</source>
        <translation>Duran hasta que la exportación se detiene, como con vblade</translation>
    </message>
    <message>
        <source>Are kept when it restarts (every machine here is trusted)</source>
        <translation>Se conservan al reiniciarla (todas las máquinas de aquí son de confianza)</translation>
    </message>
    <message>
        <source>Are refused</source>
        <translation>Se rechazan</translation>
    </message>
    <message>
        <source>Any machine on the network can change who may use an export (aoe-mask, aoe-reserve). Whatever you choose, such a change is shown on the Exports page.</source>
        <translation>Cualquier máquina de la red puede cambiar quién puede usar una exportación (aoe-mask, aoe-reserve). Elija lo que elija, ese cambio se muestra en la página Exportaciones.</translation>
    </message>
    <message>
        <source>C&amp;hanges sent by other machines:</source>
        <translation>Cambios enviados por &amp;otras máquinas:</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::PersonLog</name>
    <message>
        <source>discovery</source>
        <translation>descubrimiento</translation>
    </message>
    <message>
        <source>exports</source>
        <translation>exportaciones</translation>
    </message>
    <message>
        <source>%1 is down.</source>
        <translation>%1 está caído.</translation>
    </message>
    <message>
        <source>%1 is back up.</source>
        <translation>%1 vuelve a estar activo.</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; is running.</source>
        <translation>La exportación «%1» está en marcha.</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; failed: %2</source>
        <translation>La exportación «%1» ha fallado: %2</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::QuitFlow</name>
    <message>
        <source>Quit aoesan</source>
        <translation>Salir de aoesan</translation>
    </message>
    <message numerus="yes">
        <source>Stop %n export(s) and quit? Clients using them will lose their disks.</source>
        <translation>
            <numerusform>¿Detener %n exportación y salir? Los clientes que la usan perderán su disco.</numerusform>
            <numerusform>¿Detener %n exportaciones y salir? Los clientes que las usan perderán sus discos.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Stop exports and quit</source>
        <translation>&amp;Detener exportaciones y salir</translation>
    </message>
    <message>
        <source>No aoesan service was running, so this window runs its exports itself; they end with it. Installed, the aoesan service keeps them running.</source>
        <translation>No había ningún servicio aoesan en marcha, así que esta ventana sirve sus exportaciones ella misma; terminan con ella. Instalado, el servicio aoesan las mantiene en marcha.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ReviewPage</name>
    <message>
        <source>Start &amp;serving now</source>
        <translation>Empezar a &amp;servir ahora</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Check the export, then press Export.</source>
        <translation>Compruebe la exportación y pulse Exportar.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>A short name for this export: letters, digits, &apos;-&apos; and &apos;_&apos;</source>
        <translation>Un nombre corto para esta exportación: letras, cifras, «-» y «_»</translation>
    </message>
    <message>
        <source>The same export from a terminal, with vblade&apos;s arguments</source>
        <translation>La misma exportación desde un terminal, con los argumentos de vblade</translation>
    </message>
    <message>
        <source>Start the engine for this export as soon as it is added</source>
        <translation>Iniciar el motor de esta exportación en cuanto se añada</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Equivalent command:</source>
        <translation>Orden equivalente:</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>solo lectura</translation>
    </message>
    <message>
        <source>direct I/O</source>
        <translation>E/S directa</translation>
    </message>
    <message>
        <source>synchronous writes</source>
        <translation>escrituras síncronas</translation>
    </message>
    <message numerus="yes">
        <source>%n allowed initiator(s)</source>
        <translation>
            <numerusform>%n iniciador permitido</numerusform>
            <numerusform>%n iniciadores permitidos</numerusform>
        </translation>
    </message>
    <message>
        <source>starts with aoesan</source>
        <translation>se inicia con aoesan</translation>
    </message>
    <message>
        <source>e%1.%2 on %3, serving %4 (%5)</source>
        <translation>e%1.%2 en %3, sirviendo %4 (%5)</translation>
    </message>
    <message>
        <source>Options: %1</source>
        <translation>Opciones: %1</translation>
    </message>
    <message>
        <source>changes from the network kept</source>
        <translation>cambios desde la red conservados</translation>
    </message>
    <message>
        <source>changes from the network refused</source>
        <translation>cambios desde la red rechazados</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::SettingsDialog</name>
    <message>
        <source>Show &amp;notifications</source>
        <translation>Mostrar &amp;notificaciones</translation>
    </message>
    <message>
        <source>When a &amp;target goes down or comes back</source>
        <translation>Cuando un &amp;destino cae o vuelve</translation>
    </message>
    <message>
        <source>When an &amp;export fails</source>
        <translation>Cuando falla una &amp;exportación</translation>
    </message>
    <message>
        <source>aoesan settings</source>
        <translation>Preferencias de aoesan</translation>
    </message>
    <message>
        <source>Tick the interfaces to look for targets on; with none ticked, every Ethernet interface that is up is used</source>
        <translation>Marque las interfaces en las que buscar destinos; si no marca ninguna, se usan todas las interfaces Ethernet activas</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds between probes; a target is down after three intervals without an answer</source>
        <translation>Segundos entre sondeos; un destino está caído tras tres intervalos sin respuesta</translation>
    </message>
    <message>
        <source>Show desktop notifications from the tray icon</source>
        <translation>Mostrar notificaciones de escritorio desde el icono de la bandeja</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>The language of aoesan&apos;s window; a change applies the next time aoesan starts</source>
        <translation>El idioma de la ventana de aoesan; el cambio se aplica la próxima vez que se inicie aoesan</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Descubrimiento</translation>
    </message>
    <message>
        <source>&amp;Interfaces:</source>
        <translation>&amp;Interfaces:</translation>
    </message>
    <message>
        <source>Probe &amp;every:</source>
        <translation>Sondear &amp;cada:</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Start aoesan in the tray when I log in</source>
        <translation>Iniciar aoesan en la &amp;bandeja al iniciar sesión</translation>
    </message>
    <message>
        <source>At login aoesan starts with its window hidden and watches your targets and exports from the tray icon</source>
        <translation>Al iniciar sesión, aoesan arranca con la ventana oculta y vigila sus destinos y exportaciones desde el icono de la bandeja</translation>
    </message>
    <message>
        <source>Disks of this machine</source>
        <translation>Discos de este equipo</translation>
    </message>
    <message>
        <source>The service did not take the settings for disks of this machine.</source>
        <translation>El servicio no ha aceptado las preferencias para los discos de este equipo.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::ShelfView</name>
    <message>
        <source>Every shelf with its slots: green up, red down, amber conflict, blue exported from this machine. Click to select, double-click or Enter to open in the Targets table.</source>
        <translation>Cada estante con sus ranuras: verde activo, rojo caído, ámbar conflicto, azul exportado desde este equipo. Haga clic para seleccionar; doble clic o Intro para abrirlo en la tabla de destinos.</translation>
    </message>
    <message>
        <source>No targets yet.
Discovered shelves and slots appear here.</source>
        <translation>Aún no hay destinos.
Los estantes y ranuras descubiertos aparecen aquí.</translation>
    </message>
    <message>
        <source>Shelf %1</source>
        <translation>Estante %1</translation>
    </message>
    <message numerus="yes">
        <source>%n empty</source>
        <translation>
            <numerusform>%n vacía</numerusform>
            <numerusform>%n vacías</numerusform>
        </translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modelo: %1</translation>
    </message>
    <message>
        <source>Serial: %1</source>
        <translation>Número de serie: %1</translation>
    </message>
    <message>
        <source>Path: %1 → %2 (RTT %3)</source>
        <translation>Ruta: %1 → %2 (RTT %3)</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Conflicto: %1</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Tamaño: %1</translation>
    </message>
    <message>
        <source>On this machine: %1</source>
        <translation>En este equipo: %1</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::SourcePage</name>
    <message>
        <source>A &amp;disk or partition</source>
        <translation>Un &amp;disco o una partición</translation>
    </message>
    <message>
        <source>An existing &amp;image file</source>
        <translation>Un &amp;archivo de imagen existente</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>&amp;Sparse (disk space is used only as data is written)</source>
        <translation>Dis&amp;perso (el espacio en disco se ocupa solo a medida que se escriben datos)</translation>
    </message>
    <message>
        <source>&amp;Create image</source>
        <translation>&amp;Crear imagen</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>Qué exportar</translation>
    </message>
    <message>
        <source>Choose a disk, a partition or an image file. Initiators will see it as one AoE disk.</source>
        <translation>Elija un disco, una partición o un archivo de imagen. Los iniciadores lo verán como un disco AoE.</translation>
    </message>
    <message>
        <source>Disks and partitions of this machine; greyed ones cannot be exported</source>
        <translation>Discos y particiones de este equipo; los atenuados no se pueden exportar</translation>
    </message>
    <message>
        <source>/srv/aoe/disk.img</source>
        <translation>/srv/aoe/disco.img</translation>
    </message>
    <message>
        <source>The image file (or device path) to export</source>
        <translation>El archivo de imagen (o la ruta del dispositivo) que exportar</translation>
    </message>
    <message>
        <source>Choose an existing image file</source>
        <translation>Elegir un archivo de imagen existente</translation>
    </message>
    <message>
        <source>Where to create the new image file</source>
        <translation>Dónde crear el nuevo archivo de imagen</translation>
    </message>
    <message>
        <source>Size of the new image</source>
        <translation>Tamaño de la nueva imagen</translation>
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
        <translation>Sin esto, se escribe ahora todo el tamaño con ceros, lo que lleva un rato</translation>
    </message>
    <message>
        <source>Create the image file now (Alt+C)</source>
        <translation>Crear el archivo de imagen ahora (Alt+C)</translation>
    </message>
    <message>
        <source>Disks cannot be listed here.</source>
        <translation>Aquí no se pueden enumerar los discos.</translation>
    </message>
    <message>
        <source>Looking for disks and partitions…</source>
        <translation>Buscando discos y particiones…</translation>
    </message>
    <message>
        <source>The disks could not be listed: %1</source>
        <translation>No se pudieron enumerar los discos: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n disk(s) and partition(s).</source>
        <translation>
            <numerusform>%n disco o partición.</numerusform>
            <numerusform>%n discos y particiones.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a disk or partition.</source>
        <translation>Seleccione un disco o una partición.</translation>
    </message>
    <message>
        <source>%1: %2, can be exported.</source>
        <translation>%1: %2, se puede exportar.</translation>
    </message>
    <message>
        <source>%1 can only be exported read-only: %2</source>
        <translation>%1 solo se puede exportar en solo lectura: %2</translation>
    </message>
    <message>
        <source>%1 cannot be exported: %2</source>
        <translation>%1 no se puede exportar: %2</translation>
    </message>
    <message>
        <source>Type or browse for an image file.</source>
        <translation>Escriba o busque un archivo de imagen.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 no existe.</translation>
    </message>
    <message>
        <source>%1 is a directory.</source>
        <translation>%1 es un directorio.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Creating the image…</source>
        <translation>Creando la imagen…</translation>
    </message>
    <message>
        <source>%1 is ready.</source>
        <translation>%1 está lista.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation>%1 ya existe; elija otro nombre.</translation>
    </message>
    <message>
        <source>Choose an image file</source>
        <translation>Elegir un archivo de imagen</translation>
    </message>
    <message>
        <source>The image could not be created: %1</source>
        <translation>No se pudo crear la imagen: %1</translation>
    </message>
    <message>
        <source>A ne&amp;w image file</source>
        <translation>Un archivo de imagen &amp;nuevo</translation>
    </message>
    <message>
        <source>A %1 image will be created when you press Next.</source>
        <translation>Al pulsar Siguiente se creará una imagen de %1.</translation>
    </message>
    <message>
        <source>Whole c&amp;ylinders (network boot with iPXE and Windows initiators)</source>
        <translation>&amp;Cilindros enteros (arranque en red con iPXE e iniciadores de Windows)</translation>
    </message>
    <message>
        <source>Rounds the size up to a multiple of 8,225,280 bytes (255 heads × 63 sectors)</source>
        <translation>Redondea el tamaño hacia arriba a un múltiplo de 8.225.280 bytes (255 cabezas × 63 sectores)</translation>
    </message>
    <message>
        <source>Too small to boot with iPXE: under 8,225,280 bytes (one cylinder of 255 heads × 63 sectors).</source>
        <translation>Demasiado pequeño para arrancar con iPXE: menos de 8.225.280 bytes (un cilindro de 255 cabezas × 63 sectores).</translation>
    </message>
    <message>
        <source>Not whole cylinders: Windows AoE initiators need a multiple of 8,225,280 bytes (%1 or %2).</source>
        <translation>No son cilindros enteros: los iniciadores AoE de Windows necesitan un múltiplo de 8.225.280 bytes (%1 o %2).</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::TargetActions</name>
    <message>
        <source>&amp;Identify again</source>
        <translation>&amp;Identificar de nuevo</translation>
    </message>
    <message>
        <source>&amp;Config string…</source>
        <translation>Cadena de &amp;configuración…</translation>
    </message>
    <message>
        <source>&amp;MAC mask…</source>
        <translation>&amp;Máscara MAC…</translation>
    </message>
    <message>
        <source>&amp;Reservations…</source>
        <translation>&amp;Reservas…</translation>
    </message>
    <message>
        <source>Copy boot &amp;URI (%1)</source>
        <translation>Copiar &amp;URI de arranque (%1)</translation>
    </message>
    <message>
        <source>Copy i&amp;PXE line</source>
        <translation>Copiar línea i&amp;PXE</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard.</source>
        <translation>%1 copiado al portapapeles.</translation>
    </message>
    <message>
        <source>Copied “%1” to the clipboard.</source>
        <translation>«%1» copiado al portapapeles.</translation>
    </message>
    <message>
        <source>Discovery is not running, so %1 cannot be asked. Press Discover now and try again.</source>
        <translation>La búsqueda no está en marcha, así que no se puede preguntar a %1. Pulse Buscar ahora y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The discovery engine did not answer the request for %1.</source>
        <translation>El motor de búsqueda no respondió a la petición para %1.</translation>
    </message>
    <message>
        <source>%1 cannot be reached on any interface discovery watches.</source>
        <translation>%1 no es accesible por ninguna interfaz vigilada.</translation>
    </message>
    <message>
        <source>%1 did not answer.</source>
        <translation>%1 no respondió.</translation>
    </message>
    <message>
        <source>%1 is reserved by %2; it refused the change.</source>
        <translation>%1 está reservado por %2; rechazó el cambio.</translation>
    </message>
    <message>
        <source>%1 runs vblade 25 or older, which crashes when a listed address is removed from its MAC mask. Nothing was sent. Restart vblade with a new -m list instead.</source>
        <translation>%1 usa vblade 25 o anterior, que falla al quitar de su máscara MAC una dirección listada. No se envió nada. Reinicie vblade con una nueva lista -m.</translation>
    </message>
    <message>
        <source>The change would lock this computer out of %1; nothing was sent.</source>
        <translation>El cambio dejaría a este equipo fuera de %1; no se envió nada.</translation>
    </message>
    <message>
        <source>The discovery engine did not understand the request: %1</source>
        <translation>El motor de búsqueda no entendió la petición: %1</translation>
    </message>
    <message>
        <source>%1 refused the request: %2</source>
        <translation>%1 rechazó la petición: %2</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>Destino %1</translation>
    </message>
    <message>
        <source>%1 answered IDENTIFY: %2, serial %3, firmware %4, %5.</source>
        <translation>%1 respondió a IDENTIFY: %2, serie %3, firmware %4, %5.</translation>
    </message>
    <message>
        <source>Config string of %1</source>
        <translation>Cadena de configuración de %1</translation>
    </message>
    <message>
        <source>Hosts read the config string to tell targets apart (at most 1024 bytes).
%1 holds now: “%2”</source>
        <translation>Los hosts leen la cadena de configuración para distinguir destinos (máx. 1024 bytes).
%1 tiene ahora: «%2»</translation>
    </message>
    <message>
        <source>&amp;Set…</source>
        <translation>&amp;Establecer…</translation>
    </message>
    <message>
        <source>A config string has at most 1024 bytes; this one has %1.</source>
        <translation>Una cadena de configuración tiene como máximo 1024 bytes; esta tiene %1.</translation>
    </message>
    <message>
        <source>Set config string</source>
        <translation>Establecer cadena de configuración</translation>
    </message>
    <message>
        <source>Replace the config string of %1?</source>
        <translation>¿Reemplazar la cadena de configuración de %1?</translation>
    </message>
    <message>
        <source>“%1” becomes “%2”. Every host that reads %3 sees the new string.</source>
        <translation>«%1» pasa a ser «%2». Todo host que lea %3 verá la nueva cadena.</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Establecer</translation>
    </message>
    <message>
        <source>%1 now holds the config string “%2”.</source>
        <translation>%1 tiene ahora la cadena de configuración «%2».</translation>
    </message>
    <message>
        <source>MAC mask of %1</source>
        <translation>Máscara MAC de %1</translation>
    </message>
    <message>
        <source>While the MAC mask lists any address, %1 answers only the hosts on it.</source>
        <translation>Mientras la máscara MAC tenga alguna dirección, %1 solo responde a los hosts de la lista.</translation>
    </message>
    <message>
        <source>The list is empty: every host may use %1.</source>
        <translation>La lista está vacía: cualquier host puede usar %1.</translation>
    </message>
    <message>
        <source>The MAC mask of %1 is empty now: every host may use it.</source>
        <translation>La máscara MAC de %1 está vacía: cualquier host puede usarlo.</translation>
    </message>
    <message numerus="yes">
        <source>The MAC mask of %1 now lists %n host(s).</source>
        <translation>
            <numerusform>La máscara MAC de %1 tiene ahora %n host.</numerusform>
            <numerusform>La máscara MAC de %1 tiene ahora %n hosts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reservations of %1</source>
        <translation>Reservas de %1</translation>
    </message>
    <message>
        <source>While %1 is reserved, only the hosts on the list may read or write it.</source>
        <translation>Mientras %1 esté reservado, solo los hosts de la lista pueden leerlo o escribirlo.</translation>
    </message>
    <message>
        <source>The list is empty: %1 is not reserved.</source>
        <translation>La lista está vacía: %1 no está reservado.</translation>
    </message>
    <message>
        <source>%1 is not reserved now.</source>
        <translation>%1 ya no está reservado.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is now reserved for %n host(s).</source>
        <translation>
            <numerusform>%1 está reservado ahora para %n host.</numerusform>
            <numerusform>%1 está reservado ahora para %n hosts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reserved by another host</source>
        <translation>Reservado por otro host</translation>
    </message>
    <message>
        <source>%1 is reserved by %2.</source>
        <translation>%1 está reservado por %2.</translation>
    </message>
    <message>
        <source>Taking the reservation over cuts those hosts off %1 at once; anything they are doing with it fails.</source>
        <translation>Tomar la reserva corta a esos hosts el acceso a %1 al instante; lo que estén haciendo con él fallará.</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Tomar la reserva</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>Lock this computer out?</source>
        <translation>¿Dejar fuera a este equipo?</translation>
    </message>
    <message>
        <source>Lock this computer out of %1?</source>
        <translation>¿Dejar a este equipo fuera de %1?</translation>
    </message>
    <message>
        <source>After this change %1 is reserved for %2, but not for this computer (%3 on %4).</source>
        <translation>Tras este cambio %1 queda reservado para %2, pero no para este equipo (%3 en %4).</translation>
    </message>
    <message>
        <source>After this change the MAC mask of %1 lists %2, but not this computer (%3 on %4).</source>
        <translation>Tras este cambio la máscara MAC de %1 incluye %2, pero no a este equipo (%3 en %4).</translation>
    </message>
    <message>
        <source>%1 will then ignore this computer: it cannot use %1 or undo the change from here, only from a host on the list or on the target itself.</source>
        <translation>Entonces %1 ignorará a este equipo: no podrá usar %1 ni deshacer el cambio desde aquí, solo desde un host de la lista o en el propio destino.</translation>
    </message>
    <message>
        <source>Lock this computer out</source>
        <translation>Dejar fuera a este equipo</translation>
    </message>
    <message>
        <source>Nothing was changed on %1.</source>
        <translation>No se cambió nada en %1.</translation>
    </message>
    <message>
        <source>&amp;Use on this machine</source>
        <translation>&amp;Usar en este equipo</translation>
    </message>
    <message>
        <source>De&amp;tach from this machine</source>
        <translation>&amp;Desconectar de este equipo</translation>
    </message>
    <message>
        <source>Attaching %1 through the kernel&apos;s aoe driver…</source>
        <translation>Conectando %1 mediante el controlador aoe del kernel…</translation>
    </message>
    <message>
        <source>%1 is on this machine as %2</source>
        <translation>%1 está en este equipo como %2</translation>
    </message>
    <message>
        <source>Could not use %1 on this machine: %2</source>
        <translation>No se pudo usar %1 en este equipo: %2</translation>
    </message>
    <message>
        <source>Detaching %1…</source>
        <translation>Desconectando %1…</translation>
    </message>
    <message>
        <source>%1 is detached from this machine</source>
        <translation>%1 está desconectado de este equipo</translation>
    </message>
    <message>
        <source>Could not detach %1: %2</source>
        <translation>No se pudo desconectar %1: %2</translation>
    </message>
    <message>
        <source>%1 is exported by this machine. The kernel&apos;s aoe driver does not see this machine&apos;s own frames, so the export cannot become a disk here.</source>
        <translation>%1 lo exporta este equipo. El controlador aoe del kernel no ve las tramas propias de este equipo, así que la exportación no puede ser un disco aquí.</translation>
    </message>
    <message>
        <source>The service says: %1</source>
        <translation>El servicio dice: %1</translation>
    </message>
    <message>
        <source>Use its backing file or device itself.</source>
        <translation>Use directamente su archivo o dispositivo de respaldo.</translation>
    </message>
    <message>
        <source>Use its backing file or device itself:</source>
        <translation>Use directamente su archivo o dispositivo de respaldo:</translation>
    </message>
    <message>
        <source>%1 is exported by this machine: use %2 itself.</source>
        <translation>%1 lo exporta este equipo: use %2 directamente.</translation>
    </message>
    <message>
        <source>its backing file</source>
        <translation>su archivo de respaldo</translation>
    </message>
    <message>
        <source>Copy &amp;path</source>
        <translation>Copiar &amp;ruta</translation>
    </message>
    <message>
        <source>Mounting %1…</source>
        <translation>Montando %1…</translation>
    </message>
    <message>
        <source>%1 is mounted at %2.</source>
        <translation>%1 está montado en %2.</translation>
    </message>
    <message>
        <source>Mount it yourself, for instance: sudo mount %1 /mnt</source>
        <translation>Móntelo usted mismo, por ejemplo: sudo mount %1 /mnt</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Abrir %1</translation>
    </message>
    <message>
        <source>udisks2 is not running on this machine, so aoesan cannot mount the filesystem for you.</source>
        <translation>udisks2 no está en marcha en este equipo, así que aoesan no puede montar el sistema de archivos por usted.</translation>
    </message>
    <message>
        <source>udisks2 knows no filesystem it can mount on %1.</source>
        <translation>udisks2 no conoce ningún sistema de archivos que pueda montar en %1.</translation>
    </message>
    <message>
        <source>Could not mount %1: %2</source>
        <translation>No se pudo montar %1: %2</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::TargetDetails</name>
    <message>
        <source>Copy boot URI</source>
        <translation>Copiar URI de arranque</translation>
    </message>
    <message>
        <source>Copy the iPXE boot URI (aoe:eX.Y) of this target to the clipboard</source>
        <translation>Copiar al portapapeles la URI de arranque iPXE (aoe:eX.Y) de este destino</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a target to see its details and paths.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Seleccione un destino para ver sus detalles y rutas.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1 (%2), %3 sectors, %4</source>
        <translation>%1 (%2), %3 sectores, %4</translation>
    </message>
    <message>
        <source>size not known yet (no answer to IDENTIFY)</source>
        <translation>tamaño aún desconocido (sin respuesta a IDENTIFY)</translation>
    </message>
    <message>
        <source>(down since %1)</source>
        <translation>(caído desde %1)</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>%1 → %2 (RTT %3)</source>
        <translation>%1 → %2 (RTT %3)</translation>
    </message>
    <message>
        <source>Paths: %1</source>
        <translation>Rutas: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>modelo %1</translation>
    </message>
    <message>
        <source>serial %1</source>
        <translation>número de serie %1</translation>
    </message>
    <message>
        <source>buffers %1</source>
        <translation>búferes %1</translation>
    </message>
    <message>
        <source>%1 bytes per frame</source>
        <translation>%1 bytes por trama</translation>
    </message>
    <message>
        <source>config &quot;%1&quot;</source>
        <translation>configuración «%1»</translation>
    </message>
    <message>
        <source>Boot URI: &lt;code&gt;aoe:%1&lt;/code&gt;</source>
        <translation>URI de arranque: &lt;code&gt;aoe:%1&lt;/code&gt;</translation>
    </message>
    <message>
        <source>aoe-stat: %1</source>
        <translation>aoe-stat: %1</translation>
    </message>
    <message numerus="yes">
        <source>Conflict: %n backends answer this address</source>
        <translation>
            <numerusform>Conflicto: %n backend responde a esta dirección</numerusform>
            <numerusform>Conflicto: %n backends responden a esta dirección</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3 sectors, serial &quot;%4&quot;</source>
        <translation>%1: %2, %3 sectores, serie &quot;%4&quot;</translation>
    </message>
    <message>
        <source>(the size shown: the smallest)</source>
        <translation>(el tamaño mostrado: el menor)</translation>
    </message>
    <message>
        <source>%1: size not known yet</source>
        <translation>%1: tamaño aún desconocido</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identificar</translation>
    </message>
    <message>
        <source>Ask the target for its IDENTIFY data again</source>
        <translation>Pedir de nuevo al destino sus datos IDENTIFY</translation>
    </message>
    <message>
        <source>Config…</source>
        <translation>Config…</translation>
    </message>
    <message>
        <source>Read or set the target&apos;s config string</source>
        <translation>Leer o establecer la cadena de configuración del destino</translation>
    </message>
    <message>
        <source>MAC mask…</source>
        <translation>Máscara MAC…</translation>
    </message>
    <message>
        <source>View or edit which hosts the target answers</source>
        <translation>Ver o editar a qué hosts responde el destino</translation>
    </message>
    <message>
        <source>Reservations…</source>
        <translation>Reservas…</translation>
    </message>
    <message>
        <source>View or set which hosts may read and write the target</source>
        <translation>Ver o fijar qué hosts pueden leer y escribir el destino</translation>
    </message>
    <message>
        <source>Copy iPXE line</source>
        <translation>Copiar línea iPXE</translation>
    </message>
    <message>
        <source>Copy “sanboot aoe:eX.Y” to the clipboard</source>
        <translation>Copiar «sanboot aoe:eX.Y» al portapapeles</translation>
    </message>
    <message>
        <source>Exported here, %1 (list restored from an earlier run)</source>
        <translation>Exportado aquí, %1 (lista restaurada de una ejecución anterior)</translation>
    </message>
    <message>
        <source>Exported here, %1</source>
        <translation>Exportado aquí, %1</translation>
    </message>
    <message>
        <source>firmware %1</source>
        <translation>firmware %1</translation>
    </message>
    <message>
        <source>On this machine: &lt;b&gt;&lt;code&gt;%1&lt;/code&gt;&lt;/b&gt; — kernel state: &lt;span style=&quot;color:%2&quot;&gt;%3&lt;/span&gt;</source>
        <translation>En este equipo: &lt;b&gt;&lt;code&gt;%1&lt;/code&gt;&lt;/b&gt; — estado en el kernel: &lt;span style=&quot;color:%2&quot;&gt;%3&lt;/span&gt;</translation>
    </message>
    <message>
        <source>no filesystem known</source>
        <translation>sistema de archivos desconocido</translation>
    </message>
    <message>
        <source>label &quot;%1&quot;</source>
        <translation>etiqueta &quot;%1&quot;</translation>
    </message>
    <message>
        <source>not mounted</source>
        <translation>sin montar</translation>
    </message>
    <message>
        <source>mounted at %1</source>
        <translation>montado en %1</translation>
    </message>
    <message>
        <source>No partitions</source>
        <translation>Sin particiones</translation>
    </message>
    <message>
        <source>Not in use: it can be detached</source>
        <translation>Sin uso: se puede desconectar</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>En uso: %1</translation>
    </message>
    <message>
        <source>Use on this machine</source>
        <translation>Usar en este equipo</translation>
    </message>
    <message>
        <source>Make this target a disk of this machine through the kernel&apos;s aoe driver (Ctrl+U)</source>
        <translation>Convertir este destino en un disco de este equipo mediante el controlador aoe del kernel (Ctrl+U)</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>Release this machine&apos;s disk of the target (Ctrl+Shift+U)</source>
        <translation>Liberar el disco de este destino en este equipo (Ctrl+Mayús+U)</translation>
    </message>
    <message>
        <source>Exported by this machine: the kernel&apos;s aoe driver cannot use it here (it does not see this machine&apos;s own frames); use %1 itself.</source>
        <translation>Exportado por este equipo: el controlador aoe del kernel no puede usarlo aquí (no ve las tramas propias de este equipo); use %1 directamente.</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Abrir %1</translation>
    </message>
    <message>
        <source>Mount %1 (through udisks2) and open it in the file manager</source>
        <translation>Montar %1 (mediante udisks2) y abrirlo en el gestor de archivos</translation>
    </message>
    <message>
        <source>Exported here, %1 (list set over the network by %2)</source>
        <translation>Exportado aquí, %1 (lista fijada por la red por %2)</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::TargetModel</name>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
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
        <translation>Carga útil</translation>
    </message>
    <message>
        <source>Buffers</source>
        <translation>Búferes</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Número de serie</translation>
    </message>
    <message>
        <source>Config string</source>
        <translation>Cadena de configuración</translation>
    </message>
    <message>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Visto por última vez</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(desconocido)</translation>
    </message>
    <message numerus="yes">
        <source>conflict: %n backends</source>
        <translation>
            <numerusform>conflicto: %n servidor</numerusform>
            <numerusform>conflicto: %n servidores</numerusform>
        </translation>
    </message>
    <message>
        <source>down since %1</source>
        <translation>caído desde %1</translation>
    </message>
    <message>
        <source>The target has not answered IDENTIFY yet.</source>
        <translation>El destino aún no ha respondido a IDENTIFY.</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Conflicto: %1</translation>
    </message>
    <message>
        <source>No answer since %1</source>
        <translation>Sin respuesta desde %1</translation>
    </message>
    <message>
        <source>%1
%2 sectors</source>
        <translation>%1
%2 sectores</translation>
    </message>
    <message>
        <source>restarting, exported here</source>
        <translation>reiniciando, exportado desde aquí</translation>
    </message>
    <message>
        <source>stopping, exported here</source>
        <translation>deteniendo, exportado desde aquí</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; of this machine: %2</source>
        <translation>Exportación &apos;%1&apos; de esta máquina: %2</translation>
    </message>
    <message>
        <source>On this machine</source>
        <translation>En este equipo</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>state unknown</source>
        <translation>estado desconocido</translation>
    </message>
    <message>
        <source>%1, on this machine as %2</source>
        <translation>%1, en este equipo como %2</translation>
    </message>
    <message>
        <source>Not used on this machine (the kernel&apos;s aoe driver does not have it)</source>
        <translation>No se usa en este equipo (el controlador aoe del kernel no lo tiene)</translation>
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
        <translation>Mostrar destinos caídos</translation>
    </message>
    <message>
        <source>Filter: e7.* or any text (model, serial, MAC…)</source>
        <translation>Filtro: e7.* o cualquier texto (modelo, número de serie, MAC…)</translation>
    </message>
    <message>
        <source>Type a device pattern such as e7.* or words to look for in any column (Ctrl+F)</source>
        <translation>Escriba un patrón de dispositivo como e7.* o palabras que buscar en cualquier columna (Ctrl+F)</translation>
    </message>
    <message>
        <source>List targets that stopped answering, greyed, until you forget them</source>
        <translation>Listar atenuados los destinos que dejaron de responder, hasta que los olvide</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtro:</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::TrayController</name>
    <message>
        <source>E&amp;xports</source>
        <translation>E&amp;xportaciones</translation>
    </message>
    <message>
        <source>No exports yet</source>
        <translation>Aún no hay exportaciones</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Exports are served by the system and keep running after Quit.</source>
        <translation>Las exportaciones las sirve el sistema y siguen en marcha tras Salir.</translation>
    </message>
    <message>
        <source>Served by the system: they keep running after Quit</source>
        <translation>Servidas por el sistema: siguen en marcha tras Salir</translation>
    </message>
    <message>
        <source>%1 on this machine is down</source>
        <translation>%1 en este equipo está caído</translation>
    </message>
    <message>
        <source>In use: %1. Programs reading or writing it wait until the target answers again.</source>
        <translation>En uso: %1. Los programas que leen o escriben en él esperan hasta que el destino vuelva a responder.</translation>
    </message>
    <message>
        <source>Closewait: the kernel keeps the device down until every program has closed it; close them (or unmount) and attach again.</source>
        <translation>Closewait: el kernel mantiene el dispositivo caído hasta que todos los programas lo cierren; ciérrelos (o desmonte) y conéctelo de nuevo.</translation>
    </message>
    <message>
        <source>%1 on this machine is back up</source>
        <translation>%1 en este equipo vuelve a estar activo</translation>
    </message>
    <message>
        <source>The target answers again; what uses it can carry on.</source>
        <translation>El destino vuelve a responder; lo que lo usa puede continuar.</translation>
    </message>
</context>
<context>
    <name>aoesan::ui::lab::LabEnvironment</name>
    <message>
        <source>Lab mode needs the ip program (Debian package iproute2).</source>
        <translation>El modo laboratorio necesita el programa ip (paquete de Debian iproute2).</translation>
    </message>
    <message>
        <source>ip %1 failed: %2</source>
        <translation>ip %1 falló: %2</translation>
    </message>
    <message>
        <source>The lab image %1 could not be created: %2</source>
        <translation>No se pudo crear la imagen de laboratorio %1: %2</translation>
    </message>
    <message>
        <source>aoesan-engine could not be started for the lab: %1</source>
        <translation>No se pudo iniciar aoesan-engine para el laboratorio: %1</translation>
    </message>
    <message>
        <source>Lab mode could not create its temporary directory: %1</source>
        <translation>El modo laboratorio no pudo crear su directorio temporal: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>ATA over Ethernet SAN manager: discover, export and watch AoE targets.</source>
        <translation>Gestor de SAN ATA over Ethernet: descubra, exporte y vigile destinos AoE.</translation>
    </message>
    <message>
        <source>Start in a private network namespace with demo targets and exports; nothing is sent on this machine&apos;s interfaces.</source>
        <translation>Iniciar en un espacio de nombres de red privado con destinos y exportaciones de demostración; no se envía nada por las interfaces de este equipo.</translation>
    </message>
    <message>
        <source>trace, debug, info, warn, error or off (default: $AOESAN_LOG or info).</source>
        <translation>trace, debug, info, warn, error u off (predeterminado: $AOESAN_LOG o info).</translation>
    </message>
    <message>
        <source>aoesan lab mode</source>
        <translation>aoesan en modo laboratorio</translation>
    </message>
    <message>
        <source>unknown log level &apos;%1&apos; (use %2)</source>
        <translation>nivel de registro desconocido &apos;%1&apos; (use %2)</translation>
    </message>
    <message>
        <source>Try aoesan --help.</source>
        <translation>Pruebe aoesan --help.</translation>
    </message>
    <message>
        <source>aoesan</source>
        <translation>aoesan</translation>
    </message>
    <message>
        <source>Started by the desktop at login: end at once unless &quot;Start aoesan in the tray when I log in&quot; is on in the settings; then start with the window hidden, in the tray.</source>
        <translation>Iniciado por el escritorio al iniciar sesión: termina en el acto salvo que «Iniciar aoesan en la bandeja al iniciar sesión» esté activado en la configuración; entonces arranca con la ventana oculta, en la bandeja.</translation>
    </message>
</context>
</TS>
