namespace AzureLocalUpgrade.Engine.Model;

/// <summary>Polls <see cref="Script"/> every <see cref="Interval"/> until it is true; fails after <see cref="Timeout"/>.</summary>
public sealed record WaitOptions(ScriptDefinition Script, TimeSpan Interval, TimeSpan Timeout, EmbeddedText? Message);
