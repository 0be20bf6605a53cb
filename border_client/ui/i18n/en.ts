<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name />
    <message>
        <location filename="../sync_panel.py" line="37" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="43" />
        <source>{time} (just now)</source>
        <translation>{time} (just now)</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="45" />
        <source>{time} ({n} min ago)</source>
        <translation>{time} ({n} min ago)</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="47" />
        <source>{time} ({n} h ago)</source>
        <translation>{time} ({n} h ago)</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="48" />
        <source>{time} ({n} days ago)</source>
        <translation>{time} ({n} days ago)</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="267" />
        <source>Central office</source>
        <translation>Central office</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="269" />
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="270" />
        <source>Events waiting</source>
        <translation>Events waiting</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="271" />
        <source>Oldest waiting since</source>
        <translation>Oldest waiting since</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="272" />
        <source>Last successful sync</source>
        <translation>Last successful sync</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="273" />
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="274" />
        <source>Watchlist version</source>
        <translation>Watchlist version</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="282" />
        <source>not enrolled: this post works offline</source>
        <translation>not enrolled: this post works offline</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="284" />
        <source>nothing waiting</source>
        <translation>nothing waiting</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="287" />
        <source>{error} — at {time}</source>
        <translation>{error} — at {time}</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="289" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="291" />
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="298" />
        <source>Sync now  Ctrl+R</source>
        <translation>Sync now  Ctrl+R</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="300" />
        <source>Enroll this post</source>
        <translation>Enroll this post</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="304" />
        <source>Enter the central office's address and the one-time enrollment token it gave for this post. Only an administrator can enroll.</source>
        <translation>Enter the central office's address and the one-time enrollment token it gave for this post. Only an administrator can enroll.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="308" />
        <source>Server &amp;address</source>
        <translation>Server &amp;address</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="309" />
        <source>Enrollment &amp;token</source>
        <translation>Enrollment &amp;token</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="310" />
        <source>Enroll</source>
        <translation>Enroll</translation>
    </message>
