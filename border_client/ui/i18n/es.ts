<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_GT" sourcelanguage="en_US">
<context>
    <name />
    <message>
        <location filename="../sync_panel.py" line="37" />
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="43" />
        <source>{time} (just now)</source>
        <translation>{time} (hace un momento)</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="45" />
        <source>{time} ({n} min ago)</source>
        <translation>{time} (hace {n} min)</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="47" />
        <source>{time} ({n} h ago)</source>
        <translation>{time} (hace {n} h)</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="48" />
        <source>{time} ({n} days ago)</source>
        <translation>{time} (hace {n} días)</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="267" />
        <source>Central office</source>
        <translation>Oficina central</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="269" />
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="270" />
        <source>Events waiting</source>
        <translation>Eventos pendientes</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="271" />
        <source>Oldest waiting since</source>
        <translation>Pendiente más antiguo desde</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="272" />
        <source>Last successful sync</source>
        <translation>Última sincronización exitosa</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="273" />
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="274" />
        <source>Watchlist version</source>
        <translation>Versión de la lista de vigilancia</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="282" />
        <source>not enrolled: this post works offline</source>
        <translation>no inscrito: este puesto trabaja sin conexión</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="284" />
        <source>nothing waiting</source>
        <translation>nada pendiente</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="287" />
        <source>{error} — at {time}</source>
        <translation>{error} — el {time}</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="289" />
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="291" />
        <source>none yet</source>
        <translation>ninguna todavía</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="298" />
        <source>Sync now  Ctrl+R</source>
        <translation>Sincronizar ahora  Ctrl+R</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="300" />
        <source>Enroll this post</source>
        <translation>Inscribir este puesto</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="304" />
        <source>Enter the central office's address and the one-time enrollment token it gave for this post. Only an administrator can enroll.</source>
        <translation>Ingrese la dirección de la oficina central y el código de inscripción de un solo uso que entregó para este puesto. Solo un administrador puede inscribirlo.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="308" />
        <source>Server &amp;address</source>
        <translation>&amp;Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="309" />
        <source>Enrollment &amp;token</source>
        <translation>&amp;Código de inscripción</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="310" />
        <source>Enroll</source>
        <translation>Inscribir</translation>
    </message>
