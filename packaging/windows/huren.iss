; Inno Setup 6 script: the Windows installer for Huren, from the PyInstaller folder dist\huren.
;
;   pyinstaller --noconfirm --clean --distpath dist --workpath build packaging\huren.spec
;   iscc packaging\windows\huren.iss           (writes dist\huren-setup-<version>.exe)
;
; Per-machine install to Program Files; registers the huren:// URL scheme; /SITECONFIG=FILE
; copies a site config to C:\ProgramData\Huren\site.toml (platformdirs' site_config_dir for
; appname "Huren", appauthor False); uninstall keeps user data and the site config unless
; the checkbox is ticked or /PURGE is given. See packaging/IT-GUIDE.md.
; (Not built in CI: needs Windows. Keep AppVersion in step with app/__init__.py.)

#define AppName "Huren"
#define AppVersion "0.1.0"
#define AppExe "huren.exe"

[Setup]
AppId={{6C7B8D1E-3F0A-4C6B-9E52-48A1D2F3B7C4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Huren team
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=huren-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "dist\huren\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "packaging\site.toml.example"; DestDir: "{app}"; Flags: ignoreversion
Source: "packaging\IT-GUIDE.md"; DestDir: "{app}"; Flags: ignoreversion

[Dirs]
Name: "{commonappdata}\Huren"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

[Registry]
; huren://... links from the HIS open Huren with the link as its argument.
Root: HKCR; Subkey: "huren"; ValueType: string; ValueName: ""; ValueData: "URL:Huren Protocol"; Flags: uninsdeletekey
Root: HKCR; Subkey: "huren"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKCR; Subkey: "huren\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKCR; Subkey: "huren\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent

[Code]
var
  PurgeCheckBox: TNewCheckBox;

function SiteConfigDir(): String;
begin
  Result := ExpandConstant('{commonappdata}\Huren');
end;

{ /SITECONFIG=FILE: copy the hospital's site config into place (replacing an older one). }
procedure CurStepChanged(CurStep: TSetupStep);
var
  Source: String;
begin
  if CurStep = ssPostInstall then
  begin
    Source := ExpandConstant('{param:SITECONFIG|}');
    if Source <> '' then
    begin
      ForceDirectories(SiteConfigDir());
      if not FileCopy(Source, SiteConfigDir() + '\site.toml', False) then
        SuppressibleMsgBox('Could not copy the site configuration ' + Source + ' to ' +
                           SiteConfigDir() + '\site.toml', mbError, MB_OK, IDOK);
    end;
  end;
end;

function PurgeRequested(): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), '/PURGE') = 0 then
      Result := True;
end;

procedure InitializeUninstallProgressForm();
begin
  if not UninstallSilent then
  begin
    PurgeCheckBox := TNewCheckBox.Create(UninstallProgressForm);
    PurgeCheckBox.Parent := UninstallProgressForm.InnerPage;
    PurgeCheckBox.Left := ScaleX(0);
    PurgeCheckBox.Top := UninstallProgressForm.InnerPage.Height - ScaleY(24);
    PurgeCheckBox.Width := UninstallProgressForm.InnerPage.Width;
    PurgeCheckBox.Caption := 'Also delete the site configuration and the data of every user (unsent orders too)';
  end;
end;

function InitializeUninstall(): Boolean;
begin
  Result := True;
  if not UninstallSilent then
    Result := MsgBox('Uninstall Huren? User data and the site configuration are kept unless you ' +
                     'choose otherwise on the next page.', mbConfirmation, MB_YESNO) = IDYES;
end;

{ Per-user folders live in %LOCALAPPDATA%\Huren of each profile (platformdirs, appauthor False). }
procedure PurgeUserData();
var
  FindRec: TFindRec;
  Profiles: String;
begin
  Profiles := ExpandConstant('{%SystemDrive}') + '\Users';
  if FindFirst(Profiles + '\*', FindRec) then
  try
    repeat
      if (FindRec.Attributes and FILE_ATTRIBUTE_DIRECTORY <> 0) and (FindRec.Name <> '.') and (FindRec.Name <> '..') then
        DelTree(Profiles + '\' + FindRec.Name + '\AppData\Local\Huren', True, True, True);
    until not FindNext(FindRec);
  finally
    FindClose(FindRec);
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    if PurgeRequested() or ((PurgeCheckBox <> nil) and PurgeCheckBox.Checked) then
    begin
      DelTree(SiteConfigDir(), True, True, True);
      PurgeUserData();
    end;
end;
