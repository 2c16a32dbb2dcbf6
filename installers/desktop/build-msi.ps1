# Builds the Windows installer of the agent desktop: installers\target\installers\oss-livechat-agent-<version>.msi
# Needs: a JDK 17+ (JAVA_HOME) and the WiX Toolset 3.x (candle.exe, light.exe) on PATH.
# The same as `mvnw.cmd -pl installers -am package -DskipTests`, where the msi profile turns on by itself.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
.\mvnw.cmd -B -pl installers -am package -DskipTests
Get-ChildItem installers\target\installers\*.msi