</context>
<context>
    <name>AlertDialog</name>
    <message>
        <location filename="../alert_dialog.py" line="49" />
        <source>Watchlist match</source>
        <translation>Coincidencia con la lista de vigilancia</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="53" />
        <source>Watchlist match: {who}. The crossing is on hold until a supervisor decides.</source>
        <translation>Coincidencia con la lista de vigilancia: {who}. El cruce queda en espera hasta que un supervisor decida.</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="63" />
        <source>Lost or stolen document</source>
        <translation>Documento perdido o robado</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="65" />
        <source>Person of interest</source>
        <translation>Persona de interés</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="69" />
        <source>{kind} — match {score:.0f}% — {reason}</source>
        <translation>{kind} — coincidencia {score:.0f} % — {reason}</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="79" />
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="88" />
        <source>Your role cannot decide. A supervisor enters their own name and password.</source>
        <translation>Su rol no puede decidir. Un supervisor ingresa su propio usuario y contraseña.</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="93" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="94" />
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="102" />
        <source>&amp;Allow crossing</source>
        <translation>&amp;Permitir el cruce</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="103" />
        <source>&amp;Refuse crossing</source>
        <translation>&amp;Rechazar el cruce</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="104" />
        <source>Re&amp;fer (second line)</source>
        <translation>Re&amp;mitir (segunda línea)</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="114" />
        <source>why (required)</source>
        <translation>motivo (obligatorio)</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="115" />
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="124" />
        <source>Cancel — do not save  Esc</source>
        <translation>Cancelar — no guardar  Esc</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="126" />
        <source>Record decision  Enter</source>
        <translation>Registrar la decisión  Enter</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="149" />
        <source>Choose allow, refuse or refer.</source>
        <translation>Elija permitir, rechazar o remitir.</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="152" />
        <source>Write a short note on why.</source>
        <translation>Escriba una nota breve con el motivo.</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="162" />
        <source>The supervisor's name and password are needed.</source>
        <translation>Se necesitan el usuario y la contraseña del supervisor.</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../amend_dialog.py" line="33" />
        <source>Correct a crossing</source>
        <translation>Corregir un cruce</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="38" />
        <source>A crossing is never changed in place: this records a correction with its reason. It applies once a supervisor approves it.</source>
        <translation>Un cruce nunca se modifica directamente: esto registra una corrección con su motivo. Se aplica cuando un supervisor la aprueba.</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="54" />
        <source>&amp;Field</source>
        <translation>&amp;Campo</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="55" />
        <source>Now</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="56" />
        <source>&amp;New value</source>
        <translation>&amp;Nuevo valor</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="57" />
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="65" />
        <source>Request correction</source>
        <translation>Solicitar la corrección</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="82" />
        <source>A correction needs a reason.</source>
        <translation>Una corrección necesita un motivo.</translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <location filename="../shell.py" line="142" />
        <source>Border crossing registration</source>
        <translation>Registro de cruces fronterizos</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../camera_dialog.py" line="76" />
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="92" />
        <source>Close  Esc</source>
        <translation>Cerrar  Esc</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="105" />
        <source>Opening camera {source}…</source>
        <translation>Abriendo la cámara {source}…</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="130" />
        <source>The camera could not be opened: {reason}</source>
        <translation>No se pudo abrir la cámara: {reason}</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="124" />
        <source>Hold the data page still under the camera.</source>
        <translation>Mantenga la página de datos quieta bajo la cámara.</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../records.py" line="57" />
        <source>cleared</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <location filename="../records.py" line="58" />
        <source>ALERT pending</source>
        <translation>ALERTA pendiente</translation>
    </message>
    <message>
        <location filename="../records.py" line="59" />
        <source>alert: allowed</source>
        <translation>alerta: permitido</translation>
    </message>
    <message>
        <location filename="../records.py" line="60" />
        <source>REFUSED</source>
        <translation>RECHAZADO</translation>
    </message>
    <message>
        <location filename="../records.py" line="61" />
        <source>referred</source>
        <translation>remitido</translation>
    </message>
    <message>
        <location filename="../records.py" line="66" />
        <location filename="../records.py" line="88" />
        <source>amended</source>
        <translation>corregido</translation>
    </message>
    <message>
        <location filename="../records.py" line="68" />
        <location filename="../records.py" line="89" />
        <source>overstay</source>
        <translation>estadía excedida</translation>
    </message>
    <message>
        <location filename="../records.py" line="70" />
        <location filename="../records.py" line="90" />
        <source>unverified MRZ</source>
        <translation>ZLM no verificada</translation>
    </message>
    <message>
        <location filename="../records.py" line="86" />
        <source>Entry</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <location filename="../records.py" line="87" />
        <source>Exit</source>
        <translation>Salida</translation>
    </message>
    <message>
        <location filename="../records.py" line="94" />
        <source>When (local)</source>
        <translation>Cuándo (hora local)</translation>
    </message>
    <message>
        <location filename="../records.py" line="95" />
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <location filename="../records.py" line="96" />
        <source>Surname</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location filename="../records.py" line="97" />
        <source>Given names</source>
        <translation>Nombres</translation>
    </message>
    <message>
        <location filename="../records.py" line="98" />
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <location filename="../records.py" line="99" />
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location filename="../records.py" line="100" />
        <source>Born</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <location filename="../records.py" line="101" />
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <location filename="../records.py" line="102" />
        <source>Mode</source>
        <translation>Medio</translation>
    </message>
    <message>
        <location filename="../records.py" line="103" />
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../records.py" line="104" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../counter.py" line="195" />
        <source>Counter</source>
        <translation>Ventanilla</translation>
    </message>
    <message>
        <location filename="../counter.py" line="203" />
        <source>Travel document</source>
        <translation>Documento de viaje</translation>
    </message>
    <message>
        <location filename="../counter.py" line="206" />
        <source>A document reader types the lines here by itself. To type by hand, press Enter at the end of each line; the fields fill in as soon as the last line is complete.</source>
        <translation>Un lector de documentos escribe las líneas aquí por sí solo. Para escribir a mano, presione Enter al final de cada línea; los campos se llenan en cuanto la última línea está completa.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="210" />
        <source>Open scan…  Ctrl+O</source>
        <translation>Abrir escaneo…  Ctrl+O</translation>
    </message>
    <message>
        <location filename="../counter.py" line="211" />
        <source>Camera…  F6</source>
        <translation>Cámara…  F6</translation>
    </message>
    <message>
        <location filename="../counter.py" line="212" />
        <source>Face photo…  F7</source>
        <translation>Foto del rostro…  F7</translation>
    </message>
    <message>
        <location filename="../counter.py" line="213" />
        <source>Crossing</source>
        <translation>Cruce</translation>
    </message>
    <message>
        <location filename="../counter.py" line="214" />
        <source>Clear  Esc</source>
        <translation>Limpiar  Esc</translation>
    </message>
    <message>
        <location filename="../counter.py" line="215" />
        <source>Save  Enter</source>
        <translation>Guardar  Enter</translation>
    </message>
    <message>
        <location filename="../counter.py" line="216" />
        <source>Enter in any field, or Ctrl+S</source>
        <translation>Enter en cualquier campo, o Ctrl+S</translation>
    </message>
    <message>
        <location filename="../counter.py" line="217" />
        <source>What the document says</source>
        <translation>Lo que dice el documento</translation>
    </message>
    <message>
        <location filename="../counter.py" line="218" />
        <source>Traveler's history</source>
        <translation>Historial del viajero</translation>
    </message>
    <message>
        <location filename="../counter.py" line="302" />
        <source>Open a scan of the document</source>
        <translation>Abrir un escaneo del documento</translation>
    </message>
    <message>
        <location filename="../counter.py" line="302" />
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <location filename="../counter.py" line="312" />
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <location filename="../counter.py" line="350" />
        <source>No MRZ found in {name}: {reason}. Try another scan, or type it.</source>
        <translation>No se encontró la ZLM en {name}: {reason}. Pruebe otro escaneo o escríbala.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="351" />
        <source>nothing readable</source>
        <translation>nada legible</translation>
    </message>
    <message>
        <location filename="../counter.py" line="358" />
        <source>Read from {name}, but some characters are in doubt ({fields}). Compare with the document and correct the text.</source>
        <translation>Leído de {name}, pero algunos caracteres son dudosos ({fields}). Compare con el documento y corrija el texto.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="365" />
        <source>Read from {name} in {ms} ms.</source>
        <translation>Leído de {name} en {ms} ms.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="453" />
        <source>last crossing: {direction} on {day}</source>
        <translation>último cruce: {direction} el {day}</translation>
    </message>
    <message>
        <location filename="../counter.py" line="458" />
        <source>no crossing on record</source>
        <translation>ningún cruce registrado</translation>
    </message>
    <message>
        <location filename="../counter.py" line="471" />
        <source>Saving… (cutting out the photo)</source>
        <translation>Guardando… (recortando la foto)</translation>
    </message>
    <message>
        <location filename="../counter.py" line="484" />
        <source>Check digit failed</source>
        <translation>Dígito de control incorrecto</translation>
    </message>
    <message>
        <location filename="../counter.py" line="486" />
        <source>The MRZ fails its check digits: it was misread, mistyped or altered. Compare it with the document. Register it anyway as UNVERIFIED?</source>
        <translation>La ZLM no pasa sus dígitos de control: se leyó o escribió mal, o fue alterada. Compárela con el documento. ¿Registrarla de todos modos como NO VERIFICADA?</translation>
    </message>
    <message>
        <location filename="../counter.py" line="500" />
        <source>Not saved: the watchlist match needs a decision.</source>
        <translation>No guardado: la coincidencia con la lista de vigilancia necesita una decisión.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="508" />
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../counter.py" line="553" />
        <source>Saved, but the watchlist alert waits in the supervisor's queue.</source>
        <translation>Guardado, pero la alerta espera en la cola del supervisor.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="567" />
        <source>{direction} REFUSED and recorded: {who}</source>
        <translation>{direction} RECHAZADA y registrada: {who}</translation>
    </message>
    <message>
        <location filename="../counter.py" line="572" />
        <source>Referred and recorded: {who}</source>
        <translation>Remitido y registrado: {who}</translation>
    </message>
    <message>
        <location filename="../counter.py" line="575" />
        <source>{direction} saved: {who}</source>
        <translation>{direction} guardada: {who}</translation>
    </message>
    <message>
        <location filename="../counter.py" line="586" />
        <source>Not saved: {reason} The form is kept; try again.</source>
        <translation>No guardado: {reason} El formulario se conserva; intente de nuevo.</translation>
    </message>
