; Inno Setup script of the advisors' Windows installer (Inno Setup 6).
; Build the app first (packaging/build, from Git Bash on Windows), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\stpaul-field.iss
; Output: dist\stpaul-field-<version>-setup.exe
;
; - Installs for the current user without administrator rights (reconditioned laptops, locked
;   accounts); an administrator may choose "all users" in the first dialog.
; - Start menu entry (and an optional desktop shortcut).
; - Uninstalling removes the program only: the advisor's data, settings and backups live under
;   %LOCALAPPDATA%\Ville de Saint-Paul\stpaul-field and are never touched (no [UninstallDelete]
;   entry may point there). An update installs over the previous version with the same AppId;
;   the app then migrates the store, after a backup, when it next opens it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Saint-Paul — Accompagnements"
#define AppExe "stpaul-field.exe"
#define Root "..\.."

[Setup]
; Never change the AppId: it is what makes a newer installer an update of the installed app.
AppId={{6F1C2B9E-5A4D-4C7E-9B3A-2D8E7F105A61}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Ville de Saint-Paul
DefaultDirName={autopf}\Saint-Paul Accompagnements
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=stpaul-field-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\stpaul-field.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running app would keep its files locked during an update.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Files of an older version must not linger next to the new ones (the program folder only).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Root}\dist\stpaul-field\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
const
  DataDir = '{localappdata}\Ville de Saint-Paul\stpaul-field';

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox('Le programme a été désinstallé. Les données du poste (accompagnements, ' +
      'sauvegardes, réglages) sont conservées dans :' + #13#10 + ExpandConstant(DataDir) + #13#10 +
      'Réinstallez l''application pour les retrouver.', mbInformation, MB_OK);
end;