</context>
<context>
    <name>AlertDialog</name>
    <message>
        <location filename="../alert_dialog.py" line="49" />
        <source>Watchlist match</source>
        <translation>Watchlist match</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="53" />
        <source>Watchlist match: {who}. The crossing is on hold until a supervisor decides.</source>
        <translation>Watchlist match: {who}. The crossing is on hold until a supervisor decides.</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="63" />
        <source>Lost or stolen document</source>
        <translation>Lost or stolen document</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="65" />
        <source>Person of interest</source>
        <translation>Person of interest</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="69" />
        <source>{kind} — match {score:.0f}% — {reason}</source>
        <translation>{kind} — match {score:.0f}% — {reason}</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="79" />
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="88" />
        <source>Your role cannot decide. A supervisor enters their own name and password.</source>
        <translation>Your role cannot decide. A supervisor enters their own name and password.</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="93" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="94" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="102" />
        <source>&amp;Allow crossing</source>
        <translation>&amp;Allow crossing</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="103" />
        <source>&amp;Refuse crossing</source>
        <translation>&amp;Refuse crossing</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="104" />
        <source>Re&amp;fer (second line)</source>
        <translation>Re&amp;fer (second line)</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="114" />
        <source>why (required)</source>
        <translation>why (required)</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="115" />
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="124" />
        <source>Cancel — do not save  Esc</source>
        <translation>Cancel — do not save  Esc</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="126" />
        <source>Record decision  Enter</source>
        <translation>Record decision  Enter</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="149" />
        <source>Choose allow, refuse or refer.</source>
        <translation>Choose allow, refuse or refer.</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="152" />
        <source>Write a short note on why.</source>
        <translation>Write a short note on why.</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="162" />
        <source>The supervisor's name and password are needed.</source>
        <translation>The supervisor's name and password are needed.</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../amend_dialog.py" line="33" />
        <source>Correct a crossing</source>
        <translation>Correct a crossing</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="38" />
        <source>A crossing is never changed in place: this records a correction with its reason. It applies once a supervisor approves it.</source>
        <translation>A crossing is never changed in place: this records a correction with its reason. It applies once a supervisor approves it.</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="54" />
        <source>&amp;Field</source>
        <translation>&amp;Field</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="55" />
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="56" />
        <source>&amp;New value</source>
        <translation>&amp;New value</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="57" />
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="65" />
        <source>Request correction</source>
        <translation>Request correction</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="82" />
        <source>A correction needs a reason.</source>
        <translation>A correction needs a reason.</translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <location filename="../shell.py" line="142" />
        <source>Border crossing registration</source>
        <translation>Border crossing registration</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../camera_dialog.py" line="76" />
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="92" />
        <source>Close  Esc</source>
        <translation>Close  Esc</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="105" />
        <source>Opening camera {source}…</source>
        <translation>Opening camera {source}…</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="130" />
        <source>The camera could not be opened: {reason}</source>
        <translation>The camera could not be opened: {reason}</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="124" />
        <source>Hold the data page still under the camera.</source>
        <translation>Hold the data page still under the camera.</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../records.py" line="57" />
        <source>cleared</source>
        <translation>cleared</translation>
    </message>
    <message>
        <location filename="../records.py" line="58" />
        <source>ALERT pending</source>
        <translation>ALERT pending</translation>
    </message>
    <message>
        <location filename="../records.py" line="59" />
        <source>alert: allowed</source>
        <translation>alert: allowed</translation>
    </message>
    <message>
        <location filename="../records.py" line="60" />
        <source>REFUSED</source>
        <translation>REFUSED</translation>
    </message>
    <message>
        <location filename="../records.py" line="61" />
        <source>referred</source>
        <translation>referred</translation>
    </message>
    <message>
        <location filename="../records.py" line="66" />
        <location filename="../records.py" line="88" />
        <source>amended</source>
        <translation>amended</translation>
    </message>
    <message>
        <location filename="../records.py" line="68" />
        <location filename="../records.py" line="89" />
        <source>overstay</source>
        <translation>overstay</translation>
    </message>
    <message>
        <location filename="../records.py" line="70" />
        <location filename="../records.py" line="90" />
        <source>unverified MRZ</source>
        <translation>unverified MRZ</translation>
    </message>
    <message>
        <location filename="../records.py" line="86" />
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../records.py" line="87" />
        <source>Exit</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../records.py" line="94" />
        <source>When (local)</source>
        <translation>When (local)</translation>
    </message>
    <message>
        <location filename="../records.py" line="95" />
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../records.py" line="96" />
        <source>Surname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <location filename="../records.py" line="97" />
        <source>Given names</source>
        <translation>Given names</translation>
    </message>
    <message>
        <location filename="../records.py" line="98" />
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../records.py" line="99" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../records.py" line="100" />
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../records.py" line="101" />
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../records.py" line="102" />
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../records.py" line="103" />
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../records.py" line="104" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../counter.py" line="195" />
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../counter.py" line="203" />
        <source>Travel document</source>
        <translation>Travel document</translation>
    </message>
    <message>
        <location filename="../counter.py" line="206" />
        <source>A document reader types the lines here by itself. To type by hand, press Enter at the end of each line; the fields fill in as soon as the last line is complete.</source>
        <translation>A document reader types the lines here by itself. To type by hand, press Enter at the end of each line; the fields fill in as soon as the last line is complete.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="210" />
        <source>Open scan…  Ctrl+O</source>
        <translation>Open scan…  Ctrl+O</translation>
    </message>
    <message>
        <location filename="../counter.py" line="211" />
        <source>Camera…  F6</source>
        <translation>Camera…  F6</translation>
    </message>
    <message>
        <location filename="../counter.py" line="212" />
        <source>Face photo…  F7</source>
        <translation>Face photo…  F7</translation>
    </message>
    <message>
        <location filename="../counter.py" line="213" />
        <source>Crossing</source>
        <translation>Crossing</translation>
    </message>
    <message>
        <location filename="../counter.py" line="214" />
        <source>Clear  Esc</source>
        <translation>Clear  Esc</translation>
    </message>
    <message>
        <location filename="../counter.py" line="215" />
        <source>Save  Enter</source>
        <translation>Save  Enter</translation>
    </message>
    <message>
        <location filename="../counter.py" line="216" />
        <source>Enter in any field, or Ctrl+S</source>
        <translation>Enter in any field, or Ctrl+S</translation>
    </message>
    <message>
        <location filename="../counter.py" line="217" />
        <source>What the document says</source>
        <translation>What the document says</translation>
    </message>
    <message>
        <location filename="../counter.py" line="218" />
        <source>Traveler's history</source>
        <translation>Traveler's history</translation>
    </message>
    <message>
        <location filename="../counter.py" line="302" />
        <source>Open a scan of the document</source>
        <translation>Open a scan of the document</translation>
    </message>
    <message>
        <location filename="../counter.py" line="302" />
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../counter.py" line="312" />
        <source>Reading {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <location filename="../counter.py" line="350" />
        <source>No MRZ found in {name}: {reason}. Try another scan, or type it.</source>
        <translation>No MRZ found in {name}: {reason}. Try another scan, or type it.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="351" />
        <source>nothing readable</source>
        <translation>nothing readable</translation>
    </message>
    <message>
        <location filename="../counter.py" line="358" />
        <source>Read from {name}, but some characters are in doubt ({fields}). Compare with the document and correct the text.</source>
        <translation>Read from {name}, but some characters are in doubt ({fields}). Compare with the document and correct the text.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="365" />
        <source>Read from {name} in {ms} ms.</source>
        <translation>Read from {name} in {ms} ms.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="453" />
        <source>last crossing: {direction} on {day}</source>
        <translation>last crossing: {direction} on {day}</translation>
    </message>
    <message>
        <location filename="../counter.py" line="458" />
        <source>no crossing on record</source>
        <translation>no crossing on record</translation>
    </message>
    <message>
        <location filename="../counter.py" line="471" />
        <source>Saving… (cutting out the photo)</source>
        <translation>Saving… (cutting out the photo)</translation>
    </message>
    <message>
        <location filename="../counter.py" line="484" />
        <source>Check digit failed</source>
        <translation>Check digit failed</translation>
    </message>
    <message>
        <location filename="../counter.py" line="486" />
        <source>The MRZ fails its check digits: it was misread, mistyped or altered. Compare it with the document. Register it anyway as UNVERIFIED?</source>
        <translation>The MRZ fails its check digits: it was misread, mistyped or altered. Compare it with the document. Register it anyway as UNVERIFIED?</translation>
    </message>
    <message>
        <location filename="../counter.py" line="500" />
        <source>Not saved: the watchlist match needs a decision.</source>
        <translation>Not saved: the watchlist match needs a decision.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="508" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../counter.py" line="553" />
        <source>Saved, but the watchlist alert waits in the supervisor's queue.</source>
        <translation>Saved, but the watchlist alert waits in the supervisor's queue.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="567" />
        <source>{direction} REFUSED and recorded: {who}</source>
        <translation>{direction} REFUSED and recorded: {who}</translation>
    </message>
    <message>
        <location filename="../counter.py" line="572" />
        <source>Referred and recorded: {who}</source>
        <translation>Referred and recorded: {who}</translation>
    </message>
    <message>
        <location filename="../counter.py" line="575" />
        <source>{direction} saved: {who}</source>
        <translation>{direction} saved: {who}</translation>
    </message>
    <message>
        <location filename="../counter.py" line="586" />
        <source>Not saved: {reason} The form is kept; try again.</source>
        <translation>Not saved: {reason} The form is kept; try again.</translation>
    </message>
</context>
<context>
    <name>CrossingDetail</name>
    <message>
        <location filename="../records.py" line="334" />
        <source>When (local)</source>
        <translation>When (local)</translation>
    </message>
    <message>
        <location filename="../records.py" line="335" />
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../records.py" line="336" />
        <source>Surname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <location filename="../records.py" line="337" />
        <source>Given names</source>
        <translation>Given names</translation>
    </message>
    <message>
        <location filename="../records.py" line="338" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../records.py" line="339" />
        <source>Issuing state</source>
        <translation>Issuing state</translation>
    </message>
    <message>
        <location filename="../records.py" line="340" />
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../records.py" line="341" />
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../records.py" line="342" />
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../records.py" line="343" />
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location filename="../records.py" line="344" />
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../records.py" line="345" />
        <source>Vehicle</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location filename="../records.py" line="346" />
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../records.py" line="347" />
        <source>From / to</source>
        <translation>From / to</translation>
    </message>
    <message>
        <location filename="../records.py" line="348" />
        <source>Days stayed</source>
        <translation>Days stayed</translation>
    </message>
    <message>
        <location filename="../records.py" line="349" />
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../records.py" line="350" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../records.py" line="351" />
        <source>Remarks</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../records.py" line="411" />
        <source>Crossing</source>
        <translation>Crossing</translation>
    </message>
    <message>
        <location filename="../records.py" line="414" />
        <source>Correct…  Ctrl+E</source>
        <translation>Correct…  Ctrl+E</translation>
    </message>
    <message>
        <location filename="../records.py" line="415" />
        <source>Possibly the same person</source>
        <translation>Possibly the same person</translation>
    </message>
    <message>
        <location filename="../records.py" line="416" />
        <source>Confirm: same person</source>
        <translation>Confirm: same person</translation>
    </message>
    <message>
        <location filename="../records.py" line="464" />
        <source>{surname}, {given} — {document} ({state}) — {score:.0f}% alike</source>
        <translation>{surname}, {given} — {document} ({state}) — {score:.0f}% alike</translation>
    </message>
    <message>
        <location filename="../records.py" line="473" />
        <source>A supervisor can confirm that these are one person.</source>
        <translation>A supervisor can confirm that these are one person.</translation>
    </message>
    <message>
        <location filename="../records.py" line="486" />
        <source>Linked: the histories are now shown together.</source>
        <translation>Linked: the histories are now shown together.</translation>
    </message>
</context>
<context>
    <name>CrossingForm</name>
    <message>
        <location filename="../crossing_form.py" line="23" />
        <source>Land</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="24" />
        <source>Sea</source>
        <translation>Sea</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="25" />
        <source>Air</source>
        <translation>Air</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="29" />
        <source>Tourism</source>
        <translation>Tourism</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="30" />
        <source>Family visit</source>
        <translation>Family visit</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="31" />
        <source>Business</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="32" />
        <source>Work</source>
        <translation>Work</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="33" />
        <source>Trade / market</source>
        <translation>Trade / market</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="34" />
        <source>Study</source>
        <translation>Study</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="35" />
        <source>Transit</source>
        <translation>Transit</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="36" />
        <source>Returning resident</source>
        <translation>Returning resident</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="37" />
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="148" />
        <source>&amp;Entry</source>
        <translation>&amp;Entry</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="149" />
        <source>E&amp;xit</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="151" />
        <source>&amp;Direction</source>
        <translation>&amp;Direction</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="153" />
        <source>Travel &amp;mode</source>
        <translation>Travel &amp;mode</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="154" />
        <source>&amp;Vehicle plate</source>
        <translation>&amp;Vehicle plate</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="155" />
        <source>&amp;Purpose</source>
        <translation>&amp;Purpose</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="157" />
        <source>&amp;Remarks</source>
        <translation>&amp;Remarks</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="168" />
        <source>only for a vehicle</source>
        <translation>only for a vehicle</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="172" />
        <source>&amp;Coming from</source>
        <translation>&amp;Coming from</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="172" />
        <source>&amp;Going to</source>
        <translation>&amp;Going to</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../dashboard.py" line="230" />
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="238" />
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="239" />
        <source>Range</source>
        <translation>Range</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="240" />
        <source>Refresh  Ctrl+R</source>
        <translation>Refresh  Ctrl+R</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="241" />
        <source>Daily report PDF…</source>
        <translation>Daily report PDF…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="242" />
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="243" />
        <location filename="../dashboard.py" line="312" />
        <location filename="../dashboard.py" line="413" />
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="244" />
        <location filename="../dashboard.py" line="312" />
        <location filename="../dashboard.py" line="413" />
        <source>Exits</source>
        <translation>Exits</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="245" />
        <source>Alerts waiting</source>
        <translation>Alerts waiting</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="246" />
        <source>Overstays (inside now)</source>
        <translation>Overstays (inside now)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="247" />
        <source>Decide…  Enter</source>
        <translation>Decide…  Enter</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="248" />
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="249" />
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="313" />
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="315" />
        <source>Alerts waiting ({n})</source>
        <translation>Alerts waiting ({n})</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="316" />
        <source>Corrections ({n})</source>
        <translation>Corrections ({n})</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="317" />
        <source>Overstays ({n})</source>
        <translation>Overstays ({n})</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="318" />
        <source>Inspectors</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="328" />
        <source>By hour</source>
        <translation>By hour</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="337" />
        <source>Top nationalities</source>
        <translation>Top nationalities</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="345" />
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="345" />
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="345" />
        <source>Unspecified</source>
        <translation>Unspecified</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="347" />
        <source>By sex</source>
        <translation>By sex</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="355" />
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="357" />
        <source>By age</source>
        <translation>By age</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="364" />
        <source>lost/stolen document</source>
        <translation>lost/stolen document</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="364" />
        <source>person of interest</source>
        <translation>person of interest</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="367" />
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="367" />
        <location filename="../dashboard.py" line="396" />
        <source>Traveler</source>
        <translation>Traveler</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="367" />
        <location filename="../dashboard.py" line="396" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="367" />
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="368" />
        <location filename="../dashboard.py" line="383" />
        <source>Reason</source>
        <translation>Reason</translation>
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
        <translation>Requested</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="383" />
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="383" />
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="396" />
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="396" />
        <source>Entered</source>
        <translation>Entered</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="397" />
        <source>Days stayed</source>
        <translation>Days stayed</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="397" />
        <source>Allowed</source>
        <translation>Allowed</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="397" />
        <source>Over by</source>
        <translation>Over by</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="413" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="414" />
        <source>First</source>
        <translation>First</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="414" />
        <source>Last</source>
        <translation>Last</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="480" />
        <source>Save the daily report</source>
        <translation>Save the daily report</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="487" />
        <source>Export the crossings</source>
        <translation>Export the crossings</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="501" />
        <source>{n} crossing(s) exported to {name}.</source>
        <translation>{n} crossing(s) exported to {name}.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="521" />
        <source>Nothing to export yet.</source>
        <translation>Nothing to export yet.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="535" />
        <source>Report saved to {name}.</source>
        <translation>Report saved to {name}.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../errors.py" line="20" />
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="22" />
        <source>This account is disabled. Ask the post's administrator.</source>
        <translation>This account is disabled. Ask the post's administrator.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="26" />
        <source>The post's data files are damaged and cannot be opened: {detail}</source>
        <translation>The post's data files are damaged and cannot be opened: {detail}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="34" />
        <source>Your role does not allow this. A supervisor must do it: {detail}</source>
        <translation>Your role does not allow this. A supervisor must do it: {detail}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="41" />
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>The disk is full. Nothing was saved; free some space and try again.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="44" />
        <source>The computer could not read or write a file: {detail}</source>
        <translation>The computer could not read or write a file: {detail}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="47" />
        <source>Something went wrong ({kind}). The details are in the log.</source>
        <translation>Something went wrong ({kind}). The details are in the log.</translation>
    </message>
</context>
<context>
    <name>FacePhotoDialog</name>
    <message>
        <location filename="../camera_dialog.py" line="174" />
        <source>Face photo</source>
        <translation>Face photo</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="176" />
        <source>Take the photo  Enter</source>
        <translation>Take the photo  Enter</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="186" />
        <source>Ask the traveler to look at the camera, then press Enter.</source>
        <translation>Ask the traveler to look at the camera, then press Enter.</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="198" />
        <source>No picture from the camera yet.</source>
        <translation>No picture from the camera yet.</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="205" />
        <source>No face found in the picture: try again.</source>
        <translation>No face found in the picture: try again.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../wizard.py" line="296" />
        <source>Set up the post</source>
        <translation>Set up the post</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="312" />
        <source>Creating the encrypted store…</source>
        <translation>Creating the encrypted store…</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="354" />
        <source>Recovery key of post {code}</source>
        <translation>Recovery key of post {code}</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="368" />
        <source>Enter both the address and the token, or leave both empty.</source>
        <translation>Enter both the address and the token, or leave both empty.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="370" />
        <source>Enrollment is not available in this build; leave empty.</source>
        <translation>Enrollment is not available in this build; leave empty.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="383" />
        <source>Enrolling with the central office…</source>
        <translation>Enrolling with the central office…</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="395" />
        <source>Enrollment failed: {reason}. Correct it, or empty both fields to enroll later.</source>
        <translation>Enrollment failed: {reason}. Correct it, or empty both fields to enroll later.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../history.py" line="56" />
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../history.py" line="56" />
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../history.py" line="56" />
        <source>Post</source>
        <translation>Post</translation>
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
        <translation>Read a document to see the traveler's crossings.</translation>
    </message>
    <message>
        <location filename="../history.py" line="74" />
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../history.py" line="74" />
        <source>Exit</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../history.py" line="88" />
        <source>First crossing on record for this traveler.</source>
        <translation>First crossing on record for this traveler.</translation>
    </message>
    <message>
        <location filename="../history.py" line="90" />
        <source>{n} crossing(s) on record.</source>
        <translation>{n} crossing(s) on record.</translation>
    </message>
    <message>
        <location filename="../history.py" line="94" />
        <source>In the country for {days} day(s); no stay limit applies.</source>
        <translation>In the country for {days} day(s); no stay limit applies.</translation>
    </message>
    <message>
        <location filename="../history.py" line="100" />
        <source>In the country for {days} day(s); {allowed} allowed.</source>
        <translation>In the country for {days} day(s); {allowed} allowed.</translation>
    </message>
    <message>
        <location filename="../history.py" line="105" />
        <source>⚠ OVERSTAY: past the allowed stay.</source>
        <translation>⚠ OVERSTAY: past the allowed stay.</translation>
    </message>
    <message>
        <location filename="../history.py" line="109" />
        <source>⚠ Watchlist: {n} possible match(es). A decision is needed to save.</source>
        <translation>⚠ Watchlist: {n} possible match(es). A decision is needed to save.</translation>
    </message>
</context>
<context>
    <name>LoginPanel</name>
    <message>
        <location filename="../login.py" line="141" />
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../login.py" line="143" />
        <source>The screen is locked. Enter your password to go on.</source>
        <translation>The screen is locked. Enter your password to go on.</translation>
    </message>
    <message>
        <location filename="../login.py" line="147" />
        <source>Switch user</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location filename="../login.py" line="148" />
        <source>The next inspector logs in; nothing is closed.</source>
        <translation>The next inspector logs in; nothing is closed.</translation>
    </message>
    <message>
        <location filename="../login.py" line="150" />
        <source>Border crossing registration</source>
        <translation>Border crossing registration</translation>
    </message>
    <message>
        <location filename="../login.py" line="151" />
        <source>Log in to the post.</source>
        <translation>Log in to the post.</translation>
    </message>
    <message>
        <location filename="../login.py" line="152" />
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../login.py" line="153" />
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../login.py" line="154" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../login.py" line="155" />
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../login.py" line="155" />
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../login.py" line="156" />
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../login.py" line="157" />
        <source>Switch user…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <location filename="../login.py" line="164" />
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../login.py" line="181" />
        <source>Enter your user name.</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <location filename="../login.py" line="185" />
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="160" />
        <source>Border crossing registration</source>
        <translation>Border crossing registration</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169" />
        <source>{screen} ({key})</source>
        <translation>{screen} ({key})</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171" />
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172" />
        <source>Switch user</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175" />
        <source>Ctrl+L lock · Ctrl+Shift+L switch user · Ctrl+Q quit</source>
        <translation>Ctrl+L lock · Ctrl+Shift+L switch user · Ctrl+Q quit</translation>
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
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187" />
        <source>Logged in: {user} ({role})</source>
        <translation>Logged in: {user} ({role})</translation>
    </message>
</context>
<context>
    <name>MrzDocumentView</name>
    <message>
        <location filename="../mrz_view.py" line="287" />
        <source>unknown code</source>
        <translation>unknown code</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="302" />
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="304" />
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="304" />
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="304" />
        <source>Unspecified</source>
        <translation>Unspecified</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="313" />
        <source>passes</source>
        <translation>passes</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="315" />
        <source>FAILS</source>
        <translation>FAILS</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="316" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="347" />
        <source>Waiting for a document</source>
        <translation>Waiting for a document</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="349" />
        <source>Scan the data page, or type the MRZ: each line ends with Enter.</source>
        <translation>Scan the data page, or type the MRZ: each line ends with Enter.</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="354" />
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="357" />
        <source>Line {n}: {count} characters</source>
        <translation>Line {n}: {count} characters</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="364" />
        <source>This is not a readable MRZ</source>
        <translation>This is not a readable MRZ</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="371" />
        <source>Check digit failed: {fields}</source>
        <translation>Check digit failed: {fields}</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="377" />
        <source>Every check digit passes</source>
        <translation>Every check digit passes</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="380" />
        <source>Not valid: see the warnings</source>
        <translation>Not valid: see the warnings</translation>
    </message>
</context>
<context>
    <name>MrzInput</name>
    <message>
        <location filename="../mrz_view.py" line="144" />
        <source>Scan, type or paste the machine-readable zone (2 or 3 lines)</source>
        <translation>Scan, type or paste the machine-readable zone (2 or 3 lines)</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="146" />
        <source>Machine-readable zone</source>
        <translation>Machine-readable zone</translation>
    </message>
</context>
<context>
    <name>MrzView</name>
    <message>
        <location filename="../mrz_view.py" line="177" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="178" />
        <source>Issuing state</source>
        <translation>Issuing state</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="179" />
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="180" />
        <source>Surname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="181" />
        <source>Given names</source>
        <translation>Given names</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="182" />
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="183" />
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="184" />
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="185" />
        <source>Date of expiry</source>
        <translation>Date of expiry</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="186" />
        <source>Optional data</source>
        <translation>Optional data</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="187" />
        <source>Optional data (line 2)</source>
        <translation>Optional data (line 2)</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="188" />
        <source>Composite check</source>
        <translation>Composite check</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="193" />
        <source>ID card (TD1)</source>
        <translation>ID card (TD1)</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="194" />
        <source>ID document (TD2)</source>
        <translation>ID document (TD2)</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="195" />
        <source>Passport (TD3)</source>
        <translation>Passport (TD3)</translation>
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
        <translation>document number</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="203" />
        <source>date of birth</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="204" />
        <source>date of expiry</source>
        <translation>date of expiry</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="205" />
        <source>optional data</source>
        <translation>optional data</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="206" />
        <source>composite</source>
        <translation>composite</translation>
    </message>
</context>
<context>
    <name>RecordsScreen</name>
    <message>
        <location filename="../records.py" line="237" />
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../records.py" line="245" />
        <source>Search  Ctrl+F</source>
        <translation>Search  Ctrl+F</translation>
    </message>
    <message>
        <location filename="../records.py" line="246" />
        <source>Surname (beginning)</source>
        <translation>Surname (beginning)</translation>
    </message>
    <message>
        <location filename="../records.py" line="247" />
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../records.py" line="248" />
        <source>Nat.</source>
        <translation>Nat.</translation>
    </message>
    <message>
        <location filename="../records.py" line="249" />
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../records.py" line="250" />
        <source>Both directions</source>
        <translation>Both directions</translation>
    </message>
    <message>
        <location filename="../records.py" line="250" />
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location filename="../records.py" line="250" />
        <source>Exits</source>
        <translation>Exits</translation>
    </message>
    <message>
        <location filename="../records.py" line="252" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../records.py" line="253" />
        <source>Search  Enter</source>
        <translation>Search  Enter</translation>
    </message>
    <message>
        <location filename="../records.py" line="270" />
        <source>{n} crossing(s). Arrow keys move through them; Ctrl+E corrects one.</source>
        <translation>{n} crossing(s). Arrow keys move through them; Ctrl+E corrects one.</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../report_pdf.py" line="57" />
        <source>Border crossings report</source>
        <translation>Border crossings report</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="58" />
        <source>None.</source>
        <translation>None.</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="59" />
        <source>Post {post} · {since} to {until} · by {user}</source>
        <translation>Post {post} · {since} to {until} · by {user}</translation>
    </message>
</context>
<context>
    <name>SerialBridge</name>
    <message>
        <location filename="../devices.py" line="87" />
        <source>Reader on {port}: ready</source>
        <translation>Reader on {port}: ready</translation>
    </message>
    <message>
        <location filename="../devices.py" line="88" />
        <source>Reader on {port}: waiting for the device</source>
        <translation>Reader on {port}: waiting for the device</translation>
    </message>
    <message>
        <location filename="../devices.py" line="89" />
        <source>Reader on {port}: disconnected</source>
        <translation>Reader on {port}: disconnected</translation>
    </message>
    <message>
        <location filename="../devices.py" line="90" />
        <source>No serial reader (keyboard readers type directly)</source>
        <translation>No serial reader (keyboard readers type directly)</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../settings_screen.py" line="131" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="139" />
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="140" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="141" />
        <source>&amp;Lock after (minutes idle, 0 = never)</source>
        <translation>&amp;Lock after (minutes idle, 0 = never)</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="142" />
        <source>Document readers</source>
        <translation>Document readers</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="143" />
        <source>&amp;Camera (number, video file or RTSP address)</source>
        <translation>&amp;Camera (number, video file or RTSP address)</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="144" />
        <source>&amp;Serial reader port (empty = none)</source>
        <translation>&amp;Serial reader port (empty = none)</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="145" />
        <source>&amp;Speed (baud)</source>
        <translation>&amp;Speed (baud)</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="146" />
        <source>Find ports</source>
        <translation>Find ports</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="147" />
        <source>Central office</source>
        <translation>Central office</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="148" />
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="149" />
        <source>Save settings  Enter</source>
        <translation>Save settings  Enter</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="173" />
        <source>Not enrolled: this post works offline. Enroll in the Sync panel (F5).</source>
        <translation>Not enrolled: this post works offline. Enroll in the Sync panel (F5).</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="188" />
        <source>{n} serial port(s) found.</source>
        <translation>{n} serial port(s) found.</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="219" />
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SyncBadge</name>
    <message>
        <location filename="../sync_panel.py" line="154" />
        <source>Sync: …</source>
        <translation>Sync: …</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="156" />
        <source>⟳ Syncing…</source>
        <translation>⟳ Syncing…</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="158" />
        <source>○ Offline post (not enrolled)</source>
        <translation>○ Offline post (not enrolled)</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="160" />
        <source>✗ Not in sync: {n} waiting</source>
        <translation>✗ Not in sync: {n} waiting</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="162" />
        <source>● {n} waiting to sync</source>
        <translation>● {n} waiting to sync</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="164" />
        <source>✓ In sync</source>
        <translation>✓ In sync</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="167" />
        <source>F5 opens the sync panel</source>
        <translation>F5 opens the sync panel</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../sync_panel.py" line="254" />
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="314" />
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="321" />
        <source>Sync failed: {reason}</source>
        <translation>Sync failed: {reason}</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="324" />
        <source>Sent {n} event(s); {p} waiting.</source>
        <translation>Sent {n} event(s); {p} waiting.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="326" />
        <source>Watchlist version {v} applied.</source>
        <translation>Watchlist version {v} applied.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="337" />
        <source>Enter both the address and the token.</source>
        <translation>Enter both the address and the token.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="342" />
        <source>Only an administrator can enroll the post.</source>
        <translation>Only an administrator can enroll the post.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="358" />
        <source>Enrolled. The first sync starts now.</source>
        <translation>Enrolled. The first sync starts now.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="366" />
        <source>Enrollment failed: {reason}</source>
        <translation>Enrollment failed: {reason}</translation>
    </message>
</context>
<context>
    <name>UsersScreen</name>
    <message>
        <location filename="../users_screen.py" line="109" />
        <source>Users</source>
        <translation>Users</translation>
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
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="125" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="125" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="125" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="125" />
        <source>Last log-in</source>
        <translation>Last log-in</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="127" />
        <source>Remove the selected user</source>
        <translation>Remove the selected user</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="128" />
        <source>Add a user, or set a new password</source>
        <translation>Add a user, or set a new password</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="131" />
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="131" />
        <source>&amp;Full name</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="131" />
        <source>&amp;Role</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="131" />
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="137" />
        <source>Add user  Enter</source>
        <translation>Add user  Enter</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="138" />
        <source>Set this password</source>
        <translation>Set this password</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="189" />
        <source>User {user} added.</source>
        <translation>User {user} added.</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="198" />
        <source>New password set for {user}.</source>
        <translation>New password set for {user}.</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="209" />
        <source>User {user} removed; their records keep their name.</source>
        <translation>User {user} removed; their records keep their name.</translation>
    </message>
</context>
<context>
    <name>_AdminPage</name>
    <message>
        <location filename="../wizard.py" line="150" />
        <source>The first administrator</source>
        <translation>The first administrator</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="152" />
        <source>This account adds the inspectors and supervisors. Keep its password safe.</source>
        <translation>This account adds the inspectors and supervisors. Keep its password safe.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="155" />
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="156" />
        <source>&amp;Full name</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="157" />
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="158" />
        <source>&amp;Repeat password</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="162" />
        <source>e.g. admin</source>
        <translation>e.g. admin</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="163" />
        <source>at least 8 characters</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="169" />
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>_PostPage</name>
    <message>
        <location filename="../wizard.py" line="108" />
        <source>The post</source>
        <translation>The post</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="109" />
        <source>Its code is country-post, as the central office assigned it.</source>
        <translation>Its code is country-post, as the central office assigned it.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="110" />
        <source>Post &amp;code</source>
        <translation>Post &amp;code</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="112" />
        <source>Post &amp;name</source>
        <translation>Post &amp;name</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="114" />
        <source>&amp;Time zone</source>
        <translation>&amp;Time zone</translation>
    </message>
</context>
<context>
    <name>_RecoveryPage</name>
    <message>
        <location filename="../wizard.py" line="207" />
        <source>The recovery key</source>
        <translation>The recovery key</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="210" />
        <source>This key opens the post's data if every password is forgotten. It is shown only now and is not stored on this computer. Print it or write it down, and keep it locked away from the computer.</source>
        <translation>This key opens the post's data if every password is forgotten. It is shown only now and is not stored on this computer. Print it or write it down, and keep it locked away from the computer.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="215" />
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="216" />
        <source>I have &amp;written down or printed the recovery key</source>
        <translation>I have &amp;written down or printed the recovery key</translation>
    </message>
</context>
<context>
    <name>_ServerPage</name>
    <message>
        <location filename="../wizard.py" line="239" />
        <source>The central office (optional)</source>
        <translation>The central office (optional)</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="242" />
        <source>To send records to the central office, enter its address and the enrollment token it gave for this post. Leave both empty to work offline; you can enroll later in the Sync panel.</source>
        <translation>To send records to the central office, enter its address and the enrollment token it gave for this post. Leave both empty to work offline; you can enroll later in the Sync panel.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="247" />
        <source>Server &amp;address</source>
        <translation>Server &amp;address</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="249" />
        <source>Enrollment &amp;token</source>
        <translation>Enrollment &amp;token</translation>
    </message>
</context>
<context>
    <name>_WelcomePage</name>
    <message>
        <location filename="../wizard.py" line="68" />
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="71" />
        <source>This computer has no post set up yet. The next steps create the post's encrypted store, its first administrator and a recovery key. It takes a minute and works without the internet.</source>
        <translation>This computer has no post set up yet. The next steps create the post's encrypted store, its first administrator and a recovery key. It takes a minute and works without the internet.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="76" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../screenshots.py" line="147" />
        <source>Hold the data page still under the camera.</source>
        <translation>Hold the data page still under the camera.</translation>
    </message>
</context>
<context>
    <name>screen</name>
    <message>
        <location filename="../report_pdf.py" line="73" />
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="73" />
        <source>Exits</source>
        <translation>Exits</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="73" />
        <location filename="../report_pdf.py" line="87" />
        <source>Alerts waiting</source>
        <translation>Alerts waiting</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="74" />
        <location filename="../report_pdf.py" line="88" />
        <source>Overstays (inside now)</source>
        <translation>Overstays (inside now)</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="89" />
        <source>Inspectors</source>
        <translation>Inspectors</translation>
    </message>
</context>
<context>
    <name>self.panel</name>
    <message>
        <location filename="../shell.py" line="48" />
        <source>Border crossing registration</source>
        <translation>Border crossing registration</translation>
    </message>
</context>
</TS>