</context>
<context>
    <name>CrossingDetail</name>
    <message>
        <location filename="../records.py" line="334" />
        <source>When (local)</source>
        <translation>Cuándo (hora local)</translation>
    </message>
    <message>
        <location filename="../records.py" line="335" />
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <location filename="../records.py" line="336" />
        <source>Surname</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location filename="../records.py" line="337" />
        <source>Given names</source>
        <translation>Nombres</translation>
    </message>
    <message>
        <location filename="../records.py" line="338" />
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location filename="../records.py" line="339" />
        <source>Issuing state</source>
        <translation>Estado emisor</translation>
    </message>
    <message>
        <location filename="../records.py" line="340" />
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <location filename="../records.py" line="341" />
        <source>Born</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <location filename="../records.py" line="342" />
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <location filename="../records.py" line="343" />
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <location filename="../records.py" line="344" />
        <source>Mode</source>
        <translation>Medio</translation>
    </message>
    <message>
        <location filename="../records.py" line="345" />
        <source>Vehicle</source>
        <translation>Vehículo</translation>
    </message>
    <message>
        <location filename="../records.py" line="346" />
        <source>Purpose</source>
        <translation>Motivo del viaje</translation>
    </message>
    <message>
        <location filename="../records.py" line="347" />
        <source>From / to</source>
        <translation>Origen / destino</translation>
    </message>
    <message>
        <location filename="../records.py" line="348" />
        <source>Days stayed</source>
        <translation>Días de estadía</translation>
    </message>
    <message>
        <location filename="../records.py" line="349" />
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../records.py" line="350" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../records.py" line="351" />
        <source>Remarks</source>
        <translation>Observaciones</translation>
    </message>
    <message>
        <location filename="../records.py" line="411" />
        <source>Crossing</source>
        <translation>Cruce</translation>
    </message>
    <message>
        <location filename="../records.py" line="414" />
        <source>Correct…  Ctrl+E</source>
        <translation>Corregir…  Ctrl+E</translation>
    </message>
    <message>
        <location filename="../records.py" line="415" />
        <source>Possibly the same person</source>
        <translation>Posiblemente la misma persona</translation>
    </message>
    <message>
        <location filename="../records.py" line="416" />
        <source>Confirm: same person</source>
        <translation>Confirmar: misma persona</translation>
    </message>
    <message>
        <location filename="../records.py" line="464" />
        <source>{surname}, {given} — {document} ({state}) — {score:.0f}% alike</source>
        <translation>{surname}, {given} — {document} ({state}) — {score:.0f} % de parecido</translation>
    </message>
    <message>
        <location filename="../records.py" line="473" />
        <source>A supervisor can confirm that these are one person.</source>
        <translation>Un supervisor puede confirmar que se trata de una sola persona.</translation>
    </message>
    <message>
        <location filename="../records.py" line="486" />
        <source>Linked: the histories are now shown together.</source>
        <translation>Vinculados: los historiales ahora se muestran juntos.</translation>
    </message>
