using AzureLocalUpgrade.Engine.Diagnostics;

namespace AzureLocalUpgrade.Engine.Model;

/// <param name="Message">Scriban text shown when the check fails.</param>
public sealed record CheckOptions(ScriptDefinition Script, EmbeddedText? Message, Severity Severity);
