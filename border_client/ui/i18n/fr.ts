<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_HT" sourcelanguage="en_US">
<context>
    <name />
    <message>
        <location filename="../sync_panel.py" line="37" />
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="43" />
        <source>{time} (just now)</source>
        <translation>{time} (à l'instant)</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="45" />
        <source>{time} ({n} min ago)</source>
        <translation>{time} (il y a {n} min)</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="47" />
        <source>{time} ({n} h ago)</source>
        <translation>{time} (il y a {n} h)</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="48" />
        <source>{time} ({n} days ago)</source>
        <translation>{time} (il y a {n} jours)</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="267" />
        <source>Central office</source>
        <translation>Bureau central</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="269" />
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="270" />
        <source>Events waiting</source>
        <translation>Événements en attente</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="271" />
        <source>Oldest waiting since</source>
        <translation>Plus ancien en attente depuis</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="272" />
        <source>Last successful sync</source>
        <translation>Dernière synchronisation réussie</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="273" />
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="274" />
        <source>Watchlist version</source>
        <translation>Version de la liste de surveillance</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="282" />
        <source>not enrolled: this post works offline</source>
        <translation>non inscrit : ce poste travaille hors ligne</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="284" />
        <source>nothing waiting</source>
        <translation>rien en attente</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="287" />
        <source>{error} — at {time}</source>
        <translation>{error} — le {time}</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="289" />
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="291" />
        <source>none yet</source>
        <translation>aucune pour l'instant</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="298" />
        <source>Sync now  Ctrl+R</source>
        <translation>Synchroniser  Ctrl+R</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="300" />
        <source>Enroll this post</source>
        <translation>Inscrire ce poste</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="304" />
        <source>Enter the central office's address and the one-time enrollment token it gave for this post. Only an administrator can enroll.</source>
        <translation>Saisissez l'adresse du bureau central et le jeton d'inscription à usage unique qu'il a fourni pour ce poste. Seul un administrateur peut inscrire le poste.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="308" />
        <source>Server &amp;address</source>
        <translation>&amp;Adresse du serveur</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="309" />
        <source>Enrollment &amp;token</source>
        <translation>&amp;Jeton d'inscription</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="310" />
        <source>Enroll</source>
        <translation>Inscrire</translation>
    </message>
</context>
<context>
    <name>AlertDialog</name>
    <message>
        <location filename="../alert_dialog.py" line="49" />
        <source>Watchlist match</source>
        <translation>Correspondance avec la liste de surveillance</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="53" />
        <source>Watchlist match: {who}. The crossing is on hold until a supervisor decides.</source>
        <translation>Correspondance avec la liste de surveillance : {who}. Le passage est suspendu jusqu'à la décision d'un superviseur.</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="63" />
        <source>Lost or stolen document</source>
        <translation>Document perdu ou volé</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="65" />
        <source>Person of interest</source>
        <translation>Personne recherchée</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="69" />
        <source>{kind} — match {score:.0f}% — {reason}</source>
        <translation>{kind} — correspondance {score:.0f} % — {reason}</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="79" />
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="88" />
        <source>Your role cannot decide. A supervisor enters their own name and password.</source>
        <translation>Votre rôle ne permet pas de décider. Un superviseur saisit son propre nom et son mot de passe.</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="93" />
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="94" />
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="102" />
        <source>&amp;Allow crossing</source>
        <translation>&amp;Autoriser le passage</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="103" />
        <source>&amp;Refuse crossing</source>
        <translation>&amp;Refuser le passage</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="104" />
        <source>Re&amp;fer (second line)</source>
        <translation>Trans&amp;férer (deuxième ligne)</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="114" />
        <source>why (required)</source>
        <translation>motif (obligatoire)</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="115" />
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="124" />
        <source>Cancel — do not save  Esc</source>
        <translation>Annuler — ne pas enregistrer  Échap</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="126" />
        <source>Record decision  Enter</source>
        <translation>Enregistrer la décision  Entrée</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="149" />
        <source>Choose allow, refuse or refer.</source>
        <translation>Choisissez autoriser, refuser ou transférer.</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="152" />
        <source>Write a short note on why.</source>
        <translation>Écrivez une courte note sur le motif.</translation>
    </message>
    <message>
        <location filename="../alert_dialog.py" line="162" />
        <source>The supervisor's name and password are needed.</source>
        <translation>Le nom et le mot de passe du superviseur sont nécessaires.</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../amend_dialog.py" line="33" />
        <source>Correct a crossing</source>
        <translation>Corriger un passage</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="38" />
        <source>A crossing is never changed in place: this records a correction with its reason. It applies once a supervisor approves it.</source>
        <translation>Un passage n'est jamais modifié directement : ceci enregistre une correction avec son motif. Elle s'applique une fois approuvée par un superviseur.</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="54" />
        <source>&amp;Field</source>
        <translation>&amp;Champ</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="55" />
        <source>Now</source>
        <translation>Actuellement</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="56" />
        <source>&amp;New value</source>
        <translation>&amp;Nouvelle valeur</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="57" />
        <source>&amp;Reason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="65" />
        <source>Request correction</source>
        <translation>Demander la correction</translation>
    </message>
    <message>
        <location filename="../amend_dialog.py" line="82" />
        <source>A correction needs a reason.</source>
        <translation>Une correction doit avoir un motif.</translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <location filename="../shell.py" line="142" />
        <source>Border crossing registration</source>
        <translation>Enregistrement des passages frontaliers</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../camera_dialog.py" line="76" />
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="92" />
        <source>Close  Esc</source>
        <translation>Fermer  Échap</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="105" />
        <source>Opening camera {source}…</source>
        <translation>Ouverture de la caméra {source}…</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="130" />
        <source>The camera could not be opened: {reason}</source>
        <translation>Impossible d'ouvrir la caméra : {reason}</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="124" />
        <source>Hold the data page still under the camera.</source>
        <translation>Tenez la page de données immobile sous la caméra.</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../records.py" line="57" />
        <source>cleared</source>
        <translation>validé</translation>
    </message>
    <message>
        <location filename="../records.py" line="58" />
        <source>ALERT pending</source>
        <translation>ALERTE en attente</translation>
    </message>
    <message>
        <location filename="../records.py" line="59" />
        <source>alert: allowed</source>
        <translation>alerte : autorisé</translation>
    </message>
    <message>
        <location filename="../records.py" line="60" />
        <source>REFUSED</source>
        <translation>REFUSÉ</translation>
    </message>
    <message>
        <location filename="../records.py" line="61" />
        <source>referred</source>
        <translation>transféré</translation>
    </message>
    <message>
        <location filename="../records.py" line="66" />
        <location filename="../records.py" line="88" />
        <source>amended</source>
        <translation>corrigé</translation>
    </message>
    <message>
        <location filename="../records.py" line="68" />
        <location filename="../records.py" line="89" />
        <source>overstay</source>
        <translation>séjour dépassé</translation>
    </message>
    <message>
        <location filename="../records.py" line="70" />
        <location filename="../records.py" line="90" />
        <source>unverified MRZ</source>
        <translation>ZLA non vérifiée</translation>
    </message>
    <message>
        <location filename="../records.py" line="86" />
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../records.py" line="87" />
        <source>Exit</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location filename="../records.py" line="94" />
        <source>When (local)</source>
        <translation>Quand (heure locale)</translation>
    </message>
    <message>
        <location filename="../records.py" line="95" />
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../records.py" line="96" />
        <source>Surname</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../records.py" line="97" />
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <location filename="../records.py" line="98" />
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <location filename="../records.py" line="99" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../records.py" line="100" />
        <source>Born</source>
        <translation>Né(e) le</translation>
    </message>
    <message>
        <location filename="../records.py" line="101" />
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location filename="../records.py" line="102" />
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../records.py" line="103" />
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <location filename="../records.py" line="104" />
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../counter.py" line="195" />
        <source>Counter</source>
        <translation>Guichet</translation>
    </message>
    <message>
        <location filename="../counter.py" line="203" />
        <source>Travel document</source>
        <translation>Document de voyage</translation>
    </message>
    <message>
        <location filename="../counter.py" line="206" />
        <source>A document reader types the lines here by itself. To type by hand, press Enter at the end of each line; the fields fill in as soon as the last line is complete.</source>
        <translation>Un lecteur de documents tape les lignes ici tout seul. Pour saisir à la main, appuyez sur Entrée à la fin de chaque ligne ; les champs se remplissent dès que la dernière ligne est complète.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="210" />
        <source>Open scan…  Ctrl+O</source>
        <translation>Ouvrir un scan…  Ctrl+O</translation>
    </message>
    <message>
        <location filename="../counter.py" line="211" />
        <source>Camera…  F6</source>
        <translation>Caméra…  F6</translation>
    </message>
    <message>
        <location filename="../counter.py" line="212" />
        <source>Face photo…  F7</source>
        <translation>Photo du visage…  F7</translation>
    </message>
    <message>
        <location filename="../counter.py" line="213" />
        <source>Crossing</source>
        <translation>Passage</translation>
    </message>
    <message>
        <location filename="../counter.py" line="214" />
        <source>Clear  Esc</source>
        <translation>Effacer  Échap</translation>
    </message>
    <message>
        <location filename="../counter.py" line="215" />
        <source>Save  Enter</source>
        <translation>Enregistrer  Entrée</translation>
    </message>
    <message>
        <location filename="../counter.py" line="216" />
        <source>Enter in any field, or Ctrl+S</source>
        <translation>Entrée dans n'importe quel champ, ou Ctrl+S</translation>
    </message>
    <message>
        <location filename="../counter.py" line="217" />
        <source>What the document says</source>
        <translation>Ce que dit le document</translation>
    </message>
    <message>
        <location filename="../counter.py" line="218" />
        <source>Traveler's history</source>
        <translation>Historique du voyageur</translation>
    </message>
    <message>
        <location filename="../counter.py" line="302" />
        <source>Open a scan of the document</source>
        <translation>Ouvrir un scan du document</translation>
    </message>
    <message>
        <location filename="../counter.py" line="302" />
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../counter.py" line="312" />
        <source>Reading {name}…</source>
        <translation>Lecture de {name}…</translation>
    </message>
    <message>
        <location filename="../counter.py" line="350" />
        <source>No MRZ found in {name}: {reason}. Try another scan, or type it.</source>
        <translation>Aucune ZLA trouvée dans {name} : {reason}. Essayez un autre scan, ou saisissez-la.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="351" />
        <source>nothing readable</source>
        <translation>rien de lisible</translation>
    </message>
    <message>
        <location filename="../counter.py" line="358" />
        <source>Read from {name}, but some characters are in doubt ({fields}). Compare with the document and correct the text.</source>
        <translation>Lu dans {name}, mais certains caractères sont douteux ({fields}). Comparez avec le document et corrigez le texte.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="365" />
        <source>Read from {name} in {ms} ms.</source>
        <translation>Lu dans {name} en {ms} ms.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="453" />
        <source>last crossing: {direction} on {day}</source>
        <translation>dernier passage : {direction} le {day}</translation>
    </message>
    <message>
        <location filename="../counter.py" line="458" />
        <source>no crossing on record</source>
        <translation>aucun passage enregistré</translation>
    </message>
    <message>
        <location filename="../counter.py" line="471" />
        <source>Saving… (cutting out the photo)</source>
        <translation>Enregistrement… (découpage de la photo)</translation>
    </message>
    <message>
        <location filename="../counter.py" line="484" />
        <source>Check digit failed</source>
        <translation>Chiffre de contrôle erroné</translation>
    </message>
    <message>
        <location filename="../counter.py" line="486" />
        <source>The MRZ fails its check digits: it was misread, mistyped or altered. Compare it with the document. Register it anyway as UNVERIFIED?</source>
        <translation>La ZLA échoue à ses chiffres de contrôle : elle a été mal lue, mal saisie ou altérée. Comparez-la avec le document. L'enregistrer quand même comme NON VÉRIFIÉE ?</translation>
    </message>
    <message>
        <location filename="../counter.py" line="500" />
        <source>Not saved: the watchlist match needs a decision.</source>
        <translation>Non enregistré : la correspondance avec la liste de surveillance exige une décision.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="508" />
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../counter.py" line="553" />
        <source>Saved, but the watchlist alert waits in the supervisor's queue.</source>
        <translation>Enregistré, mais l'alerte attend dans la file du superviseur.</translation>
    </message>
    <message>
        <location filename="../counter.py" line="567" />
        <source>{direction} REFUSED and recorded: {who}</source>
        <translation>{direction} REFUSÉE et enregistrée : {who}</translation>
    </message>
    <message>
        <location filename="../counter.py" line="572" />
        <source>Referred and recorded: {who}</source>
        <translation>Transféré et enregistré : {who}</translation>
    </message>
    <message>
        <location filename="../counter.py" line="575" />
        <source>{direction} saved: {who}</source>
        <translation>{direction} enregistrée : {who}</translation>
    </message>
    <message>
        <location filename="../counter.py" line="586" />
        <source>Not saved: {reason} The form is kept; try again.</source>
        <translation>Non enregistré : {reason} Le formulaire est conservé ; réessayez.</translation>
    </message>
</context>
<context>
    <name>CrossingDetail</name>
    <message>
        <location filename="../records.py" line="334" />
        <source>When (local)</source>
        <translation>Quand (heure locale)</translation>
    </message>
    <message>
        <location filename="../records.py" line="335" />
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../records.py" line="336" />
        <source>Surname</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../records.py" line="337" />
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <location filename="../records.py" line="338" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../records.py" line="339" />
        <source>Issuing state</source>
        <translation>État émetteur</translation>
    </message>
    <message>
        <location filename="../records.py" line="340" />
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <location filename="../records.py" line="341" />
        <source>Born</source>
        <translation>Né(e) le</translation>
    </message>
    <message>
        <location filename="../records.py" line="342" />
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location filename="../records.py" line="343" />
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <location filename="../records.py" line="344" />
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../records.py" line="345" />
        <source>Vehicle</source>
        <translation>Véhicule</translation>
    </message>
    <message>
        <location filename="../records.py" line="346" />
        <source>Purpose</source>
        <translation>Motif du voyage</translation>
    </message>
    <message>
        <location filename="../records.py" line="347" />
        <source>From / to</source>
        <translation>Provenance / destination</translation>
    </message>
    <message>
        <location filename="../records.py" line="348" />
        <source>Days stayed</source>
        <translation>Jours de séjour</translation>
    </message>
    <message>
        <location filename="../records.py" line="349" />
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <location filename="../records.py" line="350" />
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../records.py" line="351" />
        <source>Remarks</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <location filename="../records.py" line="411" />
        <source>Crossing</source>
        <translation>Passage</translation>
    </message>
    <message>
        <location filename="../records.py" line="414" />
        <source>Correct…  Ctrl+E</source>
        <translation>Corriger…  Ctrl+E</translation>
    </message>
    <message>
        <location filename="../records.py" line="415" />
        <source>Possibly the same person</source>
        <translation>Peut-être la même personne</translation>
    </message>
    <message>
        <location filename="../records.py" line="416" />
        <source>Confirm: same person</source>
        <translation>Confirmer : même personne</translation>
    </message>
    <message>
        <location filename="../records.py" line="464" />
        <source>{surname}, {given} — {document} ({state}) — {score:.0f}% alike</source>
        <translation>{surname}, {given} — {document} ({state}) — ressemblance {score:.0f} %</translation>
    </message>
    <message>
        <location filename="../records.py" line="473" />
        <source>A supervisor can confirm that these are one person.</source>
        <translation>Un superviseur peut confirmer qu'il s'agit d'une seule personne.</translation>
    </message>
    <message>
        <location filename="../records.py" line="486" />
        <source>Linked: the histories are now shown together.</source>
        <translation>Liés : les historiques sont désormais affichés ensemble.</translation>
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
        <translation>Maritime</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="25" />
        <source>Air</source>
        <translation>Aérien</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="29" />
        <source>Tourism</source>
        <translation>Tourisme</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="30" />
        <source>Family visit</source>
        <translation>Visite familiale</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="31" />
        <source>Business</source>
        <translation>Affaires</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="32" />
        <source>Work</source>
        <translation>Travail</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="33" />
        <source>Trade / market</source>
        <translation>Commerce / marché</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="34" />
        <source>Study</source>
        <translation>Études</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="35" />
        <source>Transit</source>
        <translation>Transit</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="36" />
        <source>Returning resident</source>
        <translation>Résident de retour</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="37" />
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="148" />
        <source>&amp;Entry</source>
        <translation>&amp;Entrée</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="149" />
        <source>E&amp;xit</source>
        <translation>&amp;Sortie</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="151" />
        <source>&amp;Direction</source>
        <translation>Se&amp;ns</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="153" />
        <source>Travel &amp;mode</source>
        <translation>&amp;Mode de transport</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="154" />
        <source>&amp;Vehicle plate</source>
        <translation>&amp;Plaque du véhicule</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="155" />
        <source>&amp;Purpose</source>
        <translation>Mo&amp;tif du voyage</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="157" />
        <source>&amp;Remarks</source>
        <translation>&amp;Remarques</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="168" />
        <source>only for a vehicle</source>
        <translation>seulement pour un véhicule</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="172" />
        <source>&amp;Coming from</source>
        <translation>&amp;Provenance</translation>
    </message>
    <message>
        <location filename="../crossing_form.py" line="172" />
        <source>&amp;Going to</source>
        <translation>&amp;Destination</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../dashboard.py" line="230" />
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="238" />
        <source>Today</source>
        <translation>Aujourd'hui</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="239" />
        <source>Range</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="240" />
        <source>Refresh  Ctrl+R</source>
        <translation>Actualiser  Ctrl+R</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="241" />
        <source>Daily report PDF…</source>
        <translation>Rapport du jour PDF…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="242" />
        <source>Export CSV…</source>
        <translation>Exporter CSV…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="243" />
        <location filename="../dashboard.py" line="312" />
        <location filename="../dashboard.py" line="413" />
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="244" />
        <location filename="../dashboard.py" line="312" />
        <location filename="../dashboard.py" line="413" />
        <source>Exits</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="245" />
        <source>Alerts waiting</source>
        <translation>Alertes en attente</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="246" />
        <source>Overstays (inside now)</source>
        <translation>Séjours dépassés (encore présents)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="247" />
        <source>Decide…  Enter</source>
        <translation>Décider…  Entrée</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="248" />
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="249" />
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="313" />
        <source>Flows</source>
        <translation>Flux</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="315" />
        <source>Alerts waiting ({n})</source>
        <translation>Alertes en attente ({n})</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="316" />
        <source>Corrections ({n})</source>
        <translation>Corrections ({n})</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="317" />
        <source>Overstays ({n})</source>
        <translation>Séjours dépassés ({n})</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="318" />
        <source>Inspectors</source>
        <translation>Inspecteurs</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="328" />
        <source>By hour</source>
        <translation>Par heure</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="337" />
        <source>Top nationalities</source>
        <translation>Principales nationalités</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="345" />
        <source>Female</source>
        <translation>Femme</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="345" />
        <source>Male</source>
        <translation>Homme</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="345" />
        <source>Unspecified</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="347" />
        <source>By sex</source>
        <translation>Par sexe</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="355" />
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="357" />
        <source>By age</source>
        <translation>Par âge</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="364" />
        <source>lost/stolen document</source>
        <translation>document perdu/volé</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="364" />
        <source>person of interest</source>
        <translation>personne recherchée</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="367" />
        <source>Raised</source>
        <translation>Levée le</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="367" />
        <location filename="../dashboard.py" line="396" />
        <source>Traveler</source>
        <translation>Voyageur</translation>
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
        <translation>Correspondance</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="368" />
        <location filename="../dashboard.py" line="383" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="368" />
        <location filename="../dashboard.py" line="413" />
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="383" />
        <source>Requested</source>
        <translation>Demandée le</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="383" />
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="383" />
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="396" />
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="396" />
        <source>Entered</source>
        <translation>Entré le</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="397" />
        <source>Days stayed</source>
        <translation>Jours de séjour</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="397" />
        <source>Allowed</source>
        <translation>Autorisés</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="397" />
        <source>Over by</source>
        <translation>Dépassement</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="413" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="414" />
        <source>First</source>
        <translation>Premier</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="414" />
        <source>Last</source>
        <translation>Dernier</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="480" />
        <source>Save the daily report</source>
        <translation>Enregistrer le rapport du jour</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="487" />
        <source>Export the crossings</source>
        <translation>Exporter les passages</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="501" />
        <source>{n} crossing(s) exported to {name}.</source>
        <translation>{n} passage(s) exporté(s) vers {name}.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="521" />
        <source>Nothing to export yet.</source>
        <translation>Rien à exporter pour l'instant.</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="535" />
        <source>Report saved to {name}.</source>
        <translation>Rapport enregistré dans {name}.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../errors.py" line="20" />
        <source>Wrong user name or password.</source>
        <translation>Nom d'utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="22" />
        <source>This account is disabled. Ask the post's administrator.</source>
        <translation>Ce compte est désactivé. Adressez-vous à l'administrateur du poste.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="26" />
        <source>The post's data files are damaged and cannot be opened: {detail}</source>
        <translation>Les fichiers de données du poste sont endommagés et ne peuvent pas être ouverts : {detail}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="34" />
        <source>Your role does not allow this. A supervisor must do it: {detail}</source>
        <translation>Votre rôle ne le permet pas. Un superviseur doit le faire : {detail}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="41" />
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>Le disque est plein. Rien n'a été enregistré ; libérez de l'espace et réessayez.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="44" />
        <source>The computer could not read or write a file: {detail}</source>
        <translation>L'ordinateur n'a pas pu lire ou écrire un fichier : {detail}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="47" />
        <source>Something went wrong ({kind}). The details are in the log.</source>
        <translation>Un problème est survenu ({kind}). Les détails sont dans le journal.</translation>
    </message>
</context>
<context>
    <name>FacePhotoDialog</name>
    <message>
        <location filename="../camera_dialog.py" line="174" />
        <source>Face photo</source>
        <translation>Photo du visage</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="176" />
        <source>Take the photo  Enter</source>
        <translation>Prendre la photo  Entrée</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="186" />
        <source>Ask the traveler to look at the camera, then press Enter.</source>
        <translation>Demandez au voyageur de regarder la caméra, puis appuyez sur Entrée.</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="198" />
        <source>No picture from the camera yet.</source>
        <translation>Pas encore d'image de la caméra.</translation>
    </message>
    <message>
        <location filename="../camera_dialog.py" line="205" />
        <source>No face found in the picture: try again.</source>
        <translation>Aucun visage trouvé sur l'image : réessayez.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../wizard.py" line="296" />
        <source>Set up the post</source>
        <translation>Configurer le poste</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="312" />
        <source>Creating the encrypted store…</source>
        <translation>Création de la base chiffrée…</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="354" />
        <source>Recovery key of post {code}</source>
        <translation>Clé de récupération du poste {code}</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="368" />
        <source>Enter both the address and the token, or leave both empty.</source>
        <translation>Saisissez l'adresse et le jeton, ou laissez les deux vides.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="370" />
        <source>Enrollment is not available in this build; leave empty.</source>
        <translation>L'inscription n'est pas disponible dans cette version ; laissez vide.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="383" />
        <source>Enrolling with the central office…</source>
        <translation>Inscription auprès du bureau central…</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="395" />
        <source>Enrollment failed: {reason}. Correct it, or empty both fields to enroll later.</source>
        <translation>Échec de l'inscription : {reason}. Corrigez, ou videz les deux champs pour vous inscrire plus tard.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../history.py" line="56" />
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../history.py" line="56" />
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../history.py" line="56" />
        <source>Post</source>
        <translation>Poste</translation>
    </message>
    <message>
        <location filename="../history.py" line="56" />
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <location filename="../history.py" line="61" />
        <location filename="../history.py" line="66" />
        <source>Read a document to see the traveler's crossings.</source>
        <translation>Lisez un document pour voir les passages du voyageur.</translation>
    </message>
    <message>
        <location filename="../history.py" line="74" />
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../history.py" line="74" />
        <source>Exit</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location filename="../history.py" line="88" />
        <source>First crossing on record for this traveler.</source>
        <translation>Premier passage enregistré pour ce voyageur.</translation>
    </message>
    <message>
        <location filename="../history.py" line="90" />
        <source>{n} crossing(s) on record.</source>
        <translation>{n} passage(s) enregistré(s).</translation>
    </message>
    <message>
        <location filename="../history.py" line="94" />
        <source>In the country for {days} day(s); no stay limit applies.</source>
        <translation>Dans le pays depuis {days} jour(s) ; aucune limite de séjour.</translation>
    </message>
    <message>
        <location filename="../history.py" line="100" />
        <source>In the country for {days} day(s); {allowed} allowed.</source>
        <translation>Dans le pays depuis {days} jour(s) ; {allowed} autorisés.</translation>
    </message>
    <message>
        <location filename="../history.py" line="105" />
        <source>⚠ OVERSTAY: past the allowed stay.</source>
        <translation>⚠ SÉJOUR DÉPASSÉ : au-delà de la durée autorisée.</translation>
    </message>
    <message>
        <location filename="../history.py" line="109" />
        <source>⚠ Watchlist: {n} possible match(es). A decision is needed to save.</source>
        <translation>⚠ Liste de surveillance : {n} correspondance(s) possible(s). Une décision est nécessaire pour enregistrer.</translation>
    </message>
</context>
<context>
    <name>LoginPanel</name>
    <message>
        <location filename="../login.py" line="141" />
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <location filename="../login.py" line="143" />
        <source>The screen is locked. Enter your password to go on.</source>
        <translation>L'écran est verrouillé. Saisissez votre mot de passe pour continuer.</translation>
    </message>
    <message>
        <location filename="../login.py" line="147" />
        <source>Switch user</source>
        <translation>Changer d'utilisateur</translation>
    </message>
    <message>
        <location filename="../login.py" line="148" />
        <source>The next inspector logs in; nothing is closed.</source>
        <translation>L'inspecteur suivant se connecte ; rien n'est fermé.</translation>
    </message>
    <message>
        <location filename="../login.py" line="150" />
        <source>Border crossing registration</source>
        <translation>Enregistrement des passages frontaliers</translation>
    </message>
    <message>
        <location filename="../login.py" line="151" />
        <source>Log in to the post.</source>
        <translation>Connectez-vous au poste.</translation>
    </message>
    <message>
        <location filename="../login.py" line="152" />
        <source>&amp;User name</source>
        <translation>&amp;Nom d'utilisateur</translation>
    </message>
    <message>
        <location filename="../login.py" line="153" />
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <location filename="../login.py" line="154" />
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../login.py" line="155" />
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location filename="../login.py" line="155" />
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../login.py" line="156" />
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../login.py" line="157" />
        <source>Switch user…</source>
        <translation>Changer d'utilisateur…</translation>
    </message>
    <message>
        <location filename="../login.py" line="164" />
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../login.py" line="181" />
        <source>Enter your user name.</source>
        <translation>Saisissez votre nom d'utilisateur.</translation>
    </message>
    <message>
        <location filename="../login.py" line="185" />
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="160" />
        <source>Border crossing registration</source>
        <translation>Enregistrement des passages frontaliers</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169" />
        <source>{screen} ({key})</source>
        <translation>{screen} ({key})</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171" />
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172" />
        <source>Switch user</source>
        <translation>Changer d'utilisateur</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173" />
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175" />
        <source>Ctrl+L lock · Ctrl+Shift+L switch user · Ctrl+Q quit</source>
        <translation>Ctrl+L verrouiller · Ctrl+Maj+L changer d'utilisateur · Ctrl+Q quitter</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182" />
        <source>inspector</source>
        <translation>inspecteur</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="183" />
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="184" />
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187" />
        <source>Logged in: {user} ({role})</source>
        <translation>Connecté : {user} ({role})</translation>
    </message>
</context>
<context>
    <name>MrzDocumentView</name>
    <message>
        <location filename="../mrz_view.py" line="287" />
        <source>unknown code</source>
        <translation>code inconnu</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="302" />
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="304" />
        <source>Male</source>
        <translation>Homme</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="304" />
        <source>Female</source>
        <translation>Femme</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="304" />
        <source>Unspecified</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="313" />
        <source>passes</source>
        <translation>correct</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="315" />
        <source>FAILS</source>
        <translation>ERRONÉ</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="316" />
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="347" />
        <source>Waiting for a document</source>
        <translation>En attente d'un document</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="349" />
        <source>Scan the data page, or type the MRZ: each line ends with Enter.</source>
        <translation>Scannez la page de données, ou saisissez la ZLA : chaque ligne se termine par Entrée.</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="354" />
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="357" />
        <source>Line {n}: {count} characters</source>
        <translation>Ligne {n} : {count} caractères</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="364" />
        <source>This is not a readable MRZ</source>
        <translation>Ce n'est pas une ZLA lisible</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="371" />
        <source>Check digit failed: {fields}</source>
        <translation>Chiffre de contrôle erroné : {fields}</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="377" />
        <source>Every check digit passes</source>
        <translation>Tous les chiffres de contrôle sont corrects</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="380" />
        <source>Not valid: see the warnings</source>
        <translation>Non valide : voir les avertissements</translation>
    </message>
</context>
<context>
    <name>MrzInput</name>
    <message>
        <location filename="../mrz_view.py" line="144" />
        <source>Scan, type or paste the machine-readable zone (2 or 3 lines)</source>
        <translation>Scannez, saisissez ou collez la zone de lecture automatique (2 ou 3 lignes)</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="146" />
        <source>Machine-readable zone</source>
        <translation>Zone de lecture automatique</translation>
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
        <translation>État émetteur</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="179" />
        <source>Document number</source>
        <translation>Numéro du document</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="180" />
        <source>Surname</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="181" />
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="182" />
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="183" />
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="184" />
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="185" />
        <source>Date of expiry</source>
        <translation>Date d'expiration</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="186" />
        <source>Optional data</source>
        <translation>Données facultatives</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="187" />
        <source>Optional data (line 2)</source>
        <translation>Données facultatives (ligne 2)</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="188" />
        <source>Composite check</source>
        <translation>Contrôle composite</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="193" />
        <source>ID card (TD1)</source>
        <translation>Carte d'identité (TD1)</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="194" />
        <source>ID document (TD2)</source>
        <translation>Document d'identité (TD2)</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="195" />
        <source>Passport (TD3)</source>
        <translation>Passeport (TD3)</translation>
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
        <translation>numéro du document</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="203" />
        <source>date of birth</source>
        <translation>date de naissance</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="204" />
        <source>date of expiry</source>
        <translation>date d'expiration</translation>
    </message>
    <message>
        <location filename="../mrz_view.py" line="205" />
        <source>optional data</source>
        <translation>données facultatives</translation>
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
        <translation>Registres</translation>
    </message>
    <message>
        <location filename="../records.py" line="245" />
        <source>Search  Ctrl+F</source>
        <translation>Recherche  Ctrl+F</translation>
    </message>
    <message>
        <location filename="../records.py" line="246" />
        <source>Surname (beginning)</source>
        <translation>Nom (début)</translation>
    </message>
    <message>
        <location filename="../records.py" line="247" />
        <source>Document number</source>
        <translation>Numéro du document</translation>
    </message>
    <message>
        <location filename="../records.py" line="248" />
        <source>Nat.</source>
        <translation>Nat.</translation>
    </message>
    <message>
        <location filename="../records.py" line="249" />
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <location filename="../records.py" line="250" />
        <source>Both directions</source>
        <translation>Les deux sens</translation>
    </message>
    <message>
        <location filename="../records.py" line="250" />
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <location filename="../records.py" line="250" />
        <source>Exits</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <location filename="../records.py" line="252" />
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../records.py" line="253" />
        <source>Search  Enter</source>
        <translation>Rechercher  Entrée</translation>
    </message>
    <message>
        <location filename="../records.py" line="270" />
        <source>{n} crossing(s). Arrow keys move through them; Ctrl+E corrects one.</source>
        <translation>{n} passage(s). Les flèches les parcourent ; Ctrl+E en corrige un.</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../report_pdf.py" line="57" />
        <source>Border crossings report</source>
        <translation>Rapport des passages frontaliers</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="58" />
        <source>None.</source>
        <translation>Aucun.</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="59" />
        <source>Post {post} · {since} to {until} · by {user}</source>
        <translation>Poste {post} · du {since} au {until} · par {user}</translation>
    </message>
</context>
<context>
    <name>SerialBridge</name>
    <message>
        <location filename="../devices.py" line="87" />
        <source>Reader on {port}: ready</source>
        <translation>Lecteur sur {port} : prêt</translation>
    </message>
    <message>
        <location filename="../devices.py" line="88" />
        <source>Reader on {port}: waiting for the device</source>
        <translation>Lecteur sur {port} : en attente de l'appareil</translation>
    </message>
    <message>
        <location filename="../devices.py" line="89" />
        <source>Reader on {port}: disconnected</source>
        <translation>Lecteur sur {port} : déconnecté</translation>
    </message>
    <message>
        <location filename="../devices.py" line="90" />
        <source>No serial reader (keyboard readers type directly)</source>
        <translation>Pas de lecteur série (les lecteurs clavier saisissent directement)</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../settings_screen.py" line="131" />
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="139" />
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="140" />
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="141" />
        <source>&amp;Lock after (minutes idle, 0 = never)</source>
        <translation>&amp;Verrouiller après (minutes d'inactivité, 0 = jamais)</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="142" />
        <source>Document readers</source>
        <translation>Lecteurs de documents</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="143" />
        <source>&amp;Camera (number, video file or RTSP address)</source>
        <translation>&amp;Caméra (numéro, fichier vidéo ou adresse RTSP)</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="144" />
        <source>&amp;Serial reader port (empty = none)</source>
        <translation>Port du lecteur &amp;série (vide = aucun)</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="145" />
        <source>&amp;Speed (baud)</source>
        <translation>&amp;Vitesse (bauds)</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="146" />
        <source>Find ports</source>
        <translation>Chercher les ports</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="147" />
        <source>Central office</source>
        <translation>Bureau central</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="148" />
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="149" />
        <source>Save settings  Enter</source>
        <translation>Enregistrer les paramètres  Entrée</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="173" />
        <source>Not enrolled: this post works offline. Enroll in the Sync panel (F5).</source>
        <translation>Non inscrit : ce poste travaille hors ligne. Inscrivez-le dans le panneau Synchronisation (F5).</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="188" />
        <source>{n} serial port(s) found.</source>
        <translation>{n} port(s) série trouvé(s).</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="219" />
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
</context>
<context>
    <name>SyncBadge</name>
    <message>
        <location filename="../sync_panel.py" line="154" />
        <source>Sync: …</source>
        <translation>Synchronisation : …</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="156" />
        <source>⟳ Syncing…</source>
        <translation>⟳ Synchronisation…</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="158" />
        <source>○ Offline post (not enrolled)</source>
        <translation>○ Poste hors ligne (non inscrit)</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="160" />
        <source>✗ Not in sync: {n} waiting</source>
        <translation>✗ Non synchronisé : {n} en attente</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="162" />
        <source>● {n} waiting to sync</source>
        <translation>● {n} en attente de synchronisation</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="164" />
        <source>✓ In sync</source>
        <translation>✓ Synchronisé</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="167" />
        <source>F5 opens the sync panel</source>
        <translation>F5 ouvre le panneau de synchronisation</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../sync_panel.py" line="254" />
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="314" />
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="321" />
        <source>Sync failed: {reason}</source>
        <translation>Échec de la synchronisation : {reason}</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="324" />
        <source>Sent {n} event(s); {p} waiting.</source>
        <translation>{n} événement(s) envoyé(s) ; {p} en attente.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="326" />
        <source>Watchlist version {v} applied.</source>
        <translation>Liste de surveillance version {v} appliquée.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="337" />
        <source>Enter both the address and the token.</source>
        <translation>Saisissez l'adresse et le jeton.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="342" />
        <source>Only an administrator can enroll the post.</source>
        <translation>Seul un administrateur peut inscrire le poste.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="358" />
        <source>Enrolled. The first sync starts now.</source>
        <translation>Inscrit. La première synchronisation commence.</translation>
    </message>
    <message>
        <location filename="../sync_panel.py" line="366" />
        <source>Enrollment failed: {reason}</source>
        <translation>Échec de l'inscription : {reason}</translation>
    </message>
</context>
<context>
    <name>UsersScreen</name>
    <message>
        <location filename="../users_screen.py" line="109" />
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="118" />
        <source>inspector</source>
        <translation>inspecteur</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="119" />
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="120" />
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="125" />
        <source>User name</source>
        <translation>Nom d'utilisateur</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="125" />
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="125" />
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="125" />
        <source>Last log-in</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="127" />
        <source>Remove the selected user</source>
        <translation>Retirer l'utilisateur sélectionné</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="128" />
        <source>Add a user, or set a new password</source>
        <translation>Ajouter un utilisateur, ou définir un nouveau mot de passe</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="131" />
        <source>&amp;User name</source>
        <translation>&amp;Nom d'utilisateur</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="131" />
        <source>&amp;Full name</source>
        <translation>Nom &amp;complet</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="131" />
        <source>&amp;Role</source>
        <translation>&amp;Rôle</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="131" />
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="137" />
        <source>Add user  Enter</source>
        <translation>Ajouter  Entrée</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="138" />
        <source>Set this password</source>
        <translation>Définir ce mot de passe</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="189" />
        <source>User {user} added.</source>
        <translation>Utilisateur {user} ajouté.</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="198" />
        <source>New password set for {user}.</source>
        <translation>Nouveau mot de passe défini pour {user}.</translation>
    </message>
    <message>
        <location filename="../users_screen.py" line="209" />
        <source>User {user} removed; their records keep their name.</source>
        <translation>Utilisateur {user} retiré ; ses enregistrements gardent son nom.</translation>
    </message>
</context>
<context>
    <name>_AdminPage</name>
    <message>
        <location filename="../wizard.py" line="150" />
        <source>The first administrator</source>
        <translation>Le premier administrateur</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="152" />
        <source>This account adds the inspectors and supervisors. Keep its password safe.</source>
        <translation>Ce compte ajoute les inspecteurs et les superviseurs. Gardez son mot de passe en lieu sûr.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="155" />
        <source>&amp;User name</source>
        <translation>&amp;Nom d'utilisateur</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="156" />
        <source>&amp;Full name</source>
        <translation>Nom &amp;complet</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="157" />
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="158" />
        <source>&amp;Repeat password</source>
        <translation>&amp;Répéter le mot de passe</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="162" />
        <source>e.g. admin</source>
        <translation>p. ex. admin</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="163" />
        <source>at least 8 characters</source>
        <translation>au moins 8 caractères</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="169" />
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
</context>
<context>
    <name>_PostPage</name>
    <message>
        <location filename="../wizard.py" line="108" />
        <source>The post</source>
        <translation>Le poste</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="109" />
        <source>Its code is country-post, as the central office assigned it.</source>
        <translation>Son code est pays-poste, tel qu'attribué par le bureau central.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="110" />
        <source>Post &amp;code</source>
        <translation>&amp;Code du poste</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="112" />
        <source>Post &amp;name</source>
        <translation>&amp;Nom du poste</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="114" />
        <source>&amp;Time zone</source>
        <translation>&amp;Fuseau horaire</translation>
    </message>
</context>
<context>
    <name>_RecoveryPage</name>
    <message>
        <location filename="../wizard.py" line="207" />
        <source>The recovery key</source>
        <translation>La clé de récupération</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="210" />
        <source>This key opens the post's data if every password is forgotten. It is shown only now and is not stored on this computer. Print it or write it down, and keep it locked away from the computer.</source>
        <translation>Cette clé ouvre les données du poste si tous les mots de passe sont oubliés. Elle n'est affichée que maintenant et n'est pas conservée sur cet ordinateur. Imprimez-la ou recopiez-la, et gardez-la sous clé, loin de l'ordinateur.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="215" />
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="216" />
        <source>I have &amp;written down or printed the recovery key</source>
        <translation>J'ai &amp;recopié ou imprimé la clé de récupération</translation>
    </message>
</context>
<context>
    <name>_ServerPage</name>
    <message>
        <location filename="../wizard.py" line="239" />
        <source>The central office (optional)</source>
        <translation>Le bureau central (facultatif)</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="242" />
        <source>To send records to the central office, enter its address and the enrollment token it gave for this post. Leave both empty to work offline; you can enroll later in the Sync panel.</source>
        <translation>Pour envoyer les registres au bureau central, saisissez son adresse et le jeton d'inscription fourni pour ce poste. Laissez les deux vides pour travailler hors ligne ; vous pourrez inscrire le poste plus tard dans le panneau Synchronisation.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="247" />
        <source>Server &amp;address</source>
        <translation>&amp;Adresse du serveur</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="249" />
        <source>Enrollment &amp;token</source>
        <translation>&amp;Jeton d'inscription</translation>
    </message>
</context>
<context>
    <name>_WelcomePage</name>
    <message>
        <location filename="../wizard.py" line="68" />
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="71" />
        <source>This computer has no post set up yet. The next steps create the post's encrypted store, its first administrator and a recovery key. It takes a minute and works without the internet.</source>
        <translation>Aucun poste n'est encore configuré sur cet ordinateur. Les étapes suivantes créent la base chiffrée du poste, son premier administrateur et une clé de récupération. Cela prend une minute et fonctionne sans internet.</translation>
    </message>
    <message>
        <location filename="../wizard.py" line="76" />
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../screenshots.py" line="147" />
        <source>Hold the data page still under the camera.</source>
        <translation>Tenez la page de données immobile sous la caméra.</translation>
    </message>
</context>
<context>
    <name>screen</name>
    <message>
        <location filename="../report_pdf.py" line="73" />
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="73" />
        <source>Exits</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="73" />
        <location filename="../report_pdf.py" line="87" />
        <source>Alerts waiting</source>
        <translation>Alertes en attente</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="74" />
        <location filename="../report_pdf.py" line="88" />
        <source>Overstays (inside now)</source>
        <translation>Séjours dépassés (encore présents)</translation>
    </message>
    <message>
        <location filename="../report_pdf.py" line="89" />
        <source>Inspectors</source>
        <translation>Inspecteurs</translation>
    </message>
</context>
<context>
    <name>self.panel</name>
    <message>
        <location filename="../shell.py" line="48" />
        <source>Border crossing registration</source>
        <translation>Enregistrement des passages frontaliers</translation>
    </message>
</context>
</TS>