</context>
<context>
    <name>CrossingForm</name>
    <message>
        <location filename="../crossing_form.py" line="23" />
        <source>Land</source>
        <translation>Terrestre</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="24" />
        <source>Sea</source>
        <translation>Marítimo</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="25" />
        <source>Air</source>
        <translation>Aéreo</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="29" />
        <source>Tourism</source>
        <translation>Turismo</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="30" />
        <source>Family visit</source>
        <translation>Visita familiar</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="31" />
        <source>Business</source>
        <translation>Negocios</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="32" />
        <source>Work</source>
        <translation>Trabajo</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="33" />
        <source>Trade / market</source>
        <translation>Comercio / mercado</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="34" />
        <source>Study</source>
        <translation>Estudios</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="35" />
        <source>Transit</source>
        <translation>Tránsito</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="36" />
        <source>Returning resident</source>
        <translation>Residente que regresa</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="37" />
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="148" />
        <source>&amp;Entry</source>
        <translation>&amp;Entrada</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="149" />
        <source>E&amp;xit</source>
        <translation>&amp;Salida</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="151" />
        <source>&amp;Direction</source>
        <translation>Sen&amp;tido</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="153" />
        <source>Travel &amp;mode</source>
        <translation>&amp;Medio de transporte</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="154" />
        <source>&amp;Vehicle plate</source>
        <translation>&amp;Placa del vehículo</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="155" />
        <source>&amp;Purpose</source>
        <translation>Mo&amp;tivo del viaje</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="157" />
        <source>&amp;Remarks</source>
        <translation>&amp;Observaciones</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="168" />
        <source>only for a vehicle</source>
        <translation>solo para un vehículo</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="172" />
        <source>&amp;Coming from</source>
        <translation>&amp;Procedencia</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="172" />
        <source>&amp;Going to</source>
        <translation>&amp;Destino</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../dashboard.py" line="230" />
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="238" />
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="239" />
        <source>Range</source>
        <translation>Período</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="240" />
        <source>Refresh  Ctrl+R</source>
        <translation>Actualizar  Ctrl+R</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="241" />
        <source>Daily report PDF…</source>
        <translation>Informe diario PDF…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="242" />
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="243" />
        <location filename="../dashboard.py" line="312" />
        <location filename="../dashboard.py" line="413" />
        <source>Entries</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="244" />
        <location filename="../dashboard.py" line="312" />
        <location filename="../dashboard.py" line="413" />
        <source>Exits</source>
        <translation>Salidas</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="245" />
        <source>Alerts waiting</source>
        <translation>Alertas pendientes</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="246" />
        <source>Overstays (inside now)</source>
        <translation>Estadías excedidas (aún en el país)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="247" />
        <source>Decide…  Enter</source>
        <translation>Decidir…  Enter</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="248" />
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="249" />
        <source>Reject</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="313" />
        <source>Flows</source>
        <translation>Flujos</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="315" />
        <source>Alerts waiting ({n})</source>
        <translation>Alertas pendientes ({n})</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="316" />
        <source>Corrections ({n})</source>
        <translation>Correcciones ({n})</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="317" />
        <source>Overstays ({n})</source>
        <translation>Estadías excedidas ({n})</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="318" />
        <source>Inspectors</source>
        <translation>Inspectores</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="328" />
        <source>By hour</source>
        <translation>Por hora</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="337" />
        <source>Top nationalities</source>
        <translation>Principales nacionalidades</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="345" />
        <source>Female</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="345" />
        <source>Male</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="345" />
        <source>Unspecified</source>
        <translation>No especificado</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="347" />
        <source>By sex</source>
        <translation>Por sexo</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="355" />
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="357" />
        <source>By age</source>
        <translation>Por edad</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="364" />
        <source>lost/stolen document</source>
        <translation>documento perdido/robado</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="364" />
        <source>person of interest</source>
        <translation>persona de interés</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="367" />
        <source>Raised</source>
        <translation>Generada</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="367" />
        <location filename="../dashboard.py" line="396" />
        <source>Traveler</source>
        <translation>Viajero</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="367" />
        <location filename="../dashboard.py" line="396" />
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="367" />
        <source>Match</source>
        <translation>Coincidencia</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="368" />
        <location filename="../dashboard.py" line="383" />
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="368" />
        <location filename="../dashboard.py" line="413" />
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="383" />
        <source>Requested</source>
        <translation>Solicitada</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="383" />
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="383" />
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="396" />
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="396" />
        <source>Entered</source>
        <translation>Entró</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="397" />
        <source>Days stayed</source>
        <translation>Días de estadía</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="397" />
        <source>Allowed</source>
        <translation>Permitidos</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="397" />
        <source>Over by</source>
        <translation>Exceso</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="413" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="414" />
        <source>First</source>
        <translation>Primero</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="414" />
        <source>Last</source>
        <translation>Último</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="480" />
        <source>Save the daily report</source>
        <translation>Guardar el informe diario</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="487" />
        <source>Export the crossings</source>
        <translation>Exportar los cruces</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="501" />
        <source>{n} crossing(s) exported to {name}.</source>
        <translation>{n} cruce(s) exportado(s) a {name}.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="521" />
        <source>Nothing to export yet.</source>
        <translation>Nada que exportar todavía.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="535" />
        <source>Report saved to {name}.</source>
        <translation>Informe guardado en {name}.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../errors.py" line="20" />
        <source>Wrong user name or password.</source>
        <translation>Usuario o contraseña incorrectos.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="22" />
        <source>This account is disabled. Ask the post's administrator.</source>
        <translation>Esta cuenta está desactivada. Consulte al administrador del puesto.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="26" />
        <source>The post's data files are damaged and cannot be opened: {detail}</source>
        <translation>Los archivos de datos del puesto están dañados y no se pueden abrir: {detail}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="34" />
        <source>Your role does not allow this. A supervisor must do it: {detail}</source>
        <translation>Su rol no lo permite. Debe hacerlo un supervisor: {detail}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="41" />
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>El disco está lleno. No se guardó nada; libere espacio e intente de nuevo.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="44" />
        <source>The computer could not read or write a file: {detail}</source>
        <translation>La computadora no pudo leer o escribir un archivo: {detail}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="47" />
        <source>Something went wrong ({kind}). The details are in the log.</source>
        <translation>Algo salió mal ({kind}). Los detalles están en el registro.</translation>
    </message>
