<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
  <context>
    <name />
    <message>
      <source>BeneficiaryTableModel</source>
      <comment>Prénom</comment>
      <translation type="vanished">BeneficiaryTableModel</translation>
    </message>
    <message>
      <source>BeneficiaryTableModel</source>
      <comment>Né(e) en</comment>
      <translation type="vanished">BeneficiaryTableModel</translation>
    </message>
    <message>
      <source>BeneficiaryTableModel</source>
      <comment>Téléphone</comment>
      <translation type="vanished">BeneficiaryTableModel</translation>
    </message>
    <message>
      <source>BeneficiaryTableModel</source>
      <comment>Commune</comment>
      <translation type="vanished">BeneficiaryTableModel</translation>
    </message>
    <message>
      <source>BeneficiaryTableModel</source>
      <comment>Public prioritaire</comment>
      <translation type="vanished">BeneficiaryTableModel</translation>
    </message>
    <message>
      <source>BeneficiaryTableModel</source>
      <comment>Modifiée le</comment>
      <translation type="vanished">BeneficiaryTableModel</translation>
    </message>
  </context>
  <context>
    <name>AboutDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/about.py" line="28" />
      <source>À propos</source>
      <translation>About</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/about.py" line="37" />
      <source>Version {0} (protocole de synchronisation {1})</source>
      <translation>Version {0} (synchronisation protocol {1})</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/about.py" line="40" />
      <source>Données du poste : {0}</source>
      <translation>This laptop's data: {0}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/about.py" line="42" />
      <source>Sauvegardes : {0}</source>
      <translation>Backups: {0}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/about.py" line="43" />
      <source>Ville de Saint-Paul — licence {0}</source>
      <translation>Ville de Saint-Paul — licence {0}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/about.py" line="50" />
      <source>Ouvrir le dossier des données</source>
      <translation>Open the data folder</translation>
    </message>
  </context>
  <context>
    <name>AccompanimentForm</name>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="31" />
      <source>Accompagnement individuel</source>
      <translation>Individual accompaniment</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="33" />
      <source>Accompagnement individuel — modifier</source>
      <translation>Individual accompaniment — edit</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="44" />
      <source>Bénéficiaire</source>
      <translation>Beneficiary</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="46" />
      <source>Bénéficiaire anon&amp;yme</source>
      <translation>Anonymous bene&amp;ficiary</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="52" />
      <source>Changer</source>
      <translation>Change</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="53" />
      <source>Changer de bénéficiaire</source>
      <translation>Change beneficiary</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="66" />
      <source>&amp;Bénéficiaire</source>
      <translation>&amp;Beneficiary</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="67" />
      <source>Bénéficiaire : rechercher par nom ou téléphone</source>
      <translation>Beneficiary: search by name or phone</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="73" />
      <source>&amp;J'ai déjà accompagné ce bénéficiaire</source>
      <translation>&amp;I have already accompanied this beneficiary</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="75" />
      <source>&amp;Genre</source>
      <translation>&amp;Gender</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="76" />
      <source>Tranche d'âge</source>
      <translation>Age band</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="77" />
      <source>&amp;Statut</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="89" />
      <source>Bénéficiaire choisi : {0}</source>
      <translation>Chosen beneficiary: {0}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="110" />
      <source>Résultat</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="113" />
      <source>&amp;Autonomie</source>
      <translation>Autonom&amp;y</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="114" />
      <source>Bénéficiaire &amp;réorienté</source>
      <translation>Beneficiary &amp;redirected</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="116" />
      <source>— choisir la structure —</source>
      <translation>— choose the organisation —</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="118" />
      <source>Structure de réorientation</source>
      <translation>Redirected to</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/accompaniment.py" line="165" />
      <source>Choisissez le bénéficiaire, ou cochez « anonyme ».</source>
      <translation>Choose the beneficiary, or tick “anonymous”.</translation>
    </message>
  </context>
  <context>
    <name>ActivitiesModel</name>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="73" />
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="79" />
      <source>Heure</source>
      <translation>Time</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="85" />
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="89" />
      <source>Bénéficiaire / atelier</source>
      <translation>Beneficiary / workshop</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="92" />
      <source>Participants</source>
      <translation>Participants</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="99" />
      <source>Durée</source>
      <translation>Duration</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="104" />
      <source>Lieu</source>
      <translation>Place</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="107" />
      <source>Thématiques</source>
      <translation>Themes</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="112" />
      <source>Statut</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="56" />
      <source>{0} — séance {1}</source>
      <translation>{0} — session {1}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="64" />
      <source>Émargement à saisir</source>
      <translation>Attendance to record</translation>
    </message>
  </context>
  <context>
    <name>ActivitiesView</name>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="211" />
      <source>Aujourd'hui</source>
      <translation>Today</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="212" />
      <source>Cette semaine</source>
      <translation>This week</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="213" />
      <source>Ce mois-ci</source>
      <translation>This month</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="214" />
      <source>Le mois dernier</source>
      <translation>Last month</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="215" />
      <source>Cette année</source>
      <translation>This year</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="216" />
      <source>Tout</source>
      <translation>All</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="217" />
      <source>Du … au …</source>
      <translation>From … to …</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="227" />
      <source>Tous les types</source>
      <translation>All types</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="228" />
      <source>Tous les lieux</source>
      <translation>All places</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="229" />
      <source>Toutes les thématiques</source>
      <translation>All themes</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="230" />
      <source>Tous les statuts</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="231" />
      <source>Émar&amp;gement à saisir</source>
      <translation>Attendance to &amp;record</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="234" />
      <source>Ateliers passés dont personne n'a marqué la présence : leurs inscrits ne comptent pas encore</source>
      <translation>Past workshops whose attendance nobody marked: their registered people do not count yet</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="241" />
      <source>&amp;Période</source>
      <translation>&amp;Period</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="242" />
      <source>du</source>
      <translation>from</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="243" />
      <source>au</source>
      <translation>to</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="244" />
      <source>T&amp;ype</source>
      <translation>T&amp;ype</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="245" />
      <source>L&amp;ieu</source>
      <translation>P&amp;lace</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="246" />
      <source>T&amp;hématique</source>
      <translation>Th&amp;eme</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="247" />
      <source>Stat&amp;ut</source>
      <translation>Stat&amp;us</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="263" />
      <source>Activités</source>
      <translation>Activities</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="286" />
      <source>&amp;Nouvel accompagnement</source>
      <translation>New &amp;accompaniment</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="287" />
      <source>Nouvel a&amp;telier</source>
      <translation>New &amp;workshop</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="288" />
      <source>É&amp;margement…</source>
      <translation>Atte&amp;ndance…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="289" />
      <source>Feuille à imp&amp;rimer…</source>
      <translation>Print &amp;sheet…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="290" />
      <source>Feuille d'émargement de l'atelier choisi</source>
      <translation>Attendance sheet of the chosen workshop</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="292" />
      <source>&amp;Supprimer</source>
      <translation>&amp;Delete</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="293" />
      <source>Nouveau &amp;cycle d'ateliers…</source>
      <translation>New workshop &amp;cycle…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="295" />
      <source>Un cycle de séances, créé une fois avec ses dates et ses participants</source>
      <translation>A cycle of sessions, created once with its dates and its participants</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="298" />
      <source>Inscrire au cyc&amp;le…</source>
      <translation>Re&amp;gister for the cycle…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="299" />
      <source>Inscrire une personne aux séances qui restent du cycle</source>
      <translation>Register a person for the cycle's remaining sessions</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="301" />
      <source>Feuille du cycl&amp;e…</source>
      <translation>Cycle shee&amp;t…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="303" />
      <source>Une ligne par personne, une case de signature par séance du cycle</source>
      <translation>One row per person, one signature box per session of the cycle</translation>
    </message>
    <message numerus="yes">
      <location filename="../../stpaul_field/ui/activities_view.py" line="423" />
      <source>%n activité(s)</source>
      <translation>
        <numerusform>%n activity</numerusform>
        <numerusform>%n activities</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="513" />
      <source>Activité supprimée.</source>
      <translation>Activity deleted.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="517" />
      <source>La suppression de l'activité</source>
      <translation>Deleting the activity</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activities_view.py" line="525" />
      <source>La restauration de l'activité</source>
      <translation>Restoring the activity</translation>
    </message>
  </context>
  <context>
    <name>ActivityForm</name>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="54" />
      <source>&amp;Enregistrer</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="168" />
      <source>Enregistrer (Ctrl+Entrée)</source>
      <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="57" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="210" />
      <source>Quand</source>
      <translation>When</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="212" />
      <source>&amp;Date</source>
      <translation>&amp;Date</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="216" />
      <source>&amp;Heure de début</source>
      <translation>Start &amp;time</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="219" />
      <source>D&amp;urée</source>
      <translation>D&amp;uration</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="222" />
      <source>S&amp;tatut</source>
      <translation>St&amp;atus</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="225" />
      <source>Où</source>
      <translation>Where</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/place_fields.py" line="31" />
      <source>&amp;Lieu</source>
      <translation>P&amp;lace</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/place_fields.py" line="34" />
      <source>— choisir un lieu —</source>
      <translation>— choose a venue —</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/place_fields.py" line="38" />
      <source>Lieu d'acti&amp;vité</source>
      <translation>&amp;Venue</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/place_fields.py" line="43" />
      <source>&amp;Commune</source>
      <translation>&amp;Municipality</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/place_fields.py" line="52" />
      <source>Aucun lieu d'activité n'est encore enregistré sur ce poste : le lieu est noté « Autre lieu » avec sa commune. Un coordinateur ajoute les lieux de la ville (Fichier › Lieux d'activité), qui arrivent avec la synchronisation.</source>
      <translation>No venue is recorded on this laptop yet: the place is noted « Other place » with its commune. A coordinator adds the city's venues (File › Venues), which arrive with the sync.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="235" />
      <source>Quoi</source>
      <translation>What</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="238" />
      <source>Thémati&amp;ques</source>
      <translation>T&amp;hemes</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="241" />
      <source>Dé&amp;marches administratives</source>
      <translation>Administrative &amp;procedures</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="244" />
      <source>ex. demande de RSA, carte grise…</source>
      <translation>e.g. RSA application, vehicle registration…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="246" />
      <source>Nom de la démarche</source>
      <translation>Procedure name</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="249" />
      <source>Réalisée sous mandat Aidants Connect</source>
      <translation>Done under an Aidants Connect mandate</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="251" />
      <source>Aidants Connect</source>
      <translation>Aidants Connect</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="254" />
      <source>Matériel utilisé</source>
      <translation>&amp;Equipment used</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="265" />
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="269" />
      <source>N&amp;otes</source>
      <translation>N&amp;otes</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="365" />
      <source>Déjà enregistré</source>
      <translation>Already recorded</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="368" />
      <source>Déjà enregistré : {0} a déjà une activité le {1}.</source>
      <translation>Already recorded: {0} already has an activity on {1}.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="370" />
      <source>Est-ce une autre activité, à enregistrer aussi ?</source>
      <translation>Is it another activity, to be recorded too?</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="371" />
      <source>&amp;Enregistrer quand même</source>
      <translation>&amp;Save anyway</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="372" />
      <source>&amp;Revenir au formulaire</source>
      <translation>&amp;Back to the form</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="411" />
      <source>Enregistrement impossible</source>
      <translation>Could not save</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/base.py" line="412" />
      <source>L'activité n'a pas été enregistrée : {0}</source>
      <translation>The activity was not saved: {0}</translation>
    </message>
  </context>
  <context>
    <name>ActivityImportDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/register/activity_import_dialog.py" line="35" />
      <source>Importer l'historique de mes activités</source>
      <translation>Import my activity history</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/activity_import_dialog.py" line="37" />
      <source>Choisissez votre export des activités de la Coop (« Mes activités » → Exporter).</source>
      <translation>Choose your activities export from the Coop (« Mes activités » → Exporter).</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/activity_import_dialog.py" line="40" />
      <source>Erreurs (activités ignorées)</source>
      <translation>Errors (activities skipped)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/activity_import_dialog.py" line="41" />
      <source>Personnes déjà dans le registre : que faire de chacune ?</source>
      <translation>People already in the register: what to do with each?</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/activity_import_dialog.py" line="66" />
      <source>Export des activités de la Coop : {0} ligne(s), {1} activité(s). À créer : {2} ({3} accompagnement(s)) · déjà importées : {4} · en erreur : {5} · ignorées : {6}. Personnes à créer : {7} · jointes au registre : {8}.</source>
      <translation>Coop activities export: {0} line(s), {1} activit(y/ies). To create: {2} ({3} accompaniment(s)) · already imported: {4} · with errors: {5} · skipped: {6}. People to create: {7} · joined to the register: {8}.</translation>
    </message>
  </context>
  <context>
    <name>AgendaModel</name>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_model.py" line="101" />
      <source>Sans heure</source>
      <translation>No time</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_model.py" line="112" />
      <source>lun.</source>
      <translation>Mon</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_model.py" line="113" />
      <source>mar.</source>
      <translation>Tue</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_model.py" line="114" />
      <source>mer.</source>
      <translation>Wed</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_model.py" line="115" />
      <source>jeu.</source>
      <translation>Thu</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_model.py" line="116" />
      <source>ven.</source>
      <translation>Fri</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_model.py" line="117" />
      <source>sam.</source>
      <translation>Sat</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_model.py" line="118" />
      <source>dim.</source>
      <translation>Sun</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_model.py" line="128" />
      <source>Atelier : {0} ({1})</source>
      <translation>Workshop: {0} ({1})</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_model.py" line="130" />
      <source>Accompagnement</source>
      <translation>Accompaniment</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_model.py" line="146" />
      <source>libre</source>
      <translation>free</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_model.py" line="168" />
      <source>Émargement à saisir</source>
      <translation>Attendance to record</translation>
    </message>
  </context>
  <context>
    <name>AgendaView</name>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="53" />
      <source>◀ &amp;Précédent</source>
      <translation>◀ &amp;Previous</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="54" />
      <source>Aujourd'&amp;hui</source>
      <translation>To&amp;day</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="55" />
      <source>&amp;Suivant ▶</source>
      <translation>Ne&amp;xt ▶</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="59" />
      <source>&amp;Jour</source>
      <translation>Da&amp;y</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="60" />
      <source>Se&amp;maine</source>
      <translation>&amp;Week</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="61" />
      <source>Vue jour</source>
      <translation>Day view</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="62" />
      <source>Vue semaine</source>
      <translation>Week view</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="68" />
      <source>Toute l'é&amp;quipe</source>
      <translation>Whole te&amp;am</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="69" />
      <source>Montrer aussi les rendez-vous et ateliers des collègues</source>
      <translation>Also show colleagues' appointments and workshops</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="70" />
      <source>&amp;Nouveau…</source>
      <translation>&amp;New…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="71" />
      <source>Nouveau rendez-vous ou atelier au créneau choisi</source>
      <translation>New appointment or workshop in the chosen slot</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="81" />
      <source>Agenda</source>
      <translation>Agenda</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="159" />
      <source>Semaine du {0} au {1}</source>
      <translation>Week from {0} to {1}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="225" />
      <source>Nouveau rendez-vous &amp;individuel ici</source>
      <translation>New &amp;individual appointment here</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="227" />
      <source>Nouvel &amp;atelier ici</source>
      <translation>New &amp;workshop here</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="248" />
      <source>&amp;Ouvrir</source>
      <translation>&amp;Open</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="250" />
      <source>Saisir le &amp;résultat…</source>
      <translation>Record the &amp;outcome…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="251" />
      <source>Marquer &amp;réalisé</source>
      <translation>Mark &amp;done</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="253" />
      <source>A&amp;nnuler l'atelier</source>
      <translation>Ca&amp;ncel the workshop</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="255" />
      <source>A&amp;nnuler le rendez-vous</source>
      <translation>&amp;Cancel the appointment</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="259" />
      <source>Remettre &amp;prévu</source>
      <translation>Back to &amp;planned</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="261" />
      <source>É&amp;margement…</source>
      <translation>Atte&amp;ndance…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="262" />
      <source>&amp;Feuille d'émargement à imprimer…</source>
      <translation>Attendance &amp;sheet to print…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="263" />
      <source>&amp;Supprimer</source>
      <translation>&amp;Delete</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="277" />
      <source>Feuilles d'émargement</source>
      <translation>Attendance sheets</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="277" />
      <source>Aucun atelier ce jour-là.</source>
      <translation>No workshop that day.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="285" />
      <source>Le changement d'état du rendez-vous</source>
      <translation>Changing the appointment's status</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="304" />
      <source>Rendez-vous supprimé.</source>
      <translation>Appointment deleted.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="309" />
      <source>La restauration du rendez-vous</source>
      <translation>Restoring the appointment</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/agenda/agenda_view.py" line="314" />
      <source>La suppression du rendez-vous</source>
      <translation>Deleting the appointment</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../../stpaul_field/ui/app.py" line="48" />
      <source>Saint-Paul — Accompagnements numériques</source>
      <translation>Saint-Paul — Digital accompaniments</translation>
    </message>
  </context>
  <context>
    <name>AppContext</name>
    <message>
      <location filename="../../stpaul_field/ui/context.py" line="68" />
      <source>La modification</source>
      <translation>The change</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/context.py" line="71" />
      <source>Échec de l'enregistrement</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/context.py" line="72" />
      <source>{0} n'a pas abouti : rien n'a été modifié. Réessayez ; si le problème revient, signalez-le à votre référent.</source>
      <translation>{0} did not go through: nothing was changed. Try again; if it happens again, tell your coordinator.</translation>
    </message>
  </context>
  <context>
    <name>AttendanceDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/attendance.py" line="47" />
      <source>Émargement — {0}</source>
      <translation>Attendance — {0}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/attendance.py" line="50" />
      <source>Participants : cocher les présents</source>
      <translation>Participants: tick those present</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/attendance.py" line="52" />
      <location filename="../../stpaul_field/ui/activity_form/attendance.py" line="108" />
      <source> (non inscrit)</source>
      <translation> (not registered)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/attendance.py" line="61" />
      <source>&amp;Présents</source>
      <translation>&amp;Present</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/attendance.py" line="63" />
      <source>&amp;Tous présents</source>
      <translation>&amp;All present</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/attendance.py" line="66" />
      <source>Ajouter un participant non inscrit : rechercher</source>
      <translation>Add an unregistered participant: search</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/attendance.py" line="67" />
      <source>&amp;Ajouter une personne venue sans inscription</source>
      <translation>A&amp;dd someone who came without registering</translation>
    </message>
    <message>
      <source>&amp;Enregistrer</source>
      <translation type="vanished">&amp;Save</translation>
    </message>
    <message>
      <source>Annuler</source>
      <translation type="vanished">Cancel</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/attendance.py" line="121" />
      <source>{0} présent(s) sur {1}</source>
      <translation>{0} present out of {1}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/attendance.py" line="151" />
      <source>Enregistrement impossible</source>
      <translation>Could not save</translation>
    </message>
  </context>
  <context>
    <name>AttendanceReminder</name>
    <message>
      <location filename="../../stpaul_field/ui/attendance_reminder.py" line="36" />
      <source>{0} atelier(s) passé(s) sans émargement : leurs inscrits ne sont pas comptés tant que la présence n'est pas saisie.</source>
      <translation>{0} past workshop(s) without attendance: their registered people are not counted until attendance is recorded.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/attendance_reminder.py" line="50" />
      <source>… et {0} autre(s)</source>
      <translation>… and {0} more</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/attendance_reminder.py" line="70" />
      <source>Émargements à saisir</source>
      <translation>Attendance to record</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/attendance_reminder.py" line="76" />
      <source>Voir la liste</source>
      <translation>See the list</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/attendance_reminder.py" line="80" />
      <source>Plus tard</source>
      <translation>Later</translation>
    </message>
  </context>
  <context>
    <name>BackupsDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="50" />
      <source>Sauvegardes</source>
      <translation>Backups</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="55" />
      <source>Les sauvegardes sont chiffrées avec la clé de ce poste : seul ce poste peut les restaurer. Une sauvegarde est faite avant chaque mise à jour des données.</source>
      <translation>Backups are encrypted with this laptop's key: only this laptop can restore them. A backup is made before every update of the data.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="62" />
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="62" />
      <source>Motif</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="62" />
      <source>Taille</source>
      <translation>Size</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="63" />
      <source>Sauvegardes du poste</source>
      <translation>This laptop's backups</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="80" />
      <source>&amp;Conserver les</source>
      <translation>&amp;Keep the last</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="82" />
      <source>Nombre de sauvegardes conservées</source>
      <translation>Number of backups kept</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="86" />
      <source>dernières sauvegardes</source>
      <translation>backups</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="88" />
      <source>Les plus anciennes sont retirées à chaque nouvelle sauvegarde.</source>
      <translation>The oldest are removed at each new backup.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="95" />
      <source>Fermer</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="96" />
      <source>&amp;Sauvegarder maintenant</source>
      <translation>&amp;Back up now</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="97" />
      <source>&amp;Restaurer…</source>
      <translation>&amp;Restore…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="117" />
      <source>Sauvegarde demandée</source>
      <translation>Requested backup</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="119" />
      <source>Sauvegarde du jour (première ouverture)</source>
      <translation>The day's backup (first opening)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="121" />
      <source>Avant une synchronisation</source>
      <translation>Before a sync</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="123" />
      <source>Avant une mise à jour des données</source>
      <translation>Before a data update</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="125" />
      <source>Avant le chiffrement du poste</source>
      <translation>Before the laptop's encryption</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="127" />
      <source>Avant une restauration</source>
      <translation>Before a restore</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="149" />
      <source>Aucune sauvegarde sur ce poste pour l'instant.</source>
      <translation>No backup on this laptop yet.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="166" />
      <source>Sauvegarde en cours…</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="172" />
      <source>Sauvegarde faite.</source>
      <translation>Backup done.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="178" />
      <source>La sauvegarde a échoué : {0}</source>
      <translation>The backup failed: {0}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="185" />
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="211" />
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="222" />
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="230" />
      <source>Restaurer une sauvegarde</source>
      <translation>Restore a backup</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="187" />
      <source>Remettre les données du poste telles qu'elles étaient le {0} ?

Les données actuelles seront d'abord sauvegardées (« Avant une restauration »). Ce qui a été synchronisé depuis reviendra à la prochaine synchronisation ; ce qui ne l'a pas été ne sera plus que dans cette sauvegarde de sécurité.</source>
      <translation>Put the laptop's data back as it was on {0}?

The current data will be backed up first (“Before a restore”). What has been synced since will come back at the next sync; what has not will only be in that safety backup.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="195" />
      <source>Restaurer</source>
      <translation>Restore</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="196" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="212" />
      <source>Le poste est occupé : réessayez dans un instant. Rien n'a été modifié.</source>
      <translation>The laptop is busy: try again in a moment. Nothing was changed.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="223" />
      <source>{0}

Rien n'a été modifié.</source>
      <translation>{0}

Nothing was changed.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="232" />
      <source>La restauration a échoué : {0}

Fermez puis relancez l'application ; les données remplacées sont dans la sauvegarde « Avant une restauration ».</source>
      <translation>The restore failed: {0}

Close and restart the application; the replaced data is in the “Before a restore” backup.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/backups_dialog.py" line="242" />
      <source>Sauvegarde du {0} restaurée ; les données remplacées sont dans la sauvegarde la plus récente.</source>
      <translation>Backup of {0} restored; the replaced data is in the most recent backup.</translation>
    </message>
  </context>
  <context>
    <name>BeneficiaryDetail</name>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="86" />
      <source>Fiche du bénéficiaire</source>
      <translation>Beneficiary record</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="88" />
      <location filename="../../stpaul_field/ui/register/detail.py" line="182" />
      <source>Aucun bénéficiaire sélectionné</source>
      <translation>No beneficiary selected</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="99" />
      <source>Année de naissance</source>
      <translation>Birth year</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="100" />
      <source>Téléphone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="101" />
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="102" />
      <source>Commune</source>
      <translation>Municipality</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="103" />
      <source>Genre</source>
      <translation>Gender</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="104" />
      <source>Statut</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="105" />
      <source>Public prioritaire</source>
      <translation>Priority public</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="106" />
      <source>Pass Numérique</source>
      <translation>Pass Numérique</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="107" />
      <source>Consentement</source>
      <translation>Consent</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="108" />
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="123" />
      <location filename="../../stpaul_field/ui/register/detail.py" line="130" />
      <location filename="../../stpaul_field/ui/register/detail.py" line="170" />
      <source>Historique du suivi</source>
      <translation>Follow-up history</translation>
    </message>
    <message numerus="yes">
      <location filename="../../stpaul_field/ui/register/detail.py" line="168" />
      <source>Historique du suivi (%n activité(s))</source>
      <translation>
        <numerusform>Follow-up history (%n activity)</numerusform>
        <numerusform>Follow-up history (%n activities)</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="191" />
      <source>pas de téléphone</source>
      <translation>no phone</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="194" />
      <source>INSEE %1</source>
      <translation>INSEE %1</translation>
    </message>
    <message numerus="yes">
      <location filename="../../stpaul_field/ui/register/detail.py" line="202" />
      <source>%n chèque(s) remis</source>
      <translation>
        <numerusform>%n voucher handed out</numerusform>
        <numerusform>%n vouchers handed out</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="206" />
      <source>information donnée le %1</source>
      <translation>informed on %1</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="215" />
      <source>non renseigné</source>
      <translation>not given</translation>
    </message>
  </context>
  <context>
    <name>BeneficiaryDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="88" />
      <source>Modifier la fiche</source>
      <translation>Edit the record</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="88" />
      <source>Nouveau bénéficiaire</source>
      <translation>New beneficiary</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="96" />
      <source>Cette fiche n'existe plus sur ce poste.</source>
      <translation>This record no longer exists on this laptop.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="107" />
      <source>Bénéficiaire &amp;anonyme (ni nom ni coordonnées)</source>
      <translation>&amp;Anonymous beneficiary (no name, no contact details)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="108" />
      <source>&amp;J'ai déjà accompagné ce bénéficiaire</source>
      <translation>I have al&amp;ready accompanied this beneficiary</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="109" />
      <source>Prénom</source>
      <translation>First name</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="110" />
      <source>Nom</source>
      <translation>Last name</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="111" />
      <source>Téléphone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="112" />
      <source>Pas de téléphone</source>
      <translation>No p&amp;hone</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="113" />
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="114" />
      <source>Année de naissance</source>
      <translation>Birth year</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="114" />
      <source>aaaa</source>
      <translation>yyyy</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="116" />
      <source>Adresse</source>
      <translation>Address</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="117" />
      <source>Commune</source>
      <translation>Municipality</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="122" />
      <source>Code postal</source>
      <translation>Postcode</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="123" />
      <source>Code INSEE</source>
      <translation>INSEE code</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="124" />
      <source>Genre</source>
      <translation>Gender</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="125" />
      <source>Tranche d'âge</source>
      <translation>Age band</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="126" />
      <source>Statut</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="130" />
      <source> chèque(s)</source>
      <translation> voucher(s)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="131" />
      <source>Chèques Pass Numérique remis</source>
      <translation>Pass Numérique vouchers handed out</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="132" />
      <source>Information RGPD donnée, &amp;consentement recueilli</source>
      <translation>GDPR information given, &amp;consent obtained</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="136" />
      <source>Date du consentement</source>
      <translation>Date of consent</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="139" />
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="142" />
      <source>Identité et coordonnées</source>
      <translation>Identity and contact details</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="146" />
      <source>&amp;Prénom</source>
      <translation>&amp;First name</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="147" />
      <source>&amp;Nom</source>
      <translation>&amp;Last name</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="153" />
      <source>Télép&amp;hone</source>
      <translation>&amp;Phone</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="154" />
      <source>E-mai&amp;l</source>
      <translation>&amp;E-mail</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="172" />
      <source>le</source>
      <translation>on</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="479" />
      <source>L'enregistrement de la fiche</source>
      <translation>Saving the record</translation>
    </message>
    <message>
      <source>&amp;E-mail</source>
      <translation type="vanished">&amp;E-mail</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="155" />
      <source>A&amp;dresse</source>
      <translation>A&amp;ddress</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="156" />
      <source>Co&amp;mmune</source>
      <translation>&amp;Municipality</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="157" />
      <source>Code p&amp;ostal</source>
      <translation>P&amp;ostcode</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="158" />
      <source>Code &amp;INSEE</source>
      <translation>&amp;INSEE code</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="160" />
      <source>Situation</source>
      <translation>Situation</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="162" />
      <source>Année de nai&amp;ssance</source>
      <translation>Birth &amp;year</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="163" />
      <source>T&amp;ranche d'âge</source>
      <translation>Age &amp;band</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="164" />
      <source>&amp;Genre</source>
      <translation>&amp;Gender</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="165" />
      <source>Stat&amp;ut</source>
      <translation>Stat&amp;us</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="166" />
      <source>Pass Numéri&amp;que</source>
      <translation>Pass &amp;Numérique</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="167" />
      <source>Consentement :</source>
      <translation>Consent:</translation>
    </message>
    <message>
      <source>l&amp;e</source>
      <translation type="vanished">o&amp;n</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="177" />
      <source>Public prioritaire</source>
      <translation>Priority public</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="183" />
      <source>Handicap : cocher seulement avec le consentement de la personne, et n'écrire aucun détail (donnée sensible).</source>
      <translation>Disability: tick only with the person's consent, and write no details (sensitive data).</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="192" />
      <source>No&amp;tes</source>
      <translation>No&amp;tes</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="212" />
      <source>&amp;Enregistrer</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="213" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/editor.py" line="240" />
      <source>— non renseigné —</source>
      <translation>— not given —</translation>
    </message>
    <message numerus="yes">
      <location filename="../../stpaul_field/ui/register/editor.py" line="404" />
      <source>%n erreur(s) à corriger avant d'enregistrer.</source>
      <translation>
        <numerusform>%n error to correct before saving.</numerusform>
        <numerusform>%n errors to correct before saving.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BeneficiaryPicker</name>
    <message>
      <location filename="../../stpaul_field/ui/widgets/beneficiary_picker.py" line="58" />
      <source>Nom, prénom ou téléphone…</source>
      <translation>Last name, first name or phone…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/beneficiary_picker.py" line="59" />
      <source>Rechercher un bénéficiaire</source>
      <translation>Search for a beneficiary</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/beneficiary_picker.py" line="61" />
      <source>&amp;Nouveau…</source>
      <translation>&amp;New…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/beneficiary_picker.py" line="62" />
      <source>Créer un bénéficiaire (prénom et nom)</source>
      <translation>Create a beneficiary (first and last name)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/beneficiary_picker.py" line="63" />
      <source>Créer un nouveau bénéficiaire</source>
      <translation>Create a new beneficiary</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/beneficiary_picker.py" line="65" />
      <source>Bénéficiaires trouvés</source>
      <translation>Beneficiaries found</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/beneficiary_picker.py" line="135" />
      <source>Aucun bénéficiaire trouvé — « Nouveau… » pour le créer</source>
      <translation>No beneficiary found — “New…” to create one</translation>
    </message>
  </context>
  <context>
    <name>BeneficiaryTableModel</name>
    <message>
      <location filename="../../stpaul_field/ui/register/model.py" line="39" />
      <source>Nom</source>
      <translation>Last name</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/model.py" line="45" />
      <source>Prénom</source>
      <translation>First name</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/model.py" line="51" />
      <source>Né(e) en</source>
      <translation>Born in</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/model.py" line="55" />
      <source>Téléphone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/model.py" line="58" />
      <source>Commune</source>
      <translation>Municipality</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/model.py" line="64" />
      <source>Public prioritaire</source>
      <translation>Priority public</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/model.py" line="70" />
      <source>Modifiée le</source>
      <translation>Updated on</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/model.py" line="30" />
      <source>pas de téléphone</source>
      <translation>no phone</translation>
    </message>
  </context>
  <context>
    <name>BinTableModel</name>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="43" />
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="43" />
      <source>Élément</source>
      <translation>Item</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="43" />
      <source>Détail</source>
      <translation>Detail</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="43" />
      <source>Supprimé le</source>
      <translation>Deleted on</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="45" />
      <source>Bénéficiaire</source>
      <translation>Beneficiary</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="46" />
      <source>Activité</source>
      <translation>Activity</translation>
    </message>
  </context>
  <context>
    <name>BinView</name>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="79" />
      <location filename="../../stpaul_field/ui/bin_view.py" line="81" />
      <source>Corbeille</source>
      <translation>Bin</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="88" />
      <source>Les fiches et activités supprimées restent ici et se restaurent à tout moment ; rien n'est effacé définitivement. La suppression et la restauration sont transmises au registre central à la prochaine synchronisation.</source>
      <translation>Deleted records and activities stay here and can be restored at any time; nothing is erased for good. Deleting and restoring reach the central record at the next synchronisation.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="99" />
      <source>Éléments de la corbeille</source>
      <translation>Items in the bin</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="110" />
      <source>&amp;Éléments supprimés :</source>
      <translation>Deleted &amp;items:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="113" />
      <source>&amp;Restaurer</source>
      <translation>&amp;Restore</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="114" />
      <source>Ac&amp;tualiser</source>
      <translation>R&amp;efresh</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="150" />
      <source>%1 éléments ; les %2 plus récents sont affichés.</source>
      <translation>%1 items; the %2 most recent are shown.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="153" />
      <source>Éléments dans la corbeille : %1</source>
      <translation>Items in the bin: %1</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="155" />
      <source>La corbeille est vide.</source>
      <translation>The bin is empty.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="177" />
      <source>Restaurer</source>
      <translation>Restore</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/bin_view.py" line="179" />
      <source>La restauration</source>
      <translation>Restoring</translation>
    </message>
  </context>
  <context>
    <name>BlankSheetDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/blank_sheet_dialog.py" line="44" />
      <source>Feuille d'émargement vierge</source>
      <translation>Blank attendance sheet</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/blank_sheet_dialog.py" line="47" />
      <source>Pour un atelier qui n'est pas dans l'agenda : ce qui est déjà connu est imprimé, les participants écrivent leur nom à la main. Enregistrez ensuite l'atelier (Fichier › Nouvel atelier) avec ses présents.</source>
      <translation>For a workshop that is not in the agenda: what is known is printed, participants write their names by hand. Then record the workshop (File › New workshop) with who attended.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/blank_sheet_dialog.py" line="55" />
      <source>à écrire à la main si vide</source>
      <translation>written by hand if empty</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/blank_sheet_dialog.py" line="60" />
      <source>Autre lieu (écrit ci-dessous)</source>
      <translation>Other place (written below)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/blank_sheet_dialog.py" line="64" />
      <source>nom du lieu, commune</source>
      <translation>name of the place, commune</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/blank_sheet_dialog.py" line="67" />
      <source>&amp;Titre :</source>
      <translation>&amp;Title:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/blank_sheet_dialog.py" line="68" />
      <source>&amp;Date :</source>
      <translation>&amp;Date:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/blank_sheet_dialog.py" line="69" />
      <source>&amp;Heure de début :</source>
      <translation>&amp;Start time:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/blank_sheet_dialog.py" line="70" />
      <source>Heure de &amp;fin :</source>
      <translation>&amp;End time:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/blank_sheet_dialog.py" line="71" />
      <source>&amp;Lieu :</source>
      <translation>&amp;Venue:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/blank_sheet_dialog.py" line="72" />
      <source>A&amp;utre lieu :</source>
      <translation>Other pla&amp;ce:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/blank_sheet_dialog.py" line="77" />
      <source>&amp;Aperçu…</source>
      <translation>&amp;Preview…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/blank_sheet_dialog.py" line="78" />
      <source>&amp;Imprimer…</source>
      <translation>P&amp;rint…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/blank_sheet_dialog.py" line="79" />
      <source>Enregistrer en &amp;PDF…</source>
      <translation>Save as PD&amp;F…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/blank_sheet_dialog.py" line="110" />
      <source>L'heure de fin doit suivre l'heure de début.</source>
      <translation>The end time must come after the start time.</translation>
    </message>
  </context>
  <context>
    <name>BreakdownModel</name>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="95" />
      <source>Suivis</source>
      <translation>Follow-ups</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="95" />
      <source>Part</source>
      <translation>Share</translation>
    </message>
  </context>
  <context>
    <name>ColumnsDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/register/columns_dialog.py" line="21" />
      <source>Colonnes du fichier</source>
      <translation>The file's columns</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/columns_dialog.py" line="24" />
      <source>Pour chaque information, choisissez la colonne du fichier qui la contient. Ce choix est retenu pour les prochains fichiers aux mêmes en-têtes.</source>
      <translation>For each piece of information, choose the file's column that holds it. The choice is remembered for the next files with the same headers.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/columns_dialog.py" line="33" />
      <source>— aucune —</source>
      <translation>— none —</translation>
    </message>
  </context>
  <context>
    <name>CommuneField</name>
    <message>
      <location filename="../../stpaul_field/ui/widgets/commune_field.py" line="16" />
      <location filename="../../stpaul_field/ui/widgets/commune_field.py" line="17" />
      <source>Commune</source>
      <translation>Municipality</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/commune_field.py" line="19" />
      <location filename="../../stpaul_field/ui/widgets/commune_field.py" line="20" />
      <source>Code postal</source>
      <translation>Postcode</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/commune_field.py" line="24" />
      <location filename="../../stpaul_field/ui/widgets/commune_field.py" line="25" />
      <source>Code INSEE</source>
      <translation>INSEE code</translation>
    </message>
  </context>
  <context>
    <name>ConflictsModel</name>
    <message>
      <location filename="../../stpaul_field/ui/conflicts_view.py" line="50" />
      <source>Fiche</source>
      <translation>Record</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/conflicts_view.py" line="51" />
      <source>Champ</source>
      <translation>Field</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/conflicts_view.py" line="52" />
      <source>Valeur gardée</source>
      <translation>Value kept</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/conflicts_view.py" line="53" />
      <source>Valeur perdue</source>
      <translation>Value lost</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/conflicts_view.py" line="54" />
      <source>Valeur perdue : de qui</source>
      <translation>Lost value: whose</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/conflicts_view.py" line="74" />
      <source>la mienne</source>
      <translation>mine</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/conflicts_view.py" line="74" />
      <source>l'autre</source>
      <translation>the other laptop's</translation>
    </message>
  </context>
  <context>
    <name>ConflictsView</name>
    <message>
      <location filename="../../stpaul_field/ui/conflicts_view.py" line="87" />
      <source>Conflits à examiner</source>
      <translation>Conflicts to review</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/conflicts_view.py" line="90" />
      <source>Quand deux postes ont modifié le même champ, la modification la plus récente est gardée et l'autre valeur est conservée ici. Choisissez pour chacune la valeur juste.</source>
      <translation>When two laptops changed the same field, the latest change is kept and the other value is kept here. Choose the right value for each.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/conflicts_view.py" line="98" />
      <source>Conflits ouverts</source>
      <translation>Open conflicts</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/conflicts_view.py" line="109" />
      <source>Aucun conflit à examiner.</source>
      <translation>No conflict to review.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/conflicts_view.py" line="116" />
      <source>Garder la &amp;mienne</source>
      <translation>Keep &amp;mine</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/conflicts_view.py" line="117" />
      <source>La valeur de ce poste devient celle de la fiche</source>
      <translation>This laptop's value becomes the record's</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/conflicts_view.py" line="118" />
      <source>Garder l'a&amp;utre</source>
      <translation>Keep the &amp;other</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/conflicts_view.py" line="119" />
      <source>La valeur de l'autre poste devient celle de la fiche</source>
      <translation>The other laptop's value becomes the record's</translation>
    </message>
  </context>
  <context>
    <name>DateField</name>
    <message>
      <location filename="../../stpaul_field/ui/widgets/typed_fields.py" line="77" />
      <source>jj/mm/aaaa</source>
      <translation>dd/mm/yyyy</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/typed_fields.py" line="89" />
      <source>Choisir dans le calendrier</source>
      <translation>Pick from the calendar</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/typed_fields.py" line="90" />
      <source>Calendrier</source>
      <translation>Calendar</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/typed_fields.py" line="127" />
      <source>Date non comprise : tapez par exemple 14/10/2026, 14/10 ou 1410.</source>
      <translation>Date not understood: type for example 14/10/2026, 14/10 or 1410.</translation>
    </message>
  </context>
  <context>
    <name>DuplicateDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/register/duplicates.py" line="32" />
      <source>Ce bénéficiaire existe peut-être déjà</source>
      <translation>This beneficiary may already exist</translation>
    </message>
    <message numerus="yes">
      <location filename="../../stpaul_field/ui/register/duplicates.py" line="35" />
      <source>Le registre contient déjà %n fiche(s) qui ressemble(nt) à celle-ci. Ouvrez la fiche existante plutôt que d'en créer une seconde.</source>
      <translation>
        <numerusform>The register already has %n record that looks like this one. Open the existing record rather than creating a second one.</numerusform>
        <numerusform>The register already has %n records that look like this one. Open the existing record rather than creating a second one.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/duplicates.py" line="43" />
      <source>Fiches qui ressemblent</source>
      <translation>Similar records</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/duplicates.py" line="48" />
      <source>même nom</source>
      <translation>same name</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/duplicates.py" line="48" />
      <source>, même année</source>
      <translation>, same year</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/duplicates.py" line="50" />
      <source>même téléphone</source>
      <translation>same phone</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/duplicates.py" line="51" />
      <source>année inconnue</source>
      <translation>year unknown</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/duplicates.py" line="63" />
      <source>&amp;Ouvrir la fiche existante</source>
      <translation>&amp;Open the existing record</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/duplicates.py" line="64" />
      <source>&amp;Créer quand même</source>
      <translation>&amp;Create anyway</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/duplicates.py" line="65" />
      <source>&amp;Revenir au formulaire</source>
      <translation>&amp;Back to the form</translation>
    </message>
  </context>
  <context>
    <name>DurationPicker</name>
    <message>
      <location filename="../../stpaul_field/ui/widgets/duration.py" line="22" />
      <source>Autre durée…</source>
      <translation>Other duration…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/duration.py" line="23" />
      <source>Durée</source>
      <translation>Duration</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/duration.py" line="27" />
      <source>Heures</source>
      <translation>Hours</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/duration.py" line="32" />
      <source>Minutes</source>
      <translation>Minutes</translation>
    </message>
  </context>
  <context>
    <name>EnrolmentForm</name>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="136" />
      <source>Ce poste n'est pas encore inscrit au registre central. L'inscription se fait une fois, avec une connexion, avec votre compte de conseiller. Tout ce qui a été saisi avant l'inscription est ensuite envoyé à votre nom.</source>
      <translation>This laptop is not enrolled with the central record yet. Enrolment is done once, online, with your advisor account. Everything recorded before enrolment is then sent under your name.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="149" />
      <source>Fichier .pem fourni par le service informatique</source>
      <translation>.pem file provided by the IT department</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="150" />
      <source>&amp;Parcourir…</source>
      <translation>&amp;Browse…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="151" />
      <source>Choisir le fichier de l'autorité de certification</source>
      <translation>Choose the certificate authority file</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="165" />
      <source>Adresse du &amp;serveur :</source>
      <translation>&amp;Server address:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="166" />
      <source>&amp;Identifiant :</source>
      <translation>&amp;Login:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="167" />
      <source>&amp;Mot de passe :</source>
      <translation>&amp;Password:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="168" />
      <source>&amp;Nom du poste :</source>
      <translation>Laptop &amp;name:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="170" />
      <source>A&amp;utorité de certification (facultatif) :</source>
      <translation>Certificate a&amp;uthority (optional):</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="173" />
      <source>Autorité de certification (facultatif)</source>
      <translation>Certificate authority (optional)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="175" />
      <source>Inscrire ce p&amp;oste</source>
      <translation>&amp;Enrol this laptop</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="180" />
      <source>Inscription en cours…</source>
      <translation>Enrolling…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="187" />
      <source>Inscrire ce poste</source>
      <translation>Enrol this laptop</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="203" />
      <source>Autorité de certification</source>
      <translation>Certificate authority</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="205" />
      <source>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</source>
      <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="223" />
      <source>Indiquez l'adresse du serveur du registre central.</source>
      <translation>Enter the address of the central record's server.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="228" />
      <source>L'adresse commence par https:// (par exemple https://registre.saintpaul.re).</source>
      <translation>The address starts with https:// (for example https://registre.saintpaul.re).</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="232" />
      <source>Indiquez votre identifiant de conseiller.</source>
      <translation>Enter your advisor login.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="234" />
      <source>Indiquez votre mot de passe.</source>
      <translation>Enter your password.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="238" />
      <source>Donnez un nom à ce poste (par exemple « Portable Mafate 2 »).</source>
      <translation>Give this laptop a name (for example “Mafate laptop 2”).</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="242" />
      <source>Ce fichier est introuvable.</source>
      <translation>This file cannot be found.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="260" />
      <source>L'inscription a échoué.</source>
      <translation>Enrolment failed.</translation>
    </message>
  </context>
  <context>
    <name>FieldErrors</name>
    <message>
      <location filename="../../stpaul_field/ui/widgets/field_errors.py" line="82" />
      <source>Corrigez les champs signalés avant d'enregistrer.</source>
      <translation>Correct the highlighted fields before saving.</translation>
    </message>
  </context>
  <context>
    <name>HelpDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/help_dialog.py" line="21" />
      <source>Aide</source>
      <translation>Help</translation>
    </message>
  </context>
  <context>
    <name>HistoryModel</name>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="43" />
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="44" />
      <source>Objet</source>
      <translation>Subject</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="45" />
      <source>Lieu</source>
      <translation>Place</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="46" />
      <source>Conseiller</source>
      <translation>Advisor</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="47" />
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="48" />
      <source>Présence</source>
      <translation>Attendance</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="73" />
      <source>présent(e)</source>
      <translation>present</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/detail.py" line="73" />
      <source>absent(e)</source>
      <translation>absent</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="53" />
      <source>Importer des bénéficiaires</source>
      <translation>Import beneficiaries</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="54" />
      <source>Choisissez un fichier : modèle ou export de la Coop, ou CSV/XLSX.</source>
      <translation>Choose a file: the Coop's template or export, or CSV/XLSX.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="58" />
      <source>&amp;Choisir le fichier…</source>
      <translation>&amp;Choose the file…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="61" />
      <source>C&amp;olonnes…</source>
      <translation>C&amp;olumns…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="67" />
      <source>Erreurs (lignes ignorées)</source>
      <translation>Errors (rows skipped)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="69" />
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="73" />
      <source>Ligne</source>
      <translation>Row</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="69" />
      <source>Colonne</source>
      <translation>Column</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="69" />
      <source>Erreur</source>
      <translation>Error</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="70" />
      <source>Erreurs du fichier</source>
      <translation>The file's errors</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="71" />
      <source>Doublons : que faire de chacun ?</source>
      <translation>Duplicates: what to do with each?</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="73" />
      <source>Déjà connu</source>
      <translation>Already known</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="73" />
      <source>Choix</source>
      <translation>Choice</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="74" />
      <source>Doublons trouvés</source>
      <translation>Duplicates found</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="82" />
      <source>&amp;Importer</source>
      <translation>&amp;Import</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="85" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="109" />
      <source>Classeurs et CSV (*.xlsx *.csv *.txt);;Tous les fichiers (*)</source>
      <translation>Workbooks and CSV (*.xlsx *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="119" />
      <source>Lecture de {0}…</source>
      <translation>Reading {0}…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="151" />
      <source>Les en-têtes de ce fichier ne disent pas quelle colonne tient le nom et le prénom : indiquez-le avec « Colonnes… ».</source>
      <translation>This file's headers do not say which column holds the last and first names: say it with « Columns… ».</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="158" />
      <source>Le fichier n'a pas pu être lu : {0}</source>
      <translation>The file could not be read: {0}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="189" />
      <source>Choix pour la ligne {0}</source>
      <translation>Choice for row {0}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="190" />
      <source>Joindre à la fiche existante</source>
      <translation>Join to the existing record</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="191" />
      <source>Créer une nouvelle fiche</source>
      <translation>Create a new record</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="192" />
      <source>Ignorer la ligne</source>
      <translation>Skip the row</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="221" />
      <source>{0} : {1} ligne(s). À créer : {2} · à fusionner : {3} · à ignorer : {4} (dont {5} en erreur) · doublons : {6}.</source>
      <translation>{0}: {1} row(s). To create: {2} · to merge: {3} · to skip: {4} ({5} with errors) · duplicates: {6}.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="232" />
      <source> Colonnes retenues au dernier import d'un fichier aux mêmes en-têtes.</source>
      <translation> Columns remembered from the last import of a file with the same headers.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/import_dialog.py" line="273" />
      <source>L'import n'a pas pu être écrit, rien n'a été importé : {0}</source>
      <translation>The import could not be written, nothing was imported: {0}</translation>
    </message>
  </context>
  <context>
    <name>JoinSeriesDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="281" />
      <source>Inscrire au cycle</source>
      <translation>Register for the cycle</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="285" />
      <source>La personne est inscrite aux séances qui restent (pas aux passées).</source>
      <translation>The person is registered for the remaining sessions (not the past ones).</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="288" />
      <source>Inscrire au cycle : rechercher</source>
      <translation>Register for the cycle: search</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="319" />
      <source>Inscription impossible</source>
      <translation>Could not register</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="320" />
      <source>La personne n'a pas été inscrite au cycle : {0}</source>
      <translation>The person was not registered for the cycle: {0}</translation>
    </message>
  </context>
  <context>
    <name>Launcher</name>
    <message>
      <location filename="../../stpaul_field/ui/app.py" line="93" />
      <source>Ouverture des données du poste…</source>
      <translation>Opening this laptop’s data…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/app.py" line="138" />
      <source>Ce n'est pas la bonne phrase de passe. Réessayez.</source>
      <translation>This is not the right passphrase. Try again.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/app.py" line="159" />
      <source>Choisissez une phrase de passe pour protéger ce poste</source>
      <translation>Choose a passphrase to protect this laptop</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/app.py" line="160" />
      <source>{0} caractères au moins ; une courte phrase se retient mieux qu'un mot.</source>
      <translation>{0} characters at least; a short sentence is easier to remember than a word.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/app.py" line="164" />
      <source>Retenez-la bien : sans elle, personne ne peut lire les données de ce poste, pas même le service informatique. Si elle est oubliée, ce qui a été synchronisé reste au registre central : le poste est remis à zéro puis inscrit de nouveau, et tout ce qui avait été synchronisé revient ; ce qui ne l'avait pas été est perdu.</source>
      <translation>Remember it well: without it, nobody can read this laptop's data, not even the IT department. If it is forgotten, what was synced stays in the central record: the laptop is reset and enrolled again, and everything that was synced comes back; what was not is lost.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/app.py" line="170" />
      <source>Phrase de passe du poste</source>
      <translation>Laptop passphrase</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/app.py" line="173" />
      <source>Phrase de passe oubliée ? Sans elle, les données de ce poste restent illisibles. Ce qui a été synchronisé est conservé au registre central : demandez au coordinateur de remettre le poste à zéro, puis inscrivez-le de nouveau pour le retrouver ; ce qui n'avait pas été synchronisé est perdu.</source>
      <translation>Forgotten passphrase? Without it, this laptop's data cannot be read. What was synced is kept in the central record: ask the coordinator to reset the laptop, then enrol it again to get it back; what was not synced is lost.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/app.py" line="179" />
      <source>Ouvrir le poste</source>
      <translation>Open the laptop</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/app.py" line="190" />
      <source>La phrase de passe doit compter au moins {0} caractères.</source>
      <translation>The passphrase must have at least {0} characters.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/app.py" line="194" />
      <source>Les deux saisies diffèrent.</source>
      <translation>The two entries differ.</translation>
    </message>
    <message>
      <source>Le poste reste fermé sans sa phrase de passe.</source>
      <translation type="vanished">The laptop stays closed without its passphrase.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/app.py" line="239" />
      <source>Ouverture impossible</source>
      <translation>Cannot open</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/app.py" line="240" />
      <source>Les données du poste n'ont pas pu être ouvertes :
{0}</source>
      <translation>This laptop’s data could not be opened:
{0}</translation>
    </message>
  </context>
  <context>
    <name>LockController</name>
    <message>
      <location filename="../../stpaul_field/ui/lock.py" line="153" />
      <location filename="../../stpaul_field/ui/lock.py" line="186" />
      <source>Code de déverrouillage</source>
      <translation>Unlock code</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/lock.py" line="154" />
      <source>Choisissez un code ({0} caractères au moins)</source>
      <translation>Choose a code ({0} characters at least)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/lock.py" line="161" />
      <source>Le code doit compter au moins {0} caractères.</source>
      <translation>The code must have at least {0} characters.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/lock.py" line="163" />
      <source>Les deux saisies diffèrent.</source>
      <translation>The two entries differ.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/lock.py" line="186" />
      <source>Phrase de passe du poste</source>
      <translation>Laptop passphrase</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/lock.py" line="188" />
      <source>Poste verrouillé</source>
      <translation>Laptop locked</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/lock.py" line="205" />
      <source>Ce n'est pas le bon secret. Réessayez.</source>
      <translation>That is not the right secret. Try again.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Saint-Paul — Accompagnements numériques</source>
      <translation type="vanished">Saint-Paul — Digital accompaniments</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="100" />
      <source>Navigation</source>
      <translation>Navigation</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="89" />
      <location filename="../../stpaul_field/ui/main_window.py" line="140" />
      <source>Agenda</source>
      <translation>Agenda</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="141" />
      <source>Bénéficiaires</source>
      <translation>Beneficiaries</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="142" />
      <source>Activités</source>
      <translation>Activities</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="143" />
      <source>Rapports</source>
      <translation>Reports</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="144" />
      <location filename="../../stpaul_field/ui/main_window.py" line="171" />
      <source>Synchronisation</source>
      <translation>Synchronisation</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="145" />
      <source>Corbeille</source>
      <translation>Bin</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="240" />
      <source>&amp;Fichier</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="241" />
      <source>Nouvel &amp;accompagnement…</source>
      <translation>New &amp;accompaniment…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="244" />
      <source>Nouvel a&amp;telier…</source>
      <translation>New &amp;workshop…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="247" />
      <source>Feuilles d'é&amp;margement du jour…</source>
      <translation>The day's attendance &amp;sheets…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="250" />
      <source>Feuille d'émargement vier&amp;ge…</source>
      <translation>Blank attendance &amp;sheet…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="253" />
      <source>&amp;Paramètres…</source>
      <translation>&amp;Settings…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="256" />
      <source>&amp;Lieux d'activité…</source>
      <translation>&amp;Venues…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="258" />
      <source>Sa&amp;uvegardes…</source>
      <translation>&amp;Backups…</translation>
    </message>
    <message>
      <source>&amp;Sauvegardes…</source>
      <translation type="vanished">&amp;Backups…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="261" />
      <source>&amp;Verrouiller le poste</source>
      <translation>&amp;Lock the laptop</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="265" />
      <source>&amp;Quitter</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="268" />
      <source>&amp;Affichage</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="269" />
      <source>Ai&amp;de</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="270" />
      <source>&amp;Aide…</source>
      <translation>&amp;Help…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="273" />
      <source>À &amp;propos de l'application…</source>
      <translation>&amp;About the application…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="322" />
      <source>État de la synchronisation</source>
      <translation>Synchronisation status</translation>
    </message>
    <message>
      <source>Modifications locales à envoyer</source>
      <translation type="vanished">Local changes to send</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="325" />
      <source>Changer le lieu où je travaille</source>
      <translation>Change where I work</translation>
    </message>
    <message>
      <source>Tout est sur le registre central</source>
      <translation type="vanished">Everything is on the central record</translation>
    </message>
    <message numerus="yes">
      <source>%n modification(s) locale(s) pas encore sur le registre central</source>
      <translation type="vanished">
        <numerusform>%n local change not yet on the central record</numerusform>
        <numerusform>%n local changes not yet on the central record</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="354" />
      <source>Lieu : {0}</source>
      <translation>Place: {0}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="354" />
      <source>Choisir mon lieu de travail…</source>
      <translation>Choose where I work…</translation>
    </message>
  </context>
  <context>
    <name>MergeDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="48" />
      <source>Fusionner deux fiches</source>
      <translation>Merge two records</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="57" />
      <source>Une des fiches n'existe plus sur ce poste.</source>
      <translation>One of the records no longer exists on this laptop.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="64" />
      <source>Les deux fiches deviennent une seule : tout l'historique des deux est conservé sur la fiche gardée. Choisissez la fiche à garder puis, pour chaque différence, la valeur juste.</source>
      <translation>The two records become one: the whole history of both is kept on the record kept. Choose the record to keep, then the right value for each difference.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="71" />
      <source>Fiche à garder</source>
      <translation>Record to keep</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="77" />
      <source>Fiche %0 : %1 — %2 activité(s), créée le %3</source>
      <translation>Record %0: %1 — %2 activity(ies), created on %3</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="87" />
      <source>Valeurs différentes</source>
      <translation>Different values</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="91" />
      <source>&lt;b&gt;Champ&lt;/b&gt;</source>
      <translation>&lt;b&gt;Field&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="92" />
      <source>&lt;b&gt;Fiche 1&lt;/b&gt;</source>
      <translation>&lt;b&gt;Record 1&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="93" />
      <source>&lt;b&gt;Fiche 2&lt;/b&gt;</source>
      <translation>&lt;b&gt;Record 2&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="113" />
      <source>Les deux fiches ont les mêmes valeurs.</source>
      <translation>Both records have the same values.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="119" />
      <source>Pass Numérique : les chèques des deux fiches sont additionnés (%1).</source>
      <translation>Pass Numérique: the vouchers of both records are added up (%1).</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="138" />
      <source>&amp;Fusionner les fiches</source>
      <translation>&amp;Merge the records</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="139" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="159" />
      <source>Prénom</source>
      <translation>First name</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="160" />
      <source>Nom</source>
      <translation>Last name</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="161" />
      <source>Téléphone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="162" />
      <source>Pas de téléphone</source>
      <translation>No phone</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="163" />
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="164" />
      <source>Année de naissance</source>
      <translation>Birth year</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="165" />
      <source>Adresse</source>
      <translation>Address</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="166" />
      <source>Commune</source>
      <translation>Municipality</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="167" />
      <source>Code postal</source>
      <translation>Postcode</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="168" />
      <source>Code INSEE</source>
      <translation>INSEE code</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="169" />
      <source>Genre</source>
      <translation>Gender</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="170" />
      <source>Tranche d'âge</source>
      <translation>Age band</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="171" />
      <source>Statut</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="175" />
      <source>Consentement</source>
      <translation>Consent</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="176" />
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="181" />
      <source>(vide)</source>
      <translation>(empty)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="183" />
      <source>oui</source>
      <translation>yes</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="183" />
      <source>non</source>
      <translation>no</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="187" />
      <source>donné le %1</source>
      <translation>given on %1</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/merge.py" line="223" />
      <source>La fusion des fiches</source>
      <translation>Merging the records</translation>
    </message>
  </context>
  <context>
    <name>PendingModel</name>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="92" />
      <source>Fiche</source>
      <translation>Record</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="92" />
      <source>Changement</source>
      <translation>Change</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="92" />
      <source>Saisie</source>
      <translation>Recorded</translation>
    </message>
  </context>
  <context>
    <name>PlaceholderView</name>
    <message>
      <location filename="../../stpaul_field/ui/main_window.py" line="50" />
      <source>« {0} » n'est pas encore disponible sur ce poste.</source>
      <translation>“{0}” is not available on this laptop yet.</translation>
    </message>
  </context>
  <context>
    <name>QCoreApplication</name>
    <message>
      <source>BeneficiaryTableModel</source>
      <comment>Nom</comment>
      <translation type="vanished">BeneficiaryTableModel</translation>
    </message>
  </context>
  <context>
    <name>QuickCreateDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/widgets/beneficiary_picker.py" line="206" />
      <source>Nouveau bénéficiaire</source>
      <translation>New beneficiary</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/beneficiary_picker.py" line="210" />
      <source>Prénom</source>
      <translation>First name</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/beneficiary_picker.py" line="211" />
      <source>Nom</source>
      <translation>Last name</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/beneficiary_picker.py" line="217" />
      <source>&amp;Prénom</source>
      <translation>&amp;First name</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/beneficiary_picker.py" line="219" />
      <source>N&amp;om</source>
      <translation>&amp;Last name</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/beneficiary_picker.py" line="226" />
      <source>Créer</source>
      <translation>Create</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/beneficiary_picker.py" line="227" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>RegisterView</name>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="59" />
      <source>Registre des bénéficiaires</source>
      <translation>Beneficiary register</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="63" />
      <source>Nom, prénom ou téléphone…</source>
      <translation>Last name, first name or phone…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="65" />
      <source>Rechercher un bénéficiaire</source>
      <translation>Search for a beneficiary</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="67" />
      <source>&amp;Rechercher :</source>
      <translation>&amp;Search:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="70" />
      <source>Nombre de bénéficiaires trouvés</source>
      <translation>Number of beneficiaries found</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="71" />
      <source>&amp;Nouveau bénéficiaire</source>
      <translation>&amp;New beneficiary</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="72" />
      <source>&amp;Modifier</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="73" />
      <source>F&amp;usionner…</source>
      <translation>&amp;Merge…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="74" />
      <location filename="../../stpaul_field/ui/register/view.py" line="348" />
      <source>Sélectionnez deux fiches (Ctrl+clic) de la même personne.</source>
      <translation>Select two records (Ctrl+click) of the same person.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="75" />
      <source>Mettre à la &amp;corbeille</source>
      <translation>Move to the &amp;bin</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="76" />
      <source>&amp;Importer…</source>
      <translation>&amp;Import…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="78" />
      <source>Modèle ou export de la Coop, ou CSV/XLSX de la ville : aperçu avant d'importer.</source>
      <translation>The Coop's template or export, or the city's CSV/XLSX: previewed before importing.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="80" />
      <source>Importer des acti&amp;vités…</source>
      <translation>Import &amp;activities…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="83" />
      <source>Votre export des activités de la Coop : chaque activité, avec ses bénéficiaires (retrouvés dans le registre ou créés) ; aperçu avant d'importer.</source>
      <translation>Your activities export from the Coop: each activity with its beneficiaries (found in the register or created); a preview before importing.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="96" />
      <source>Trier par</source>
      <translation>Sort by</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="99" />
      <source>&amp;Trier par :</source>
      <translation>S&amp;ort by:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="101" />
      <source>Ordre décroi&amp;ssant</source>
      <translation>&amp;Descending order</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="115" />
      <source>Annuler la su&amp;ppression</source>
      <translation>&amp;Undo the delete</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="125" />
      <source>Liste des bénéficiaires</source>
      <translation>List of beneficiaries</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="228" />
      <source>Trouvés : plus de %1</source>
      <translation>Found: more than %1</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="230" />
      <source>Trouvés : %1</source>
      <translation>Found: %1</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="232" />
      <source>Bénéficiaires : %1</source>
      <translation>Beneficiaries: %1</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="347" />
      <source>Fusionner</source>
      <translation>Merge</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="381" />
      <source>La mise à la corbeille</source>
      <translation>Moving to the bin</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="387" />
      <source>« %1 » est dans la corbeille.</source>
      <translation>“%1” is in the bin.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../stpaul_field/ui/register/view.py" line="389" />
      <source>%n fiche(s) mises à la corbeille.</source>
      <translation>
        <numerusform>%n record moved to the bin.</numerusform>
        <numerusform>%n records moved to the bin.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/register/view.py" line="412" />
      <source>La restauration des fiches</source>
      <translation>Restoring the records</translation>
    </message>
  </context>
  <context>
    <name>RejectedModel</name>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="75" />
      <source>Fiche</source>
      <translation>Record</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="75" />
      <source>Motif du refus</source>
      <translation>Reason for refusal</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="75" />
      <source>Saisie</source>
      <translation>Recorded</translation>
    </message>
  </context>
  <context>
    <name>ReportsView</name>
    <message>
      <source>Par bassin de vie</source>
      <translation type="vanished">By living area</translation>
    </message>
    <message>
      <source>Par lieu</source>
      <translation type="vanished">By venue</translation>
    </message>
    <message>
      <source>Par thématique</source>
      <translation type="vanished">By theme</translation>
    </message>
    <message>
      <source>Par démarche administrative</source>
      <translation type="vanished">By administrative procedure</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="347" />
      <source>Publics prioritaires</source>
      <translation>Priority publics</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="348" />
      <source>Suivis Aidants Connect</source>
      <translation>Aidants Connect follow-ups</translation>
    </message>
    <message>
      <source>Par genre</source>
      <translation type="vanished">By gender</translation>
    </message>
    <message>
      <source>Par tranche d'âge</source>
      <translation type="vanished">By age band</translation>
    </message>
    <message>
      <source>Autonomie (individuels)</source>
      <translation type="vanished">Autonomy (individual)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="346" />
      <source>Réorientations</source>
      <translation>Redirections</translation>
    </message>
    <message>
      <source>Par durée</source>
      <translation type="vanished">By duration</translation>
    </message>
    <message>
      <source>Par conseiller</source>
      <translation type="vanished">By advisor</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="256" />
      <source>Rapports</source>
      <translation>Reports</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="260" />
      <source>Mois</source>
      <translation>Month</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="261" />
      <source>Période</source>
      <translation>Period</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="277" />
      <source>du</source>
      <translation>from</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="279" />
      <source>au</source>
      <translation>to</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="289" />
      <source>Mes chiffres</source>
      <translation>My figures</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="290" />
      <source>L'équipe</source>
      <translation>The team</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="301" />
      <source>Exporter les activités…</source>
      <translation>Export activities…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="302" />
      <source>Exporter les bénéficiaires…</source>
      <translation>Export beneficiaries…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="303" />
      <source>Enregistrer le rapport PDF…</source>
      <translation>Save the PDF report…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="331" />
      <source>%p % de l'objectif</source>
      <translation>%p% of the target</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="340" />
      <source>Bénéficiaires uniques</source>
      <translation>Unique beneficiaries</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="341" />
      <source>Nouveaux bénéficiaires</source>
      <translation>New beneficiaries</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="342" />
      <source>Suivis individuels</source>
      <translation>Individual follow-ups</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="343" />
      <source>Suivis en ateliers</source>
      <translation>Workshop follow-ups</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="344" />
      <source>dont participants anonymes</source>
      <translation>of which anonymous participants</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="345" />
      <source>Activités (indiv. / ateliers)</source>
      <translation>Activities (indiv. / workshops)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="357" />
      <source>Suivis sur 12 mois et objectif</source>
      <translation>Follow-ups over 12 months and target</translation>
    </message>
    <message>
      <source>Lieux</source>
      <translation type="vanished">Venues</translation>
    </message>
    <message>
      <source>Thématiques</source>
      <translation type="vanished">Themes</translation>
    </message>
    <message>
      <source>Publics</source>
      <translation type="vanished">Publics</translation>
    </message>
    <message>
      <source>Accompagnement</source>
      <translation type="vanished">Accompaniment</translation>
    </message>
    <message>
      <source>Conseillers</source>
      <translation type="vanished">Advisors</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="452" />
      <source>Calcul en cours…</source>
      <translation>Computing…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="459" />
      <source>Erreur : {0}</source>
      <translation>Error: {0}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="472" />
      <source>{0} suivis</source>
      <translation>{0} follow-ups</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="473" />
      <source>objectif {0}</source>
      <translation>target {0}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="492" />
      <source>Par conseiller (vue équipe)</source>
      <translation>By advisor (team view)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="499" />
      <source>Équipe</source>
      <translation>Team</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="501" />
      <source>Activités réalisées jusqu'au {0}</source>
      <translation>Activities done until {0}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="505" />
      <source> (les activités prévues déjà passées comptent comme réalisées)</source>
      <translation> (past planned activities count as done)</translation>
    </message>
    <message numerus="yes">
      <location filename="../../stpaul_field/ui/reports_view.py" line="510" />
      <source>%n atelier(s) sans émargement</source>
      <translation>
        <numerusform>%n workshop without attendance</numerusform>
        <numerusform>%n workshops without attendance</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../stpaul_field/ui/reports_view.py" line="511" />
      <source>%n inscrit(s) non compté(s)</source>
      <translation>
        <numerusform>%n registered person not counted</numerusform>
        <numerusform>%n registered people not counted</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="513" />
      <source>Voir ces ateliers dans la liste des activités</source>
      <translation>See these workshops in the activities list</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="526" />
      <source>Non renseigné</source>
      <translation>Not given</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="535" />
      <source>du {0} au {1}</source>
      <translation>from {0} to {1}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="544" />
      <source>Suivis</source>
      <translation>Follow-ups</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="547" />
      <source>Objectif</source>
      <translation>Target</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="622" />
      <source>{0} ligne(s) exportée(s) dans {1}</source>
      <translation>{0} row(s) exported to {1}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="633" />
      <source>Exporter</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="635" />
      <source>Classeur Excel (*.xlsx);;CSV (*.csv)</source>
      <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="649" />
      <location filename="../../stpaul_field/ui/reports_view.py" line="658" />
      <source>Les chiffres ne sont pas encore calculés.</source>
      <translation>The figures are not computed yet.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="651" />
      <source>Rapport enregistré dans {0}</source>
      <translation>Report saved to {0}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="660" />
      <source>Chiffres enregistrés dans {0}</source>
      <translation>Figures saved in {0}</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="667" />
      <source>Chiffres par répartition, XLSX (*.xlsx)</source>
      <translation>Figures by breakdown, XLSX (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="669" />
      <source>Rapport PDF</source>
      <translation>PDF report</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="680" />
      <source>Rapport</source>
      <translation>Report</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/reports_view.py" line="680" />
      <source>Enregistrement impossible : {0}</source>
      <translation>Could not save: {0}</translation>
    </message>
  </context>
  <context>
    <name>SecretDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/lock.py" line="95" />
      <location filename="../../stpaul_field/ui/lock.py" line="96" />
      <source>Confirmation</source>
      <translation>Confirmation</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/lock.py" line="106" />
      <source>&amp;Annuler</source>
      <translation>&amp;Cancel</translation>
    </message>
  </context>
  <context>
    <name>SeriesDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="128" />
      <source>Nouveau cycle d'ateliers</source>
      <translation>New workshop cycle</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="139" />
      <source>Cycle</source>
      <translation>Cycle</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="141" />
      <source>ex. Découvrir l'ordinateur</source>
      <translation>e.g. Discovering the computer</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="142" />
      <source>T&amp;itre</source>
      <translation>T&amp;itle</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="146" />
      <source>Où</source>
      <translation>Where</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="147" />
      <source>Quoi</source>
      <translation>What</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="153" />
      <source>Séances</source>
      <translation>Sessions</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="159" />
      <source>Une semaine après la dernière, aux mêmes heures</source>
      <translation>A week after the last one, at the same hours</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="173" />
      <source>Participants inscrits à toutes les séances</source>
      <translation>Participants registered for every session</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="175" />
      <source>Inscrire un participant : rechercher</source>
      <translation>Register a participant: search</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="144" />
      <source>Nive&amp;au</source>
      <translation>L&amp;evel</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="149" />
      <source>Thémati&amp;ques</source>
      <translation>T&amp;hemes</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="151" />
      <source>Matériel utilisé</source>
      <translation>Equipment used</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="156" />
      <source>&amp;Dates et heures</source>
      <translation>&amp;Dates and times</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="158" />
      <source>A&amp;jouter une séance</source>
      <translation>&amp;Add a session</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="161" />
      <source>Re&amp;tirer la séance</source>
      <translation>Remove the sessi&amp;on</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="176" />
      <source>In&amp;scrire</source>
      <translation>Re&amp;gister</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="178" />
      <source>Liste</source>
      <translation>List</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="188" />
      <source>Enregistrer le cycle et ses séances (Ctrl+Entrée)</source>
      <translation>Save the cycle and its sessions (Ctrl+Enter)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="242" />
      <source>Inscrivez au moins un participant au cycle.</source>
      <translation>Register at least one participant for the cycle.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="267" />
      <source>Enregistrement impossible</source>
      <translation>Could not save</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="268" />
      <source>Le cycle n'a pas été enregistré : {0}</source>
      <translation>The cycle was not saved: {0}</translation>
    </message>
  </context>
  <context>
    <name>SessionsTable</name>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="62" />
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="62" />
      <source>Début</source>
      <translation>Start</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="62" />
      <source>Fin</source>
      <translation>End</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="65" />
      <source>Séances du cycle</source>
      <translation>The cycle's sessions</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/series_dialog.py" line="107" />
      <source>Séance {0} : {1}</source>
      <translation>Session {0}: {1}</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/settings_dialog.py" line="26" />
      <source>Paramètres</source>
      <translation>Settings</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/settings_dialog.py" line="29" />
      <source>— aucun —</source>
      <translation>— none —</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/settings_dialog.py" line="31" />
      <source>&amp;Lieu où je travaille</source>
      <translation>&amp;Place where I work</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/settings_dialog.py" line="37" />
      <source>Lan&amp;gue de l'interface</source>
      <translation>Interface lan&amp;guage</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/settings_dialog.py" line="43" />
      <source>Lignes &amp;vierges des feuilles d'émargement</source>
      <translation>&amp;Blank rows on attendance sheets</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/settings_dialog.py" line="46" />
      <source>La langue change au prochain démarrage de l'application.</source>
      <translation>The language changes the next time the app starts.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/settings_dialog.py" line="51" />
      <source>Enregistrer</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/settings_dialog.py" line="52" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>SyncPanel</name>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="292" />
      <location filename="../../stpaul_field/ui/sync_panel.py" line="308" />
      <source>Synchronisation</source>
      <translation>Synchronisation</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="295" />
      <source>&amp;Synchroniser maintenant</source>
      <translation>&amp;Sync now</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="320" />
      <source>Modifications en attente</source>
      <translation>Pending changes</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="339" />
      <source>Modifications enregistrées sur ce poste (%1)</source>
      <translation>Changes recorded on this laptop (%1)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="342" />
      <source>Elles partiront vers le registre central à la première synchronisation, une fois le poste inscrit.</source>
      <translation>They will leave for the central record with the first sync, once the laptop is enrolled.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="346" />
      <source>Les %1 plus anciennes sont listées.</source>
      <translation>The %1 oldest are listed.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="356" />
      <source>Registre central :</source>
      <translation>Central record:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="357" />
      <source>Conseiller :</source>
      <translation>Advisor:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="365" />
      <source>État de la synchronisation</source>
      <translation>Synchronisation status</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="367" />
      <source>&amp;Synchroniser</source>
      <translation>&amp;Sync</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="368" />
      <source>Envoyer les modifications et recevoir celles de l'équipe (F5)</source>
      <translation>Send the changes and receive the team's (F5)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="372" />
      <source>Progression de la synchronisation</source>
      <translation>Synchronisation progress</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="389" />
      <source>Modifications refusées</source>
      <translation>Refused changes</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="391" />
      <source>&amp;Renvoyer</source>
      <translation>&amp;Resend</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="393" />
      <source>Remettre les modifications choisies dans la prochaine synchronisation</source>
      <translation>Put the chosen changes back into the next sync</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="402" />
      <source>Le registre central a refusé ces modifications ; elles restent sur ce poste. Corrigez la fiche si besoin, puis renvoyez-les.</source>
      <translation>The central record refused these changes; they stay on this laptop. Correct the record if needed, then resend them.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="436" />
      <source>Sans réseau : par fichier (clé USB)</source>
      <translation>No network: by file (USB key)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="437" />
      <source>Synchroniser par fic&amp;hier…</source>
      <translation>Sync by f&amp;ile…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="439" />
      <source>Écrire les modifications en attente dans un fichier chiffré pour le registre central</source>
      <translation>Write the pending changes to an encrypted file for the central record</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="442" />
      <source>&amp;Transmettre un fichier d'un collègue…</source>
      <translation>Rela&amp;y a colleague's file…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="444" />
      <source>Envoyer au registre central, par la connexion de ce poste, le fichier d'un collègue</source>
      <translation>Send a colleague's file to the central record over this laptop's connection</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="447" />
      <source>&amp;Lire une réponse…</source>
      <translation>Read an ans&amp;wer…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="448" />
      <source>Appliquer la réponse du registre central à votre fichier</source>
      <translation>Apply the central record's answer to your file</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="453" />
      <source>Dernier fichier de synchronisation</source>
      <translation>Last sync file</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="464" />
      <source>&amp;Conflits à examiner (%1)</source>
      <translation>&amp;Conflicts to review (%1)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="465" />
      <source>Modifications r&amp;efusées (%1)</source>
      <translation>R&amp;efused changes (%1)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="498" />
      <source>Dernière synchronisation réussie : %1</source>
      <translation>Last successful sync: %1</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="519" />
      <source>Pas de tentative automatique : utilisez « Synchroniser » (F5).</source>
      <translation>No automatic attempt: use “Sync” (F5).</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="526" />
      <source>Prochaine tentative automatique vers %1.</source>
      <translation>Next automatic attempt around %1.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="582" />
      <source>Connexion au registre central…</source>
      <translation>Connecting to the central record…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="601" />
      <source>Synchronisation — envoi : %1 sur %2, réception : %3</source>
      <translation>Syncing — sent: %1 of %2, received: %3</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="622" />
      <source>moins d'une minute restante</source>
      <translation>less than a minute left</translation>
    </message>
    <message numerus="yes">
      <location filename="../../stpaul_field/ui/sync_panel.py" line="623" />
      <source>environ %n minute(s) restante(s)</source>
      <translation>
        <numerusform>about %n minute left</numerusform>
        <numerusform>about %n minutes left</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="633" />
      <source>Synchronisation terminée à %1 :</source>
      <translation>Sync finished at %1:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="635" />
      <source>Synchronisation interrompue à %1 (la suite au prochain essai) :</source>
      <translation>Sync interrupted at %1 (the rest at the next attempt):</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="639" />
      <source>%1 modification envoyée</source>
      <translation>%1 change sent</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="641" />
      <source>%1 modifications envoyées</source>
      <translation>%1 changes sent</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="642" />
      <source>%1 fiche reçue</source>
      <translation>%1 record received</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="642" />
      <source>%1 fiches reçues</source>
      <translation>%1 records received</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="646" />
      <source>%1 refusée</source>
      <translation>%1 refused</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="646" />
      <source>%1 refusées</source>
      <translation>%1 refused</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="650" />
      <source>%1 conflit à examiner</source>
      <translation>%1 conflict to review</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="652" />
      <source>%1 conflits à examiner</source>
      <translation>%1 conflicts to review</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="692" />
      <source>Écrire la demande dans le dossier…</source>
      <translation>Write the request in the folder…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="696" />
      <source>Fichiers de synchronisation (*.stpaul-sync);;Tous les fichiers (*)</source>
      <translation>Sync files (*.stpaul-sync);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="718" />
      <source>L'opération a échoué (erreur inattendue).</source>
      <translation>The operation failed (unexpected error).</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="719" />
      <source>Refusé : %1</source>
      <translation>Refused: %1</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="732" />
      <source>Demande écrite : %1 — %2 modification(s)</source>
      <translation>Request written: %1 — %2 change(s)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="737" />
      <source>, la plus ancienne : %1</source>
      <translation>, the oldest: %1</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="740" />
      <source>Faites-la porter au bureau ou transmettre par un collègue connecté.</source>
      <translation>Have it taken to the office, or relayed by a colleague who is online.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="742" />
      <source>%1 modification(s) de plus iront dans le fichier suivant.</source>
      <translation>%1 more change(s) will go in the next file.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="748" />
      <source>Écriture de la demande…</source>
      <translation>Writing the request…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="752" />
      <source>Fichier de demande d'un collègue</source>
      <translation>A colleague's request file</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="762" />
      <source>Demande transmise ; la réponse pour votre collègue est écrite : %1</source>
      <translation>Request relayed; the answer for your colleague is written: %1</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="766" />
      <source>Transmission au registre central…</source>
      <translation>Relaying to the central record…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="769" />
      <source>Réponse du registre central</source>
      <translation>Answer from the central record</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="777" />
      <source>Réponse (%1) lue : %2 modification(s) confirmée(s), %3 fiche(s) reçue(s)</source>
      <translation>Answer (%1) read: %2 change(s) confirmed, %3 record(s) received</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="783" />
      <source>, %1 refusée(s)</source>
      <translation>, %1 refused</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="785" />
      <source>, %1 conflit(s) à examiner</source>
      <translation>, %1 conflict(s) to review</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="789" />
      <source>Lecture de la réponse…</source>
      <translation>Reading the answer…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="811" />
      <source>Le renvoi des modifications refusées</source>
      <translation>Sending the refused changes again</translation>
    </message>
    <message>
      <source>Synchronisation : %1 envoyée(s) sur %2, %3 reçue(s)</source>
      <translation type="vanished">Syncing: %1 of %2 sent, %3 received</translation>
    </message>
    <message>
      <source>Synchronisation terminée à %1 : %2 envoyée(s), %3 reçue(s).</source>
      <translation type="vanished">Sync finished at %1: %2 sent, %3 received.</translation>
    </message>
    <message>
      <source>Synchronisation interrompue à %1 : %2 envoyée(s), %3 reçue(s) ; la suite au prochain essai.</source>
      <translation type="vanished">Sync interrupted at %1: %2 sent, %3 received; the rest at the next attempt.</translation>
    </message>
    <message>
      <source>%1 refusée(s) par le registre central.</source>
      <translation type="vanished">%1 refused by the central record.</translation>
    </message>
    <message>
      <source>%1 conflit(s) à examiner.</source>
      <translation type="vanished">%1 conflict(s) to review.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="676" />
      <source>La synchronisation a échoué (erreur inattendue).</source>
      <translation>The sync failed (unexpected error).</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/sync_panel.py" line="678" />
      <source>Échec à %1 : %2</source>
      <translation>Failed at %1: %2</translation>
    </message>
  </context>
  <context>
    <name>TimeField</name>
    <message>
      <location filename="../../stpaul_field/ui/widgets/typed_fields.py" line="38" />
      <source>hh:mm</source>
      <translation>hh:mm</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/typed_fields.py" line="53" />
      <source>Heure non comprise : tapez par exemple 14, 1430, 14h30 ou 14:30.</source>
      <translation>Time not understood: type for example 14, 1430, 14h30 or 14:30.</translation>
    </message>
  </context>
  <context>
    <name>UndoBar</name>
    <message>
      <location filename="../../stpaul_field/ui/widgets/undo_bar.py" line="19" />
      <source>Annuler la suppression</source>
      <translation>Undo the delete</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/undo_bar.py" line="20" />
      <source>Ctrl+Z</source>
      <translation>Ctrl+Z</translation>
    </message>
  </context>
  <context>
    <name>Unsaved</name>
    <message>
      <location filename="../../stpaul_field/ui/widgets/unsaved.py" line="57" />
      <source>Abandonner les modifications ?</source>
      <translation>Discard the changes?</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/unsaved.py" line="58" />
      <source>Ce qui a été saisi dans ce formulaire n'est pas enregistré.</source>
      <translation>What was entered in this form is not saved.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/unsaved.py" line="63" />
      <source>&amp;Abandonner les modifications</source>
      <translation>&amp;Discard the changes</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/unsaved.py" line="67" />
      <source>&amp;Continuer la saisie</source>
      <translation>&amp;Keep editing</translation>
    </message>
  </context>
  <context>
    <name>VenueEditor</name>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="59" />
      <source>Modifier le lieu</source>
      <translation>Edit the venue</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="59" />
      <source>Nouveau lieu</source>
      <translation>New venue</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="63" />
      <source>— bassin de vie —</source>
      <translation>— bassin de vie —</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="68" />
      <source>&amp;Nom :</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="69" />
      <source>&amp;Type :</source>
      <translation>&amp;Type:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="70" />
      <source>&amp;Bassin de vie :</source>
      <translation>&amp;Bassin de vie:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="71" />
      <source>&amp;Commune :</source>
      <translation>&amp;Commune:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="72" />
      <source>&amp;Adresse :</source>
      <translation>&amp;Address:</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="79" />
      <source>&amp;Enregistrer</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="80" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>VenuesDialog</name>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="144" />
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="167" />
      <source>Lieux d'activité</source>
      <translation>Venues</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="147" />
      <source>Les lieux de la ville, proposés dans les formulaires et synchronisés sur chaque poste. Un lieu qui ne sert plus est désactivé : ses activités le gardent.</source>
      <translation>The city's venues, offered in the forms and synced to every laptop. A venue no longer used is deactivated: its activities keep it.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="152" />
      <source>Seul un coordinateur peut ajouter ou modifier les lieux de la ville (poste inscrit comme coordinateur). En attendant qu'un lieu existe, choisissez « Autre lieu » dans le formulaire et indiquez sa commune.</source>
      <translation>Only a coordinator can add or edit the city's venues (a laptop enrolled as a coordinator). Until a venue exists, choose « Other place » in the form and give its commune.</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="159" />
      <source>Nom</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="160" />
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="161" />
      <source>Bassin de vie</source>
      <translation>Bassin de vie</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="162" />
      <source>Commune</source>
      <translation>Commune</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="163" />
      <source>État</source>
      <translation>State</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="173" />
      <source>&amp;Ajouter…</source>
      <translation>&amp;Add…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="174" />
      <source>&amp;Modifier…</source>
      <translation>&amp;Edit…</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="175" />
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="224" />
      <source>&amp;Désactiver</source>
      <translation>&amp;Deactivate</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="177" />
      <source>Fermer</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="208" />
      <source>Actif</source>
      <translation>Active</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="208" />
      <source>Désactivé</source>
      <translation>Deactivated</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="224" />
      <source>&amp;Réactiver</source>
      <translation>&amp;Reactivate</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/venues_dialog.py" line="245" />
      <source>L'enregistrement du lieu</source>
      <translation>Saving the venue</translation>
    </message>
  </context>
  <context>
    <name>WorkshopForm</name>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="66" />
      <source>Atelier collectif</source>
      <translation>Group workshop</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="68" />
      <source>Atelier collectif — modifier</source>
      <translation>Group workshop — edit</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="75" />
      <source>Atelier</source>
      <translation>Workshop</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="77" />
      <source>ex. Découvrir la messagerie</source>
      <translation>e.g. Getting started with e-mail</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="78" />
      <source>T&amp;itre</source>
      <translation>T&amp;itle</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="80" />
      <source>Nive&amp;au</source>
      <translation>Level</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="94" />
      <source>Co-animateurs</source>
      <translation>&amp;Co-facilitators</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="99" />
      <location filename="../../stpaul_field/ui/widgets/registered_people.py" line="21" />
      <source>Participants inscrits</source>
      <translation>Registered participants</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="101" />
      <source>Inscrire un participant : rechercher</source>
      <translation>Register a participant: search</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="102" />
      <source>In&amp;scrire</source>
      <translation>Re&amp;gister</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/registered_people.py" line="23" />
      <source>&amp;Retirer</source>
      <translation>&amp;Remove</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/registered_people.py" line="25" />
      <source>Retirer le participant sélectionné (Suppr)</source>
      <translation>Remove the selected participant (Del)</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/registered_people.py" line="38" />
      <source>Inscrits : 0</source>
      <translation>Registered: 0</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="105" />
      <source>Liste</source>
      <translation>List</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="111" />
      <source>Participants anonymes</source>
      <translation>Anonymous participants</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="114" />
      <source>Nom&amp;bre total</source>
      <translation>Total num&amp;ber</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="117" />
      <source>Dé&amp;jà accompagnés</source>
      <translation>Alread&amp;y accompanied</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="121" />
      <source>Genre</source>
      <translation>Gender</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="122" />
      <source>Tranche d'âge</source>
      <translation>Age band</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/activity_form/workshop.py" line="123" />
      <source>Statut</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../stpaul_field/ui/widgets/registered_people.py" line="58" />
      <source>Inscrits : {0}</source>
      <translation>Registered: {0}</translation>
    </message>
  </context>
  <context>
    <name>messages</name>
    <message>
      <source>{0} modification en attente</source>
      <translation>{0} change pending</translation>
    </message>
    <message>
      <source>{0} modifications en attente</source>
      <translation>{0} changes pending</translation>
    </message>
    <message>
      <source>Poste non inscrit — {0} modification locale</source>
      <translation>Laptop not enrolled — {0} local change</translation>
    </message>
    <message>
      <source>Poste non inscrit — {0} modifications locales</source>
      <translation>Laptop not enrolled — {0} local changes</translation>
    </message>
    <message>
      <source>le {0} à {1}</source>
      <translation>on {0} at {1}</translation>
    </message>
    <message>
      <source>Poste non inscrit au registre central</source>
      <translation>Laptop not enrolled with the central record</translation>
    </message>
    <message>
      <source>{0} modification refusée par le registre central</source>
      <translation>{0} change refused by the central record</translation>
    </message>
    <message>
      <source>{0} modifications refusées par le registre central</source>
      <translation>{0} changes refused by the central record</translation>
    </message>
    <message>
      <source>{0} conflit à examiner</source>
      <translation>{0} conflict to review</translation>
    </message>
    <message>
      <source>{0} conflits à examiner</source>
      <translation>{0} conflicts to review</translation>
    </message>
    <message>
      <source>hier à {0}</source>
      <translation>yesterday at {0}</translation>
    </message>
    <message>
      <source>Hors ligne depuis {0}</source>
      <translation>Offline since {0}</translation>
    </message>
    <message>
      <source>Pas encore synchronisé</source>
      <translation>Not synced yet</translation>
    </message>
    <message>
      <source>À jour</source>
      <translation>Up to date</translation>
    </message>
    <message>
      <source>, la plus ancienne depuis {0}</source>
      <translation>, the oldest since {0}</translation>
    </message>
    <message>
      <source>Adresse e-mail invalide.</source>
      <translation>Invalid e-mail address.</translation>
    </message>
    <message>
      <source>Code postal : 5 chiffres.</source>
      <translation>Postcode: 5 digits.</translation>
    </message>
    <message>
      <source>Code INSEE : 5 caractères.</source>
      <translation>INSEE code: 5 characters.</translation>
    </message>
    <message>
      <source>La situation de handicap ne s'enregistre qu'avec le consentement de la personne.</source>
      <translation>A disability is recorded only with the person's consent.</translation>
    </message>
    <message>
      <source>La date est obligatoire.</source>
      <translation>The date is required.</translation>
    </message>
    <message>
      <source>La durée doit être entre 1 minute et 24 heures.</source>
      <translation>The duration must be between 1 minute and 24 hours.</translation>
    </message>
    <message>
      <source>Choisissez au moins une thématique.</source>
      <translation>Choose at least one theme.</translation>
    </message>
    <message>
      <source>« Pas de matériel » ne se combine pas avec un matériel.</source>
      <translation>“No equipment” cannot be combined with equipment.</translation>
    </message>
    <message>
      <source>Les nombres de participants ne sont pas négatifs.</source>
      <translation>Participant counts cannot be negative.</translation>
    </message>
    <message>
      <source>Les participants déjà accompagnés ne dépassent pas le total des anonymes.</source>
      <translation>Participants already accompanied cannot exceed the anonymous total.</translation>
    </message>
    <message>
      <source>Le nom du lieu est obligatoire.</source>
      <translation>The venue's name is required.</translation>
    </message>
    <message>
      <source>Le nom du conseiller est obligatoire.</source>
      <translation>The advisor's name is required.</translation>
    </message>
    <message>
      <source>Un bénéficiaire anonyme n'a ni nom ni prénom.</source>
      <translation>An anonymous beneficiary has no first or last name.</translation>
    </message>
    <message>
      <source>Un bénéficiaire anonyme n'a ni téléphone ni e-mail.</source>
      <translation>An anonymous beneficiary has no phone or e-mail.</translation>
    </message>
    <message>
      <source>Le prénom est obligatoire.</source>
      <translation>The first name is required.</translation>
    </message>
    <message>
      <source>Le nom est obligatoire.</source>
      <translation>The last name is required.</translation>
    </message>
    <message>
      <source>Un numéro est saisi alors que « pas de téléphone » est coché.</source>
      <translation>A number is entered while “no phone” is ticked.</translation>
    </message>
    <message>
      <source>Numéro de téléphone invalide : 10 chiffres, ex. 06 92 12 34 56.</source>
      <translation>Invalid phone number: 10 digits, e.g. 06 92 12 34 56.</translation>
    </message>
    <message>
      <source>Choisissez le lieu d'activité.</source>
      <translation>Choose the venue.</translation>
    </message>
    <message>
      <source>Choisissez au moins une démarche administrative.</source>
      <translation>Choose at least one administrative procedure.</translation>
    </message>
    <message>
      <source>Les démarches ne se choisissent qu'avec « Aide aux démarches administratives ».</source>
      <translation>Procedures are chosen only with “Help with administrative procedures”.</translation>
    </message>
    <message>
      <source>Le nom de la démarche ne s'indique qu'avec « Aide aux démarches administratives ».</source>
      <translation>The procedure's name is given only with “Help with administrative procedures”.</translation>
    </message>
    <message>
      <source>Le mandat Aidants Connect ne s'indique qu'avec « Aide aux démarches administratives ».</source>
      <translation>The Aidants Connect mandate is given only with “Help with administrative procedures”.</translation>
    </message>
    <message>
      <source>Un accompagnement individuel concerne un bénéficiaire (suivi ou anonyme).</source>
      <translation>An individual accompaniment concerns one beneficiary (followed or anonymous).</translation>
    </message>
    <message>
      <source>Indiquez la structure vers laquelle réorienter.</source>
      <translation>Give the structure to redirect to.</translation>
    </message>
    <message>
      <source>Une structure est choisie sans réorientation.</source>
      <translation>A structure is chosen without a redirection.</translation>
    </message>
    <message>
      <source>Titre, niveau, co-animateurs et participants anonymes sont réservés aux ateliers.</source>
      <translation>Title, level, co-facilitators and anonymous participants are for workshops only.</translation>
    </message>
    <message>
      <source>Le titre de l'atelier est obligatoire.</source>
      <translation>The workshop's title is required.</translation>
    </message>
    <message>
      <source>Autonomie et réorientation concernent un accompagnement individuel.</source>
      <translation>Autonomy and redirection concern an individual accompaniment.</translation>
    </message>
    <message>
      <source>Un atelier a au moins un participant, suivi ou anonyme.</source>
      <translation>A workshop has at least one participant, followed or anonymous.</translation>
    </message>
    <message>
      <source>L'animateur ne peut pas être aussi co-animateur.</source>
      <translation>The facilitator cannot also be a co-facilitator.</translation>
    </message>
    <message>
      <source>Un lieu d'activité ne se choisit qu'avec « Lieu d’activité ».</source>
      <translation>A venue is chosen only with “Activity venue”.</translation>
    </message>
    <message>
      <source>Indiquez la commune.</source>
      <translation>Give the commune.</translation>
    </message>
    <message>
      <source>Une séance a un cycle et un numéro (1, 2…).</source>
      <translation>A session has a cycle and a number (1, 2…).</translation>
    </message>
    <message>
      <source>Donnez un titre au cycle d'ateliers.</source>
      <translation>Give the workshop cycle a title.</translation>
    </message>
    <message>
      <source>Deux séances du cycle commencent au même moment.</source>
      <translation>Two sessions of the cycle start at the same time.</translation>
    </message>
    <message>
      <source>Dernier envoi par fichier : {0}</source>
      <translation>Last sent by file: {0}</translation>
    </message>
    <message>
      <source>Ce résultat concerne un accompagnement individuel.</source>
      <translation>This outcome applies to an individual accompaniment.</translation>
    </message>
    <message>
      <source>Ce résultat ne s'indique qu'avec « Aide aux démarches administratives ».</source>
      <translation>This outcome is given only with “Help with administrative procedures”.</translation>
    </message>
  </context>
  <context>
    <name>values</name>
    <message>
      <source>Par conseiller</source>
      <translation>By advisor</translation>
    </message>
    <message>
      <source>Par bassin de vie</source>
      <translation>By living area</translation>
    </message>
    <message>
      <source>Par lieu</source>
      <translation>By venue</translation>
    </message>
    <message>
      <source>Par type de lieu</source>
      <translation>By place type</translation>
    </message>
    <message>
      <source>Par commune de résidence</source>
      <translation>By commune of residence</translation>
    </message>
    <message>
      <source>Par thématique</source>
      <translation>By theme</translation>
    </message>
    <message>
      <source>Par démarche administrative</source>
      <translation>By administrative procedure</translation>
    </message>
    <message>
      <source>Par matériel utilisé</source>
      <translation>By equipment used</translation>
    </message>
    <message>
      <source>Publics prioritaires</source>
      <translation>Priority publics</translation>
    </message>
    <message>
      <source>Par genre</source>
      <translation>By gender</translation>
    </message>
    <message>
      <source>Par tranche d'âge</source>
      <translation>By age band</translation>
    </message>
    <message>
      <source>Par statut</source>
      <translation>By status</translation>
    </message>
    <message>
      <source>Autonomie (individuels)</source>
      <translation>Autonomy (individual)</translation>
    </message>
    <message>
      <source>Réorientations</source>
      <translation>Redirections</translation>
    </message>
    <message>
      <source>Par durée</source>
      <translation>By duration</translation>
    </message>
    <message>
      <source>Lieux</source>
      <translation>Venues</translation>
    </message>
    <message>
      <source>Publics</source>
      <translation>Publics</translation>
    </message>
    <message>
      <source>Accompagnement</source>
      <translation>Accompaniment</translation>
    </message>
    <message>
      <source>Conseillers</source>
      <translation>Advisors</translation>
    </message>
    <message>
      <source>Accompagnement individuel</source>
      <translation>Individual accompaniment</translation>
    </message>
    <message>
      <source>Atelier collectif</source>
      <translation>Group workshop</translation>
    </message>
    <message>
      <source>Prévu</source>
      <translation>Planned</translation>
    </message>
    <message>
      <source>Réalisé</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Annulé</source>
      <translation>Cancelled</translation>
    </message>
    <message>
      <source>Lieu d’activité</source>
      <translation>Activity venue</translation>
    </message>
    <message>
      <source>Autre lieu</source>
      <translation>Other place</translation>
    </message>
    <message>
      <source>À domicile</source>
      <translation>At home</translation>
    </message>
    <message>
      <source>À distance</source>
      <translation>Remote</translation>
    </message>
    <message>
      <source>Ordinateur</source>
      <translation>Computer</translation>
    </message>
    <message>
      <source>Téléphone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>Tablette</source>
      <translation>Tablet</translation>
    </message>
    <message>
      <source>Autre</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>Pas de matériel</source>
      <translation>No equipment</translation>
    </message>
    <message>
      <source>Diagnostic numérique</source>
      <translation>Digital skills assessment</translation>
    </message>
    <message>
      <source>Prendre en main du matériel</source>
      <translation>Getting to grips with a device</translation>
    </message>
    <message>
      <source>Maintenance de matériel</source>
      <translation>Device maintenance</translation>
    </message>
    <message>
      <source>Gérer ses contenus numériques</source>
      <translation>Managing digital content</translation>
    </message>
    <message>
      <source>Navigation sur internet</source>
      <translation>Browsing the internet</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Bureautique</source>
      <translation>Office software</translation>
    </message>
    <message>
      <source>Réseaux sociaux communication</source>
      <translation>Social networks, communication</translation>
    </message>
    <message>
      <source>Santé</source>
      <translation>Health</translation>
    </message>
    <message>
      <source>Banque et achats en ligne</source>
      <translation>Online banking and shopping</translation>
    </message>
    <message>
      <source>Accompagner un professionnel</source>
      <translation>Supporting a professional</translation>
    </message>
    <message>
      <source>Insertion professionnelle</source>
      <translation>Finding work</translation>
    </message>
    <message>
      <source>Prévention en sécurité numérique</source>
      <translation>Online safety</translation>
    </message>
    <message>
      <source>Parentalité</source>
      <translation>Parenting</translation>
    </message>
    <message>
      <source>Scolarité et numérique</source>
      <translation>School and digital</translation>
    </message>
    <message>
      <source>Créer avec le numérique</source>
      <translation>Creating with digital tools</translation>
    </message>
    <message>
      <source>Culture numérique</source>
      <translation>Digital culture</translation>
    </message>
    <message>
      <source>Intelligence artificielle (IA)</source>
      <translation>Artificial intelligence (AI)</translation>
    </message>
    <message>
      <source>Aide aux démarches administratives</source>
      <translation>Help with administrative procedures</translation>
    </message>
    <message>
      <source>Papiers - Élections - Citoyenneté</source>
      <translation>ID papers - Elections - Citizenship</translation>
    </message>
    <message>
      <source>Famille - Scolarité</source>
      <translation>Family - Schooling</translation>
    </message>
    <message>
      <source>Social - Santé</source>
      <translation>Social - Health</translation>
    </message>
    <message>
      <source>Travail - Formation - Entreprise</source>
      <translation>Work - Training - Business</translation>
    </message>
    <message>
      <source>Logement</source>
      <translation>Housing</translation>
    </message>
    <message>
      <source>Transports - Mobilité</source>
      <translation>Transport - Mobility</translation>
    </message>
    <message>
      <source>Argent - Impôts</source>
      <translation>Money - Taxes</translation>
    </message>
    <message>
      <source>Justice</source>
      <translation>Justice</translation>
    </message>
    <message>
      <source>Étrangers - Europe</source>
      <translation>Foreigners - Europe</translation>
    </message>
    <message>
      <source>Loisirs - Sports - Culture</source>
      <translation>Leisure - Sports - Culture</translation>
    </message>
    <message>
      <source>Associations</source>
      <translation>Associations</translation>
    </message>
    <message>
      <source>Moins de 30 min</source>
      <translation>Under 30 min</translation>
    </message>
    <message>
      <source>30 min à 1 h</source>
      <translation>30 min to 1 h</translation>
    </message>
    <message>
      <source>1 h à 2 h</source>
      <translation>1 h to 2 h</translation>
    </message>
    <message>
      <source>2 h et plus</source>
      <translation>2 h or more</translation>
    </message>
    <message>
      <source>Avec guidage</source>
      <translation>Guided</translation>
    </message>
    <message>
      <source>Autonome avec guidage en cas de besoin</source>
      <translation>Autonomous with guidance when needed</translation>
    </message>
    <message>
      <source>Autonome</source>
      <translation>Autonomous</translation>
    </message>
    <message>
      <source>Débutant</source>
      <translation>Beginner</translation>
    </message>
    <message>
      <source>Intermédiaire</source>
      <translation>Intermediate</translation>
    </message>
    <message>
      <source>Avancé</source>
      <translation>Advanced</translation>
    </message>
    <message>
      <source>Administration (mairie, préfecture…)</source>
      <translation>Administration (town hall, prefecture…)</translation>
    </message>
    <message>
      <source>Autre structure de médiation numérique</source>
      <translation>Other digital mediation organisation</translation>
    </message>
    <message>
      <source>Opérateur ou organisme en charge de la démarche administrative</source>
      <translation>Operator or body in charge of the procedure</translation>
    </message>
    <message>
      <source>Structure d’aide sociale (maison des solidarités, centre social…)</source>
      <translation>Social support (solidarity centre, social centre…)</translation>
    </message>
    <message>
      <source>Structure d’insertion professionnelle (France Travail, mission locale, chambre de commerce…)</source>
      <translation>Employment support (France Travail, mission locale, chamber of commerce…)</translation>
    </message>
    <message>
      <source>Structure d’aide aux démarches administratives (France Services…)</source>
      <translation>Administrative help centre (France Services…)</translation>
    </message>
    <message>
      <source>Masculin</source>
      <translation>Male</translation>
    </message>
    <message>
      <source>Féminin</source>
      <translation>Female</translation>
    </message>
    <message>
      <source>Non communiqué</source>
      <translation>Not stated</translation>
    </message>
    <message>
      <source>Moins de 12 ans</source>
      <translation>Under 12</translation>
    </message>
    <message>
      <source>12 - 17 ans</source>
      <translation>12 - 17</translation>
    </message>
    <message>
      <source>18 - 24 ans</source>
      <translation>18 - 24</translation>
    </message>
    <message>
      <source>25 - 39 ans</source>
      <translation>25 - 39</translation>
    </message>
    <message>
      <source>40 - 59 ans</source>
      <translation>40 - 59</translation>
    </message>
    <message>
      <source>60 - 69 ans</source>
      <translation>60 - 69</translation>
    </message>
    <message>
      <source>70 ans et plus</source>
      <translation>70 and over</translation>
    </message>
    <message>
      <source>Retraité</source>
      <translation>Retired</translation>
    </message>
    <message>
      <source>Sans emploi</source>
      <translation>Unemployed</translation>
    </message>
    <message>
      <source>En emploi</source>
      <translation>Employed</translation>
    </message>
    <message>
      <source>Scolarisé</source>
      <translation>In education</translation>
    </message>
    <message>
      <source>Non communiqué ou hétérogène</source>
      <translation>Not stated or mixed</translation>
    </message>
    <message>
      <source>Situation de handicap</source>
      <translation>Disability</translation>
    </message>
    <message>
      <source>Aidant familial</source>
      <translation>Family carer</translation>
    </message>
    <message>
      <source>Sans domicile fixe</source>
      <translation>Homeless</translation>
    </message>
    <message>
      <source>Conseiller numérique</source>
      <translation>Digital advisor</translation>
    </message>
    <message>
      <source>Aidant Connect</source>
      <translation>Aidant Connect</translation>
    </message>
    <message>
      <source>Coordinateur</source>
      <translation>Coordinator</translation>
    </message>
    <message>
      <source>Espace numérique</source>
      <translation>Digital space</translation>
    </message>
    <message>
      <source>Îlet</source>
      <translation>Îlet</translation>
    </message>
    <message>
      <source>Saint-Paul centre</source>
      <translation>Saint-Paul centre</translation>
    </message>
    <message>
      <source>Saint-Gilles les Bains</source>
      <translation>Saint-Gilles les Bains</translation>
    </message>
    <message>
      <source>Plateau Caillou</source>
      <translation>Plateau Caillou</translation>
    </message>
    <message>
      <source>La Plaine – Bois de Nèfles</source>
      <translation>La Plaine – Bois de Nèfles</translation>
    </message>
    <message>
      <source>La Saline</source>
      <translation>La Saline</translation>
    </message>
    <message>
      <source>Le Guillaume</source>
      <translation>Le Guillaume</translation>
    </message>
    <message>
      <source>Mafate</source>
      <translation>Mafate</translation>
    </message>
    <message>
      <source>Prénom</source>
      <translation>First name</translation>
    </message>
    <message>
      <source>Nom</source>
      <translation>Last name</translation>
    </message>
    <message>
      <source>Anonyme</source>
      <translation>Anonymous</translation>
    </message>
    <message>
      <source>Pas de téléphone</source>
      <translation>No phone</translation>
    </message>
    <message>
      <source>Année de naissance</source>
      <translation>Birth year</translation>
    </message>
    <message>
      <source>Adresse</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>Commune</source>
      <translation>Town</translation>
    </message>
    <message>
      <source>Code postal</source>
      <translation>Postcode</translation>
    </message>
    <message>
      <source>Code INSEE</source>
      <translation>INSEE code</translation>
    </message>
    <message>
      <source>Genre</source>
      <translation>Gender</translation>
    </message>
    <message>
      <source>Tranche d'âge</source>
      <translation>Age band</translation>
    </message>
    <message>
      <source>Statut</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Chèques Pass Numérique</source>
      <translation>Pass Numérique vouchers</translation>
    </message>
    <message>
      <source>Consentement</source>
      <translation>Consent</translation>
    </message>
    <message>
      <source>Déjà accompagné</source>
      <translation>Already supported</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Fusionné dans la fiche</source>
      <translation>Merged into record</translation>
    </message>
    <message>
      <source>Suppression</source>
      <translation>Deletion</translation>
    </message>
    <message>
      <source>Type d'activité</source>
      <translation>Activity type</translation>
    </message>
    <message>
      <source>Statut de l'activité</source>
      <translation>Activity status</translation>
    </message>
    <message>
      <source>Conseiller</source>
      <translation>Advisor</translation>
    </message>
    <message>
      <source>Co-animateurs</source>
      <translation>Co-facilitators</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Heure de début</source>
      <translation>Start time</translation>
    </message>
    <message>
      <source>Durée</source>
      <translation>Duration</translation>
    </message>
    <message>
      <source>Type de lieu</source>
      <translation>Place type</translation>
    </message>
    <message>
      <source>Lieu</source>
      <translation>Venue</translation>
    </message>
    <message>
      <source>Thématiques</source>
      <translation>Themes</translation>
    </message>
    <message>
      <source>Thématiques des démarches</source>
      <translation>Administrative themes</translation>
    </message>
    <message>
      <source>Nom de la démarche</source>
      <translation>Procedure name</translation>
    </message>
    <message>
      <source>Matériel utilisé</source>
      <translation>Equipment used</translation>
    </message>
    <message>
      <source>Autonomie</source>
      <translation>Autonomy</translation>
    </message>
    <message>
      <source>Orienté vers une structure</source>
      <translation>Referred to an organisation</translation>
    </message>
    <message>
      <source>Structure d'orientation</source>
      <translation>Referral organisation</translation>
    </message>
    <message>
      <source>Titre de l'atelier</source>
      <translation>Workshop title</translation>
    </message>
    <message>
      <source>Niveau</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>Participants anonymes</source>
      <translation>Anonymous participants</translation>
    </message>
    <message>
      <source>Participants anonymes déjà accompagnés</source>
      <translation>Anonymous participants already supported</translation>
    </message>
    <message>
      <source>Participants anonymes par genre</source>
      <translation>Anonymous participants by gender</translation>
    </message>
    <message>
      <source>Participants anonymes par tranche d'âge</source>
      <translation>Anonymous participants by age band</translation>
    </message>
    <message>
      <source>Participants anonymes par statut</source>
      <translation>Anonymous participants by status</translation>
    </message>
    <message>
      <source>Activité</source>
      <translation>Activity</translation>
    </message>
    <message>
      <source>Bénéficiaire</source>
      <translation>Beneficiary</translation>
    </message>
    <message>
      <source>Inscrit</source>
      <translation>Registered</translation>
    </message>
    <message>
      <source>Présent</source>
      <translation>Attended</translation>
    </message>
    <message>
      <source>Première fois</source>
      <translation>First time</translation>
    </message>
    <message>
      <source>Nom du lieu</source>
      <translation>Venue name</translation>
    </message>
    <message>
      <source>Bassin de vie</source>
      <translation>Area</translation>
    </message>
    <message>
      <source>Rôle</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Équipe</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Actif</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>Participation</source>
      <translation>Participation</translation>
    </message>
    <message>
      <source>oui</source>
      <translation>yes</translation>
    </message>
    <message>
      <source>non</source>
      <translation>no</translation>
    </message>
    <message>
      <source>(vide)</source>
      <translation>(empty)</translation>
    </message>
    <message>
      <source>Réalisée sous mandat Aidants Connect</source>
      <translation>Done under an Aidants Connect mandate</translation>
    </message>
    <message>
      <source>Cycle d'ateliers</source>
      <translation>Workshop cycle</translation>
    </message>
    <message>
      <source>Numéro de séance</source>
      <translation>Session number</translation>
    </message>
    <message>
      <source>Oui, démarche finalisée</source>
      <translation>Yes, procedure completed</translation>
    </message>
    <message>
      <source>Non, à finaliser en autonomie</source>
      <translation>No, to be completed independently</translation>
    </message>
    <message>
      <source>Non, la personne doit revenir</source>
      <translation>No, the person must come back</translation>
    </message>
    <message>
      <source>Non, orientée vers une autre structure</source>
      <translation>No, referred to another organisation</translation>
    </message>
    <message>
      <source>Démarche finalisée</source>
      <translation>Procedure completed</translation>
    </message>
    <message>
      <source>Démarches finalisées</source>
      <translation>Completed procedures</translation>
    </message>
  </context>
</TS>