</context>
<context>
    <name>FacePhotoDialog</name>
    <message>
        <location filename="../camera_dialog.py" line="174" />
        <source>Face photo</source>
        <translation>Foto del rostro</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="176" />
        <source>Take the photo  Enter</source>
        <translation>Tomar la foto  Enter</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="186" />
        <source>Ask the traveler to look at the camera, then press Enter.</source>
        <translation>Pida al viajero que mire a la cámara y presione Enter.</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="198" />
        <source>No picture from the camera yet.</source>
        <translation>Todavía no hay imagen de la cámara.</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="205" />
        <source>No face found in the picture: try again.</source>
        <translation>No se encontró un rostro en la imagen: intente de nuevo.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../wizard.py" line="296" />
        <source>Set up the post</source>
        <translation>Configurar el puesto</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="312" />
        <source>Creating the encrypted store…</source>
        <translation>Creando la base cifrada…</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="354" />
        <source>Recovery key of post {code}</source>
        <translation>Clave de recuperación del puesto {code}</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="368" />
        <source>Enter both the address and the token, or leave both empty.</source>
        <translation>Ingrese la dirección y el código, o deje ambos vacíos.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="370" />
        <source>Enrollment is not available in this build; leave empty.</source>
        <translation>La inscripción no está disponible en esta versión; deje vacío.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="383" />
        <source>Enrolling with the central office…</source>
        <translation>Inscribiendo en la oficina central…</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="395" />
        <source>Enrollment failed: {reason}. Correct it, or empty both fields to enroll later.</source>
        <translation>La inscripción falló: {reason}. Corríjalo, o vacíe ambos campos para inscribirse después.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../history.py" line="56" />
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../history.py" line="56" />
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <location filename="../history.py" line="56" />
        <source>Post</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <location filename="../history.py" line="56" />
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../history.py" line="61" />
        <location filename="../history.py" line="66" />
        <source>Read a document to see the traveler's crossings.</source>
        <translation>Lea un documento para ver los cruces del viajero.</translation>
    </message>
    <message>
        <location filename="../history.py" line="74" />
        <source>Entry</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <location filename="../history.py" line="74" />
        <source>Exit</source>
        <translation>Salida</translation>
    </message>
    <message>
        <location filename="../history.py" line="88" />
        <source>First crossing on record for this traveler.</source>
        <translation>Primer cruce registrado de este viajero.</translation>
    </message>
    <message>
        <location filename="../history.py" line="90" />
        <source>{n} crossing(s) on record.</source>
        <translation>{n} cruce(s) registrado(s).</translation>
    </message>
    <message>
        <location filename="../history.py" line="94" />
        <source>In the country for {days} day(s); no stay limit applies.</source>
        <translation>En el país desde hace {days} día(s); no se aplica límite de estadía.</translation>
    </message>
    <message>
        <location filename="../history.py" line="100" />
        <source>In the country for {days} day(s); {allowed} allowed.</source>
        <translation>En el país desde hace {days} día(s); {allowed} permitidos.</translation>
    </message>
    <message>
        <location filename="../history.py" line="105" />
        <source>⚠ OVERSTAY: past the allowed stay.</source>
        <translation>⚠ ESTADÍA EXCEDIDA: más allá del tiempo permitido.</translation>
    </message>
    <message>
        <location filename="../history.py" line="109" />
        <source>⚠ Watchlist: {n} possible match(es). A decision is needed to save.</source>
        <translation>⚠ Lista de vigilancia: {n} posible(s) coincidencia(s). Se necesita una decisión para guardar.</translation>
    </message>
</context>
<context>
    <name>LoginPanel</name>
    <message>
        <location filename="../login.py" line="141" />
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <location filename="../login.py" line="143" />
        <source>The screen is locked. Enter your password to go on.</source>
        <translation>La pantalla está bloqueada. Ingrese su contraseña para continuar.</translation>
    </message>
    <message>
        <location filename="../login.py" line="147" />
        <source>Switch user</source>
        <translation>Cambiar de usuario</translation>
    </message>
    <message>
        <location filename="../login.py" line="148" />
        <source>The next inspector logs in; nothing is closed.</source>
        <translation>El siguiente inspector inicia sesión; no se cierra nada.</translation>
    </message>
    <message>
        <location filename="../login.py" line="150" />
        <source>Border crossing registration</source>
        <translation>Registro de cruces fronterizos</translation>
    </message>
    <message>
        <location filename="../login.py" line="151" />
        <source>Log in to the post.</source>
        <translation>Inicie sesión en el puesto.</translation>
    </message>
    <message>
        <location filename="../login.py" line="152" />
        <source>&amp;User name</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location filename="../login.py" line="153" />
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../login.py" line="154" />
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../login.py" line="155" />
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location filename="../login.py" line="155" />
        <source>Log in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../login.py" line="156" />
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../login.py" line="157" />
        <source>Switch user…</source>
        <translation>Cambiar de usuario…</translation>
    </message>
    <message>
        <location filename="../login.py" line="164" />
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <location filename="../login.py" line="181" />
        <source>Enter your user name.</source>
        <translation>Ingrese su usuario.</translation>
    </message>
    <message>
        <location filename="../login.py" line="185" />
        <source>Enter your password.</source>
        <translation>Ingrese su contraseña.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="160" />
        <source>Border crossing registration</source>
        <translation>Registro de cruces fronterizos</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169" />
        <source>{screen} ({key})</source>
        <translation>{screen} ({key})</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171" />
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172" />
        <source>Switch user</source>
        <translation>Cambiar de usuario</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173" />
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175" />
        <source>Ctrl+L lock · Ctrl+Shift+L switch user · Ctrl+Q quit</source>
        <translation>Ctrl+L bloquear · Ctrl+Mayús+L cambiar de usuario · Ctrl+Q salir</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182" />
        <source>inspector</source>
        <translation>inspector</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="183" />
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="184" />
        <source>administrator</source>
        <translation>administrador</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187" />
        <source>Logged in: {user} ({role})</source>
        <translation>Sesión: {user} ({role})</translation>
    </message>
</context>
<context>
    <name>MrzDocumentView</name>
    <message>
        <location filename="../mrz_view.py" line="287" />
        <source>unknown code</source>
        <translation>código desconocido</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="302" />
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="304" />
        <source>Male</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="304" />
        <source>Female</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="304" />
        <source>Unspecified</source>
        <translation>No especificado</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="313" />
        <source>passes</source>
        <translation>correcto</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="315" />
        <source>FAILS</source>
        <translation>INCORRECTO</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="316" />
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="347" />
        <source>Waiting for a document</source>
        <translation>Esperando un documento</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="349" />
        <source>Scan the data page, or type the MRZ: each line ends with Enter.</source>
        <translation>Escanee la página de datos o escriba la ZLM: cada línea termina con Enter.</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="354" />
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="357" />
        <source>Line {n}: {count} characters</source>
        <translation>Línea {n}: {count} caracteres</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="364" />
        <source>This is not a readable MRZ</source>
        <translation>Esta no es una ZLM legible</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="371" />
        <source>Check digit failed: {fields}</source>
        <translation>Dígito de control incorrecto: {fields}</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="377" />
        <source>Every check digit passes</source>
        <translation>Todos los dígitos de control son correctos</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="380" />
        <source>Not valid: see the warnings</source>
        <translation>No válido: vea las advertencias</translation>
    </message>
</context>
<context>
    <name>MrzInput</name>
    <message>
        <location filename="../mrz_view.py" line="144" />
        <source>Scan, type or paste the machine-readable zone (2 or 3 lines)</source>
        <translation>Escanee, escriba o pegue la zona de lectura mecánica (2 o 3 líneas)</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="146" />
        <source>Machine-readable zone</source>
        <translation>Zona de lectura mecánica</translation>
    </message>
</context>
<context>
    <name>MrzView</name>
    <message>
        <location filename="../mrz_view.py" line="177" />
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="178" />
        <source>Issuing state</source>
        <translation>Estado emisor</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="179" />
        <source>Document number</source>
        <translation>Número de documento</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="180" />
        <source>Surname</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="181" />
        <source>Given names</source>
        <translation>Nombres</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="182" />
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="183" />
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="184" />
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="185" />
        <source>Date of expiry</source>
        <translation>Fecha de vencimiento</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="186" />
        <source>Optional data</source>
        <translation>Datos opcionales</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="187" />
        <source>Optional data (line 2)</source>
        <translation>Datos opcionales (línea 2)</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="188" />
        <source>Composite check</source>
        <translation>Control compuesto</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="193" />
        <source>ID card (TD1)</source>
        <translation>Cédula de identidad (TD1)</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="194" />
        <source>ID document (TD2)</source>
        <translation>Documento de identidad (TD2)</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="195" />
        <source>Passport (TD3)</source>
        <translation>Pasaporte (TD3)</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="196" />
        <source>Visa (MRV-A)</source>
        <translation>Visa (MRV-A)</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="197" />
        <source>Visa (MRV-B)</source>
        <translation>Visa (MRV-B)</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="202" />
        <source>document number</source>
        <translation>número de documento</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="203" />
        <source>date of birth</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="204" />
        <source>date of expiry</source>
        <translation>fecha de vencimiento</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="205" />
        <source>optional data</source>
        <translation>datos opcionales</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="206" />
        <source>composite</source>
        <translation>compuesto</translation>
    </message>
</context>
<context>
    <name>RecordsScreen</name>
    <message>
        <location filename="../records.py" line="237" />
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <location filename="../records.py" line="245" />
        <source>Search  Ctrl+F</source>
        <translation>Búsqueda  Ctrl+F</translation>
    </message>
    <message>
        <location filename="../records.py" line="246" />
        <source>Surname (beginning)</source>
        <translation>Apellido (inicio)</translation>
    </message>
    <message>
        <location filename="../records.py" line="247" />
        <source>Document number</source>
        <translation>Número de documento</translation>
    </message>
    <message>
        <location filename="../records.py" line="248" />
        <source>Nat.</source>
        <translation>Nac.</translation>
    </message>
    <message>
        <location filename="../records.py" line="249" />
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../records.py" line="250" />
        <source>Both directions</source>
        <translation>Ambos sentidos</translation>
    </message>
    <message>
        <location filename="../records.py" line="250" />
        <source>Entries</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <location filename="../records.py" line="250" />
        <source>Exits</source>
        <translation>Salidas</translation>
    </message>
    <message>
        <location filename="../records.py" line="252" />
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../records.py" line="253" />
        <source>Search  Enter</source>
        <translation>Buscar  Enter</translation>
    </message>
    <message>
        <location filename="../records.py" line="270" />
        <source>{n} crossing(s). Arrow keys move through them; Ctrl+E corrects one.</source>
        <translation>{n} cruce(s). Las flechas los recorren; Ctrl+E corrige uno.</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../report_pdf.py" line="57" />
        <source>Border crossings report</source>
        <translation>Informe de cruces fronterizos</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="58" />
        <source>None.</source>
        <translation>Ninguno.</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="59" />
        <source>Post {post} · {since} to {until} · by {user}</source>
        <translation>Puesto {post} · del {since} al {until} · por {user}</translation>
    </message>
</context>
<context>
    <name>SerialBridge</name>
    <message>
        <location filename="../devices.py" line="87" />
        <source>Reader on {port}: ready</source>
        <translation>Lector en {port}: listo</translation>
    </message>
    <message>
        <location filename="../devices.py" line="88" />
        <source>Reader on {port}: waiting for the device</source>
        <translation>Lector en {port}: esperando el dispositivo</translation>
    </message>
    <message>
        <location filename="../devices.py" line="89" />
        <source>Reader on {port}: disconnected</source>
        <translation>Lector en {port}: desconectado</translation>
    </message>
    <message>
        <location filename="../devices.py" line="90" />
        <source>No serial reader (keyboard readers type directly)</source>
        <translation>Sin lector serie (los lectores de teclado escriben directamente)</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../settings_screen.py" line="131" />
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="139" />
        <source>This computer</source>
        <translation>Esta computadora</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="140" />
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="141" />
        <source>&amp;Lock after (minutes idle, 0 = never)</source>
        <translation>&amp;Bloquear después de (minutos de inactividad, 0 = nunca)</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="142" />
        <source>Document readers</source>
        <translation>Lectores de documentos</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="143" />
        <source>&amp;Camera (number, video file or RTSP address)</source>
        <translation>&amp;Cámara (número, archivo de video o dirección RTSP)</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="144" />
        <source>&amp;Serial reader port (empty = none)</source>
        <translation>Puerto del lector &amp;serie (vacío = ninguno)</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="145" />
        <source>&amp;Speed (baud)</source>
        <translation>&amp;Velocidad (baudios)</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="146" />
        <source>Find ports</source>
        <translation>Buscar puertos</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="147" />
        <source>Central office</source>
        <translation>Oficina central</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="148" />
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="149" />
        <source>Save settings  Enter</source>
        <translation>Guardar la configuración  Enter</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="173" />
        <source>Not enrolled: this post works offline. Enroll in the Sync panel (F5).</source>
        <translation>No inscrito: este puesto trabaja sin conexión. Inscríbalo en el panel Sincronización (F5).</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="188" />
        <source>{n} serial port(s) found.</source>
        <translation>{n} puerto(s) serie encontrado(s).</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="219" />
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
</context>
<context>
    <name>SyncBadge</name>
    <message>
        <location filename="../sync_panel.py" line="154" />
        <source>Sync: …</source>
        <translation>Sincronización: …</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="156" />
        <source>⟳ Syncing…</source>
        <translation>⟳ Sincronizando…</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="158" />
        <source>○ Offline post (not enrolled)</source>
        <translation>○ Puesto sin conexión (no inscrito)</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="160" />
        <source>✗ Not in sync: {n} waiting</source>
        <translation>✗ Sin sincronizar: {n} pendientes</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="162" />
        <source>● {n} waiting to sync</source>
        <translation>● {n} pendientes de sincronizar</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="164" />
        <source>✓ In sync</source>
        <translation>✓ Sincronizado</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="167" />
        <source>F5 opens the sync panel</source>
        <translation>F5 abre el panel de sincronización</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../sync_panel.py" line="254" />
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="314" />
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="321" />
        <source>Sync failed: {reason}</source>
        <translation>La sincronización falló: {reason}</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="324" />
        <source>Sent {n} event(s); {p} waiting.</source>
        <translation>{n} evento(s) enviado(s); {p} pendientes.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="326" />
        <source>Watchlist version {v} applied.</source>
        <translation>Lista de vigilancia versión {v} aplicada.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="337" />
        <source>Enter both the address and the token.</source>
        <translation>Ingrese la dirección y el código.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="342" />
        <source>Only an administrator can enroll the post.</source>
        <translation>Solo un administrador puede inscribir el puesto.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="358" />
        <source>Enrolled. The first sync starts now.</source>
        <translation>Inscrito. La primera sincronización comienza ahora.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="366" />
        <source>Enrollment failed: {reason}</source>
        <translation>La inscripción falló: {reason}</translation>
    </message>
</context>
<context>
    <name>UsersScreen</name>
    <message>
        <location filename="../users_screen.py" line="109" />
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="118" />
        <source>inspector</source>
        <translation>inspector</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="119" />
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="120" />
        <source>administrator</source>
        <translation>administrador</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="125" />
        <source>User name</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="125" />
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="125" />
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="125" />
        <source>Last log-in</source>
        <translation>Último inicio de sesión</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="127" />
        <source>Remove the selected user</source>
        <translation>Quitar el usuario seleccionado</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="128" />
        <source>Add a user, or set a new password</source>
        <translation>Agregar un usuario o definir una nueva contraseña</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="131" />
        <source>&amp;User name</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="131" />
        <source>&amp;Full name</source>
        <translation>Nombre &amp;completo</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="131" />
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="131" />
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="137" />
        <source>Add user  Enter</source>
        <translation>Agregar usuario  Enter</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="138" />
        <source>Set this password</source>
        <translation>Definir esta contraseña</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="189" />
        <source>User {user} added.</source>
        <translation>Usuario {user} agregado.</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="198" />
        <source>New password set for {user}.</source>
        <translation>Nueva contraseña definida para {user}.</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="209" />
        <source>User {user} removed; their records keep their name.</source>
        <translation>Usuario {user} quitado; sus registros conservan su nombre.</translation>
    </message>
</context>
<context>
    <name>_AdminPage</name>
    <message>
        <location filename="../wizard.py" line="150" />
        <source>The first administrator</source>
        <translation>El primer administrador</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="152" />
        <source>This account adds the inspectors and supervisors. Keep its password safe.</source>
        <translation>Esta cuenta agrega a los inspectores y supervisores. Guarde su contraseña en un lugar seguro.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="155" />
        <source>&amp;User name</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="156" />
        <source>&amp;Full name</source>
        <translation>Nombre &amp;completo</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="157" />
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="158" />
        <source>&amp;Repeat password</source>
        <translation>&amp;Repetir la contraseña</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="162" />
        <source>e.g. admin</source>
        <translation>p. ej. admin</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="163" />
        <source>at least 8 characters</source>
        <translation>al menos 8 caracteres</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="169" />
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>_PostPage</name>
    <message>
        <location filename="../wizard.py" line="108" />
        <source>The post</source>
        <translation>El puesto</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="109" />
        <source>Its code is country-post, as the central office assigned it.</source>
        <translation>Su código es país-puesto, tal como lo asignó la oficina central.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="110" />
        <source>Post &amp;code</source>
        <translation>&amp;Código del puesto</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="112" />
        <source>Post &amp;name</source>
        <translation>&amp;Nombre del puesto</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="114" />
        <source>&amp;Time zone</source>
        <translation>&amp;Zona horaria</translation>
    </message>
</context>
<context>
    <name>_RecoveryPage</name>
    <message>
        <location filename="../wizard.py" line="207" />
        <source>The recovery key</source>
        <translation>La clave de recuperación</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="210" />
        <source>This key opens the post's data if every password is forgotten. It is shown only now and is not stored on this computer. Print it or write it down, and keep it locked away from the computer.</source>
        <translation>Esta clave abre los datos del puesto si se olvidan todas las contraseñas. Solo se muestra ahora y no se guarda en esta computadora. Imprímala o cópiela y guárdela bajo llave, lejos de la computadora.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="215" />
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="216" />
        <source>I have &amp;written down or printed the recovery key</source>
        <translation>He &amp;copiado o impreso la clave de recuperación</translation>
    </message>
</context>
<context>
    <name>_ServerPage</name>
    <message>
        <location filename="../wizard.py" line="239" />
        <source>The central office (optional)</source>
        <translation>La oficina central (opcional)</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="242" />
        <source>To send records to the central office, enter its address and the enrollment token it gave for this post. Leave both empty to work offline; you can enroll later in the Sync panel.</source>
        <translation>Para enviar los registros a la oficina central, ingrese su dirección y el código de inscripción que entregó para este puesto. Deje ambos vacíos para trabajar sin conexión; podrá inscribirlo después en el panel Sincronización.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="247" />
        <source>Server &amp;address</source>
        <translation>&amp;Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="249" />
        <source>Enrollment &amp;token</source>
        <translation>&amp;Código de inscripción</translation>
    </message>
</context>
<context>
    <name>_WelcomePage</name>
    <message>
        <location filename="../wizard.py" line="68" />
        <source>Welcome</source>
        <translation>Bienvenido</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="71" />
        <source>This computer has no post set up yet. The next steps create the post's encrypted store, its first administrator and a recovery key. It takes a minute and works without the internet.</source>
        <translation>Esta computadora aún no tiene un puesto configurado. Los siguientes pasos crean la base cifrada del puesto, su primer administrador y una clave de recuperación. Toma un minuto y funciona sin internet.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="76" />
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../screenshots.py" line="147" />
        <source>Hold the data page still under the camera.</source>
        <translation>Mantenga la página de datos quieta bajo la cámara.</translation>
    </message>
</context>
<context>
    <name>screen</name>
    <message>
        <location filename="../report_pdf.py" line="73" />
        <source>Entries</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="73" />
        <source>Exits</source>
        <translation>Salidas</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="73" />
        <location filename="../report_pdf.py" line="87" />
        <source>Alerts waiting</source>
        <translation>Alertas pendientes</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="74" />
        <location filename="../report_pdf.py" line="88" />
        <source>Overstays (inside now)</source>
        <translation>Estadías excedidas (aún en el país)</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="89" />
        <source>Inspectors</source>
        <translation>Inspectores</translation>
    </message>
</context>
<context>
    <name>self.panel</name>
    <message>
        <location filename="../shell.py" line="48" />
        <source>Border crossing registration</source>
        <translation>Registro de cruces fronterizos</translation>
    </message>
</context>
</TS>